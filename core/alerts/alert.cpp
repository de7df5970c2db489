#include "core/alerts/alert.h"

namespace slipway::core {

QString Alert::hostKey(const QString &hostId) {
    return QStringLiteral("host:") + hostId;
}

QString Alert::containerKey(const QString &hostId, const QString &containerId) {
    return QStringLiteral("container:%1/%2").arg(hostId, containerId);
}

} // namespace slipway::core
