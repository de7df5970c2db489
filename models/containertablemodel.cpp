#include "models/containertablemodel.h"

#include "core/fleet/inventory.h"
#include "core/fleet/statustext.h"
#include "core/metrics/metrics.h"

#include <QDateTime>
#include <QGuiApplication>
#include <QPalette>
#include <algorithm>

namespace slipway::models {

using core::ContainerRecord;
using core::ContainerRef;

ContainerTableModel::ContainerTableModel(QObject *parent) : QAbstractTableModel(parent) {
    insertTimer_.setSingleShot(true);
    insertTimer_.setInterval(0);
    connect(&insertTimer_, &QTimer::timeout, this, &ContainerTableModel::insertPending);
    connect(&uptimeTimer_, &QTimer::timeout, this, &ContainerTableModel::refreshUptime);
    setUptimeRefreshInterval(std::chrono::seconds(60));
}

ContainerTableModel::ContainerTableModel(core::Inventory *inventory, QObject *parent)
    : ContainerTableModel(parent) {
    inventory_ = inventory;
    insertContainers(inventory->containers());
    connect(inventory, &core::Inventory::containersInserted, this,
            &ContainerTableModel::insertContainers);
    connect(inventory, &core::Inventory::containersChanged, this,
            &ContainerTableModel::changeContainers);
    connect(inventory, &core::Inventory::containersRemoved, this,
            &ContainerTableModel::removeContainers);
    connect(inventory, &core::Inventory::hostNameChanged, this,
            [this](const QString &hostId, const QString &) { hostRowsChanged(hostId); });
}

void ContainerTableModel::setMetrics(core::Metrics *metrics) {
    if (metrics == metrics_)
        return;
    disconnect(sampledConnection_);
    metrics_ = metrics;
    if (metrics_)
        sampledConnection_ =
            connect(metrics_, &core::Metrics::sampled, this, &ContainerTableModel::usageSampled);
    if (!rows_.isEmpty())
        emit dataChanged(index(0, CpuColumn), index(int(rows_.size()) - 1, MemoryColumn));
}

void ContainerTableModel::usageSampled(const QList<QPair<QString, QString>> &containers) {
    QList<int> rows;
    rows.reserve(containers.size());
    for (const auto &[hostId, id] : containers) {
        const int row = rowByKey_.value(Key(hostId, id), -1);
        if (row >= 0)
            rows.append(row);
    }
    emitChanged(std::move(rows), CpuColumn, MemoryColumn);
}

double ContainerTableModel::usageValue(const ContainerRecord &r, int column) const {
    if (!metrics_ || (column != CpuColumn && column != MemoryColumn))
        return -1;
    const auto usage = metrics_->containerUsage(r.hostId, r.id);
    if (!usage)
        return -1;
    return column == CpuColumn ? usage->cpuPercent : usage->memoryBytes;
}

QString ContainerTableModel::formatCpu(double percent) {
    return tr("%1 %").arg(percent, 0, 'f', 1);
}

QString ContainerTableModel::formatMemory(double bytes) {
    constexpr double kMiB = 1024.0 * 1024.0;
    constexpr double kGiB = kMiB * 1024.0;
    if (bytes >= kGiB)
        return tr("%1 GiB").arg(bytes / kGiB, 0, 'f', 2);
    return tr("%1 MiB").arg(bytes / kMiB, 0, 'f', 1);
}

void ContainerTableModel::setUptimeRefreshInterval(std::chrono::milliseconds interval) {
    if (interval.count() <= 0) {
        uptimeTimer_.stop();
        return;
    }
    uptimeTimer_.start(interval);
}

int ContainerTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(rows_.size());
}

int ContainerTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

ContainerRef ContainerTableModel::record(int row) const {
    return row >= 0 && row < rows_.size() ? rows_[row] : nullptr;
}

int ContainerTableModel::rowOf(const QString &hostId, const QString &containerId) const {
    return rowByKey_.value(Key(hostId, containerId), -1);
}

QString ContainerTableModel::hostName(const QString &hostId) const {
    const QString name = inventory_ ? inventory_->hostName(hostId) : QString();
    return name.isEmpty() ? hostId : name;
}

void ContainerTableModel::insertContainers(const core::ContainerList &records) {
    core::ContainerList fresh;
    core::ContainerList known;
    for (const ContainerRef &r : records) {
        const Key key(r->hostId, r->id);
        if (rowByKey_.contains(key) || pendingByKey_.contains(key))
            known.append(r); // never a second row for one container
        else
            fresh.append(r);
    }
    if (!known.isEmpty())
        changeContainers(known);
    if (fresh.isEmpty())
        return;
    if (pendingByKey_.isEmpty() && fresh.size() <= kInsertSlice) {
        appendRows(fresh);
        return;
    }
    for (const ContainerRef &r : std::as_const(fresh)) {
        pendingByKey_.insert(Key(r->hostId, r->id), pending_.size());
        pending_.append(r);
    }
    insertPending();
}

void ContainerTableModel::insertPending() {
    core::ContainerList slice;
    while (pendingDone_ < pending_.size() && slice.size() < kInsertSlice) {
        ContainerRef &r = pending_[pendingDone_++];
        if (!r)
            continue; // removed while it waited
        pendingByKey_.remove(Key(r->hostId, r->id));
        slice.append(std::move(r));
    }
    if (pendingDone_ >= pending_.size()) {
        pending_.clear();
        pendingDone_ = 0;
    }
    appendRows(slice);
    if (!pendingByKey_.isEmpty())
        insertTimer_.start();
}

void ContainerTableModel::appendRows(const core::ContainerList &fresh) {
    if (fresh.isEmpty())
        return;
    const int first = int(rows_.size());
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    rows_.append(fresh);
    rowByKey_.reserve(rows_.size());
    for (int row = first; row < rows_.size(); ++row)
        rowByKey_.insert(Key(rows_[row]->hostId, rows_[row]->id), row);
    endInsertRows();
}

void ContainerTableModel::changeContainers(const core::ContainerList &records) {
    QList<int> rows;
    rows.reserve(records.size());
    for (const ContainerRef &r : records) {
        const Key key(r->hostId, r->id);
        const int row = rowByKey_.value(key, -1);
        if (row < 0) {
            if (auto it = pendingByKey_.constFind(key); it != pendingByKey_.constEnd())
                pending_[it.value()] = r; // not shown yet: it goes in as it is now
            continue;
        }
        rows_[row] = r;
        rows.append(row);
    }
    emitChanged(std::move(rows), 0, ColumnCount - 1);
}

void ContainerTableModel::removeContainers(const core::ContainerList &records) {
    QList<int> rows;
    rows.reserve(records.size());
    for (const ContainerRef &r : records) {
        const Key key(r->hostId, r->id);
        const int row = rowByKey_.value(key, -1);
        if (row >= 0)
            rows.append(row);
        else if (auto it = pendingByKey_.find(key); it != pendingByKey_.end()) {
            pending_[it.value()] = nullptr;
            pendingByKey_.erase(it);
        }
    }
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    for (int row : std::as_const(rows)) {
        const ContainerRef &r = rows_[row];
        rowByKey_.remove(Key(r->hostId, r->id));
    }
    // Contiguous runs, last first, so the row numbers of the runs still to go stay valid.
    for (qsizetype end = rows.size(); end > 0;) {
        qsizetype start = end - 1;
        while (start > 0 && rows[start - 1] == rows[start] - 1)
            --start;
        const int firstRow = rows[start];
        const int lastRow = rows[end - 1];
        beginRemoveRows({}, firstRow, lastRow);
        rows_.remove(firstRow, lastRow - firstRow + 1);
        endRemoveRows();
        end = start;
    }
    // Once, not per run: rowOf() is only exact again after the whole batch.
    reindexFrom(rows.first());
}

void ContainerTableModel::reindexFrom(int row) {
    for (int i = row; i < rows_.size(); ++i)
        rowByKey_[Key(rows_[i]->hostId, rows_[i]->id)] = i;
}

void ContainerTableModel::emitChanged(QList<int> rows, int firstColumn, int lastColumn) {
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    // One signal per contiguous run: a host's rows going stale is usually a single one.
    qsizetype start = 0;
    for (qsizetype i = 1; i <= rows.size(); ++i) {
        if (i < rows.size() && rows[i] <= rows[i - 1] + 1)
            continue;
        emit dataChanged(index(rows[start], firstColumn), index(rows[i - 1], lastColumn));
        start = i;
    }
}

void ContainerTableModel::hostRowsChanged(const QString &hostId) {
    QList<int> rows;
    for (int i = 0; i < rows_.size(); ++i)
        if (rows_[i]->hostId == hostId)
            rows.append(i);
    emitChanged(std::move(rows), HostColumn, HostColumn);
}

void ContainerTableModel::refreshUptime() {
    if (!rows_.isEmpty())
        emit dataChanged(index(0, StatusColumn), index(int(rows_.size()) - 1, StatusColumn),
                         {Qt::DisplayRole});
}

QVariant ContainerTableModel::display(const ContainerRecord &r, int column) const {
    switch (column) {
    case HostColumn:
        return hostName(r.hostId);
    case NameColumn:
        return r.name;
    case AppColumn:
        return r.app;
    case EnvColumn:
        return r.env;
    case ImageColumn:
        return r.image;
    case VersionColumn:
        return r.version;
    case StateColumn:
        return r.state;
    case HealthColumn:
        return r.health;
    case StatusColumn:
        return core::StatusText::describe(r, QDateTime::currentSecsSinceEpoch());
    case PortsColumn:
        return r.ports;
    case CpuColumn:
    case MemoryColumn: {
        const double v = usageValue(r, column);
        if (v < 0)
            return {};
        return column == CpuColumn ? formatCpu(v) : formatMemory(v);
    }
    }
    return {};
}

QVariant ContainerTableModel::sortValue(const ContainerRecord &r, int column) const {
    switch (column) {
    case StatusColumn:
        return r.stateSince;
    case CpuColumn:
    case MemoryColumn:
        return usageValue(r, column);
    default:
        return display(r, column);
    }
}

QVariant ContainerTableModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= rows_.size() || index.column() >= ColumnCount)
        return {};
    const ContainerRecord &r = *rows_[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return display(r, index.column());
    case Qt::ToolTipRole:
        if (r.stale)
            return tr("Last known state: the host cannot be reached.");
        if (index.column() == StatusColumn)
            return r.status; // the engine's own words
        return {};
    case Qt::ForegroundRole:
        if (r.stale)
            return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == CpuColumn || index.column() == MemoryColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        return sortValue(r, index.column());
    case HostIdRole:
        return r.hostId;
    case ContainerIdRole:
        return r.id;
    case LabelsRole: {
        QStringList labels;
        labels.reserve(r.labels.size());
        for (const auto &[key, value] : r.labels)
            labels.append(key + QLatin1Char('=') + value);
        return labels;
    }
    case StateRole:
        return r.state;
    case HealthRole:
        return r.health;
    case AppRole:
        return r.app;
    case EnvRole:
        return r.env;
    case StaleRole:
        return r.stale;
    case CreatedRole:
        return r.created;
    }
    return {};
}

QVariant ContainerTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case HostColumn:
        return tr("Host");
    case NameColumn:
        return tr("Name");
    case AppColumn:
        return tr("Application");
    case EnvColumn:
        return tr("Environment");
    case ImageColumn:
        return tr("Image");
    case VersionColumn:
        return tr("Version");
    case StateColumn:
        return tr("State");
    case HealthColumn:
        return tr("Health");
    case StatusColumn:
        return tr("Status");
    case PortsColumn:
        return tr("Ports");
    case CpuColumn:
        return tr("CPU %");
    case MemoryColumn:
        return tr("Memory");
    }
    return {};
}

} // namespace slipway::models
