// UsageChart: a time chart of one measure (CPU %, memory, network rate) with a time axis in
// HH:mm and a value axis titled with its unit, which it picks from the data (MiB or GiB,
// KiB/s or MiB/s). New data replaces the points of the existing series: nothing is re-created
// per sample.
#pragma once

#include "core/metrics/usage.h"

#include <QChartView>
#include <QList>
#include <QPointF>
#include <optional>

class QLabel;
class QAreaSeries;
class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace slipway::widgets {

class UsageChart : public QChartView {
    Q_OBJECT

public:
    enum class Unit { Percent, Bytes, Rate };

    // `quantity` names the value axis ("CPU"); the unit is added to it: "CPU (%)".
    UsageChart(const QString &quantity, Unit unit, QWidget *parent = nullptr);

    int addSeries(const QString &name, const QColor &color); // returns its index
    // Percent charts of a share of something (a host, the fleet) stop at 100.
    void setPercentCeiling(std::optional<double> ceiling) { ceiling_ = ceiling; }
    // Raw points per series (x: ms since the epoch, y: percent, bytes, bytes per second), and
    // the time window shown, which is the whole span even where no sample exists yet.
    void setData(const QList<QList<QPointF>> &series, qint64 fromMs, qint64 toMs);

    int seriesCount() const { return int(lines_.size()); }
    int pointCount(int series) const;
    QString seriesName(int series) const;
    QString valueAxisTitle() const;
    QString timeAxisTitle() const;
    QString timeFormat() const;
    QDateTimeAxis *timeAxis() const { return timeAxis_; }
    QValueAxis *valueAxis() const { return valueAxis_; }
    QLabel *emptyLabel() const { return empty_; }

    static qint64 spanMs(core::UsageSpan span);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    QString quantity_;
    Unit unit_;
    std::optional<double> ceiling_;
    QList<QLineSeries *> lines_;
    QList<QAreaSeries *> areas_;
    QDateTimeAxis *timeAxis_;
    QValueAxis *valueAxis_;
    QLabel *empty_;
};

} // namespace slipway::widgets
