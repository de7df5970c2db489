// `slipctl stats`: utilization of every container and host, one snapshot.
#pragma once

#include <QStringList>

namespace slipway::cli {

int runStats(const QStringList &arguments);

} // namespace slipway::cli
