// ContainerTableModel: one row per container across all hosts, fed by the Inventory's batched
// row signals; rows are inserted, changed and removed in place, never reset, so selection,
// sorting and scrolling survive every refresh. Rows point at the Inventory's records.
#pragma once

#include "core/containerrecord.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QTimer>
#include <chrono>
#include <utility>

namespace slipway::core {
class Inventory;
}

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
        CpuColumn,    // filled by the utilization work; empty for now
        MemoryColumn, // likewise
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

public slots:
    // The Inventory's signals; public so that tests and other sources can feed the model.
    void insertContainers(const slipway::core::ContainerList &records);
    void changeContainers(const slipway::core::ContainerList &records);
    void removeContainers(const slipway::core::ContainerList &records);
    void refreshUptime();

private:
    using Key = std::pair<QString, QString>; // host id, container id: shared with the record

    QVariant display(const core::ContainerRecord &r, int column) const;
    QVariant sortValue(const core::ContainerRecord &r, int column) const;
    void hostRowsChanged(const QString &hostId);
    void emitChanged(QList<int> rows, int firstColumn, int lastColumn);
    void reindexFrom(int row);
    void appendRows(const core::ContainerList &records);
    void insertPending();

    // A large batch goes in a slice per event-loop turn: a sorted proxy spends time per row,
    // and one 800-row insert into a proxy of 8,000 stalls the GUI thread for tens of ms.
    static constexpr int kInsertSlice = 200;

    core::Inventory *inventory_ = nullptr;
    QList<core::ContainerRef> rows_;
    QHash<Key, int> rowByKey_;
    core::ContainerList pending_;        // records waiting for their slice; null when gone
    QHash<Key, qsizetype> pendingByKey_; // -> index in pending_
    qsizetype pendingDone_ = 0;          // pending_ before this index is in
    QTimer insertTimer_;
    QTimer uptimeTimer_;
};

} // namespace slipway::models
