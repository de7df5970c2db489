// DashboardView: the Dashboard section, what an ops person reads first: hosts up, containers
// running and unhealthy, how busy the fleet is, how evenly its hosts are loaded, the fleet's
// CPU and memory over time, and the containers and applications using most. A click on a
// container or an application opens its live usage here; a click on a host asks for the
// Hosts section through hostActivated().
#pragma once

#include "core/metrics/usage.h"

#include <QList>
#include <QWidget>

class QLabel;
class QScrollArea;
class QStackedWidget;
class QTimer;

namespace slipway::core {
class HostMonitor;
class Inventory;
class Metrics;
} // namespace slipway::core

namespace slipway::widgets {

class AppUsageView;
class ContainerUsageView;
class HostLoadBars;
class SegmentedControl;
class TopUsageList;
class UsageChart;
class UsageTile;

class DashboardView : public QWidget {
    Q_OBJECT

public:
    DashboardView(core::Metrics *metrics, core::Inventory *inventory, core::HostMonitor *hosts,
                  QWidget *parent = nullptr);

    // The overview's parts, for tests and for the main window's status.
    UsageTile *hostsTile() const { return hostsTile_; }
    UsageTile *containersTile() const { return containersTile_; }
    UsageTile *unhealthyTile() const { return unhealthyTile_; }
    UsageTile *cpuTile() const { return cpuTile_; }
    UsageTile *memoryTile() const { return memoryTile_; }
    HostLoadBars *hostBars() const { return hostBars_; }
    QLabel *imbalanceLabel() const { return imbalance_; }
    UsageChart *clusterChart() const { return clusterChart_; }
    SegmentedControl *clusterSpanControl() const { return spanControl_; }
    TopUsageList *topContainers() const { return topContainers_; }
    TopUsageList *topApps() const { return topApps_; }
    QLabel *updatedLabel() const { return updated_; }
    ContainerUsageView *containerView() const { return containerView_; }
    AppUsageView *appView() const { return appView_; }
    QStackedWidget *pages() const { return pages_; }
    bool isOverviewShown() const;

public slots:
    void showOverview();
    void openContainer(const QString &hostId, const QString &containerId);
    void openApp(const QString &app, const QString &env);
    void back();

signals:
    void hostActivated(const QString &hostId);

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *buildOverview();
    void open(QWidget *page);
    void onSampled();
    void refreshUsage();
    void refreshCluster();
    void refreshTopContainers();
    void refreshTopApps();
    void refreshHosts();
    void refreshCounts();

    core::Metrics *metrics_;
    core::Inventory *inventory_;
    core::HostMonitor *monitor_;

    QStackedWidget *pages_;
    QScrollArea *overviewScroll_;
    ContainerUsageView *containerView_;
    AppUsageView *appView_;
    QList<QWidget *> history_;

    QLabel *updated_;
    UsageTile *hostsTile_;
    UsageTile *containersTile_;
    UsageTile *unhealthyTile_;
    UsageTile *cpuTile_;
    UsageTile *memoryTile_;
    HostLoadBars *hostBars_;
    QLabel *imbalance_;
    QLabel *barsNote_; // the busiest and the least busy host, by name
    UsageChart *clusterChart_;
    SegmentedControl *spanControl_;
    TopUsageList *topContainers_;
    TopUsageList *topApps_;
    QTimer *countsTimer_;
    QList<QPair<QString, QString>> unhealthy_; // (host, container), for the tile's click
    bool usageDirty_ = true;
};

} // namespace slipway::widgets
