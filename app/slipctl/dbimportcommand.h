// `slipctl db import`: moves this desk's SQLite history into an empty team database, run by the
// schema's owner once, when a team starts sharing one database.
#pragma once

#include "core/store/storelocation.h"

#include <QTextStream>

namespace slipway::cli {

int runDbImport(const core::StoreLocation &where, bool json, QTextStream &out, QTextStream &err);

} // namespace slipway::cli
