// `slipctl env SUBCOMMAND`: environments from Compose templates. Each subcommand has its own
// file pair (envvalidatecommand.h, ...); this only dispatches.
#pragma once

#include <QStringList>

namespace slipway::cli {

int runEnv(const QStringList &arguments);

} // namespace slipway::cli
