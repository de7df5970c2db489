// HistoryJob: an application's deployments, newest first, each marked restorable or not (within
// the versions kept, and its image still on a host or pullable), with the number kept.
#pragma once

#include "core/deploy/jobs/appchange.h"

namespace slipway::core {

struct HistoryResult {
    bool ok = false;
    QString error;
    DeploymentHistory history;
    int retention = 0; // the versions kept restorable
};

class HistoryJob : public AppChange {
    Q_DECLARE_TR_FUNCTIONS(DeploymentJob)

public:
    using AppChange::AppChange;
    HistoryResult run(const QString &app, const QString &env);
};

} // namespace slipway::core
