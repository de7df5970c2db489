#include "models/hosttablemodel.h"

#include "core/fleet/hostmonitor.h"
#include "models/statusicons.h"

#include <QGuiApplication>
#include <QPalette>

namespace slipway::models {

using core::HostStatus;

namespace {

// Equal for the view: the probe time changes every time and is not shown in the table.
bool sameForView(HostStatus a, HostStatus b) {
    a.checkedAt = b.checkedAt = {};
    return a == b;
}

} // namespace

HostTableModel::HostTableModel(core::HostMonitor *monitor, QObject *parent)
    : QAbstractTableModel(parent) {
    for (int i = 0; i < monitor->hostCount(); ++i)
        rows_.append({monitor->host(i), monitor->status(i)});
    connect(monitor, &core::HostMonitor::hostInserted, this,
            [this, monitor](int index, const core::HostConfig &config) {
                beginInsertRows({}, index, index);
                rows_.insert(index, {config, monitor->status(index)});
                endInsertRows();
            });
    connect(monitor, &core::HostMonitor::hostRemoved, this, [this](int index, const QString &) {
        beginRemoveRows({}, index, index);
        rows_.removeAt(index);
        endRemoveRows();
    });
    connect(monitor, &core::HostMonitor::hostUpdated, this,
            [this](int index, const core::HostConfig &config) {
                rows_[index].config = config;
                changed(index);
            });
    connect(monitor, &core::HostMonitor::statusChanged, this,
            [this](int index, const HostStatus &status) {
                const bool same = sameForView(rows_[index].status, status);
                rows_[index].status = status;
                if (!same)
                    changed(index);
            });
}

void HostTableModel::changed(int row) {
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int HostTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(rows_.size());
}

int HostTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

core::HostConfig HostTableModel::host(int row) const {
    return row >= 0 && row < rows_.size() ? rows_[row].config : core::HostConfig{};
}

HostStatus HostTableModel::status(int row) const {
    return row >= 0 && row < rows_.size() ? rows_[row].status : HostStatus{};
}

int HostTableModel::rowOf(const QString &hostId) const {
    for (int i = 0; i < rows_.size(); ++i)
        if (rows_[i].config.id == hostId)
            return i;
    return -1;
}

QVariant HostTableModel::display(const Row &row, int column) const {
    const HostStatus &s = row.status;
    // Before a host has ever answered there is nothing to show but its name and state.
    const bool known = s.everUp();
    switch (column) {
    case StatusColumn:
        return HostStatus::stateName(s.state);
    case NameColumn:
        return row.config.name;
    case UrlColumn:
        return row.config.url;
    case EngineColumn:
        return s.engineVersion;
    case ApiColumn:
        return s.apiVersion;
    case OsColumn:
        return s.os;
    case CpusColumn:
        return known ? QVariant(s.cpus) : QVariant();
    case MemoryColumn:
        return HostStatus::formatBytes(s.memoryBytes);
    case ContainersColumn:
        return known ? tr("%1 / %2").arg(s.containersRunning).arg(s.containersTotal) : QString();
    case ImagesColumn:
        return known ? QVariant(s.images) : QVariant();
    case SwarmColumn:
        return known ? (s.swarmRole.isEmpty() ? tr("none") : s.swarmRole) : QString();
    }
    return {};
}

QVariant HostTableModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &row = rows_[index.row()];
    const HostStatus &s = row.status;
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case Qt::DecorationRole:
        if (index.column() == StatusColumn)
            return StatusIcons::icon(s.state);
        return {};
    case Qt::ForegroundRole:
        if (s.state == HostStatus::State::Down)
            return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case CpusColumn:
        case MemoryColumn:
        case ContainersColumn:
        case ImagesColumn:
            return int(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return int(Qt::AlignLeft | Qt::AlignVCenter);
        }
    case Qt::ToolTipRole:
        if (s.state == HostStatus::State::Down && !s.error.isEmpty())
            return tr("%1 is down: %2").arg(row.config.name, s.error);
        if (s.tlsVerifyOff)
            return tr("TLS certificate verification is off for %1.").arg(row.config.name);
        if (!s.sameEngineAs.isEmpty())
            return tr("%1: %2.").arg(row.config.name, HostStatus::sameEngineText(s.sameEngineAs));
        if (index.column() == NameColumn)
            return tr("From %1").arg(core::HostConfig::sourceName(row.config.source));
        return {};
    case HostIdRole:
        return row.config.id;
    case StateRole:
        return int(s.state);
    case ErrorRole:
        return s.error;
    case TlsVerifyOffRole:
        return s.tlsVerifyOff;
    case SameEngineRole:
        return s.sameEngineAs;
    }
    return {};
}

QVariant HostTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StatusColumn:
        return tr("Status");
    case NameColumn:
        return tr("Name");
    case UrlColumn:
        return tr("URL");
    case EngineColumn:
        return tr("Engine");
    case ApiColumn:
        return tr("API");
    case OsColumn:
        return tr("OS");
    case CpusColumn:
        return tr("CPUs");
    case MemoryColumn:
        return tr("Memory");
    case ContainersColumn:
        return tr("Containers");
    case ImagesColumn:
        return tr("Images");
    case SwarmColumn:
        return tr("Swarm");
    }
    return {};
}

} // namespace slipway::models
