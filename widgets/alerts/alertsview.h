// AlertsView: the Alerts section: firing and recent alerts (when, rule, target, detail) with
// acknowledgement, and the rules, which are added, edited, removed and switched on or off here.
#pragma once

#include <QWidget>

class QAction;
class QCheckBox;
class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace slipway::core {
class AlertMonitor;
}
namespace slipway::models {
class AlertRuleModel;
class AlertTableModel;
} // namespace slipway::models

namespace slipway::widgets {

class AlertsView : public QWidget {
    Q_OBJECT

public:
    explicit AlertsView(core::AlertMonitor *monitor, QWidget *parent = nullptr);

    QTableView *alertsTable() const { return alerts_; }
    QTableView *rulesTable() const { return rules_; }
    models::AlertTableModel *alertModel() const { return alertModel_; }
    models::AlertRuleModel *ruleModel() const { return ruleModel_; }

public slots:
    void acknowledgeSelected();
    void addRule();
    void editRule();
    void removeRule();

private:
    int currentAlertRow() const; // in the source model, -1 for none
    int currentRuleRow() const;
    void updateActions();
    void updateSummary();
    void showMessage(const QString &text);

    core::AlertMonitor *monitor_;
    models::AlertTableModel *alertModel_;
    models::AlertRuleModel *ruleModel_;
    QSortFilterProxyModel *proxy_;
    QLabel *summary_;
    QLabel *message_;
    QCheckBox *firingOnly_;
    QTableView *alerts_;
    QTableView *rules_;
    QAction *acknowledge_;
    QAction *addRule_;
    QAction *editRule_;
    QAction *removeRule_;
    quint64 ackRequest_ = 0;
    quint64 ruleRequest_ = 0;
};

} // namespace slipway::widgets
