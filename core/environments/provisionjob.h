// ProvisionJob: the blocking work of one provision on a worker thread: the checks, then the
// networks, the volumes and every service on a thread of its own that pulls its image, waits for
// its dependencies per their conditions, creates and starts its replicas and waits until they
// are ready. The first failure stops the others, and everything labelled with the environment
// is removed again.
#pragma once

#include "core/environments/composeproject.h"
#include "core/environments/environmentidentity.h"
#include "core/environments/environmentoutcome.h"
#include "core/environments/serviceprogress.h"

#include <QCoreApplication>
#include <chrono>
#include <functional>
#include <memory>

namespace slipway::engine {
class DockerClient;
}

namespace slipway::core {
class Cancellation;
}

namespace slipway::core::env {

struct ProvisionOptions {
    // How long a service's replicas, or a dependency, may take to meet a condition.
    std::chrono::milliseconds readyTimeout{120000};
    // A pull that reports nothing for this long fails; 0: no bound.
    std::chrono::milliseconds pullStallTimeout{60000};
    QString hostName; // how messages name the engine; empty: its URL
    // Healthy as soon as the health test, run by Slipway at once, passes (ServiceWait);
    // false: only when the engine itself says healthy.
    bool probeHealth = true;
};

class ProvisionJob {
    Q_DECLARE_TR_FUNCTIONS(ProvisionJob)

public:
    using ServiceFn = std::function<void(const ServiceProgress &)>;
    using StepFn = std::function<void(const QString &)>;

    ProvisionJob(std::shared_ptr<engine::DockerClient> client, ComposeProject project,
                 EnvironmentIdentity identity, ProvisionOptions options,
                 std::shared_ptr<Cancellation> cancel, ServiceFn onService, StepFn onStep);
    ~ProvisionJob();

    // Blocks until the environment is ready, or failed and removed again.
    EnvironmentOutcome run();

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace slipway::core::env
