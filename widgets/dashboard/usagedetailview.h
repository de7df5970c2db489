// UsageDetailView: the live usage of one container or one application: headline figures,
// then CPU, memory, network and a fourth panel of the subclass's choosing, over 15 minutes,
// an hour or a day. Redrawn after each sampling round while it is shown, and only then.
#pragma once

#include "core/metrics/usage.h"

#include <QWidget>
#include <optional>

class QGridLayout;
class QLabel;
class QToolButton;

namespace slipway::core {
class Inventory;
class Metrics;
} // namespace slipway::core

namespace slipway::widgets {

class DashboardCard;
class SegmentedControl;
class UsageChart;
class UsageTile;

class UsageDetailView : public QWidget {
    Q_OBJECT

public:
    UsageDetailView(core::Metrics *metrics, core::Inventory *inventory, QWidget *parent = nullptr);

    core::UsageSpan span() const { return span_; }
    void setSpan(core::UsageSpan span);
    QLabel *titleLabel() const { return title_; }
    QLabel *subtitleLabel() const { return subtitle_; }
    QToolButton *backButton() const { return back_; }
    SegmentedControl *spanControl() const { return spanControl_; }
    UsageChart *cpuChart() const { return cpuChart_; }
    UsageChart *memoryChart() const { return memoryChart_; }
    UsageChart *networkChart() const { return networkChart_; }
    UsageTile *cpuTile() const { return cpuTile_; }
    UsageTile *memoryTile() const { return memoryTile_; }
    UsageTile *networkTile() const { return networkTile_; }

public slots:
    void refresh(); // now when shown, else when next shown

signals:
    void backRequested();

protected:
    virtual core::UsageSeries series(core::UsageSpan span) const = 0;
    // The network and disk rates, where they are kept apart from CPU and memory.
    virtual core::UsageSeries rateSeries(core::UsageSpan span) const { return series(span); }
    // Called after every sampling round, shown or not, before the view is redrawn.
    virtual void noteSample(const QList<QPair<QString, QString>> &containers) {
        Q_UNUSED(containers);
    }
    virtual std::optional<core::UsagePoint> latest() const = 0;
    // Title, subtitle and the fourth panel; called on every refresh with the series the
    // charts show and their time window.
    virtual void refreshDetails(const core::UsageSeries &points, qint64 fromMs, qint64 toMs) = 0;
    // A container's CPU is counted in cores (100 % = one); an application's too, summed.
    virtual QString cpuCaption(const core::UsagePoint &point) const;
    virtual QString memoryCaption(const core::UsagePoint &point) const;

    void setFourthPanel(QWidget *panel);
    void showEvent(QShowEvent *event) override;

    core::Metrics *metrics_;
    core::Inventory *inventory_;

private:
    void redraw();

    QToolButton *back_;
    QLabel *title_;
    QLabel *subtitle_;
    SegmentedControl *spanControl_;
    UsageTile *cpuTile_, *memoryTile_, *networkTile_, *diskTile_;
    UsageChart *cpuChart_, *memoryChart_, *networkChart_;
    QGridLayout *grid_;
    core::UsageSpan span_ = core::UsageSpan::Minutes15;
    bool dirty_ = true;
};

} // namespace slipway::widgets
