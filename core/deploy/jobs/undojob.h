// UndoJob: starts again the replicas the latest deployment stopped (while its undo window is
// open), waits until they are healthy, then retires the current ones: back in seconds, with no
// pull.
#pragma once

#include "core/deploy/jobs/recordedchange.h"

namespace slipway::core {

class UndoJob : public RecordedChange {
    Q_DECLARE_TR_FUNCTIONS(DeploymentJob)

public:
    using RecordedChange::RecordedChange;
    ChangeResult run(const QString &app, const QString &env);
};

} // namespace slipway::core
