// ServiceWait: waits on a worker thread until a service's container meets a Compose condition:
// started (running, or ended with 0), healthy (health "healthy"; "unhealthy" or an exit fails)
// or completed successfully (exited with 0), polling the engine's inspect until a deadline.
// With `probe`, healthy is also met by the container's own health test run at once through
// exec and passing: the engine (before API 1.44's start_interval) first runs it one whole
// interval after the start, and counts one pass as healthy too.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <atomic>
#include <chrono>
#include <string>

namespace slipway::engine {
class DockerClient;
}

namespace slipway::core::env {

class ServiceWait {
    Q_DECLARE_TR_FUNCTIONS(ServiceWait)

public:
    enum class Goal { Started, Healthy, Completed };
    enum class Outcome { Met, Failed, Cancelled };

    // `name` names the container in `why`, which gets what failed: the health check's last
    // output, the exit code, the daemon's words, or the deadline.
    static Outcome wait(engine::DockerClient &client, const std::string &containerId,
                        const QString &name, Goal goal, std::chrono::milliseconds timeout,
                        const std::atomic<bool> &cancelled, QString *why, bool probe = false);
    // Whether the container has a health check to wait for (its own or its image's).
    static bool hasHealthCheck(engine::DockerClient &client, const std::string &containerId,
                               QString *why);

    static std::chrono::milliseconds pollInterval() { return std::chrono::milliseconds(100); }
};

} // namespace slipway::core::env
