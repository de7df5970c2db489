// Runs the real slipctl binary as a user would, with a clean HOME and data directory, so that
// neither the user's docker contexts nor saved hosts leak into a test.
#pragma once

#include "tests/support/processrun.h"

namespace slipway::test {

using SlipctlRun = ProcessRun;

// `home` becomes HOME (and its "data" XDG_DATA_HOME); DOCKER_* variables are removed, then
// `extra` is added (cleanEnvironment).
SlipctlRun runSlipctl(const QStringList &args, const QString &home,
                      const QProcessEnvironment &extra = {},
                      std::chrono::milliseconds limit = std::chrono::seconds(60));

} // namespace slipway::test
