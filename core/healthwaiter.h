// HealthWaiter: waits on a deployer's worker thread until new replicas are healthy: the
// engine's health status when the container has a health check, else a TCP connect to its
// published ports (on 127.0.0.1, for a local engine), else running for a moment.
#pragma once

#include "core/rolloutsteps.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <atomic>
#include <chrono>

namespace slipway::core {

class HealthWaiter {
    Q_DECLARE_TR_FUNCTIONS(HealthWaiter)

public:
    struct Target {
        DeployHost host;
        QString containerId;
        QString name;
    };
    enum class Outcome { Healthy, Failed, EngineLost, Cancelled };

    // Polls every target until all are healthy, one fails (unhealthy, exited, gone), the
    // deadline passes, or the engine stops answering. `why` gets the health check's output
    // or the daemon's message.
    static Outcome wait(const QList<Target> &targets, std::chrono::milliseconds timeout,
                        const std::atomic<bool> &cancelled, const ProgressFn &progress,
                        QString *why);

private:
    static bool tcpConnects(int port);
};

} // namespace slipway::core
