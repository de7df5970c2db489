// slipctl env vars, versions and diff: a template's variables per kind, its versions and the
// changes between two, straight from the database (no engine is contacted).
#pragma once

#include <QStringList>

namespace slipway::cli {

int runEnvVars(const QStringList &arguments);
int runEnvVersions(const QStringList &arguments);
int runEnvDiff(const QStringList &arguments);

} // namespace slipway::cli
