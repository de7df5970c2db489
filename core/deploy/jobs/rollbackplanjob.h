// RollbackPlanJob: plans a rollback (or a redeploy of any kept version) for the user to confirm:
// from what runs to which version, on which hosts, stop-first or not, and what would stop it.
// Changes nothing and takes no lock; RollbackJob looks again when it runs.
#pragma once

#include "core/deploy/jobs/appchange.h"

namespace slipway::core {

struct PlanResult {
    bool ok = false; // false: nothing could be read (`error`); a plan that cannot run is ok
    QString error;
    RollbackPlan plan; // plan.problem: why it cannot run
};

class RollbackPlanJob : public AppChange {
    Q_DECLARE_TR_FUNCTIONS(DeploymentJob)

public:
    using AppChange::AppChange;
    // `targetId` 0: the previous version.
    PlanResult run(const QString &app, const QString &env, qint64 targetId);
};

} // namespace slipway::core
