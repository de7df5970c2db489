// DeployDialog: deploys an image as an application in an environment: image, replicas, port
// publications, environment variables (secret ones hidden, never stored), a health command, a
// monitor period and a probe (HealthFields), each checked as it is typed so bad input is refused
// with a precise message before any call; then the Deployer's progress and the result or the reason
// it failed.
#pragma once

#include "core/deploy/deployer.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace slipway::widgets {

class EnvVarsEdit;
class HealthFields;

class DeployDialog : public QDialog {
    Q_OBJECT

public:
    explicit DeployDialog(core::Deployer *deployer, QWidget *parent = nullptr);

    // Deploys over an existing application: its names are fixed, `config` fills the form.
    void setApplication(const QString &app, const QString &env, bool fixed);
    void setConfig(const core::DeploymentConfig &config, int replicas);
    // Says, before the user deploys, that a fixed host port means stop-first when `running`.
    void setRunningReplicas(int running);

    // The request the form describes, or nullopt with `problem` naming the first bad field.
    std::optional<core::DeployRequest> request(QString *problem = nullptr) const;
    bool isDeploying() const { return request_ != 0; }
    QString error() const { return error_; }

    QLineEdit *imageEdit() const { return image_; }
    EnvVarsEdit *envVarsEdit() const { return envVars_; }
    QPushButton *deployButton() const { return deploy_; }
    // "Cancel": closes the dialog, or, while a deployment runs, cancels it (the new replicas
    // are removed, the running version keeps serving) and the dialog stays to say so.
    QPushButton *closeButton() const { return close_; }
    QLabel *problemLabel() const { return problem_; }
    HealthFields *healthFields() const { return checks_; }

public slots:
    void startDeploy();
    void reject() override;

signals:
    void deployed(const slipway::core::DeploymentRecord &record);

private:
    void validate();

    core::Deployer *deployer_;
    QLineEdit *app_;
    QLineEdit *env_;
    QLineEdit *image_;
    QSpinBox *replicas_;
    QLineEdit *publish_;
    EnvVarsEdit *envVars_; // rows of KEY, VALUE and Secret
    QLineEdit *health_;
    HealthFields *checks_;
    QComboBox *pull_;
    QLabel *problem_;
    QLabel *stopFirst_;
    QProgressBar *bar_;
    QLabel *step_;
    QLabel *errorLabel_;
    QLabel *result_;
    QPushButton *deploy_;
    QPushButton *close_;
    core::DeploymentConfig base_; // what the form does not show (cmd, network) comes from here
    int running_ = 0;
    quint64 request_ = 0;
    QString error_;
};

} // namespace slipway::widgets
