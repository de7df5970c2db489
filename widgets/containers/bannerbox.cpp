#include "widgets/containers/bannerbox.h"

#include <QHBoxLayout>
#include <QLabel>

namespace slipway::widgets {

BannerBox::BannerBox(const QString &objectName, BannerLabel::Tone tone, QWidget *parent)
    : QFrame(parent) {
    setObjectName(objectName);
    setStyleSheet(
        QStringLiteral("QFrame#%1 { %2 }").arg(objectName, BannerLabel::toneColors(tone)));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 6, 6);
    text_ = new QLabel(this);
    text_->setObjectName(objectName + QStringLiteral("Text"));
    text_->setWordWrap(true);
    text_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    text_->setStyleSheet(QStringLiteral("QLabel { border: none; background: transparent; }"));
    layout->addWidget(text_, 1);
    hide();
}

void BannerBox::addButton(QWidget *button, Qt::Alignment alignment) {
    layout()->addWidget(button);
    if (alignment)
        layout()->setAlignment(button, alignment);
}

} // namespace slipway::widgets
