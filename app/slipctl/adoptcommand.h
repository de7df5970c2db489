// `slipctl adopt`: take over the replicas an earlier Slipway left without an owner.
#pragma once

#include <QStringList>

namespace slipway::cli {

int runAdopt(const QStringList &arguments);

} // namespace slipway::cli
