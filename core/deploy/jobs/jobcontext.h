// JobContext: what a deployer job is given when it starts (the hosts it may use and their load,
// the options, the store, its cancel switch and where it reports), as the GUI thread saw it.
#pragma once

#include "core/base/cancellation.h"
#include "core/deploy/deployer.h"
#include "core/deploy/jobs/activerecords.h"
#include "core/deploy/placement.h"
#include "core/deploy/rolloutsteps.h"

#include <QList>
#include <QString>
#include <functional>
#include <memory>

namespace slipway::core {

class StoreThread;

struct JobContext {
    QList<DeployHost> hosts; // reachable candidates, in the monitor's order
    QList<HostLoad> load;    // of `hosts`
    Deployer::Options options;
    std::shared_ptr<StoreThread> store;
    QString owner; // "machine:pid"
    std::shared_ptr<ActiveRecords> active;
    std::shared_ptr<Cancellation> cancel; // this operation's own; never null
    ProgressFn progress;
    std::function<void()> audited;
};

} // namespace slipway::core
