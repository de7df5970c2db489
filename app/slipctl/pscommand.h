// `slipctl ps`: the containers of every host in one list.
#pragma once

#include <QStringList>

namespace slipway::cli {

int runPs(const QStringList &arguments);

} // namespace slipway::cli
