#include "models/alerttablemodel.h"

#include "core/alerts/alertmonitor.h"

#include <QColor>
#include <QFont>
#include <QLocale>

namespace slipway::models {

using core::Alert;

namespace {

QString when(const QDateTime &at) {
    return at.isValid() ? QLocale().toString(at.toLocalTime(), QLocale::ShortFormat) : QString();
}

} // namespace

AlertTableModel::AlertTableModel(core::AlertMonitor *monitor, QObject *parent)
    : QAbstractTableModel(parent), monitor_(monitor) {
    connect(monitor_, &core::AlertMonitor::loaded, this, &AlertTableModel::load);
    connect(monitor_, &core::AlertMonitor::alertFired, this, &AlertTableModel::insertAlert);
    connect(monitor_, &core::AlertMonitor::alertCleared, this, &AlertTableModel::updateAlert);
    connect(monitor_, &core::AlertMonitor::alertUpdated, this, &AlertTableModel::updateAlert);
    connect(monitor_, &core::AlertMonitor::alertsDropped, this, &AlertTableModel::dropAlerts);
    load();
}

void AlertTableModel::load() {
    // Only what is not shown yet: the monitor's list is newest first, like ours.
    const QList<Alert> all = monitor_->alerts();
    for (int i = int(all.size()) - 1; i >= 0; --i)
        if (rowOf(all[i].serial) < 0)
            insertAlert(all[i]);
}

void AlertTableModel::insertAlert(const Alert &alert) {
    if (rowOf(alert.serial) >= 0)
        return updateAlert(alert);
    beginInsertRows({}, 0, 0);
    alerts_.prepend(alert);
    endInsertRows();
}

void AlertTableModel::updateAlert(const Alert &alert) {
    const int row = rowOf(alert.serial);
    if (row < 0)
        return;
    alerts_[row] = alert;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void AlertTableModel::dropAlerts(const QList<quint64> &serials) {
    for (quint64 serial : serials) {
        const int row = rowOf(serial);
        if (row < 0)
            continue;
        beginRemoveRows({}, row, row);
        alerts_.removeAt(row);
        endRemoveRows();
    }
}

Alert AlertTableModel::alert(int row) const {
    return row >= 0 && row < alerts_.size() ? alerts_[row] : Alert{};
}

int AlertTableModel::rowOf(quint64 serial) const {
    for (int i = 0; i < alerts_.size(); ++i)
        if (alerts_[i].serial == serial)
            return i;
    return -1;
}

int AlertTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(alerts_.size());
}

int AlertTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString AlertTableModel::stateText(const Alert &a) {
    if (!a.firing())
        return tr("Cleared");
    return a.acknowledged() ? tr("Firing, acknowledged") : tr("Firing");
}

QVariant AlertTableModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Alert &a = alerts_[index.row()];
    switch (role) {
    case SerialRole:
        return QVariant::fromValue(a.serial);
    case FiringRole:
        return a.firing();
    case AcknowledgedRole:
        return a.acknowledged();
    case Qt::ForegroundRole:
        if (!a.firing())
            return QColor(0x70, 0x70, 0x70);
        if (index.column() == StateColumn)
            return a.acknowledged() ? QColor(0xa0, 0x60, 0x00) : QColor(0xc0, 0x20, 0x20);
        return {};
    case Qt::FontRole:
        if (a.firing() && !a.acknowledged()) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == DetailColumn)
            return a.detail;
        if (index.column() == AcknowledgedColumn && a.acknowledged())
            return tr("By %1 at %2").arg(a.acknowledgedBy, when(a.acknowledgedAt));
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case StateColumn:
        return stateText(a);
    case FiredColumn:
        return when(a.firedAt);
    case RuleColumn:
        return a.ruleName;
    case TargetColumn:
        return a.target;
    case DetailColumn:
        return a.detail;
    case ClearedColumn:
        return when(a.clearedAt);
    case AcknowledgedColumn:
        return a.acknowledged() ? tr("%1, %2").arg(a.acknowledgedBy, when(a.acknowledgedAt))
                                : QString();
    }
    return {};
}

QVariant AlertTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StateColumn:
        return tr("State");
    case FiredColumn:
        return tr("Fired");
    case RuleColumn:
        return tr("Rule");
    case TargetColumn:
        return tr("Target");
    case DetailColumn:
        return tr("Detail");
    case ClearedColumn:
        return tr("Cleared");
    case AcknowledgedColumn:
        return tr("Acknowledged");
    }
    return {};
}

} // namespace slipway::models
