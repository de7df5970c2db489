// ReplicaDrain: takes old replicas out of what a load balancer sees before they stop. A
// replica Slipway starts with a shell health check gets one that also fails while a marker
// file exists; draining writes the marker, waits until the engine reports the replica
// unhealthy (a balancer that follows the engine's health drops it then, while it still
// serves), and waits a grace period more for the balancer to notice. Runs on a deployer's
// worker thread.
#pragma once

#include "core/deploy/rolloutsteps.h"
#include "engine/types.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <atomic>
#include <chrono>
#include <string>
#include <vector>

namespace slipway::core {

class ReplicaDrain {
    Q_DECLARE_TR_FUNCTIONS(ReplicaDrain)

public:
    // On replicas whose health check honours the marker; other replicas are stopped as they are.
    static constexpr const char *kLabel = "slipway.drain";
    // /dev/shm is a fresh tmpfs each time a container starts, so a replica restarted by an undo
    // serves again without anyone removing the marker.
    static constexpr const char *kMarker = "/dev/shm/slipway-draining";

    // `test` (["CMD-SHELL", cmd] or ["CMD", args...]) as a shell command that fails while the
    // marker exists; empty for ["NONE"] or an empty test. An exec-form check becomes a shell
    // one, so the caller must make sure the image has /bin/sh (needsShell).
    static std::vector<std::string> wrapHealthTest(const std::vector<std::string> &test);
    static bool needsShell(const std::vector<std::string> &test) {
        return !test.empty() && test[0] == "CMD";
    }

    struct Target {
        DeployHost host;
        QString containerId;
        QString name;
    };
    struct Timing {
        std::chrono::milliseconds timeout{30000}; // for every target to turn unhealthy
        std::chrono::milliseconds grace{1000};    // after that, before anything stops
    };
    // The longest a replica's health check can take to report unhealthy once the marker
    // exists: the check under way when it appeared (up to its timeout), then `retries` failing
    // checks an interval apart, plus a little for the engine. A zero field of the container's
    // config is the image's, and a zero there Docker's default (interval 30 s, timeout 30 s,
    // 3 retries).
    static std::chrono::milliseconds
    timeToUnhealthy(const std::optional<engine::HealthConfig> &container,
                    const std::optional<engine::HealthConfig> &image);

    // Drains the running targets that carry kLabel, all at once, waiting for each no longer
    // than its timeToUnhealthy; one that cannot turn unhealthy within the timeout is not waited
    // for at all. Returns a note naming those that could not be drained (they are stopped all
    // the same), empty when all went well.
    static QString drain(const QList<Target> &targets, Timing timing,
                         const std::atomic<bool> &cancelled, const ProgressFn &progress);
};

} // namespace slipway::core
