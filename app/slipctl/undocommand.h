// `slipctl undo`: start the replicas the latest deployment replaced again, in its undo window.
#pragma once

#include <QStringList>

namespace slipway::cli {

int runUndo(const QStringList &arguments);

} // namespace slipway::cli
