// ProvisionCheck: what refuses a provision before anything is created: a bad identity or name,
// a dependency cycle or an unknown dependency, a bad restart policy or image reference, a fixed
// host port twice in the template; on the engine, the project name or a network or volume name
// already in use, a missing external network or volume, a fixed host port another container
// already publishes.
#pragma once

#include "core/environments/composeproject.h"
#include "core/environments/environmentidentity.h"

#include <QCoreApplication>
#include <QStringList>

namespace slipway::engine {
class DockerClient;
}

namespace slipway::core::env {

class ProvisionCheck {
    Q_DECLARE_TR_FUNCTIONS(ProvisionCheck)

public:
    // Without an engine. Each problem is one sentence naming what is wrong.
    static QStringList offline(const ComposeProject &project, const EnvironmentIdentity &identity);
    // Against the engine (blocking: a worker thread only).
    static QStringList online(engine::DockerClient &client, const ComposeProject &project,
                              const EnvironmentIdentity &identity);

    // "8080" -> [8080, 8080]; "8080-8082" -> [8080, 8082]; "" (ephemeral) or bad -> false.
    static bool portRange(const QString &published, int *first, int *last);
};

} // namespace slipway::core::env
