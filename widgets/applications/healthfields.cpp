#include "widgets/applications/healthfields.h"

#include "core/deploy/probespec.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLineEdit>

namespace slipway::widgets {

HealthFields::HealthFields(const QString &prefix, QWidget *parent) : QObject(parent) {
    monitor_ = new QDoubleSpinBox(parent);
    monitor_->setObjectName(prefix + QStringLiteral("MonitorSpin"));
    monitor_->setRange(0, core::DeploymentConfig::kMaxMonitorMs / 1000.0);
    monitor_->setDecimals(1);
    monitor_->setSingleStep(1);
    monitor_->setSuffix(tr(" s"));
    monitor_->setSpecialValueText(tr("Off"));
    monitor_->setValue(core::DeploymentConfig::kDefaultMonitorMs / 1000.0);
    monitor_->setToolTip(tr("Each new replica is watched this long once healthy: an exit, a "
                            "restart or an out-of-memory kill in that time fails the change and "
                            "the running version keeps serving (Swarm's --update-monitor). "
                            "0: not watched."));
    probe_ = new QLineEdit(parent);
    probe_->setObjectName(prefix + QStringLiteral("ProbeEdit"));
    probe_->setClearButtonEnabled(true);
    probe_->setPlaceholderText(tr("e.g. http://:8080/health or tcp://:5432"));
    probe_->setToolTip(tr("Sent from inside each new replica, so it reaches the application "
                          "itself on any host. Empty: the image's health check, else a TCP "
                          "connect to the first published port."));
    connect(monitor_, &QDoubleSpinBox::valueChanged, this, &HealthFields::changed);
    connect(probe_, &QLineEdit::textChanged, this, &HealthFields::changed);
}

void HealthFields::addRowsTo(QFormLayout *form) {
    form->addRow(tr("Monitor:"), monitor_);
    form->addRow(tr("Probe:"), probe_);
}

void HealthFields::setConfig(const core::DeploymentConfig &config) {
    monitor_->setValue(config.monitorMs / 1000.0);
    probe_->setText(config.probe);
}

bool HealthFields::apply(core::DeploymentConfig *config, QString *problem) const {
    const QString text = probe_->text().trimmed();
    if (text.isEmpty()) {
        config->probe.clear();
    } else {
        QString why;
        const auto spec = core::ProbeSpec::parse(text, &why);
        if (!spec) {
            if (problem)
                *problem = tr("Probe: %1").arg(why);
            return false;
        }
        config->probe = spec->toString();
    }
    config->monitorMs = int(qRound64(monitor_->value() * 1000));
    return true;
}

void HealthFields::setEnabled(bool enabled) {
    monitor_->setEnabled(enabled);
    probe_->setEnabled(enabled);
}

} // namespace slipway::widgets
