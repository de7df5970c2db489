// `slipctl rollback`: roll an application back to an earlier deployment.
#pragma once

#include <QStringList>

namespace slipway::cli {

int runRollback(const QStringList &arguments);

} // namespace slipway::cli
