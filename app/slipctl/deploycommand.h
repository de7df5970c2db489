// `slipctl deploy`: deploy an application version.
#pragma once

#include <QStringList>

namespace slipway::cli {

int runDeploy(const QStringList &arguments);

} // namespace slipway::cli
