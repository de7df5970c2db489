#include "models/alertrulemodel.h"

#include "core/alerts/alertmonitor.h"

#include <QColor>

namespace slipway::models {

using core::AlertRule;

AlertRuleModel::AlertRuleModel(core::AlertMonitor *monitor, QObject *parent)
    : QAbstractTableModel(parent), monitor_(monitor) {
    connect(monitor_, &core::AlertMonitor::loaded, this, &AlertRuleModel::load);
    connect(monitor_, &core::AlertMonitor::ruleSaved, this, &AlertRuleModel::onSaved);
    connect(monitor_, &core::AlertMonitor::ruleRemoved, this, &AlertRuleModel::onRemoved);
    load();
}

void AlertRuleModel::load() {
    for (const AlertRule &r : monitor_->rules())
        onSaved(r);
}

void AlertRuleModel::onSaved(const AlertRule &rule) {
    if (const int row = rowOf(rule.id); row >= 0) {
        rules_[row] = rule;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    const int row = int(rules_.size());
    beginInsertRows({}, row, row);
    rules_.append(rule);
    endInsertRows();
}

void AlertRuleModel::onRemoved(qint64 ruleId) {
    const int row = rowOf(ruleId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    rules_.removeAt(row);
    endRemoveRows();
}

AlertRule AlertRuleModel::rule(int row) const {
    return row >= 0 && row < rules_.size() ? rules_[row] : AlertRule{};
}

int AlertRuleModel::rowOf(qint64 ruleId) const {
    for (int i = 0; i < rules_.size(); ++i)
        if (rules_[i].id == ruleId)
            return i;
    return -1;
}

int AlertRuleModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(rules_.size());
}

int AlertRuleModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertRuleModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const AlertRule &r = rules_[index.row()];
    if (role == RuleIdRole)
        return r.id;
    if (role == Qt::CheckStateRole && index.column() == EnabledColumn)
        return r.enabled ? Qt::Checked : Qt::Unchecked;
    if (role == Qt::ForegroundRole && !r.enabled)
        return QColor(0x80, 0x80, 0x80);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case EnabledColumn:
        return {}; // the check box says it
    case NameColumn:
        return r.name;
    case KindColumn:
        return AlertRule::kindName(r.kind);
    case ConditionColumn:
        return r.condition();
    }
    return {};
}

bool AlertRuleModel::setData(const QModelIndex &index, const QVariant &value, int role) {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || index.column() != EnabledColumn ||
        role != Qt::CheckStateRole)
        return false;
    const bool enabled = value.toInt() == Qt::Checked;
    if (enabled == rules_[index.row()].enabled)
        return false;
    monitor_->setRuleEnabled(rules_[index.row()].id, enabled);
    return true;
}

Qt::ItemFlags AlertRuleModel::flags(const QModelIndex &index) const {
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.column() == EnabledColumn)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant AlertRuleModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case EnabledColumn:
        return tr("Enabled");
    case NameColumn:
        return tr("Name");
    case KindColumn:
        return tr("Watches");
    case ConditionColumn:
        return tr("Condition");
    }
    return {};
}

} // namespace slipway::models
