// `slipctl agent`: runs Slipway's timed work (recovery, desired replica counts, the environment
// sweep) for as long as it runs, while it leads among every agent and GUI on the database;
// `slipctl agent status` says who leads.
#pragma once

#include <QStringList>

namespace slipway::cli {

int runAgent(const QStringList &arguments);

} // namespace slipway::cli
