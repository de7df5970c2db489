// ReconcileJob: the current deployment's replica count is a desired state. What the engine
// does not bring back by itself (a replica killed, stopped or removed by hand) is started again
// or replaced with a new replica of the same record, as Swarm reconciles a service. It records
// no deployment: each thing it does is one audit entry, app.reconcile. Not a change: it steps
// aside while one of the application is under way or reconcile is paused.
#pragma once

#include "core/deploy/jobs/appchange.h"

namespace slipway::core {

class ReconcileJob : public AppChange {
    Q_DECLARE_TR_FUNCTIONS(DeploymentJob)

public:
    using AppChange::AppChange;
    // ok with record.detail saying what it did (or why it did nothing); not ok with `error`
    // naming what failed.
    JobOutcome run(const QString &app, const QString &env);
};

} // namespace slipway::core
