// ComposeLabels: the names and labels an environment's containers, networks and volumes carry:
// docker-compose 1.29's own (so that `docker-compose -p NAME ps` and `down -v` see them) and
// Slipway's (so that only the store and environment that made them act on them).
#pragma once

#include "core/environments/composeproject.h"
#include "core/environments/environmentidentity.h"

#include <QMap>
#include <QString>
#include <map>
#include <string>

namespace slipway::core::env {

class ComposeLabels {
public:
    static constexpr const char *kProject = "com.docker.compose.project";
    static constexpr const char *kService = "com.docker.compose.service";
    static constexpr const char *kNumber = "com.docker.compose.container-number";
    static constexpr const char *kOneOff = "com.docker.compose.oneoff";
    static constexpr const char *kConfigHash = "com.docker.compose.config-hash";
    static constexpr const char *kVersion = "com.docker.compose.version";
    static constexpr const char *kNetwork = "com.docker.compose.network";
    static constexpr const char *kVolume = "com.docker.compose.volume";
    static constexpr const char *kComposeVersion = "1.29.2"; // the version whose tools read them

    static constexpr const char *kEnvironment = "slipway.environment";
    static constexpr const char *kStore = "slipway.store";
    static constexpr const char *kTemplate = "slipway.template";
    static constexpr const char *kTemplateVersion = "slipway.template.version";
    static constexpr const char *kKind = "slipway.kind";
    static constexpr const char *kOwner = "slipway.owner";
    // On a volume the template keeps when the environment is recycled.
    static constexpr const char *kKeep = "slipway.keep";

    // "<project>_<service>_<n>", as docker-compose 1.29 names replica n (from 1).
    static QString containerName(const QString &project, const QString &service, int number);

    static QMap<QString, QString> containerLabels(const ComposeProject &project,
                                                  const ServiceSpec &service, int number,
                                                  const EnvironmentIdentity &identity);
    static QMap<QString, QString> networkLabels(const ComposeProject &project,
                                                const NetworkSpec &network,
                                                const EnvironmentIdentity &identity);
    static QMap<QString, QString> volumeLabels(const ComposeProject &project,
                                               const VolumeSpec &volume,
                                               const EnvironmentIdentity &identity);

    // sha256 (hex) of the resolved service as canonical JSON: the same service, the same hash.
    static QString configHash(const ServiceSpec &service);

    // The engine's label filter for what this store made for this environment.
    static QStringList ownedFilter(const EnvironmentIdentity &identity);
    // Whether `labels` name this store and this environment.
    static bool owned(const std::map<std::string, std::string> &labels,
                      const EnvironmentIdentity &identity);
    // Labels as the engine takes them.
    static std::map<std::string, std::string> toEngine(const QMap<QString, QString> &labels);
};

} // namespace slipway::core::env
