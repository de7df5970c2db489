#include "widgets/applications/deploydialog.h"

#include "core/deploy/publishspec.h"
#include "core/fleet/imagecatalog.h"
#include "widgets/applications/envvarsedit.h"
#include "widgets/applications/healthfields.h"
#include "widgets/common/bannerlabel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

namespace slipway::widgets {

namespace {

// The Deployer's rule for slipway.app and slipway.env values.
bool validName(const QString &name) {
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$"));
    return valid.match(name).hasMatch();
}

QStringList splitList(const QString &text) {
    QStringList out;
    for (const QString &part :
         text.split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts))
        out.append(part);
    return out;
}

} // namespace

DeployDialog::DeployDialog(core::Deployer *deployer, QWidget *parent)
    : QDialog(parent), deployer_(deployer) {
    setObjectName(QStringLiteral("deployDialog"));
    setWindowTitle(tr("Deploy"));

    const auto edit = [this](const char *name, const QString &placeholder) {
        auto *e = new QLineEdit(this);
        e->setObjectName(QLatin1String(name));
        e->setPlaceholderText(placeholder);
        e->setClearButtonEnabled(true);
        return e;
    };
    app_ = edit("deployAppEdit", tr("e.g. web"));
    env_ = edit("deployEnvEdit", tr("e.g. staging"));
    image_ = edit("deployImageEdit", tr("e.g. registry.example.com:5000/team/web:1.2.0"));
    image_->setMinimumWidth(420);
    replicas_ = new QSpinBox(this);
    replicas_->setObjectName(QStringLiteral("deployReplicasSpin"));
    replicas_->setRange(1, 100);
    publish_ = edit("deployPublishEdit", tr("e.g. 8080 or 127.0.0.1:0:8080 (host port 0: any)"));
    publish_->setToolTip(tr("[IP:][HOST:]CONTAINER[/udp], separated by commas. Without an "
                            "address the port is bound on 127.0.0.1. A fixed host port "
                            "means the old replica must stop before the new one starts."));
    envVars_ = new EnvVarsEdit(this);
    health_ = edit("deployHealthEdit", tr("empty: the image's own health check"));
    health_->setToolTip(tr("A shell command run inside the container; exit 0 means healthy."));
    checks_ = new HealthFields(QStringLiteral("deploy"), this);
    pull_ = new QComboBox(this);
    pull_->setObjectName(QStringLiteral("deployPullCombo"));
    pull_->addItem(tr("When missing: use the host's image, pull only if it has none"),
                   int(core::PullPolicy::Missing));
    pull_->addItem(tr("Always: pull before deploying"), int(core::PullPolicy::Always));
    pull_->addItem(tr("Never: use only images the hosts have"), int(core::PullPolicy::Never));
    pull_->setToolTip(tr("As docker run --pull. An image that was never pushed or pulled is "
                         "pinned by its ID and runs only on the hosts that have it."));

    problem_ = new QLabel(this);
    problem_->setObjectName(QStringLiteral("deployProblem"));
    problem_->setWordWrap(true);
    stopFirst_ =
        new BannerLabel(QStringLiteral("deployStopFirst"), BannerLabel::Tone::Warning, this);
    bar_ = new QProgressBar(this);
    bar_->setObjectName(QStringLiteral("deployProgress"));
    bar_->hide();
    step_ = new QLabel(this);
    step_->setObjectName(QStringLiteral("deployStep"));
    step_->setEnabled(false);
    step_->setWordWrap(true);
    errorLabel_ = new BannerLabel(QStringLiteral("deployError"), BannerLabel::Tone::Error, this);
    errorLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    result_ = new BannerLabel(QStringLiteral("deployResult"), BannerLabel::Tone::Ok, this);
    result_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox(this);
    deploy_ = buttons->addButton(tr("Deploy"), QDialogButtonBox::AcceptRole);
    deploy_->setObjectName(QStringLiteral("deployButton"));
    deploy_->setDefault(true);
    close_ = buttons->addButton(QDialogButtonBox::Cancel);
    close_->setObjectName(QStringLiteral("closeDeployButton"));
    connect(deploy_, &QPushButton::clicked, this, &DeployDialog::startDeploy);
    connect(close_, &QPushButton::clicked, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("Application:"), app_);
    form->addRow(tr("Environment:"), env_);
    form->addRow(tr("Image:"), image_);
    form->addRow(tr("Pull:"), pull_);
    form->addRow(tr("Replicas:"), replicas_);
    form->addRow(tr("Publish:"), publish_);
    form->addRow(tr("Environment variables:"), envVars_);
    form->addRow(tr("Health command:"), health_);
    checks_->addRowsTo(form);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(problem_);
    layout->addWidget(stopFirst_);
    layout->addWidget(bar_);
    layout->addWidget(step_);
    layout->addWidget(errorLabel_);
    layout->addWidget(result_);
    layout->addStretch(1);
    layout->addWidget(buttons);

    for (QLineEdit *e : {app_, env_, image_, publish_, health_})
        connect(e, &QLineEdit::textChanged, this, &DeployDialog::validate);
    connect(envVars_, &EnvVarsEdit::changed, this, &DeployDialog::validate);
    connect(checks_, &HealthFields::changed, this, &DeployDialog::validate);
    connect(replicas_, &QSpinBox::valueChanged, this, &DeployDialog::validate);

    connect(deployer_, &core::Deployer::progress, this,
            [this](quint64 request, const QString &step, int done, int total) {
                if (request != request_ || !close_->isEnabled()) // cancelling: say so
                    return;
                bar_->setRange(0, std::max(total, 1));
                bar_->setValue(std::clamp(done, 0, std::max(total, 1)));
                step_->setText(step);
            });
    connect(deployer_, &core::Deployer::finished, this,
            [this](quint64 request, bool ok, const QString &error,
                   const core::DeploymentRecord &record) {
                if (request != request_)
                    return;
                request_ = 0;
                if (!close_->isEnabled())
                    step_->clear(); // the cancel is done: the error says how it ended
                close_->setText(tr("Close"));
                close_->setEnabled(true);
                for (QWidget *w : std::initializer_list<QWidget *>{
                         app_, env_, image_, pull_, replicas_, publish_, envVars_, health_})
                    w->setEnabled(true);
                checks_->setEnabled(true);
                if (!ok) {
                    error_ = record.detail.isEmpty() || error.contains(record.detail)
                                 ? error
                                 : error + u'\n' + record.detail;
                    errorLabel_->setText(error_);
                    errorLabel_->show();
                    bar_->hide();
                    validate();
                    return;
                }
                bar_->setRange(0, 1);
                bar_->setValue(1);
                QString text = tr("%1 in %2 runs %3: %n replica(s).", nullptr, record.replicas)
                                   .arg(record.app, record.env, record.version);
                if (!record.detail.isEmpty())
                    text += u'\n' + record.detail;
                result_->setText(text);
                result_->show();
                deploy_->hide();
                emit deployed(record);
            });
    validate();
}

void DeployDialog::setApplication(const QString &app, const QString &env, bool fixed) {
    app_->setText(app);
    env_->setText(env);
    app_->setReadOnly(fixed);
    env_->setReadOnly(fixed);
    if (fixed)
        setWindowTitle(tr("Deploy %1 in %2").arg(app, env));
    image_->setFocus();
}

void DeployDialog::setConfig(const core::DeploymentConfig &config, int replicas) {
    base_ = config;
    image_->setText(config.image);
    replicas_->setValue(std::max(1, replicas));
    publish_->setText(config.publish.join(QStringLiteral(", ")));
    envVars_->setVariables(config.env, config.secret); // secrets come as keys only
    health_->setText(config.healthCmd);
    checks_->setConfig(config);
}

void DeployDialog::setRunningReplicas(int running) {
    running_ = running;
    validate();
}

std::optional<core::DeployRequest> DeployDialog::request(QString *problem) const {
    const auto refuse = [problem](const QString &why) {
        if (problem)
            *problem = why;
        return std::nullopt;
    };
    core::DeployRequest r;
    r.app = app_->text().trimmed();
    r.env = env_->text().trimmed();
    if (r.app.isEmpty())
        return refuse(tr("Name the application."));
    if (!validName(r.app))
        return refuse(tr("Application \"%1\": start with a letter or digit and use only "
                         "letters, digits, '.', '_' and '-' (at most 63).")
                          .arg(r.app));
    if (r.env.isEmpty())
        return refuse(tr("Name the environment."));
    if (!validName(r.env))
        return refuse(tr("Environment \"%1\": start with a letter or digit and use only "
                         "letters, digits, '.', '_' and '-' (at most 63).")
                          .arg(r.env));
    r.config = base_;
    r.config.digest.clear();
    r.config.image = image_->text().trimmed();
    if (r.config.image.isEmpty())
        return refuse(tr("Give the image to deploy."));
    if (const QString why = core::ImageCatalog::checkReference(r.config.image); !why.isEmpty())
        return refuse(why);
    r.config.publish = splitList(publish_->text());
    QString why;
    if (!core::PublishSpec::parseAll(r.config.publish, &why))
        return refuse(tr("Publish: %1").arg(why));
    r.config.env.clear();
    r.config.secret.clear();
    if (!envVars_->variables(&r.config.env, &r.config.secret, &why))
        return refuse(why);
    r.config.healthCmd = health_->text().trimmed();
    if (!checks_->apply(&r.config, &why))
        return refuse(why);
    r.replicas = replicas_->value();
    r.pull = core::PullPolicy(pull_->currentData().toInt());
    return r;
}

void DeployDialog::validate() {
    if (request_)
        return;
    QString why;
    const auto r = request(&why);
    problem_->setText(r ? tr("Deploys %1 as %2 in %3.").arg(r->config.image, r->app, r->env) : why);
    problem_->setStyleSheet(r ? QStringLiteral("QLabel { color: #1f6a2e; }")
                              : QStringLiteral("QLabel { color: #a32020; }"));
    deploy_->setEnabled(bool(r));
    const bool fixed = r && r->config.hasFixedHostPort();
    stopFirst_->setVisible(fixed && running_ > 0);
    if (fixed)
        stopFirst_->setText(tr("A fixed host port is published: the running replica on each "
                               "host is stopped before its replacement starts, so there is a "
                               "short gap (measured and reported). Publish host port 0 to let "
                               "old and new run side by side."));
}

void DeployDialog::startDeploy() {
    if (request_)
        return;
    QString why;
    const auto r = request(&why);
    if (!r) {
        validate();
        return;
    }
    errorLabel_->hide();
    result_->hide();
    error_.clear();
    for (QWidget *w : std::initializer_list<QWidget *>{app_, env_, image_, pull_, replicas_,
                                                       publish_, envVars_, health_})
        w->setEnabled(false);
    checks_->setEnabled(false);
    deploy_->setEnabled(false);
    bar_->setRange(0, 0);
    bar_->show();
    step_->setText(tr("Resolving %1…").arg(r->config.image));
    close_->setText(tr("Cancel"));
    close_->setToolTip(tr("Cancel the deployment: the new replicas are removed and the running "
                          "version keeps serving."));
    request_ = deployer_->deploy(*r);
}

void DeployDialog::reject() {
    if (!request_) {
        QDialog::reject();
        return;
    }
    // While it runs, closing cancels: the dialog stays until the cleanup is done and says so.
    deployer_->cancel(request_);
    close_->setEnabled(false);
    step_->setText(tr("Cancelling: removing the new replicas…"));
}

} // namespace slipway::widgets
