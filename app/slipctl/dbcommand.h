// `slipctl db migrate|status|grant|revoke`: the team database's administration. migrate is
// run by the schema's owner; grant and revoke give people's login roles the rights the server
// checks (viewer, operator, approver).
#pragma once

#include <QStringList>

namespace slipway::cli {

int runDb(const QStringList &arguments);

} // namespace slipway::cli
