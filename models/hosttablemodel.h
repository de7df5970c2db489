// HostTableModel: one row per host of a HostMonitor, with its live status; rows are inserted,
// removed and changed one by one as the monitor reports, never reset.
#pragma once

#include "core/fleet/hostconfig.h"
#include "core/fleet/hoststatus.h"

#include <QAbstractTableModel>
#include <QList>

namespace slipway::core {
class HostMonitor;
}

namespace slipway::models {

class HostTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        StatusColumn,
        NameColumn,
        UrlColumn,
        EngineColumn,
        ApiColumn,
        OsColumn,
        CpusColumn,
        MemoryColumn,
        ContainersColumn,
        ImagesColumn,
        SwarmColumn,
        ColumnCount
    };
    enum Role {
        HostIdRole = Qt::UserRole + 1,
        StateRole,        // core::HostStatus::State as int
        ErrorRole,        // why the host is down, in the engine's words
        TlsVerifyOffRole, // TLS without certificate verification: warn
        SameEngineRole    // QStringList: the other hosts that are this host's engine
    };

    explicit HostTableModel(core::HostMonitor *monitor, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    core::HostConfig host(int row) const;
    core::HostStatus status(int row) const;
    int rowOf(const QString &hostId) const;

private:
    struct Row {
        core::HostConfig config;
        core::HostStatus status;
    };
    QVariant display(const Row &row, int column) const;
    void changed(int row);

    QList<Row> rows_;
};

} // namespace slipway::models
