#include "core/fleet/hostlist.h"

#include "core/fleet/hostdiscovery.h"
#include "engine/endpoint.h"

#include <QSet>

namespace slipway::core {

QString canonicalUrl(const QString &url) {
    const auto parsed = engine::Endpoint::parse(url.trimmed().toStdString());
    if (!parsed)
        return url.trimmed();
    return QString::fromStdString(parsed.value().url());
}

QList<HostConfig> mergeHosts(const QList<HostConfig> &userHosts,
                             const std::optional<HostConfig> &environment,
                             const QList<HostConfig> &contexts,
                             const std::optional<HostConfig> &localSocket) {
    QList<HostConfig> merged;
    QSet<QString> urls;
    const auto add = [&](const HostConfig &host) {
        const QString key = canonicalUrl(host.url);
        if (urls.contains(key))
            return;
        urls.insert(key);
        merged.append(host);
    };
    for (const HostConfig &h : userHosts)
        add(h);
    if (environment)
        add(*environment);
    for (const HostConfig &h : contexts)
        add(h);
    if (merged.isEmpty() && localSocket)
        add(*localSocket);
    return merged;
}

QList<HostConfig> discoverHosts(const QList<HostConfig> &userHosts, const QProcessEnvironment &env,
                                const QString &localSocketPath, QStringList *problems) {
    return mergeHosts(
        userHosts, HostDiscovery::fromEnvironment(env),
        HostDiscovery::fromDockerContexts(HostDiscovery::dockerConfigDir(env), problems),
        HostDiscovery::localSocket(localSocketPath));
}

} // namespace slipway::core
