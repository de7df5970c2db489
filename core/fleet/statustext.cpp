#include "core/fleet/statustext.h"

#include "core/fleet/containerrecord.h"

#include <algorithm>
#include <optional>

namespace slipway::core {

namespace {

// Reads a decimal number at the start of `s`; advances past it. -1 when there is none.
qint64 readNumber(QStringView &s) {
    qsizetype i = 0;
    qint64 n = 0;
    while (i < s.size() && s[i].isDigit() && i < 12)
        n = n * 10 + s[i++].digitValue();
    if (i == 0)
        return -1;
    s = s.mid(i);
    return n;
}

bool consume(QStringView &s, QStringView prefix) {
    if (!s.startsWith(prefix))
        return false;
    s = s.mid(prefix.size());
    return true;
}

// Reads "(<code>) " after "Exited " or "Restarting ".
std::optional<int> readExitCode(QStringView &s) {
    if (!consume(s, u"("))
        return std::nullopt;
    const bool negative = consume(s, u"-");
    const qint64 n = readNumber(s);
    if (n < 0 || !consume(s, u") "))
        return std::nullopt;
    return int(negative ? -n : n);
}

} // namespace

qint64 StatusText::parseDuration(QStringView w) {
    if (w.startsWith(u"Less than a second"))
        return 0;
    if (w.startsWith(u"About a minute"))
        return 60;
    if (w.startsWith(u"About an hour"))
        return 3600;
    const qint64 n = readNumber(w);
    if (n < 0 || !consume(w, u" "))
        return -1;
    static constexpr struct {
        const char16_t *unit;
        qint64 seconds;
    } units[] = {{u"second", 1},        {u"minute", 60},      {u"hour", 3600},
                 {u"day", 86400},       {u"week", 7 * 86400}, {u"month", 30 * 86400},
                 {u"year", 365 * 86400}};
    for (const auto &u : units)
        if (w.startsWith(QStringView(u.unit)))
            return n * u.seconds;
    return -1;
}

StatusText::Parsed StatusText::parse(QStringView s) {
    Parsed p;
    if (consume(s, u"Up ")) {
        p.secondsAgo = parseDuration(s);
    } else if (consume(s, u"Exited ") || consume(s, u"Restarting ")) {
        if (const auto code = readExitCode(s)) {
            p.exitCode = *code;
            p.secondsAgo = parseDuration(s);
        }
    }
    return p;
}

QString StatusText::duration(qint64 seconds) {
    // The same steps as the engine's, so a fresh list and a re-worded one read alike. Singular
    // and plural are spelled out: "%n" forms need a loaded translation even for English.
    if (seconds < 1)
        return tr("less than a second");
    if (seconds < 60)
        return seconds == 1 ? tr("1 second") : tr("%1 seconds").arg(seconds);
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return minutes == 1 ? tr("about a minute") : tr("%1 minutes").arg(minutes);
    const qint64 hours = (seconds + 1800) / 3600;
    if (hours < 48)
        return hours == 1 ? tr("about an hour") : tr("%1 hours").arg(hours);
    if (hours < 24 * 7 * 2)
        return tr("%1 days").arg(hours / 24);
    if (hours < 24 * 30 * 2)
        return tr("%1 weeks").arg(hours / 24 / 7);
    if (hours < 24 * 365 * 2)
        return tr("%1 months").arg(hours / 24 / 30);
    return tr("%1 years").arg(hours / 24 / 365);
}

QString StatusText::describe(const ContainerRecord &r, qint64 now) {
    if (r.stateSince <= 0)
        return r.status;
    const QString ago = duration(std::max<qint64>(0, now - r.stateSince));
    QString text;
    if (r.state == u"running" || r.state == u"paused") {
        text = tr("Up %1").arg(ago);
        if (r.state == u"paused")
            text += QLatin1Char(' ') + tr("(paused)");
    } else if (r.state == u"exited") {
        text = tr("Exited (%1) %2 ago").arg(r.exitCode).arg(ago);
    } else if (r.state == u"restarting") {
        text = tr("Restarting (%1) %2 ago").arg(r.exitCode).arg(ago);
    } else {
        return r.status;
    }
    if (r.health == u"healthy")
        text += QLatin1Char(' ') + tr("(healthy)");
    else if (r.health == u"unhealthy")
        text += QLatin1Char(' ') + tr("(unhealthy)");
    else if (r.health == u"starting")
        text += QLatin1Char(' ') + tr("(health: starting)");
    return text;
}

} // namespace slipway::core
