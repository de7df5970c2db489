#include "widgets/dashboard/usagechart.h"

#include "models/usageformat.h"
#include "widgets/dashboard/usagepalette.h"

#include <QAreaSeries>
#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGraphicsLayout>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>
#include <cmath>

namespace slipway::widgets {

using models::UsageFormat;

namespace {

// The smallest "nice" number (1, 2, 2.5, 5 times a power of ten) at or above `value`.
double niceCeiling(double value) {
    if (value <= 0)
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (double step : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (step * magnitude >= value - 1e-9)
            return step * magnitude;
    return 10 * magnitude;
}

// Ticks on round numbers for a niceCeiling() top: 2 splits in 4 (0.5 each), the others
// (1, 2.5, 5, 10) in 5, so no label reads 6.25.
int tickCountFor(double top) {
    const double lead = top / std::pow(10.0, std::floor(std::log10(top)));
    return std::abs(lead - 2.0) < 1e-9 ? 5 : 6;
}

} // namespace

UsageChart::UsageChart(const QString &quantity, Unit unit, QWidget *parent)
    : QChartView(parent), quantity_(quantity), unit_(unit) {
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(170);
    auto *chart = new QChart;
    chart->setBackgroundRoundness(0);
    chart->setBackgroundBrush(Qt::white);
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->legend()->setAlignment(Qt::AlignTop);
    chart->legend()->setLabelColor(palette::text());
    // Transitions would redraw for a second after every sample for nothing.
    chart->setAnimationOptions(QChart::NoAnimation);
    setChart(chart);

    QFont labels = font();
    labels.setPointSizeF(labels.pointSizeF() * 0.85);
    QFont titles = labels;
    titles.setBold(true);

    timeAxis_ = new QDateTimeAxis(chart);
    timeAxis_->setFormat(QStringLiteral("HH:mm"));
    timeAxis_->setTitleText(tr("Time (HH:mm)"));
    timeAxis_->setTickCount(7);
    valueAxis_ = new QValueAxis(chart);
    valueAxis_->setMin(0);
    valueAxis_->setTickCount(5);
    for (QAbstractAxis *axis :
         {static_cast<QAbstractAxis *>(timeAxis_), static_cast<QAbstractAxis *>(valueAxis_)}) {
        axis->setLabelsFont(labels);
        axis->setTitleFont(titles);
        axis->setLabelsColor(palette::mutedText());
        axis->setTitleBrush(palette::mutedText());
        axis->setGridLineColor(palette::grid());
        axis->setLinePenColor(palette::grid());
    }
    chart->addAxis(timeAxis_, Qt::AlignBottom);
    chart->addAxis(valueAxis_, Qt::AlignLeft);

    empty_ = new QLabel(tr("Waiting for samples…"), this);
    empty_->setObjectName(QStringLiteral("chartEmpty"));
    empty_->setAlignment(Qt::AlignCenter);
    empty_->setStyleSheet(QStringLiteral("QLabel { color: #5f6b78; background: transparent; }"));
    empty_->setAttribute(Qt::WA_TransparentForMouseEvents);
    setData({}, QDateTime::currentMSecsSinceEpoch() - spanMs(core::UsageSpan::Minutes15),
            QDateTime::currentMSecsSinceEpoch());
}

qint64 UsageChart::spanMs(core::UsageSpan span) {
    switch (span) {
    case core::UsageSpan::Minutes15:
        return 15 * 60 * 1000LL;
    case core::UsageSpan::Hour1:
        return 60 * 60 * 1000LL;
    case core::UsageSpan::Hours24:
        break;
    }
    return 24 * 60 * 60 * 1000LL;
}

int UsageChart::addSeries(const QString &name, const QColor &color) {
    auto *line = new QLineSeries(this);
    line->setName(name);
    auto *area = new QAreaSeries(line);
    area->setName(name);
    QColor fill = color;
    fill.setAlpha(40);
    area->setBrush(fill);
    area->setPen(QPen(color, 2));
    area->setPointsVisible(false);
    chart()->addSeries(area);
    area->attachAxis(timeAxis_);
    area->attachAxis(valueAxis_);
    lines_.append(line);
    areas_.append(area);
    // The area's pale fill would make a pale legend box: the line's colour reads better.
    for (QLegendMarker *marker : chart()->legend()->markers(area)) {
        marker->setBrush(color);
        marker->setPen(QPen(color));
    }
    // One legend entry per series; the legend is only worth its space with two or more.
    chart()->legend()->setVisible(lines_.size() > 1);
    return int(lines_.size()) - 1;
}

void UsageChart::setData(const QList<QList<QPointF>> &series, qint64 fromMs, qint64 toMs) {
    double max = 0;
    bool any = false;
    for (const auto &points : series)
        for (const QPointF &pt : points) {
            max = std::max(max, pt.y());
            any = true;
        }

    models::UsageUnit unit{1, tr("%")};
    if (unit_ == Unit::Bytes)
        unit = UsageFormat::bytesUnit(max);
    else if (unit_ == Unit::Rate)
        unit = UsageFormat::rateUnit(max);
    valueAxis_->setTitleText(tr("%1 (%2)").arg(quantity_, unit.name));

    double top =
        niceCeiling(std::max(max / unit.divisor * 1.1, unit_ == Unit::Percent ? 5.0 : 1.0));
    if (ceiling_)
        top = std::min(top, *ceiling_);
    valueAxis_->setRange(0, top);
    valueAxis_->setTickCount(tickCountFor(top));
    valueAxis_->setLabelFormat(top < 2   ? QStringLiteral("%.2f")
                               : top < 5 ? QStringLiteral("%.1f")
                                         : QStringLiteral("%.0f"));

    // Ticks every 3 minutes, 15 minutes or 4 hours.
    const qint64 window = toMs - fromMs;
    timeAxis_->setTickCount(window <= spanMs(core::UsageSpan::Minutes15) ? 6
                            : window <= spanMs(core::UsageSpan::Hour1)   ? 5
                                                                         : 7);
    timeAxis_->setRange(QDateTime::fromMSecsSinceEpoch(fromMs),
                        QDateTime::fromMSecsSinceEpoch(toMs));
    for (int i = 0; i < lines_.size(); ++i) {
        QList<QPointF> scaled = i < series.size() ? series[i] : QList<QPointF>{};
        if (unit.divisor != 1)
            for (QPointF &pt : scaled)
                pt.setY(pt.y() / unit.divisor);
        lines_[i]->replace(scaled);
    }
    empty_->setVisible(!any);
}

int UsageChart::pointCount(int series) const {
    return series < lines_.size() ? int(lines_[series]->count()) : 0;
}

QString UsageChart::seriesName(int series) const {
    return series < lines_.size() ? lines_[series]->name() : QString();
}

QString UsageChart::valueAxisTitle() const {
    return valueAxis_->titleText();
}

QString UsageChart::timeAxisTitle() const {
    return timeAxis_->titleText();
}

QString UsageChart::timeFormat() const {
    return timeAxis_->format();
}

void UsageChart::resizeEvent(QResizeEvent *event) {
    QChartView::resizeEvent(event);
    empty_->setGeometry(rect());
}

} // namespace slipway::widgets
