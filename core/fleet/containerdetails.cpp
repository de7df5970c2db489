#include "core/fleet/containerdetails.h"

#include "core/base/describeerror.h"
#include "core/fleet/hostmonitor.h"
#include "engine/dockerclient.h"

#include <QCoreApplication>
#include <QPointer>
#include <algorithm>

namespace slipway::core {

namespace {

QString q(const std::string &s) {
    return QString::fromStdString(s);
}

QStringList list(const std::vector<std::string> &v) {
    QStringList out;
    out.reserve(qsizetype(v.size()));
    for (const auto &s : v)
        out.append(q(s));
    return out;
}

QString quoteWord(const QString &word) {
    if (word.isEmpty())
        return QStringLiteral("''");
    static const QString special = QStringLiteral(" \t\n'\"\\$`;&|<>()*?[]{}#~");
    if (std::none_of(word.begin(), word.end(), [](QChar c) { return special.contains(c); }))
        return word;
    QString quoted = word;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

} // namespace

QDateTime ContainerDetails::parseTime(QStringView text) {
    if (text.isEmpty() || text.startsWith(u"0001-01-01"))
        return {};
    // Qt reads milliseconds; the engine writes up to nanoseconds.
    QString t = text.toString();
    const qsizetype dot = t.indexOf(QLatin1Char('.'));
    if (dot > 0) {
        qsizetype end = dot + 1;
        while (end < t.size() && t[end].isDigit())
            ++end;
        QString fraction = t.mid(dot + 1, end - dot - 1).left(3);
        while (fraction.size() < 3)
            fraction.append(QLatin1Char('0'));
        t = t.left(dot + 1) + fraction + t.mid(end);
    }
    QDateTime parsed = QDateTime::fromString(t, Qt::ISODateWithMs);
    return parsed.isValid() ? parsed.toUTC() : QDateTime();
}

ContainerDetails ContainerDetails::fromInspect(const engine::ContainerInspect &in,
                                               const QString &hostId) {
    ContainerDetails d;
    d.hostId = hostId;
    d.id = q(in.id);
    d.name = q(in.name);
    if (d.name.startsWith(QLatin1Char('/')))
        d.name.remove(0, 1);
    d.image = q(in.configImage);
    d.imageId = q(in.image);
    d.created = parseTime(q(in.created));
    d.state = q(in.state.status);
    d.exitCode = in.state.exitCode;
    d.error = q(in.state.error);
    d.oomKilled = in.state.oomKilled;
    d.pid = in.state.pid;
    d.startedAt = parseTime(q(in.state.startedAt));
    d.finishedAt = parseTime(q(in.state.finishedAt));
    d.restartCount = in.restartCount;
    d.entrypoint = list(in.entrypoint);
    d.command = list(in.cmd);
    d.workingDir = q(in.workingDir);
    d.user = q(in.user);
    d.hostname = q(in.hostname);
    d.tty = in.tty;
    for (const auto &e : in.env) {
        const auto eq = e.find('=');
        if (eq == std::string::npos)
            d.environment.append({q(e), QString()});
        else
            d.environment.append({q(e.substr(0, eq)), q(e.substr(eq + 1))});
    }
    for (const auto &[k, v] : in.labels) // a std::map: already sorted by key
        d.labels.append({q(k), q(v)});
    d.restartPolicy =
        in.restartPolicy.name.empty() ? QStringLiteral("no") : q(in.restartPolicy.name);
    d.restartMaxRetries = in.restartPolicy.maximumRetryCount;
    d.networkMode = q(in.networkMode);
    d.memoryLimit = in.memoryLimit;
    d.nanoCpus = in.nanoCpus;

    // Published now when running; else what it asked for, so a stopped container still
    // says which ports it would take.
    const auto &ports = in.ports.empty() ? in.portBindings : in.ports;
    for (const auto &[containerPort, bindings] : ports) {
        if (bindings.empty()) {
            d.ports.append({q(containerPort), {}, {}});
            continue;
        }
        for (const auto &b : bindings)
            d.ports.append({q(containerPort), q(b.hostIp), q(b.hostPort)});
    }
    for (const auto &exposed : in.exposedPorts) {
        const QString port = q(exposed);
        if (std::none_of(d.ports.begin(), d.ports.end(),
                         [&](const Port &p) { return p.containerPort == port; }))
            d.ports.append({port, {}, {}});
    }
    std::stable_sort(d.ports.begin(), d.ports.end(), [](const Port &a, const Port &b) {
        return a.containerPort.section(QLatin1Char('/'), 0, 0).toInt() <
               b.containerPort.section(QLatin1Char('/'), 0, 0).toInt();
    });

    for (const auto &[name, endpoint] : in.networks)
        d.networks.append(
            {q(name), q(endpoint.networkId), q(endpoint.ipAddress), list(endpoint.aliases)});
    for (const auto &m : in.mounts)
        d.mounts.append({q(m.type), q(m.name), q(m.source), q(m.destination), q(m.mode), m.rw});

    if (in.state.health) {
        const auto &h = *in.state.health;
        d.health = h.status == "none" ? QString() : q(h.status);
        d.failingStreak = h.failingStreak;
        for (const auto &entry : h.log)
            d.healthLog.append({parseTime(q(entry.start)), parseTime(q(entry.end)), entry.exitCode,
                                q(entry.output)});
    }
    if (in.healthcheck)
        d.healthTest = list(in.healthcheck->test);
    return d;
}

QString ContainerDetails::commandLine() const {
    QStringList words;
    for (const QString &w : entrypoint)
        words.append(quoteWord(w));
    for (const QString &w : command)
        words.append(quoteWord(w));
    return words.join(QLatin1Char(' '));
}

QString ContainerDetails::restartPolicyText() const {
    // Singular and plural spelled out: "%n" forms need a loaded translation even for English.
    if (restartPolicy == QLatin1String("on-failure") && restartMaxRetries > 0)
        return restartMaxRetries == 1
                   ? QCoreApplication::translate("slipway::core::ContainerDetails",
                                                 "on-failure (at most 1 retry)")
                   : QCoreApplication::translate("slipway::core::ContainerDetails",
                                                 "on-failure (at most %1 retries)")
                         .arg(restartMaxRetries);
    return restartPolicy;
}

QString ContainerDetails::label(QStringView key) const {
    for (const auto &[k, v] : labels)
        if (k == key)
            return v;
    return {};
}

QString ContainerDetails::env(QStringView key) const {
    for (const auto &[k, v] : environment)
        if (k == key)
            return v;
    return {};
}

ContainerDetailsLoader::ContainerDetailsLoader(ClientLookup lookup, QObject *parent)
    : QObject(parent), lookup_(std::move(lookup)), mailbox_(this) {
    qRegisterMetaType<ContainerDetails>();
}

ContainerDetailsLoader::ContainerDetailsLoader(HostMonitor *monitor, QObject *parent)
    : ContainerDetailsLoader(
          [monitor = QPointer<HostMonitor>(monitor)](const QString &hostId) {
              return monitor ? monitor->client(hostId) : nullptr;
          },
          parent) {}

ContainerDetailsLoader::~ContainerDetailsLoader() {
    mailbox_.close();
}

quint64 ContainerDetailsLoader::load(
    const QString &hostId, const QString &containerId,
    std::function<void(bool, const ContainerDetails &, const QString &)> done) {
    const quint64 request = nextRequest_++;
    const auto finish = [this, request, hostId, containerId,
                         done](bool ok, const ContainerDetails &details, const QString &error) {
        if (done)
            done(ok, details, error);
        if (ok)
            emit loaded(request, details);
        else
            emit failed(request, hostId, containerId, error);
    };
    const auto client = lookup_ ? lookup_(hostId) : nullptr;
    if (!client) {
        const QString error = tr("The host \"%1\" has no usable connection.").arg(hostId);
        QMetaObject::invokeMethod(
            this, [finish, error] { finish(false, {}, error); }, Qt::QueuedConnection);
        return request;
    }
    // The continuation runs on the transport thread: convert there, deliver here.
    client->inspectContainer(containerId.toStdString())
        .then([mailbox = mailbox_, finish, hostId](engine::Result<engine::ContainerInspect> r) {
            if (!r) {
                const QString error = describeError(r.error());
                mailbox.post([finish, error] { finish(false, {}, error); });
                return;
            }
            ContainerDetails details = ContainerDetails::fromInspect(r.value(), hostId);
            mailbox.post([finish, details = std::move(details)] { finish(true, details, {}); });
        });
    return request;
}

} // namespace slipway::core
