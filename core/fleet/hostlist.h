// The hosts Slipway shows: the user's own list merged with what the docker CLI knows.
#pragma once

#include "core/fleet/hostconfig.h"

#include <QList>
#include <QProcessEnvironment>
#include <QStringList>
#include <optional>

namespace slipway::core {

// The user's hosts first, in their order, then DOCKER_HOST, then the docker contexts, each
// dropped when an earlier one has the same URL (compared in canonical form, so
// "tcp://h:2375" and "tcp://h:2375/" are one). `localSocket` is used only when nothing else
// is configured.
QList<HostConfig> mergeHosts(const QList<HostConfig> &userHosts,
                             const std::optional<HostConfig> &environment,
                             const QList<HostConfig> &contexts,
                             const std::optional<HostConfig> &localSocket);

// mergeHosts() over what is found on this machine: DOCKER_HOST and the contexts read from
// `env`, the local socket at `localSocketPath`. Reads the disk: not on the GUI thread.
QList<HostConfig>
discoverHosts(const QList<HostConfig> &userHosts, const QProcessEnvironment &env,
              const QString &localSocketPath = QStringLiteral("/var/run/docker.sock"),
              QStringList *problems = nullptr);

// The URL in the engine's canonical form when it parses, else trimmed as written.
QString canonicalUrl(const QString &url);

} // namespace slipway::core
