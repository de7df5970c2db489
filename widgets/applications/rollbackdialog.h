// RollbackDialog: one rollback, confirmed first: what runs now and what will run (version,
// digest), replicas and hosts, and, before the user confirms, whether a fixed host port forces
// stopping the old replicas first and why, with the monitor period and probe (the target's
// recorded ones, editable: HealthFields); then the Deployer's progress, and the result or the
// reason it failed (the health check's output or the daemon's message).
#pragma once

#include "core/deploy/deployer.h"

#include <QDialog>

class QLabel;
class QProgressBar;
class QPushButton;

namespace slipway::core {
class Inventory;
}

namespace slipway::widgets {

class HealthFields;

class RollbackDialog : public QDialog {
    Q_OBJECT

public:
    // Plans the rollback of `app` in `env` to deployment `targetId` (0: the previous version)
    // at once; `inventory` (may be null) names the hosts.
    RollbackDialog(core::Deployer *deployer, core::Inventory *inventory, const QString &app,
                   const QString &env, qint64 targetId, QWidget *parent = nullptr);

    enum class Stage { Planning, Ready, Refused, Running, Succeeded, Failed };
    Stage stage() const { return stage_; }
    const core::RollbackPlan &plan() const { return plan_; }
    QString error() const { return error_; }
    QPushButton *confirmButton() const { return confirm_; }
    // "Cancel": closes the dialog, or, while the rollback runs, cancels it (the new replicas
    // are removed, the running version keeps serving) and the dialog stays to say so.
    QPushButton *closeButton() const { return close_; }
    HealthFields *healthFields() const { return checks_; }

public slots:
    void confirm();
    void reject() override;

signals:
    void rolledBack(const slipway::core::DeploymentRecord &record);

private:
    void showPlan(const core::RollbackPlan &plan);
    void showFailure(const QString &error, const QString &detail);
    void setStage(Stage stage);
    void checksChanged();
    QString hostNames(const QStringList &ids) const;

    core::Deployer *deployer_;
    core::Inventory *inventory_;
    QString app_;
    QString env_;
    core::RollbackPlan plan_;
    Stage stage_ = Stage::Planning;
    QString error_;
    quint64 planRequest_ = 0;
    quint64 runRequest_ = 0;

    QLabel *title_;
    QLabel *from_;
    QLabel *to_;
    QLabel *replicas_;
    QLabel *hosts_;
    QLabel *stopFirst_;
    HealthFields *checks_;
    QString readyText_; // what step_ says while the plan is ready
    QProgressBar *bar_;
    QLabel *step_;
    QLabel *errorLabel_;
    QLabel *result_;
    QPushButton *confirm_;
    QPushButton *close_;
};

} // namespace slipway::widgets
