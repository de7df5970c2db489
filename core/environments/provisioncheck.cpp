#include "core/environments/provisioncheck.h"

#include "core/base/describeerror.h"
#include "core/environments/composelabels.h"
#include "core/environments/servicecontainer.h"
#include "engine/dockerclient.h"
#include "engine/imagereference.h"

#include <QRegularExpression>
#include <QSet>

namespace slipway::core::env {

namespace {

QString q(const std::string &s) {
    return QString::fromStdString(s);
}

// Two bindings of one port clash unless both name different specific addresses.
bool ipsOverlap(const QString &a, const QString &b) {
    const auto any = [](const QString &ip) {
        return ip.isEmpty() || ip == QLatin1String("0.0.0.0") || ip == QLatin1String("::");
    };
    return any(a) || any(b) || a == b;
}

QString bindIp(const PortSpec &p) {
    return p.hostIp.isEmpty() ? QStringLiteral("127.0.0.1") : p.hostIp;
}

QString protocolOf(const PortSpec &p) {
    return p.protocol.isEmpty() ? QStringLiteral("tcp") : p.protocol;
}

} // namespace

bool ProvisionCheck::portRange(const QString &published, int *first, int *last) {
    static const QRegularExpression re(QStringLiteral("^(\\d{1,5})(?:-(\\d{1,5}))?$"));
    const auto m = re.match(published.trimmed());
    if (!m.hasMatch())
        return false;
    *first = m.captured(1).toInt();
    *last = m.captured(2).isEmpty() ? *first : m.captured(2).toInt();
    return *first >= 1 && *last <= 65535 && *first <= *last;
}

QStringList ProvisionCheck::offline(const ComposeProject &project,
                                    const EnvironmentIdentity &identity) {
    QStringList problems;
    if (identity.environmentId.isEmpty())
        problems.append(tr("the environment has no UUID"));
    if (identity.storeId.isEmpty())
        problems.append(tr("the environment has no store UUID"));
    static const QRegularExpression name(QStringLiteral("^[a-z0-9][a-z0-9_-]*$"));
    if (!name.match(project.name).hasMatch())
        problems.append(tr("project name \"%1\" is not lowercase letters, digits, '_' and '-' "
                           "starting with a letter or digit")
                            .arg(project.name));
    if (project.services.isEmpty())
        problems.append(tr("the template has no services"));
    else if (project.waves().isEmpty())
        problems.append(tr("the services' depends_on form a cycle"));
    struct Fixed {
        QString service;
        QString ip;
        QString protocol;
        int first, last;
    };
    QList<Fixed> fixed;
    for (const ServiceSpec &s : project.services) {
        for (const Dependency &d : s.dependsOn)
            if (!project.service(d.service))
                problems.append(tr("service %1 depends on %2, which the template does not define")
                                    .arg(s.name, d.service));
        QString why;
        if (!ServiceContainers::restartPolicy(s.restart, &why))
            problems.append(tr("service %1: %2").arg(s.name, why));
        if (auto ref = engine::ImageReference::parse(s.image.toStdString()); !ref)
            problems.append(
                tr("service %1: image \"%2\": %3").arg(s.name, s.image, q(ref.error().message)));
        if (s.replicas < 1)
            problems.append(tr("service %1 has %2 replicas").arg(s.name).arg(s.replicas));
        for (const ServiceNetwork &n : s.networks) {
            bool declared = false;
            for (const NetworkSpec &spec : project.networks)
                declared = declared || spec.key == n.network;
            if (!declared)
                problems.append(tr("service %1 joins network %2, which the template does not "
                                   "declare")
                                    .arg(s.name, n.network));
        }
        for (const PortSpec &p : s.ports) {
            int first = 0, last = 0;
            if (p.published.isEmpty())
                continue;
            if (!portRange(p.published, &first, &last)) {
                problems.append(tr("service %1: host port \"%2\" is not a port or a range")
                                    .arg(s.name, p.published));
                continue;
            }
            if (first == last && s.replicas > 1)
                problems.append(tr("service %1 publishes fixed host port %2 but has %3 replicas")
                                    .arg(s.name)
                                    .arg(first)
                                    .arg(s.replicas));
            for (const Fixed &f : fixed)
                if (first == last && f.first == f.last && f.first == first &&
                    f.protocol == protocolOf(p) && ipsOverlap(f.ip, bindIp(p)))
                    problems.append(tr("services %1 and %2 both publish host port %3")
                                        .arg(f.service, s.name)
                                        .arg(first));
            fixed.append({s.name, bindIp(p), protocolOf(p), first, last});
        }
    }
    return problems;
}

QStringList ProvisionCheck::online(engine::DockerClient &client, const ComposeProject &project,
                                   const EnvironmentIdentity &identity) {
    QStringList problems;
    engine::Filters byProject{
        {"label", {std::string(ComposeLabels::kProject) + "=" + project.name.toStdString()}}};
    auto inUse = client.containers(true, byProject).wait();
    if (!inUse)
        return {tr("listing containers: %1").arg(describeError(inUse.error()))};
    if (!inUse.value().empty())
        problems.append(tr("project name %1 is in use on this engine (container %2)")
                            .arg(project.name, q(inUse.value().front().name())));

    auto networks = client.networks().wait();
    if (!networks)
        return {tr("listing networks: %1").arg(describeError(networks.error()))};
    for (const NetworkSpec &n : project.networks) {
        const QString name = ServiceContainers::networkName(project, n.key);
        bool exists = false;
        for (const auto &have : networks.value())
            exists = exists || q(have.name) == name;
        if (n.external && !exists)
            problems.append(tr("external network %1 does not exist").arg(name));
        else if (!n.external && exists)
            problems.append(tr("network %1 exists already").arg(name));
    }

    auto volumes = client.volumes().wait();
    if (!volumes)
        return {tr("listing volumes: %1").arg(describeError(volumes.error()))};
    for (const VolumeSpec &v : project.volumes) {
        const QString name = ServiceContainers::volumeName(project, v.key);
        const engine::VolumeSummary *found = nullptr;
        for (const auto &have : volumes.value())
            if (q(have.name) == name)
                found = &have;
        if (v.external && !found)
            problems.append(tr("external volume %1 does not exist").arg(name));
        else if (!v.external && found && !ComposeLabels::owned(found->labels, identity))
            problems.append(tr("volume %1 exists already and is not this environment's: an "
                               "environment never takes another's volume")
                                .arg(name));
    }

    auto running = client.containers(false).wait();
    if (!running)
        return {tr("listing containers: %1").arg(describeError(running.error()))};
    for (const ServiceSpec &s : project.services) {
        for (const PortSpec &p : s.ports) {
            int first = 0, last = 0;
            if (!portRange(p.published, &first, &last))
                continue;
            QSet<int> taken;
            QString holder;
            for (const auto &c : running.value())
                for (const auto &bound : c.ports)
                    if (bound.publicPort >= first && bound.publicPort <= last &&
                        q(bound.type) == protocolOf(p) && ipsOverlap(q(bound.ip), bindIp(p))) {
                        taken.insert(bound.publicPort);
                        holder = q(c.name());
                    }
            // A range is refused only when no port of it is left.
            if (taken.size() == last - first + 1)
                problems.append(
                    first == last
                        ? tr("service %1: host port %2 is published already by container %3")
                              .arg(s.name)
                              .arg(first)
                              .arg(holder)
                        : tr("service %1: every host port of %2 is published already")
                              .arg(s.name, p.published));
        }
    }
    return problems;
}

} // namespace slipway::core::env
