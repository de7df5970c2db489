// `slipctl scale`: scale an application to N replicas.
#pragma once

#include <QStringList>

namespace slipway::cli {

int runScale(const QStringList &arguments);

} // namespace slipway::cli
