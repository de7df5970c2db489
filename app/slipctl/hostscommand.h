// `slipctl hosts`: who each engine is and how it is doing; non-zero when any does not answer.
#pragma once

#include <QStringList>

namespace slipway::cli {

int runHosts(const QStringList &arguments);

} // namespace slipway::cli
