// `slipctl reconcile pause|resume|status APP --env ENV`: stop or let again the reconcile loop
// keep an application's replica count, so ops can work on its replicas by hand.
#pragma once

#include <QStringList>

namespace slipway::cli {

int runReconcile(const QStringList &arguments);

} // namespace slipway::cli
