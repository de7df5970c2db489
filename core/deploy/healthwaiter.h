// HealthWaiter: waits on a deployer's worker thread until new replicas are healthy (the
// engine's health status when the container has a health check; the deployment's probe, or a
// TCP connect to a published port, sent from inside the replica by ReplicaProbe; else running
// for a moment), then watches each for a monitor period in which an exit, a restart or an OOM
// kill fails it.
#pragma once

#include "core/deploy/probespec.h"
#include "core/deploy/rolloutsteps.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <atomic>
#include <chrono>
#include <optional>

namespace slipway::core {

class HealthWaiter {
    Q_DECLARE_TR_FUNCTIONS(HealthWaiter)

public:
    struct Target {
        DeployHost host;
        QString containerId;
        QString name;
    };
    // What counts as healthy beyond the engine's own state.
    struct Checks {
        std::chrono::milliseconds monitor{DeploymentConfig::kDefaultMonitorMs}; // 0: none
        std::optional<ProbeSpec> probe; // none: a published TCP port, probed from inside
        QString problem;                // non-empty: the config's probe is bad; wait fails
    };
    enum class Outcome { Healthy, Failed, EngineLost, Cancelled };

    // The monitor period and probe a deployment's config asks for.
    static Checks checksFor(const DeploymentConfig &config);

    // Polls every target until all are healthy and have been watched for `checks.monitor`, one
    // fails (unhealthy, exited, restarted, OOM-killed, gone), the deadline for being healthy
    // passes, or the engine stops answering. `why` gets the health check's or probe's output or
    // the daemon's message.
    static Outcome wait(const QList<Target> &targets, std::chrono::milliseconds timeout,
                        const Checks &checks, const std::atomic<bool> &cancelled,
                        const ProgressFn &progress, QString *why);
};

} // namespace slipway::core
