// The timed work of a fleet as TimedJobs: deployment recovery, desired replica counts (the
// Reconciler, which also acts on container changes while this process leads) and the sweep of
// what interrupted environment runs left. The GUI and `slipctl agent` register the same ones.
#pragma once

#include <chrono>

namespace slipway::core {

class Deployer;
class HostMonitor;
class Reconciler;
class TimedWork;

namespace env {
class Environments;
}

struct FleetJobPeriods {
    std::chrono::milliseconds recover{60000};
    std::chrono::milliseconds reconcile{5000};
    std::chrono::milliseconds sweep{60000};
};

// Adds the jobs of what is given (any may be null: its job is left out); the Reconciler and
// the Environments act only while `work` leads from here on.
void addFleetJobs(TimedWork *work, const FleetJobPeriods &periods, Deployer *deployer,
                  HostMonitor *hosts, Reconciler *reconciler, env::Environments *environments);

} // namespace slipway::core
