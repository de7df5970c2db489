// AlertRuleModel: an AlertMonitor's rules, one row each, with a check box that turns a rule on
// or off; saved and removed rules change their row only.
#pragma once

#include "core/alerts/alertrule.h"

#include <QAbstractTableModel>
#include <QList>

namespace slipway::core {
class AlertMonitor;
}

namespace slipway::models {

class AlertRuleModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { EnabledColumn, NameColumn, KindColumn, ConditionColumn, ColumnCount };
    enum Role { RuleIdRole = Qt::UserRole + 1 };

    explicit AlertRuleModel(core::AlertMonitor *monitor, QObject *parent = nullptr);

    core::AlertRule rule(int row) const;
    int rowOf(qint64 ruleId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    // The check box asks the monitor; the row follows once the rule is saved.
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void load();
    void onSaved(const core::AlertRule &rule);
    void onRemoved(qint64 ruleId);

    core::AlertMonitor *monitor_;
    QList<core::AlertRule> rules_;
};

} // namespace slipway::models
