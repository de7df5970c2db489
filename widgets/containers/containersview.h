// ContainersView: the Containers section: every container on every host in one table (the
// live Inventory through the quick filter), the actions on the selection (start, stop,
// restart, kill, remove), errors shown inline above the table in the daemon's own words,
// hosts that cannot be reached named with their last known containers, and the selected
// container's details and live log below.
#pragma once

#include "core/fleet/containerrecord.h"
#include "core/fleet/inventory.h"

#include <QHash>
#include <QStringList>
#include <QTimer>
#include <QWidget>

class QAction;
class QLabel;
class QMenu;
class QTableView;
class QToolButton;

namespace slipway::core {
class ContainerActionQueue;
class ContainerDetailsLoader;
class HostMonitor;
class LogFollower;
class Metrics;
} // namespace slipway::core

namespace slipway::models {
class ContainerFilterProxy;
class ContainerTableModel;
} // namespace slipway::models

namespace slipway::widgets {

class ActionErrorsBanner;
class BannerBox;
class ContainerDetailsPane;
class ContainerFilterBar;
class LogView;
class ViewToolbar;

class ContainersView : public QWidget {
    Q_OBJECT

public:
    // `monitor` gives the engine clients for details and logs; both outlive this view.
    ContainersView(core::Inventory *inventory, core::HostMonitor *monitor,
                   QWidget *parent = nullptr);
    ~ContainersView() override;

    QTableView *table() const { return table_; }
    models::ContainerTableModel *model() const { return model_; }
    models::ContainerFilterProxy *proxy() const { return proxy_; }
    ContainerFilterBar *filterBar() const { return filterBar_; }
    ContainerDetailsPane *detailsPane() const { return details_; }
    LogView *logView() const { return logView_; }
    core::LogFollower *logFollower() const { return follower_; }
    QLabel *errorLabel() const;
    QLabel *syncLabel() const { return syncText_; }
    QLabel *countLabel() const { return count_; }
    QAction *action(core::Inventory::Action action) const;

    core::ContainerList selectedContainers() const;
    core::ContainerRef currentContainer() const;
    // Selects the rows of these containers (if shown) and makes the first current.
    void selectContainers(const QList<std::pair<QString, QString>> &hostAndIds);

    // How many actions are still waiting for the engine.
    int pendingActions() const;

    // Shows CPU % and memory from `metrics` (which outlives this view) and tells it which
    // containers are selected and on screen, so that it samples those first.
    void setMetrics(core::Metrics *metrics);
    core::Metrics *metrics() const { return metrics_; }
    // What setPriority gets: the selected containers, then the rows on screen.
    QList<QPair<QString, QString>> priorityContainers() const;

public slots:
    void startSelected();
    void stopSelected();
    void restartSelected();
    void killSelected();
    void removeSelected(); // asks first
    void showLogs();       // the Logs tab of the current container

signals:
    // Every action of one click has answered; `failures` of them failed.
    void actionsFinished(int failures);

private:
    // The constructor's parts, in the order it calls them.
    void buildToolbar();
    void buildBanners();
    void buildTable();
    void buildLayout();
    void connectParts();

    void act(core::Inventory::Action action, const core::ContainerList &targets);
    void onActionFailed(core::Inventory::Action action, const QString &name, const QString &hostId,
                        const QString &error);
    void updateActions();
    void updateCount();
    void updateSync();
    void updateBusy();
    void currentChanged();
    void loadDetails();
    void followLogsIfShown();
    void maybeReconnectLogs();
    void onRecordsChanged();
    void showContextMenu(const QPoint &pos);
    QString hostName(const QString &hostId) const;
    void updatePriority();

    core::Inventory *inventory_;
    core::Metrics *metrics_ = nullptr;
    QTimer priorityTimer_; // gathers scrolling and selection before telling Metrics
    core::HostMonitor *monitor_;
    models::ContainerTableModel *model_;
    models::ContainerFilterProxy *proxy_;
    core::ContainerDetailsLoader *loader_;
    core::LogFollower *follower_;
    core::ContainerActionQueue *queue_;
    ContainerFilterBar *filterBar_;
    ViewToolbar *toolbar_;
    QTableView *table_;
    ContainerDetailsPane *details_;
    LogView *logView_;
    int logsTab_ = -1;
    ActionErrorsBanner *errorBox_;
    BannerBox *syncBox_;
    QLabel *syncText_;
    QLabel *count_;
    QLabel *busy_;
    QHash<int, QAction *> actions_;
    QMenu *menu_;
    QTimer detailsTimer_;
    QTimer recordsTimer_;   // gathers row changes before the selection is looked at again
    QTimer detailsRefresh_; // re-reads the shown container now and then (health runs)
    // The container the details pane and the log are about, and the record last loaded.
    QString currentHost_;
    QString currentId_;
    core::ContainerRef shownRecord_;
    core::ContainerRef reconnectedFor_; // the record the log was last reopened for
    quint64 detailsRequest_ = 0;
};

} // namespace slipway::widgets
