#include "core/fleet/hostendpoint.h"

#include <QFileInfo>

namespace slipway::core {

namespace {

engine::Error invalid(const QString &message) {
    return engine::makeError(engine::ErrorKind::InvalidInput, message.toStdString());
}

bool isUnixUrl(const QString &url) {
    return url.startsWith(QLatin1String("unix://")) || url.startsWith(QLatin1Char('/'));
}

// Why `path` cannot serve as the TLS file `what`, or empty when it can.
QString fileProblem(const QString &what, const QString &path) {
    const QFileInfo info(path);
    if (!info.exists())
        return HostConfig::tr("The %1 file \"%2\" does not exist.").arg(what, path);
    if (!info.isFile())
        return HostConfig::tr("The %1 path \"%2\" is not a file.").arg(what, path);
    if (!info.isReadable())
        return HostConfig::tr("The %1 file \"%2\" is not readable.").arg(what, path);
    return {};
}

} // namespace

engine::Result<engine::Endpoint> hostEndpoint(const HostConfig &host, HostConfig::FileCheck files) {
    const QString u = host.url.trimmed();
    if (u.isEmpty())
        return invalid(
            HostConfig::tr("No URL given: expected unix:///path/to/docker.sock, tcp://host:port "
                           "or https://host:port."));
    const bool anyTlsFile =
        !host.caFile.isEmpty() || !host.certFile.isEmpty() || !host.keyFile.isEmpty();
    if (anyTlsFile && isUnixUrl(u))
        return invalid(
            HostConfig::tr("TLS files apply only to tcp:// and https:// hosts; \"%1\" is a unix "
                           "socket. Clear the TLS files or use a TCP URL.")
                .arg(u));
    if (!host.certFile.isEmpty() && host.keyFile.isEmpty())
        return invalid(
            HostConfig::tr("A client certificate needs its private key: the key file is empty."));
    if (host.certFile.isEmpty() && !host.keyFile.isEmpty())
        return invalid(
            HostConfig::tr("A private key needs its client certificate: the certificate file is "
                           "empty."));
    if (files == HostConfig::FileCheck::Check) {
        const std::pair<QString, QString> tlsFiles[] = {
            {HostConfig::tr("CA certificate"), host.caFile},
            {HostConfig::tr("client certificate"), host.certFile},
            {HostConfig::tr("private key"), host.keyFile},
        };
        for (const auto &[what, path] : tlsFiles) {
            if (path.isEmpty())
                continue;
            if (const QString problem = fileProblem(what, path); !problem.isEmpty())
                return invalid(problem);
        }
    }
    engine::TlsFiles tls;
    tls.caFile = host.caFile.toStdString();
    tls.certFile = host.certFile.toStdString();
    tls.keyFile = host.keyFile.toStdString();
    tls.verifyPeer = host.verifyTls;
    return engine::Endpoint::parse(u.toStdString(), tls);
}

} // namespace slipway::core
