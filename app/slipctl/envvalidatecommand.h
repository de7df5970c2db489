// `slipctl env validate FILE`: reads a Compose template with the env files it names (relative
// to FILE's folder) and prints it resolved, as `docker-compose config` would, or every error as
// FILE:LINE:COLUMN: KEY: MESSAGE. Never talks to an engine.
#pragma once

#include <QStringList>

namespace slipway::cli {

int runEnvValidate(const QStringList &arguments);

} // namespace slipway::cli
