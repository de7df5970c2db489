// RetentionJob: sets how many versions of an application stay restorable; audited.
#pragma once

#include "core/deploy/jobs/appchange.h"

namespace slipway::core {

class RetentionJob : public AppChange {
    Q_DECLARE_TR_FUNCTIONS(DeploymentJob)

public:
    using AppChange::AppChange;
    JobOutcome run(const QString &app, const QString &env, int versions);
};

} // namespace slipway::core
