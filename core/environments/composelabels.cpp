#include "core/environments/composelabels.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace slipway::core::env {

namespace {

QString l(const char *s) {
    return QString::fromLatin1(s);
}

void addIdentity(QMap<QString, QString> &labels, const EnvironmentIdentity &identity) {
    labels.insert(l(ComposeLabels::kEnvironment), identity.environmentId);
    labels.insert(l(ComposeLabels::kStore), identity.storeId);
    labels.insert(l(ComposeLabels::kTemplate), identity.templateName);
    labels.insert(l(ComposeLabels::kTemplateVersion), identity.templateVersion);
    labels.insert(l(ComposeLabels::kKind), identity.kind);
    if (!identity.owner.isEmpty())
        labels.insert(l(ComposeLabels::kOwner), identity.owner);
}

QJsonObject mapJson(const QMap<QString, QString> &map) {
    QJsonObject o;
    for (auto it = map.begin(); it != map.end(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

QJsonValue listJson(const std::optional<QStringList> &list) {
    return list ? QJsonValue(QJsonArray::fromStringList(*list)) : QJsonValue();
}

} // namespace

QString ComposeLabels::containerName(const QString &project, const QString &service, int number) {
    return QStringLiteral("%1_%2_%3").arg(project, service).arg(number);
}

QMap<QString, QString> ComposeLabels::containerLabels(const ComposeProject &project,
                                                      const ServiceSpec &service, int number,
                                                      const EnvironmentIdentity &identity) {
    QMap<QString, QString> labels = service.labels;
    labels.insert(l(kProject), project.name);
    labels.insert(l(kService), service.name);
    labels.insert(l(kNumber), QString::number(number));
    labels.insert(l(kOneOff), QStringLiteral("False"));
    labels.insert(l(kConfigHash), configHash(service));
    labels.insert(l(kVersion), l(kComposeVersion));
    addIdentity(labels, identity);
    return labels;
}

QMap<QString, QString> ComposeLabels::networkLabels(const ComposeProject &project,
                                                    const NetworkSpec &network,
                                                    const EnvironmentIdentity &identity) {
    QMap<QString, QString> labels = network.labels;
    labels.insert(l(kProject), project.name);
    labels.insert(l(kNetwork), network.key);
    labels.insert(l(kVersion), l(kComposeVersion));
    addIdentity(labels, identity);
    return labels;
}

QMap<QString, QString> ComposeLabels::volumeLabels(const ComposeProject &project,
                                                   const VolumeSpec &volume,
                                                   const EnvironmentIdentity &identity) {
    QMap<QString, QString> labels = volume.labels;
    labels.insert(l(kProject), project.name);
    labels.insert(l(kVolume), volume.key);
    labels.insert(l(kVersion), l(kComposeVersion));
    addIdentity(labels, identity);
    const bool keep = volume.keep || project.slipway.keepVolumes.contains(volume.key);
    if (keep)
        labels.insert(l(kKeep), QStringLiteral("true"));
    return labels;
}

QString ComposeLabels::configHash(const ServiceSpec &s) {
    QJsonObject o;
    o.insert(QStringLiteral("image"), s.image);
    o.insert(QStringLiteral("command"), listJson(s.command));
    o.insert(QStringLiteral("entrypoint"), listJson(s.entrypoint));
    o.insert(QStringLiteral("environment"), mapJson(s.environment));
    QJsonArray ports;
    for (const PortSpec &p : s.ports)
        ports.append(QJsonArray{p.hostIp, p.published, p.target, p.protocol});
    o.insert(QStringLiteral("ports"), ports);
    QJsonArray volumes;
    for (const MountSpec &m : s.volumes)
        volumes.append(QJsonArray{int(m.type), m.source, m.target, m.readOnly});
    o.insert(QStringLiteral("volumes"), volumes);
    QJsonArray networks;
    for (const ServiceNetwork &n : s.networks)
        networks.append(QJsonArray{n.network, QJsonArray::fromStringList(n.aliases)});
    o.insert(QStringLiteral("networks"), networks);
    if (s.healthcheck) {
        const HealthSpec &h = *s.healthcheck;
        o.insert(QStringLiteral("healthcheck"),
                 QJsonArray{QJsonArray::fromStringList(h.test), h.intervalMs, h.timeoutMs,
                            h.startPeriodMs, h.retries});
    }
    o.insert(QStringLiteral("labels"), mapJson(s.labels));
    o.insert(QStringLiteral("replicas"), s.replicas);
    QJsonArray deps;
    for (const Dependency &d : s.dependsOn)
        deps.append(QJsonArray{d.service, int(d.condition)});
    o.insert(QStringLiteral("depends_on"), deps);
    o.insert(QStringLiteral("working_dir"), s.workingDir);
    o.insert(QStringLiteral("user"), s.user);
    o.insert(QStringLiteral("hostname"), s.hostname);
    o.insert(QStringLiteral("restart"), s.restart);
    o.insert(QStringLiteral("stop_grace_period"),
             s.stopGraceSeconds ? QJsonValue(*s.stopGraceSeconds) : QJsonValue());
    o.insert(QStringLiteral("stop_signal"), s.stopSignal);
    o.insert(QStringLiteral("tty"), s.tty);
    o.insert(QStringLiteral("stdin_open"), s.stdinOpen);
    o.insert(QStringLiteral("extra_hosts"), QJsonArray::fromStringList(s.extraHosts));
    o.insert(QStringLiteral("mem_limit"), s.memLimitBytes);
    o.insert(QStringLiteral("cpus"), s.cpus);
    const QByteArray canonical = QJsonDocument(o).toJson(QJsonDocument::Compact);
    return QString::fromLatin1(
        QCryptographicHash::hash(canonical, QCryptographicHash::Sha256).toHex());
}

QStringList ComposeLabels::ownedFilter(const EnvironmentIdentity &identity) {
    return {l(kEnvironment) + QLatin1Char('=') + identity.environmentId,
            l(kStore) + QLatin1Char('=') + identity.storeId};
}

bool ComposeLabels::owned(const std::map<std::string, std::string> &labels,
                          const EnvironmentIdentity &identity) {
    const auto env = labels.find(kEnvironment);
    const auto store = labels.find(kStore);
    return env != labels.end() && store != labels.end() &&
           QString::fromStdString(env->second) == identity.environmentId &&
           QString::fromStdString(store->second) == identity.storeId;
}

std::map<std::string, std::string> ComposeLabels::toEngine(const QMap<QString, QString> &labels) {
    std::map<std::string, std::string> out;
    for (auto it = labels.begin(); it != labels.end(); ++it)
        out.emplace(it.key().toStdString(), it.value().toStdString());
    return out;
}

} // namespace slipway::core::env
