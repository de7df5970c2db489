// HostDiscovery: the engines the docker CLI on this machine already knows about.
#pragma once

#include "core/fleet/hostconfig.h"

#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <optional>

namespace slipway::core::HostDiscovery {

// TLS for a tcp:// or https:// host as the docker CLI reads it from the environment:
// DOCKER_TLS_VERIFY (any non-empty value) turns TLS with verification on, DOCKER_TLS without
// verification; the files are ca.pem, cert.pem and key.pem in DOCKER_CERT_PATH (default: the
// docker config directory). Only files that exist are used. Unix sockets are left alone.
void applyTlsEnvironment(HostConfig &host, const QProcessEnvironment &env);

// DOCKER_HOST, with TLS from the environment (applyTlsEnvironment). The host's id is "env".
// No DOCKER_HOST: nullopt.
std::optional<HostConfig> fromEnvironment(const QProcessEnvironment &env);

// The --host URLs of a command line ("cli:0", "cli:1", ...), with TLS from the environment as
// the docker CLI's -H takes it.
QList<HostConfig> fromCommandLine(const QStringList &urls, const QProcessEnvironment &env);

// The docker CLI's contexts: <dir>/contexts/meta/<sha256(name)>/meta.json, with TLS files in
// <dir>/contexts/tls/<sha256(name)>/docker/{ca,cert,key}.pem. Ids are "context:<name>". A
// context that cannot be read is skipped and, when `problems` is given, described there.
QList<HostConfig> fromDockerContexts(const QString &dockerConfigDir,
                                     QStringList *problems = nullptr);

// One context's meta.json (`meta`, read from `metaPath`): {"Name": ..., "Endpoints": {"docker":
// {"Host": ..., "SkipTLSVerify": ...}}}, with the TLS files that exist under `dockerConfigDir`.
// Nullopt when it names no context or no host, with `problem` (when given) saying so.
std::optional<HostConfig> fromContextMeta(const QByteArray &meta, const QString &metaPath,
                                          const QString &dockerConfigDir,
                                          QString *problem = nullptr);

// $DOCKER_CONFIG, else $HOME/.docker.
QString dockerConfigDir(const QProcessEnvironment &env);

// The local engine's socket when it exists (id "local"), else nullopt.
std::optional<HostConfig> localSocket(const QString &path = QStringLiteral("/var/run/docker.sock"));

// The directory name the docker CLI gives a context: the hex SHA-256 of its name.
QString contextDirName(const QString &contextName);

} // namespace slipway::core::HostDiscovery
