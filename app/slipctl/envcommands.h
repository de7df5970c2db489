// slipctl env up, down and ls: environments from templates, provisioned, recycled and listed
// through the same core service as the GUI's Environments section.
#pragma once

#include <QStringList>

namespace slipway::cli {

int runEnvUp(const QStringList &arguments);
int runEnvDown(const QStringList &arguments);
int runEnvLs(const QStringList &arguments);

} // namespace slipway::cli
