#include "core/fleet/hostdiscovery.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace slipway::core::HostDiscovery {

namespace {

QString existing(const QString &path) {
    return QFileInfo::exists(path) ? path : QString();
}

QString homeDir(const QProcessEnvironment &env) {
    const QString home = env.value(QStringLiteral("HOME"));
    return home.isEmpty() ? QDir::homePath() : home;
}

} // namespace

QString dockerConfigDir(const QProcessEnvironment &env) {
    const QString configured = env.value(QStringLiteral("DOCKER_CONFIG"));
    if (!configured.isEmpty())
        return configured;
    return homeDir(env) + QStringLiteral("/.docker");
}

void applyTlsEnvironment(HostConfig &host, const QProcessEnvironment &env) {
    // A unix socket has no TLS: the docker CLI ignores these variables for one.
    const QString url = host.url.trimmed();
    if (url.startsWith(QLatin1String("unix://")) || url.startsWith(QLatin1Char('/')))
        return;
    const bool verify = !env.value(QStringLiteral("DOCKER_TLS_VERIFY")).isEmpty();
    const bool tls = verify || !env.value(QStringLiteral("DOCKER_TLS")).isEmpty();
    host.verifyTls = verify || !tls;
    if (!tls)
        return;
    QString certPath = env.value(QStringLiteral("DOCKER_CERT_PATH"));
    if (certPath.isEmpty())
        certPath = dockerConfigDir(env);
    host.caFile = existing(certPath + QStringLiteral("/ca.pem"));
    host.certFile = existing(certPath + QStringLiteral("/cert.pem"));
    host.keyFile = existing(certPath + QStringLiteral("/key.pem"));
    // tcp:// with neither files nor verification still means TLS to the docker CLI.
    if (host.caFile.isEmpty() && host.certFile.isEmpty() && host.keyFile.isEmpty() &&
        url.startsWith(QLatin1String("tcp://")))
        host.url = QStringLiteral("https") + url.mid(3);
}

std::optional<HostConfig> fromEnvironment(const QProcessEnvironment &env) {
    const QString url = env.value(QStringLiteral("DOCKER_HOST")).trimmed();
    if (url.isEmpty())
        return std::nullopt;
    HostConfig host;
    host.id = QStringLiteral("env");
    host.name = QStringLiteral("DOCKER_HOST");
    host.url = url;
    host.source = HostConfig::Source::Environment;
    applyTlsEnvironment(host, env);
    return host;
}

QList<HostConfig> fromCommandLine(const QStringList &urls, const QProcessEnvironment &env) {
    QList<HostConfig> hosts;
    for (int i = 0; i < urls.size(); ++i) {
        HostConfig host;
        host.id = QStringLiteral("cli:%1").arg(i);
        host.name = urls[i].trimmed();
        host.url = urls[i].trimmed();
        host.source = HostConfig::Source::CommandLine;
        applyTlsEnvironment(host, env);
        hosts.append(host);
    }
    return hosts;
}

QString contextDirName(const QString &contextName) {
    return QString::fromLatin1(
        QCryptographicHash::hash(contextName.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QList<HostConfig> fromDockerContexts(const QString &dockerConfigDir, QStringList *problems) {
    QList<HostConfig> hosts;
    const QDir metaRoot(dockerConfigDir + QStringLiteral("/contexts/meta"));
    const auto note = [problems](const QString &problem) {
        if (problems)
            problems->append(problem);
    };
    const QStringList dirs = metaRoot.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &dir : dirs) {
        const QString metaPath = metaRoot.filePath(dir + QStringLiteral("/meta.json"));
        QFile file(metaPath);
        if (!file.open(QIODevice::ReadOnly)) {
            note(QCoreApplication::translate("HostDiscovery", "%1: cannot be read: %2")
                     .arg(metaPath, file.errorString()));
            continue;
        }
        QString problem;
        if (auto host = fromContextMeta(file.readAll(), metaPath, dockerConfigDir, &problem))
            hosts.append(*host);
        else
            note(problem);
    }
    return hosts;
}

std::optional<HostConfig> fromContextMeta(const QByteArray &bytes, const QString &metaPath,
                                          const QString &dockerConfigDir, QString *problem) {
    const auto refuse = [problem](const QString &why) -> std::optional<HostConfig> {
        if (problem)
            *problem = why;
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (!doc.isObject())
        return refuse(QCoreApplication::translate("HostDiscovery", "%1: not a JSON object: %2")
                          .arg(metaPath, parseError.errorString()));
    const QJsonObject meta = doc.object();
    const QString name = meta.value(QLatin1String("Name")).toString();
    if (name.isEmpty())
        return refuse(
            QCoreApplication::translate("HostDiscovery", "%1: the context has no \"Name\"")
                .arg(metaPath));
    const QJsonObject docker =
        meta.value(QLatin1String("Endpoints")).toObject().value(QLatin1String("docker")).toObject();
    const QString url = docker.value(QLatin1String("Host")).toString().trimmed();
    if (url.isEmpty())
        return refuse(QCoreApplication::translate("HostDiscovery",
                                                  "%1: context \"%2\" has no Endpoints.docker.Host")
                          .arg(metaPath, name));
    HostConfig host;
    host.id = QStringLiteral("context:") + name;
    host.name = name;
    host.url = url;
    host.source = HostConfig::Source::DockerContext;
    host.verifyTls = !docker.value(QLatin1String("SkipTLSVerify")).toBool(false);
    const QString tlsDir = dockerConfigDir + QStringLiteral("/contexts/tls/") +
                           contextDirName(name) + QStringLiteral("/docker/");
    host.caFile = existing(tlsDir + QStringLiteral("ca.pem"));
    host.certFile = existing(tlsDir + QStringLiteral("cert.pem"));
    host.keyFile = existing(tlsDir + QStringLiteral("key.pem"));
    return host;
}

std::optional<HostConfig> localSocket(const QString &path) {
    if (!QFileInfo::exists(path))
        return std::nullopt;
    HostConfig host;
    host.id = QStringLiteral("local");
    host.name = QStringLiteral("local");
    host.url = QStringLiteral("unix://") + path;
    host.source = HostConfig::Source::LocalSocket;
    return host;
}

} // namespace slipway::core::HostDiscovery
