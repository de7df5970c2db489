// `slipctl images`: the images of every host, one line per tag, with digest, size, age and
// how many containers use each.
#pragma once

#include <QStringList>

namespace slipway::cli {

int runImages(const QStringList &arguments);

} // namespace slipway::cli
