// EnvironmentStatus: an environment's record with what runs of it now, service by service,
// as the Inventory lists its containers: what "My environments" shows and `slipctl env ls`
// prints.
#pragma once

#include "core/environments/environmentrecord.h"
#include "core/fleet/containerrecord.h"

#include <QList>
#include <QStringList>

namespace slipway::core::env {

struct ServiceStatus {
    QString name;
    int running = 0;
    int total = 0;         // containers of the service found on the host
    QString health;        // the worst of its replicas': "unhealthy", "starting", "healthy", ""
    QString state;         // the worst replica's state ("exited" beats "running")
    QStringList endpoints; // published ports as links: "http://127.0.0.1:32768"
    ContainerList containers;

    friend bool operator==(const ServiceStatus &, const ServiceStatus &) = default;
};

struct EnvironmentStatus {
    EnvironmentRecord record;
    QList<ServiceStatus> services; // by name

    // "3/5 running"-style summary counts.
    int servicesRunning() const;

    // The services of `record` from `containers` (those labelled with its UUID).
    static QList<ServiceStatus> servicesFrom(const QString &environmentId,
                                             const ContainerList &containers);
};

} // namespace slipway::core::env
