#include "models/topusagemodel.h"

#include "models/usageformat.h"

#include <QSet>
#include <algorithm>

namespace slipway::models {

TopUsageModel::TopUsageModel(Kind kind, QObject *parent)
    : QAbstractTableModel(parent), kind_(kind) {}

TopUsageModel::Row TopUsageModel::containerRow(const core::ContainerUsage &usage,
                                               const QString &hostName) {
    Row row;
    row.key = usage.hostId + QLatin1Char('/') + usage.containerId;
    row.name = usage.name;
    row.detail = hostName.isEmpty() ? usage.hostId : hostName;
    row.hostId = usage.hostId;
    row.containerId = usage.containerId;
    row.app = usage.app;
    row.env = usage.env;
    row.containers = 1;
    row.latest = usage.latest;
    return row;
}

TopUsageModel::Row TopUsageModel::appRow(const core::AppUsage &usage) {
    Row row;
    row.key = usage.app + QLatin1Char('/') + usage.env;
    row.name = usage.app;
    row.detail = usage.env;
    row.app = usage.app;
    row.env = usage.env;
    row.containers = usage.containers;
    row.latest = usage.latest;
    return row;
}

int TopUsageModel::rowOf(const QString &key) const {
    for (int i = 0; i < rows_.size(); ++i)
        if (rows_[i].key == key)
            return i;
    return -1;
}

void TopUsageModel::setRows(const QList<Row> &next) {
    QSet<QString> keys;
    for (const Row &r : next)
        keys.insert(r.key);
    for (int i = int(rows_.size()) - 1; i >= 0; --i) {
        if (keys.contains(rows_[i].key))
            continue;
        beginRemoveRows({}, i, i);
        rows_.removeAt(i);
        endRemoveRows();
    }
    // Rows before `i` are in their final place; bring the next one up or insert it.
    for (int i = 0; i < next.size(); ++i) {
        int at = -1;
        for (int j = i; j < rows_.size(); ++j)
            if (rows_[j].key == next[i].key) {
                at = j;
                break;
            }
        if (at < 0) {
            beginInsertRows({}, i, i);
            rows_.insert(i, next[i]);
            endInsertRows();
            continue;
        }
        if (at != i) {
            beginMoveRows({}, at, at, {}, i);
            rows_.move(at, i);
            endMoveRows();
        }
        rows_[i] = next[i];
    }

    // Bars are relative to the largest figure, so every row's bar may move with it.
    maxCpu_ = 0;
    maxMemory_ = 0;
    for (const Row &r : std::as_const(rows_)) {
        maxCpu_ = std::max(maxCpu_, r.latest.cpuPercent);
        maxMemory_ = std::max(maxMemory_, r.latest.memoryBytes);
    }
    if (!rows_.isEmpty())
        emit dataChanged(index(0, 0), index(int(rows_.size()) - 1, ColumnCount - 1));
}

int TopUsageModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(rows_.size());
}

int TopUsageModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

double TopUsageModel::value(const Row &row, int column) const {
    return column == CpuColumn ? row.latest.cpuPercent : row.latest.memoryBytes;
}

QVariant TopUsageModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= rows_.size())
        return {};
    const Row &r = rows_[index.row()];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return r.name;
        case DetailColumn:
            if (kind_ == Kind::Apps && r.env.isEmpty())
                return tr("none");
            return r.detail;
        case CpuColumn:
            return UsageFormat::percent(r.latest.cpuPercent);
        case MemoryColumn:
            return UsageFormat::bytes(r.latest.memoryBytes);
        }
        break;
    case Qt::ToolTipRole:
        if (column == CpuColumn)
            return tr("%1 of one core's time (%2)")
                .arg(UsageFormat::percent(r.latest.cpuPercent),
                     UsageFormat::cores(r.latest.cpuPercent));
        if (column == MemoryColumn && kind_ == Kind::Containers && r.latest.memoryLimitBytes > 0)
            return tr("%1 of %2 (%3)")
                .arg(UsageFormat::bytes(r.latest.memoryBytes),
                     UsageFormat::bytes(r.latest.memoryLimitBytes),
                     UsageFormat::percent(r.latest.memoryPercent));
        if (column == NameColumn)
            return kind_ == Kind::Apps ? tr("Open the usage of %1 (%2 running containers)")
                                             .arg(r.name)
                                             .arg(r.containers)
                                       : tr("Open the usage of %1 on %2").arg(r.name, r.detail);
        break;
    case Qt::TextAlignmentRole:
        if (column == CpuColumn || column == MemoryColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case KeyRole:
        return r.key;
    case HostIdRole:
        return r.hostId;
    case ContainerIdRole:
        return r.containerId;
    case AppRole:
        return r.app;
    case EnvRole:
        return r.env;
    case ValueRole:
        if (column == CpuColumn || column == MemoryColumn)
            return value(r, column);
        break;
    case FractionRole:
        if (column == CpuColumn || column == MemoryColumn) {
            const double max = column == CpuColumn ? maxCpu_ : maxMemory_;
            return max > 0 ? std::clamp(value(r, column) / max, 0.0, 1.0) : 0.0;
        }
        break;
    }
    return {};
}

QVariant TopUsageModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return kind_ == Kind::Apps ? tr("Application") : tr("Container");
    case DetailColumn:
        return kind_ == Kind::Apps ? tr("Environment") : tr("Host");
    case CpuColumn:
        return tr("CPU");
    case MemoryColumn:
        return tr("Memory");
    }
    return {};
}

} // namespace slipway::models
