// EnvironmentCleanup: removes what the engine holds of one environment, found by its labels
// alone (this store's and this environment's UUIDs, never anyone else's): containers forced
// with their anonymous volumes, then its networks, then its volumes, but for those the template
// keeps when asked to. Recycle, a failed provision's undo and the sweep after an engine outage.
#pragma once

#include "core/environments/environmentidentity.h"

#include <QCoreApplication>
#include <QStringList>

namespace slipway::engine {
class DockerClient;
}

namespace slipway::core::env {

class EnvironmentCleanup {
    Q_DECLARE_TR_FUNCTIONS(EnvironmentCleanup)

public:
    enum class Volumes {
        KeepMarked, // a recycle: volumes labelled slipway.keep=true stay
        RemoveAll,  // an undo or a sweep: nothing of the environment stays
    };

    struct Report {
        QStringList containers; // names removed
        QStringList networks;
        QStringList volumes;
        QStringList keptVolumes;
        QStringList errors; // each names the object and carries the daemon's words
        bool ok() const { return errors.isEmpty(); }
    };

    // Blocks on engine calls: a worker thread only. Goes on past a failed removal, so that one
    // stuck object does not keep the rest; what failed is in `errors`.
    static Report remove(engine::DockerClient &client, const EnvironmentIdentity &identity,
                         Volumes volumes);
};

} // namespace slipway::core::env
