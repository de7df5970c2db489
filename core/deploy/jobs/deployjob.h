// DeployJob: deploys a version of an application: refuses a bad request before any call,
// pins the image to a digest (resolved where it is, else pulled), places the replicas on the
// least-loaded hosts that have the image or may get it, and replaces what runs.
#pragma once

#include "core/deploy/jobs/recordedchange.h"

namespace slipway::core {

class DeployJob : public RecordedChange {
    Q_DECLARE_TR_FUNCTIONS(DeploymentJob)

public:
    using RecordedChange::RecordedChange;
    ChangeResult run(DeployRequest request);
};

} // namespace slipway::core
