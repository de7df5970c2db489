// ReplicaProbe: a readiness probe sent from inside a replica's own network namespace. A tiny
// container of the helper image (HelperImage) joins the replica's namespace (NetworkMode
// container:<id>) and tries the probe on 127.0.0.1 until it answers or a budget runs out, so it
// works for remote hosts and never reaches docker-proxy, which accepts on a published port
// before the application listens. Blocking: runs on a deployer's worker thread.
#pragma once

#include "core/deploy/probespec.h"
#include "core/deploy/rolloutsteps.h"

#include <QCoreApplication>
#include <QString>
#include <chrono>

namespace slipway::core {

class ReplicaProbe {
    Q_DECLARE_TR_FUNCTIONS(ReplicaProbe)

public:
    // On every probe container: the replica's container ID. Never slipway.app: a probe is not
    // a replica.
    static constexpr const char *kLabel = "slipway.probe-of";

    // Starts the probe container; its ID, or empty with `error` (also when the helper image
    // cannot be had).
    static QString start(const DeployHost &host, const QString &replicaId,
                         const QString &replicaName, const ProbeSpec &spec,
                         std::chrono::milliseconds budget, QString *error);

    enum class State { Trying, Passed, GaveUp };
    // Where the probe is; `detail` gets what the last attempt printed once it gave up.
    static State look(const DeployHost &host, const QString &probeId, QString *detail);
    // What the latest failed attempt printed ("Connection refused", "404 Not Found").
    static QString lastAttempt(const DeployHost &host, const QString &probeId);
    // Removes the probe container, whatever state it is in.
    static void remove(const DeployHost &host, const QString &probeId);

    // The shell script the probe container runs: `sh -c script probe KIND PORT URL SECONDS`.
    static std::vector<std::string> command(const ProbeSpec &spec, int budgetSeconds);
};

} // namespace slipway::core
