#include "core/fleet/plaintcp.h"

#include "core/fleet/hostendpoint.h"

#include <QCoreApplication>

namespace slipway::core {

bool isPlainTcp(const HostConfig &host) {
    const auto e = hostEndpoint(host, HostConfig::FileCheck::Skip);
    return e && e.value().kind == engine::Endpoint::Kind::Tcp && !e.value().tls;
}

QString plainTcpWarning(const HostConfig &host) {
    return QCoreApplication::translate(
               "slipway::core::PlainTcp",
               "%1 is plain TCP without TLS: anyone who can reach that port controls the Docker "
               "engine, which is root on that host, and can read everything sent to it. Use "
               "TLS (DOCKER_TLS_VERIFY and DOCKER_CERT_PATH, or the host's TLS files).")
        .arg(host.url.trimmed());
}

} // namespace slipway::core
