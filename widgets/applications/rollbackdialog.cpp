#include "widgets/applications/rollbackdialog.h"

#include "core/fleet/inventory.h"
#include "widgets/applications/healthfields.h"
#include "widgets/common/bannerlabel.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace slipway::widgets {

using core::DeploymentRecord;

namespace {

QLabel *valueLabel(QWidget *parent, const char *name) {
    auto *l = new QLabel(parent);
    l->setObjectName(QLatin1String(name));
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    l->setWordWrap(true);
    return l;
}

QLabel *banner(QWidget *parent, const char *name, BannerLabel::Tone tone) {
    auto *l = new BannerLabel(QLatin1String(name), tone, parent);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

QString versionLine(const DeploymentRecord &r) {
    const QString version = r.version.isEmpty() ? QStringLiteral("?") : r.version;
    const QString digest = r.config.digest.isEmpty() ? QStringLiteral("?") : r.config.digest;
    QString line =
        QStringLiteral("<b>%1</b> &nbsp;<span style='color:#555'>%2</span><br>"
                       "<span style='font-family:monospace; font-size:small; "
                       "color:#555'>%3</span>")
            .arg(version.toHtmlEscaped(), r.config.image.toHtmlEscaped(), digest.toHtmlEscaped());
    // The environment, secrets as KEY=******: Slipway never stores their values.
    if (const QStringList env = r.config.maskedEnv(); !env.isEmpty())
        line += QStringLiteral("<br><span style='font-family:monospace; font-size:small; "
                               "color:#555'>%1</span>")
                    .arg(env.join(u' ').toHtmlEscaped());
    return line;
}

} // namespace

RollbackDialog::RollbackDialog(core::Deployer *deployer, core::Inventory *inventory,
                               const QString &app, const QString &env, qint64 targetId,
                               QWidget *parent)
    : QDialog(parent), deployer_(deployer), inventory_(inventory), app_(app), env_(env) {
    setObjectName(QStringLiteral("rollbackDialog"));
    setWindowTitle(tr("Roll back %1 in %2").arg(app, env));

    title_ = valueLabel(this, "rollbackTitle");
    title_->setText(targetId > 0
                        ? tr("Roll back %1 in %2 to deployment #%3").arg(app, env).arg(targetId)
                        : tr("Roll back %1 in %2 to the previous version").arg(app, env));
    QFont bold = title_->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    title_->setFont(bold);
    from_ = valueLabel(this, "rollbackFrom");
    to_ = valueLabel(this, "rollbackTo");
    replicas_ = valueLabel(this, "rollbackReplicas");
    hosts_ = valueLabel(this, "rollbackHosts");
    from_->setTextFormat(Qt::RichText);
    to_->setTextFormat(Qt::RichText);
    stopFirst_ = banner(this, "rollbackStopFirst", BannerLabel::Tone::Warning);
    checks_ = new HealthFields(QStringLiteral("rollback"), this);
    checks_->setEnabled(false);
    connect(checks_, &HealthFields::changed, this, &RollbackDialog::checksChanged);

    bar_ = new QProgressBar(this);
    bar_->setObjectName(QStringLiteral("rollbackProgress"));
    bar_->setRange(0, 0);
    bar_->hide();
    step_ = valueLabel(this, "rollbackStep");
    step_->setEnabled(false);
    errorLabel_ = banner(this, "rollbackError", BannerLabel::Tone::Error);
    result_ = banner(this, "rollbackResult", BannerLabel::Tone::Ok);

    auto *buttons = new QDialogButtonBox(this);
    confirm_ = buttons->addButton(tr("Roll back"), QDialogButtonBox::AcceptRole);
    confirm_->setObjectName(QStringLiteral("confirmRollbackButton"));
    confirm_->setEnabled(false);
    close_ = buttons->addButton(QDialogButtonBox::Cancel);
    close_->setObjectName(QStringLiteral("closeRollbackButton"));
    connect(confirm_, &QPushButton::clicked, this, &RollbackDialog::confirm);
    connect(close_, &QPushButton::clicked, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("Now:"), from_);
    form->addRow(tr("After:"), to_);
    form->addRow(tr("Replicas:"), replicas_);
    form->addRow(tr("Hosts:"), hosts_);
    checks_->addRowsTo(form);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title_);
    layout->addSpacing(4);
    layout->addLayout(form);
    layout->addWidget(stopFirst_);
    layout->addSpacing(6);
    layout->addWidget(bar_);
    layout->addWidget(step_);
    layout->addWidget(errorLabel_);
    layout->addWidget(result_);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(680);

    connect(deployer_, &core::Deployer::planned, this,
            [this](quint64 request, const core::RollbackPlan &plan) {
                if (request == planRequest_)
                    showPlan(plan);
            });
    connect(deployer_, &core::Deployer::progress, this,
            [this](quint64 request, const QString &step, int done, int total) {
                if (request != runRequest_ || !close_->isEnabled()) // cancelling: say so
                    return;
                bar_->setRange(0, std::max(total, 1));
                bar_->setValue(std::clamp(done, 0, std::max(total, 1)));
                step_->setText(step);
            });
    connect(deployer_, &core::Deployer::finished, this,
            [this](quint64 request, bool ok, const QString &error, const DeploymentRecord &r) {
                if (request == planRequest_ && !ok) {
                    setStage(Stage::Refused);
                    showFailure(error, {});
                    return;
                }
                if (request != runRequest_)
                    return;
                runRequest_ = 0;
                if (!close_->isEnabled())
                    step_->clear(); // the cancel is done: the error says how it ended
                if (!ok) {
                    setStage(Stage::Failed);
                    showFailure(
                        tr("The rollback failed; %1 keeps running.").arg(plan_.from.version),
                        r.detail.isEmpty() ? error : r.detail);
                    if (!error.isEmpty() && !r.detail.isEmpty() && !r.detail.contains(error))
                        errorLabel_->setText(errorLabel_->text() + u'\n' + error);
                    return;
                }
                setStage(Stage::Succeeded);
                bar_->setRange(0, 1);
                bar_->setValue(1);
                QString text =
                    tr("%1 in %2 now runs %3: %n replica(s) healthy on %4.", nullptr, r.replicas)
                        .arg(app_, env_, r.version, hostNames(r.hosts));
                if (!r.detail.isEmpty())
                    text += u'\n' + r.detail;
                result_->setText(text);
                result_->show();
                adjustSize();
                emit rolledBack(r);
            });

    step_->setText(tr("Working out what the rollback will do…"));
    planRequest_ = deployer_->planRollback(app, env, targetId);
}

QString RollbackDialog::hostNames(const QStringList &ids) const {
    QStringList names;
    for (const QString &id : ids) {
        const QString name = inventory_ ? inventory_->hostName(id) : QString();
        names.append(name.isEmpty() ? id : name);
    }
    return names.isEmpty() ? tr("no host") : names.join(QStringLiteral(", "));
}

void RollbackDialog::showPlan(const core::RollbackPlan &plan) {
    plan_ = plan;
    from_->setText(versionLine(plan.from));
    to_->setText(plan.to.id ? versionLine(plan.to) : tr("—"));
    replicas_->setText(QString::number(plan.replicas));
    hosts_->setText(hostNames(plan.hostIds));
    if (plan.stopFirst) {
        stopFirst_->setText(
            tr("Stop-first: %1. The old replica on each host is stopped before the new one "
               "starts, so the application is briefly unavailable there; the gap is measured "
               "and reported.")
                .arg(plan.stopFirstReason.isEmpty() ? tr("a fixed host port")
                                                    : plan.stopFirstReason));
        stopFirst_->show();
    } else {
        stopFirst_->hide();
    }
    if (!plan.problem.isEmpty()) {
        setStage(Stage::Refused);
        showFailure(plan.problem, {});
        step_->clear();
        return;
    }
    checks_->setConfig(plan.to.config);
    setStage(Stage::Ready);
    readyText_ = tr("Pulls %1 by digest, starts %n new replica(s), waits until they are "
                    "healthy, then stops the old ones (kept for an undo window).",
                    nullptr, plan.replicas)
                     .arg(plan.to.version);
    step_->setText(readyText_);
    confirm_->setFocus();
    adjustSize();
}

void RollbackDialog::checksChanged() {
    if (stage_ != Stage::Ready)
        return;
    QString why;
    core::DeploymentConfig config = plan_.to.config;
    const bool ok = checks_->apply(&config, &why);
    confirm_->setEnabled(ok);
    step_->setText(ok ? readyText_ : why);
}

void RollbackDialog::confirm() {
    if (stage_ != Stage::Ready)
        return;
    QString why;
    if (!checks_->apply(&plan_.to.config, &why)) {
        checksChanged();
        return;
    }
    setStage(Stage::Running);
    errorLabel_->hide();
    bar_->setRange(0, 0);
    bar_->show();
    step_->setText(tr("Starting…"));
    runRequest_ = deployer_->rollback(plan_);
}

void RollbackDialog::showFailure(const QString &error, const QString &detail) {
    error_ = detail.isEmpty() ? error : error + u'\n' + detail;
    errorLabel_->setText(error_);
    errorLabel_->show();
    bar_->hide();
    adjustSize();
}

void RollbackDialog::setStage(Stage stage) {
    stage_ = stage;
    confirm_->setEnabled(stage == Stage::Ready);
    checks_->setEnabled(stage == Stage::Ready);
    const bool over =
        stage == Stage::Succeeded || stage == Stage::Failed || stage == Stage::Refused;
    confirm_->setVisible(!over);
    close_->setText(over ? tr("Close") : tr("Cancel"));
    close_->setEnabled(true);
}

void RollbackDialog::reject() {
    if (stage_ != Stage::Running || !runRequest_) {
        QDialog::reject();
        return;
    }
    // While it runs, closing cancels: the dialog stays until the cleanup is done and says so.
    deployer_->cancel(runRequest_);
    close_->setEnabled(false);
    step_->setText(tr("Cancelling: removing the new replicas…"));
}

} // namespace slipway::widgets
