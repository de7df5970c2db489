// EnvironmentOutcome: how a provision, recycle or sweep of one environment ended: its error in
// people's words (the step, the service and the daemon's own words), and the containers,
// networks and volumes it created (provision) or removed and kept (recycle, sweep).
#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

namespace slipway::core::env {

struct EnvironmentOutcome {
    bool ok = false;
    QString error;
    QStringList containers;
    QStringList networks;
    QStringList volumes;
    QStringList keptVolumes; // recycle only
};

} // namespace slipway::core::env

Q_DECLARE_METATYPE(slipway::core::env::EnvironmentOutcome)
