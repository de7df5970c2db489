// HealthFields: the monitor period and probe fields the deploy and rollback dialogs share:
// how long each new replica is watched once healthy, and the readiness probe sent from inside
// it, each checked as it is typed.
#pragma once

#include "core/deploy/deploymentrecord.h"

#include <QObject>

class QDoubleSpinBox;
class QFormLayout;
class QLineEdit;

namespace slipway::widgets {

class HealthFields : public QObject {
    Q_OBJECT

public:
    // The fields are children of `parent`; `prefix` starts their object names
    // ("deploy" -> deployMonitorSpin, deployProbeEdit).
    HealthFields(const QString &prefix, QWidget *parent);

    void addRowsTo(QFormLayout *form);
    void setConfig(const core::DeploymentConfig &config);
    // Puts the fields into `config`; false with `problem` naming a bad probe.
    bool apply(core::DeploymentConfig *config, QString *problem) const;
    void setEnabled(bool enabled);

    QDoubleSpinBox *monitorSpin() const { return monitor_; }
    QLineEdit *probeEdit() const { return probe_; }

signals:
    void changed();

private:
    QDoubleSpinBox *monitor_;
    QLineEdit *probe_;
};

} // namespace slipway::widgets
