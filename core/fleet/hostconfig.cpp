#include "core/fleet/hostconfig.h"

#include <QFileInfo>
#include <QUuid>

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

engine::Result<engine::Endpoint> HostConfig::endpoint(FileCheck files) const {
    const QString u = url.trimmed();
    if (u.isEmpty())
        return invalid(tr("No URL given: expected unix:///path/to/docker.sock, tcp://host:port "
                          "or https://host:port."));
    const bool anyTlsFile = !caFile.isEmpty() || !certFile.isEmpty() || !keyFile.isEmpty();
    if (anyTlsFile && isUnixUrl(u))
        return invalid(tr("TLS files apply only to tcp:// and https:// hosts; \"%1\" is a unix "
                          "socket. Clear the TLS files or use a TCP URL.")
                           .arg(u));
    if (!certFile.isEmpty() && keyFile.isEmpty())
        return invalid(tr("A client certificate needs its private key: the key file is empty."));
    if (certFile.isEmpty() && !keyFile.isEmpty())
        return invalid(tr("A private key needs its client certificate: the certificate file is "
                          "empty."));
    if (files == FileCheck::Check) {
        const std::pair<QString, QString> tlsFiles[] = {
            {tr("CA certificate"), caFile},
            {tr("client certificate"), certFile},
            {tr("private key"), keyFile},
        };
        for (const auto &[what, path] : tlsFiles) {
            if (path.isEmpty())
                continue;
            if (const QString problem = fileProblem(what, path); !problem.isEmpty())
                return invalid(problem);
        }
    }
    engine::TlsFiles tls;
    tls.caFile = caFile.toStdString();
    tls.certFile = certFile.toStdString();
    tls.keyFile = keyFile.toStdString();
    tls.verifyPeer = verifyTls;
    return engine::Endpoint::parse(u.toStdString(), tls);
}

QString HostConfig::newUserId() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString HostConfig::sourceName(Source source) {
    switch (source) {
    case Source::Environment:
        return tr("DOCKER_HOST");
    case Source::DockerContext:
        return tr("docker context");
    case Source::LocalSocket:
        return tr("local socket");
    case Source::User:
        return tr("saved");
    case Source::CommandLine:
        return tr("command line");
    }
    return {};
}

} // namespace slipway::core
