// RolloutCheck: what a change looks at on the engine before it records success, and how it
// gives the old version back when the new replicas must not stay. An engine restarted mid-way
// starts again what was running (restart policy unless-stopped) and leaves stopped what
// Slipway stopped, so neither a health wait nor a failed call is proof of what runs.
#pragma once

#include "core/deploy/healthwaiter.h"
#include "core/deploy/rolloutsteps.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <chrono>

namespace slipway::core {

class RolloutCheck {
    Q_DECLARE_TR_FUNCTIONS(RolloutCheck)

public:
    using Target = HealthWaiter::Target;
    enum class Outcome { Running, Failed, EngineLost };

    // Every one of `targets` exists and runs (and is healthy when it has a health check: a
    // replica the engine restarted is "starting" again), and `expected` of them do. `why`
    // names the first that does not.
    static Outcome verify(const QList<Target> &targets, int expected, QString *why);

    // Waits, at most `timeout`, until every one of `hosts` answers /_ping.
    static bool waitForEngines(const QList<DeployHost> &hosts, std::chrono::milliseconds timeout,
                               QString *why);

    // Leaves the old version running after a change that failed: waits (at most `timeout`)
    // for the engines, stops `added`, starts each of `kept` that does not run, waits until they
    // run, then removes `added`. When none of `kept` runs again, `added` are started again
    // rather than leave nothing running. False with `why` saying what could not be done.
    static bool giveBack(const QList<Target> &added, const QList<Target> &kept,
                         std::chrono::milliseconds timeout, QString *why);

private:
    static bool runs(const Target &t, QString *why);
};

} // namespace slipway::core
