#include "core/environments/environmentstatus.h"

#include <QMap>
#include <QRegularExpression>

namespace slipway::core::env {

namespace {

// Higher is worse: the service shows its worst replica.
int healthRank(const QString &h) {
    if (h == QLatin1String("unhealthy"))
        return 3;
    if (h == QLatin1String("starting"))
        return 2;
    if (h == QLatin1String("healthy"))
        return 1;
    return 0;
}

int stateRank(const QString &s) {
    if (s == QLatin1String("running"))
        return 0;
    if (s == QLatin1String("created") || s == QLatin1String("paused"))
        return 1;
    if (s == QLatin1String("restarting"))
        return 2;
    return 3; // exited, dead, removing
}

// "127.0.0.1:32768->8080/tcp" -> "http://127.0.0.1:32768"; a web UI is the likely thing
// behind a published TCP port, and the link is what a tester clicks.
QStringList endpointsOf(const QString &ports) {
    static const QRegularExpression published(
        QStringLiteral(R"(^\[?([0-9a-fA-F.:]+?)\]?:(\d+)->\d+/tcp$)"));
    QStringList links;
    for (const QString &part : ports.split(QStringLiteral(", "), Qt::SkipEmptyParts)) {
        const auto m = published.match(part.trimmed());
        if (!m.hasMatch())
            continue;
        QString ip = m.captured(1);
        if (ip == QLatin1String("0.0.0.0") || ip == QLatin1String("::"))
            ip = QStringLiteral("127.0.0.1");
        if (ip.contains(QLatin1Char(':')))
            ip = QLatin1Char('[') + ip + QLatin1Char(']');
        links.append(QStringLiteral("http://%1:%2").arg(ip, m.captured(2)));
    }
    return links;
}

} // namespace

int EnvironmentStatus::servicesRunning() const {
    int n = 0;
    for (const ServiceStatus &s : services)
        n += s.total > 0 && s.running == s.total;
    return n;
}

QList<ServiceStatus> EnvironmentStatus::servicesFrom(const QString &environmentId,
                                                     const ContainerList &containers) {
    QMap<QString, ServiceStatus> byName;
    for (const ContainerRef &c : containers) {
        if (c->label(u"slipway.environment") != environmentId)
            continue;
        const QString name = c->label(u"com.docker.compose.service");
        ServiceStatus &s = byName[name];
        s.name = name;
        ++s.total;
        s.running += c->state == QLatin1String("running");
        if (s.containers.isEmpty() || stateRank(c->state) > stateRank(s.state))
            s.state = c->state;
        if (healthRank(c->health) > healthRank(s.health))
            s.health = c->health;
        for (const QString &e : endpointsOf(c->ports))
            if (!s.endpoints.contains(e))
                s.endpoints.append(e);
        s.containers.append(c);
    }
    return byName.values();
}

} // namespace slipway::core::env
