// ContainerTableModel: one row per container across all hosts, fed by the Inventory's batched
// row signals; rows are inserted, changed and removed in place, never reset, so selection,
// sorting and scrolling survive every refresh. Rows point at the Inventory's records.
#pragma once

#include "core/fleet/containerrecord.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPair>
#include <QTimer>
#include <chrono>
#include <utility>

namespace slipway::core {
class Inventory;
class Metrics;
} // namespace slipway::core

namespace slipway::models {

class ContainerTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        HostColumn,
        NameColumn,
        AppColumn,
        EnvColumn,
        ImageColumn,
        VersionColumn,
        StateColumn,
        HealthColumn,
        StatusColumn, // uptime, or how long ago it exited
        PortsColumn,
        CpuColumn,    // from Metrics, when the model has one: as `docker stats` (100 = a core)
        MemoryColumn, // likewise, net of the page cache
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1, // raw values: strings, times (Status: when the state began)
        HostIdRole,
        ContainerIdRole,
        LabelsRole, // QStringList of "key=value"
        StateRole,  // "running", "exited", ...
        HealthRole, // "healthy", "unhealthy", "starting", ""
        AppRole,
        EnvRole,
        StaleRole,  // bool: the host is unreachable and this is the last known state
        CreatedRole // Unix seconds
    };
    // SortRole of the CPU and Memory columns: the number (percent, bytes), -1 not measured.

    explicit ContainerTableModel(QObject *parent = nullptr);
    // Shows what `inventory` holds now and follows its changes; host names come from it.
    explicit ContainerTableModel(core::Inventory *inventory, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    core::ContainerRef record(int row) const;                           // null outside the rows
    int rowOf(const QString &hostId, const QString &containerId) const; // -1 if not shown
    bool insertsPending() const { return !pendingByKey_.isEmpty(); } // a big batch still going in
    QString hostName(const QString &hostId) const;

    // The status column words durations ("Up 3 minutes") against the clock; every `interval`
    // the model says that column changed so views re-read it. Zero turns that off.
    void setUptimeRefreshInterval(std::chrono::milliseconds interval);

    // Fills the CPU % and Memory columns from `metrics` (null: empties them), updating the
    // rows each round samples in place. `metrics` outlives the model or is unset first.
    void setMetrics(core::Metrics *metrics);
    core::Metrics *metrics() const { return metrics_; }
    // The CPU % or memory bytes of a row's container for `column`, -1 when not measured: what
    // the proxy sorts by, without a QVariant per comparison.
    double usageValue(const core::ContainerRecord &r, int column) const;
    static QString formatCpu(double percent);  // "12.3 %"
    static QString formatMemory(double bytes); // "45.6 MiB", "1.25 GiB"

public slots:
    // The Inventory's signals; public so that tests and other sources can feed the model.
    void insertContainers(const slipway::core::ContainerList &records);
    void changeContainers(const slipway::core::ContainerList &records);
    void removeContainers(const slipway::core::ContainerList &records);
    void refreshUptime();
    // Metrics::sampled: these containers have new figures.
    void usageSampled(const QList<QPair<QString, QString>> &containers);

private:
    using Key = std::pair<QString, QString>; // host id, container id: shared with the record

    QVariant display(const core::ContainerRecord &r, int column) const;
    QVariant sortValue(const core::ContainerRecord &r, int column) const;
    void hostRowsChanged(const QString &hostId);
    void emitChanged(QList<int> rows, int firstColumn, int lastColumn);
    void reindexFrom(int row);
    void appendRows(const core::ContainerList &records);
    void insertPending();

    // A large batch goes in a slice per event-loop turn: a sorted proxy spends time per row, so
    // one insert of hundreds of rows into a proxy of thousands would stall the GUI thread; a
    // slice this size keeps a turn's own work to a few ms (docs/performance.md).
    static constexpr int kInsertSlice = 100;

    core::Inventory *inventory_ = nullptr;
    core::Metrics *metrics_ = nullptr;
    QMetaObject::Connection sampledConnection_;
    QList<core::ContainerRef> rows_;
    QHash<Key, int> rowByKey_;
    core::ContainerList pending_;        // records waiting for their slice; null when gone
    QHash<Key, qsizetype> pendingByKey_; // -> index in pending_
    qsizetype pendingDone_ = 0;          // pending_ before this index is in
    QTimer insertTimer_;
    QTimer uptimeTimer_;
};

} // namespace slipway::models
