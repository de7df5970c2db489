// AdoptJob: a store takes over the running replicas of app/env that an earlier Slipway left
// with only a number in their labels (one image), as an "adopt" record of its own, so that its
// next change retires them normally; audited.
#pragma once

#include "core/deploy/jobs/appchange.h"

namespace slipway::core {

class AdoptJob : public AppChange {
    Q_DECLARE_TR_FUNCTIONS(DeploymentJob)

public:
    using AppChange::AppChange;
    JobOutcome run(const QString &app, const QString &env);
};

} // namespace slipway::core
