#include "core/environments/composewriter.h"

#include "core/environments/composeunits.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <yaml-cpp/yaml.h>

namespace slipway::core::env {

namespace {

QJsonObject strings(const QMap<QString, QString> &map) {
    QJsonObject o;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        o[it.key()] = it.value();
    return o;
}

QString port(const PortSpec &p) {
    QString s;
    if (!p.hostIp.isEmpty())
        s = (p.hostIp.contains(u':') ? QLatin1Char('[') + p.hostIp + QLatin1Char(']') : p.hostIp) +
            QLatin1Char(':') + p.published + QLatin1Char(':');
    else if (!p.published.isEmpty())
        s = p.published + QLatin1Char(':');
    return s + QString::number(p.target) + QLatin1Char('/') + p.protocol;
}

QJsonObject mount(const MountSpec &m) {
    QJsonObject o;
    o[QStringLiteral("type")] = m.type == MountSpec::Type::Bind    ? QStringLiteral("bind")
                                : m.type == MountSpec::Type::Tmpfs ? QStringLiteral("tmpfs")
                                                                   : QStringLiteral("volume");
    if (!m.source.isEmpty())
        o[QStringLiteral("source")] = m.source;
    o[QStringLiteral("target")] = m.target;
    if (m.readOnly)
        o[QStringLiteral("read_only")] = true;
    return o;
}

QString condition(Dependency::Condition c) {
    switch (c) {
    case Dependency::Condition::Healthy:
        return QStringLiteral("service_healthy");
    case Dependency::Condition::CompletedSuccessfully:
        return QStringLiteral("service_completed_successfully");
    case Dependency::Condition::Started:
        break;
    }
    return QStringLiteral("service_started");
}

QJsonObject service(const ServiceSpec &s) {
    QJsonObject o;
    const auto set = [&](const char *key, const QJsonValue &v) {
        o[QLatin1String(key)] = v;
    };
    const auto text = [&](const char *key, const QString &v) {
        if (!v.isEmpty())
            set(key, v);
    };
    set("image", s.image);
    if (s.command)
        set("command", QJsonArray::fromStringList(*s.command));
    if (s.entrypoint)
        set("entrypoint", QJsonArray::fromStringList(*s.entrypoint));
    if (!s.environment.isEmpty())
        set("environment", strings(s.environment));
    if (!s.ports.isEmpty()) {
        QJsonArray ports;
        for (const PortSpec &p : s.ports)
            ports.append(port(p));
        set("ports", ports);
    }
    if (!s.volumes.isEmpty()) {
        QJsonArray volumes;
        for (const MountSpec &m : s.volumes)
            volumes.append(mount(m));
        set("volumes", volumes);
    }
    QJsonObject networks;
    for (const ServiceNetwork &n : s.networks) {
        QJsonObject net;
        if (!n.aliases.isEmpty())
            net[QStringLiteral("aliases")] = QJsonArray::fromStringList(n.aliases);
        networks[n.network] = net.isEmpty() ? QJsonValue() : QJsonValue(net);
    }
    set("networks", networks);
    if (s.healthcheck) {
        const HealthSpec &h = *s.healthcheck;
        QJsonObject health;
        if (!h.test.isEmpty())
            health[QStringLiteral("test")] = QJsonArray::fromStringList(h.test);
        if (h.intervalMs)
            health[QStringLiteral("interval")] = formatComposeDuration(h.intervalMs);
        if (h.timeoutMs)
            health[QStringLiteral("timeout")] = formatComposeDuration(h.timeoutMs);
        if (h.startPeriodMs)
            health[QStringLiteral("start_period")] = formatComposeDuration(h.startPeriodMs);
        if (h.retries)
            health[QStringLiteral("retries")] = h.retries;
        set("healthcheck", health);
    }
    if (!s.labels.isEmpty())
        set("labels", strings(s.labels));
    if (s.replicas != 1)
        set("deploy", QJsonObject{{QStringLiteral("replicas"), s.replicas}});
    if (!s.dependsOn.isEmpty()) {
        QJsonObject deps;
        for (const Dependency &d : s.dependsOn)
            deps[d.service] = QJsonObject{{QStringLiteral("condition"), condition(d.condition)}};
        set("depends_on", deps);
    }
    text("working_dir", s.workingDir);
    text("user", s.user);
    text("hostname", s.hostname);
    text("restart", s.restart);
    if (s.stopGraceSeconds)
        set("stop_grace_period", formatComposeDuration(qint64(*s.stopGraceSeconds) * 1000));
    text("stop_signal", s.stopSignal);
    if (s.tty)
        set("tty", true);
    if (s.stdinOpen)
        set("stdin_open", true);
    if (!s.extraHosts.isEmpty())
        set("extra_hosts", QJsonArray::fromStringList(s.extraHosts));
    if (s.memLimitBytes)
        set("mem_limit", double(s.memLimitBytes));
    if (s.cpus > 0)
        set("cpus", s.cpus);
    return o;
}

template <typename Spec> QJsonObject resource(const Spec &r) {
    QJsonObject o;
    o[QStringLiteral("name")] = r.name;
    if (r.external)
        o[QStringLiteral("external")] = true;
    if (!r.driver.isEmpty())
        o[QStringLiteral("driver")] = r.driver;
    if (!r.driverOpts.isEmpty())
        o[QStringLiteral("driver_opts")] = strings(r.driverOpts);
    if (!r.labels.isEmpty())
        o[QStringLiteral("labels")] = strings(r.labels);
    return o;
}

// A string YAML would read as something else (a number, a boolean, null) is quoted.
bool needsQuotes(const QString &s) {
    static const QRegularExpression special(
        QStringLiteral(
            "^(|~|null|true|false|yes|no|y|n|on|off|[-+]?(\\.?[0-9][0-9_.:eE+-]*|\\.inf|\\.nan)|"
            "0x[0-9a-f]+|0o[0-7]+)$"),
        QRegularExpression::CaseInsensitiveOption);
    return special.match(s).hasMatch() || s.trimmed() != s;
}

void emitValue(YAML::Emitter &out, const QJsonValue &v) {
    switch (v.type()) {
    case QJsonValue::Object: {
        const QJsonObject o = v.toObject();
        if (o.isEmpty()) {
            out << YAML::Flow << YAML::BeginMap << YAML::EndMap;
            return;
        }
        out << YAML::BeginMap;
        for (auto it = o.begin(); it != o.end(); ++it) {
            out << YAML::Key << it.key().toStdString() << YAML::Value;
            emitValue(out, it.value());
        }
        out << YAML::EndMap;
        return;
    }
    case QJsonValue::Array: {
        const QJsonArray a = v.toArray();
        if (a.isEmpty()) {
            out << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
            return;
        }
        out << YAML::BeginSeq;
        for (const QJsonValue &item : a)
            emitValue(out, item);
        out << YAML::EndSeq;
        return;
    }
    case QJsonValue::String: {
        // Compose interpolates every value it reads, so a resolved '$' is written "$$".
        const QString s = v.toString().replace(u'$', QLatin1String("$$"));
        if (needsQuotes(s))
            out << YAML::DoubleQuoted;
        out << s.toStdString();
        return;
    }
    case QJsonValue::Bool:
        out << (v.toBool() ? "true" : "false");
        return;
    case QJsonValue::Double: {
        const double d = v.toDouble();
        out << QString::number(d, 'g', 17).toStdString();
        return;
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out << YAML::Null;
        return;
    }
}

} // namespace

QJsonObject ComposeWriter::toJson(const ComposeProject &p) {
    QJsonObject root;
    root[QStringLiteral("name")] = p.name;
    QJsonObject services;
    for (const ServiceSpec &s : p.services)
        services[s.name] = service(s);
    root[QStringLiteral("services")] = services;
    QJsonObject networks;
    for (const NetworkSpec &n : p.networks) {
        QJsonObject o = resource(n);
        if (n.internal)
            o[QStringLiteral("internal")] = true;
        if (n.attachable)
            o[QStringLiteral("attachable")] = true;
        networks[n.key] = o;
    }
    if (!networks.isEmpty())
        root[QStringLiteral("networks")] = networks;
    QJsonObject volumes;
    for (const VolumeSpec &v : p.volumes)
        volumes[v.key] = resource(v);
    if (!volumes.isEmpty())
        root[QStringLiteral("volumes")] = volumes;
    QJsonObject slipway;
    if (!p.slipway.description.isEmpty())
        slipway[QStringLiteral("description")] = p.slipway.description;
    if (!p.slipway.keepVolumes.isEmpty())
        slipway[QStringLiteral("keep-volumes")] = QJsonArray::fromStringList(p.slipway.keepVolumes);
    if (!slipway.isEmpty())
        root[QStringLiteral("x-slipway")] = slipway;
    return root;
}

QByteArray ComposeWriter::yaml(const ComposeProject &p) {
    QJsonObject root = toJson(p);
    root.remove(QStringLiteral("name"));
    YAML::Emitter out;
    out.SetIndent(2);
    emitValue(out, root);
    return QByteArray(out.c_str(), qsizetype(out.size())) + '\n';
}

QByteArray ComposeWriter::json(const ComposeProject &p) {
    return QJsonDocument(toJson(p)).toJson(QJsonDocument::Indented);
}

} // namespace slipway::core::env
