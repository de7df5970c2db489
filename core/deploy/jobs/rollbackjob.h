// RollbackJob: runs a rollback plan (RollbackPlanJob) once the user confirmed it: the planned
// version replaces what runs, on the hosts it runs on, unless the application changed since.
#pragma once

#include "core/deploy/jobs/recordedchange.h"

namespace slipway::core {

class RollbackJob : public RecordedChange {
    Q_DECLARE_TR_FUNCTIONS(DeploymentJob)

public:
    using RecordedChange::RecordedChange;
    ChangeResult run(const RollbackPlan &plan);
};

} // namespace slipway::core
