// RecoverJob: finishes what an interrupted run left behind: records still "running" whose
// process is gone, replicas of failed or interrupted deployments, retired replicas past their
// undo window, and current replicas a half-done change left stopped or drained. It acts on an
// application only while it holds it, and leaves one being changed to a later run.
#pragma once

#include "core/deploy/jobs/appchange.h"

#include <QDateTime>

namespace slipway::core {

struct RecoverResult {
    bool ok = false; // false: some host did not answer (`error`)
    QString error;
    QString detail;      // what it did
    QDateTime nextSweep; // when retired replicas are next due
};

class RecoverJob : public AppChange {
    Q_DECLARE_TR_FUNCTIONS(DeploymentJob)

public:
    using AppChange::AppChange;
    RecoverResult run();
};

} // namespace slipway::core
