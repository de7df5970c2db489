// `slipctl lock` shows who holds an application's lock on the engines; `slipctl takeover` takes
// it from an owner that died or hangs, asking first, and audits it.
#pragma once

#include <QStringList>

namespace slipway::cli {

int runLock(const QStringList &arguments);
int runTakeover(const QStringList &arguments);

} // namespace slipway::cli
