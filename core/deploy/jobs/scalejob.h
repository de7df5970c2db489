// ScaleJob: brings the current version of an application to exactly N replicas: new ones on
// the least-loaded hosts (healthy before they count), or the newest removed first.
#pragma once

#include "core/deploy/jobs/recordedchange.h"

namespace slipway::core {

class ScaleJob : public RecordedChange {
    Q_DECLARE_TR_FUNCTIONS(DeploymentJob)

public:
    using RecordedChange::RecordedChange;
    ChangeResult run(const QString &app, const QString &env, int replicas,
                     PullPolicy pull = PullPolicy::Missing);
};

} // namespace slipway::core
