// `slipctl history`: deployments of an application.
#pragma once

#include <QStringList>

namespace slipway::cli {

int runHistory(const QStringList &arguments);

} // namespace slipway::cli
