#include "core/environments/servicecontainer.h"

#include "core/environments/composelabels.h"

namespace slipway::core::env {

namespace {

std::string s(const QString &q) {
    return q.toStdString();
}

std::vector<std::string> strings(const QStringList &list) {
    std::vector<std::string> out;
    out.reserve(std::size_t(list.size()));
    for (const QString &q : list)
        out.push_back(s(q));
    return out;
}

engine::EndpointConfig endpoint(const ServiceSpec &service, const ServiceNetwork &network) {
    engine::EndpointConfig e;
    // The service's name resolves to its replicas on every network it joins, as in Compose.
    e.aliases.push_back(s(service.name));
    for (const QString &alias : network.aliases)
        if (alias != service.name)
            e.aliases.push_back(s(alias));
    return e;
}

} // namespace

QString ServiceContainers::networkName(const ComposeProject &project, const QString &key) {
    for (const NetworkSpec &n : project.networks)
        if (n.key == key)
            return n.name.isEmpty() ? project.name + QLatin1Char('_') + key : n.name;
    return project.name + QLatin1Char('_') + key;
}

QString ServiceContainers::volumeName(const ComposeProject &project, const QString &key) {
    for (const VolumeSpec &v : project.volumes)
        if (v.key == key)
            return v.name.isEmpty() ? project.name + QLatin1Char('_') + key : v.name;
    return key; // not declared: a volume named as written
}

std::optional<engine::RestartPolicy> ServiceContainers::restartPolicy(const QString &restart,
                                                                      QString *error) {
    const QString r = restart.trimmed();
    if (r.isEmpty() || r == QLatin1String("no"))
        return engine::RestartPolicy{"no", 0};
    if (r == QLatin1String("always") || r == QLatin1String("unless-stopped"))
        return engine::RestartPolicy{s(r), 0};
    if (r == QLatin1String("on-failure"))
        return engine::RestartPolicy{"on-failure", 0};
    if (r.startsWith(QLatin1String("on-failure:"))) {
        bool ok = false;
        const int n = r.mid(11).toInt(&ok);
        if (ok && n >= 0)
            return engine::RestartPolicy{"on-failure", n};
    }
    *error = tr("restart policy \"%1\" is not one of no, always, unless-stopped, "
                "on-failure[:N]")
                 .arg(restart);
    return std::nullopt;
}

ServiceContainer ServiceContainers::make(const ComposeProject &project, const ServiceSpec &service,
                                         int number, const EnvironmentIdentity &identity) {
    ServiceContainer out;
    engine::ContainerCreate &c = out.create;
    c.name = s(ComposeLabels::containerName(project.name, service.name, number));
    c.image = s(service.image);
    if (service.command)
        c.cmd = strings(*service.command);
    if (service.entrypoint)
        c.entrypoint = strings(*service.entrypoint);
    for (auto it = service.environment.begin(); it != service.environment.end(); ++it)
        c.env.push_back(s(it.key() + QLatin1Char('=') + it.value()));
    c.labels =
        ComposeLabels::toEngine(ComposeLabels::containerLabels(project, service, number, identity));
    for (const PortSpec &p : service.ports) {
        const std::string key = std::to_string(p.target) + "/" +
                                s(p.protocol.isEmpty() ? QStringLiteral("tcp") : p.protocol);
        c.exposedPorts.push_back(key);
        c.portBindings[key].push_back(
            {p.hostIp.isEmpty() ? std::string("127.0.0.1") : s(p.hostIp), s(p.published)});
    }
    if (service.healthcheck) {
        const HealthSpec &h = *service.healthcheck;
        engine::HealthConfig hc;
        hc.test = strings(h.test);
        hc.intervalNs = h.intervalMs * 1000000;
        hc.timeoutNs = h.timeoutMs * 1000000;
        hc.startPeriodNs = h.startPeriodMs * 1000000;
        hc.retries = h.retries;
        c.healthcheck = hc;
    }
    QString ignored;
    c.restartPolicy = restartPolicy(service.restart, &ignored).value_or(engine::RestartPolicy{});
    c.memoryLimit = service.memLimitBytes;
    c.nanoCpus = std::int64_t(service.cpus * 1e9);
    c.tty = service.tty;
    c.openStdin = service.stdinOpen;
    c.workingDir = s(service.workingDir);
    c.user = s(service.user);
    c.hostname = s(service.hostname);
    c.stopTimeout = service.stopGraceSeconds;
    c.stopSignal = s(service.stopSignal);
    c.extraHosts = strings(service.extraHosts);
    for (const MountSpec &m : service.volumes) {
        engine::Mount mount;
        mount.target = s(m.target);
        mount.readOnly = m.readOnly;
        switch (m.type) {
        case MountSpec::Type::Bind:
            mount.type = "bind";
            mount.source = s(m.source);
            break;
        case MountSpec::Type::Volume:
            mount.type = "volume";
            if (!m.source.isEmpty())
                mount.source = s(volumeName(project, m.source));
            break;
        case MountSpec::Type::Tmpfs:
            mount.type = "tmpfs";
            break;
        }
        c.mounts.push_back(std::move(mount));
    }
    for (qsizetype i = 0; i < service.networks.size(); ++i) {
        const ServiceNetwork &n = service.networks[i];
        const std::string name = s(networkName(project, n.network));
        if (i == 0) {
            c.networkMode = name;
            c.endpoints[name] = endpoint(service, n);
        } else {
            out.connect.emplace_back(name, endpoint(service, n));
        }
    }
    return out;
}

} // namespace slipway::core::env
