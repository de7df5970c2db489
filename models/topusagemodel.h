// TopUsageModel: a ranked list of containers or applications with their latest CPU and
// memory, as the dashboard's top lists show it; a new ranking moves, inserts, removes and
// changes rows one by one, never resets, so the selection and scroll position survive.
#pragma once

#include "core/metrics/usage.h"

#include <QAbstractTableModel>
#include <QList>

namespace slipway::models {

class TopUsageModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum class Kind { Containers, Apps };
    enum Column { NameColumn, DetailColumn, CpuColumn, MemoryColumn, ColumnCount };
    enum Role {
        KeyRole = Qt::UserRole + 1, // unique per row: "host/container" or "app/env"
        HostIdRole,
        ContainerIdRole,
        AppRole,
        EnvRole,
        ValueRole,   // the raw figure of the CPU / memory column (percent, bytes)
        FractionRole // that figure against the column's largest, 0..1, for the bar
    };

    struct Row {
        QString key;
        QString name;
        QString detail; // the host of a container; the environment of an application
        QString hostId, containerId, app, env;
        int containers = 0; // of an application
        core::UsagePoint latest;
    };

    explicit TopUsageModel(Kind kind, QObject *parent = nullptr);

    Kind kind() const { return kind_; }
    static Row containerRow(const core::ContainerUsage &usage, const QString &hostName);
    static Row appRow(const core::AppUsage &usage);

    // The new ranking, best first.
    void setRows(const QList<Row> &rows);
    const Row &row(int index) const { return rows_.at(index); }
    int rowOf(const QString &key) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    double value(const Row &row, int column) const;

    Kind kind_;
    QList<Row> rows_;
    double maxCpu_ = 0;
    double maxMemory_ = 0;
};

} // namespace slipway::models
