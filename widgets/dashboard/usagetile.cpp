#include "widgets/dashboard/usagetile.h"

#include "widgets/dashboard/usagepalette.h"

#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QVBoxLayout>

namespace slipway::widgets {

namespace {
constexpr int kGaugeHeight = 5;
}

UsageTile::UsageTile(const QString &title, QWidget *parent)
    : QFrame(parent), accent_(palette::neutral()) {
    setObjectName(QStringLiteral("usageTile"));
    title_ = new QLabel(title.toUpper(), this);
    title_->setObjectName(QStringLiteral("tileTitle"));
    value_ = new QLabel(QStringLiteral("–"), this);
    value_->setObjectName(QStringLiteral("tileValue"));
    caption_ = new QLabel(this);
    caption_->setObjectName(QStringLiteral("tileCaption"));
    caption_->setTextFormat(Qt::PlainText);
    // Long texts are cut, not allowed to widen the tile: the row of tiles keeps equal widths.
    for (QLabel *label : {title_, value_, caption_})
        label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    auto *layout = new QVBoxLayout(this);
    // Room on the left for the accent edge, at the bottom for the gauge.
    layout->setContentsMargins(16, 9, 12, 9 + kGaugeHeight + 4);
    layout->setSpacing(1);
    layout->addWidget(title_);
    layout->addWidget(value_);
    layout->addWidget(caption_);
    layout->addStretch(1);
    setMinimumWidth(150);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void UsageTile::setValue(const QString &value) {
    value_->setText(value);
}

void UsageTile::setCaption(const QString &caption) {
    caption_->setText(caption);
    caption_->setToolTip(caption);
}

void UsageTile::setAccent(const QColor &color) {
    if (accent_ == color)
        return;
    accent_ = color;
    update();
}

void UsageTile::setFraction(std::optional<double> fraction) {
    if (fraction)
        fraction = std::clamp(*fraction, 0.0, 1.0);
    if (fraction_ == fraction)
        return;
    fraction_ = fraction;
    update();
}

QString UsageTile::title() const {
    return title_->text();
}
QString UsageTile::value() const {
    return value_->text();
}
QString UsageTile::caption() const {
    return caption_->text();
}

void UsageTile::paintEvent(QPaintEvent *event) {
    QFrame::paintEvent(event);
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    // The accent edge, inside the rounded border.
    QPainterPath edge;
    edge.addRoundedRect(QRectF(1, 1, 8, height() - 2), 5, 5);
    QPainterPath clip;
    clip.addRect(QRectF(1, 1, 4, height() - 2));
    p.fillPath(edge.intersected(clip), accent_);
    if (fraction_) {
        const QRectF track(16, height() - 9 - kGaugeHeight, width() - 28, kGaugeHeight);
        p.setPen(Qt::NoPen);
        p.setBrush(palette::track());
        p.drawRoundedRect(track, 2.5, 2.5);
        if (*fraction_ > 0) {
            QRectF fill = track;
            fill.setWidth(std::max(kGaugeHeight * 1.0, track.width() * *fraction_));
            p.setBrush(accent_);
            p.drawRoundedRect(fill, 2.5, 2.5);
        }
    }
}

void UsageTile::mouseReleaseEvent(QMouseEvent *event) {
    if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint()))
        emit clicked();
    QFrame::mouseReleaseEvent(event);
}

} // namespace slipway::widgets
