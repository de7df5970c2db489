// ServiceContainer: one replica of a Compose service as the engine creates it: its create body
// (first network included) and the networks it joins before it starts, with the service's name
// among its aliases there as docker-compose gives it. Host ports with no IP go on 127.0.0.1.
#pragma once

#include "core/environments/composeproject.h"
#include "core/environments/environmentidentity.h"
#include "engine/containercreate.h"

#include <QCoreApplication>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace slipway::core::env {

struct ServiceContainer {
    engine::ContainerCreate create;
    std::vector<std::pair<std::string, engine::EndpointConfig>> connect; // after create
};

class ServiceContainers {
    Q_DECLARE_TR_FUNCTIONS(ServiceContainers)

public:
    static ServiceContainer make(const ComposeProject &project, const ServiceSpec &service,
                                 int number, const EnvironmentIdentity &identity);
    // "no", "always", "unless-stopped", "on-failure[:N]"; empty reads as "no". Nullopt with
    // `error` for anything else.
    static std::optional<engine::RestartPolicy> restartPolicy(const QString &restart,
                                                              QString *error);
    // The engine's names of a project's network and volume keys.
    static QString networkName(const ComposeProject &project, const QString &key);
    static QString volumeName(const ComposeProject &project, const QString &key);
};

} // namespace slipway::core::env
