#include "core/alerts/alertrule.h"

#include <QLocale>

namespace slipway::core {

QList<AlertRule::Kind> AlertRule::kinds() {
    return {Kind::HostCpu,
            Kind::HostMemory,
            Kind::HostUnreachable,
            Kind::ContainerUnhealthy,
            Kind::ContainerRestarting,
            Kind::ContainerExited};
}

QString AlertRule::kindKey(Kind kind) {
    switch (kind) {
    case Kind::HostCpu:
        return QStringLiteral("host.cpu");
    case Kind::HostMemory:
        return QStringLiteral("host.memory");
    case Kind::HostUnreachable:
        return QStringLiteral("host.unreachable");
    case Kind::ContainerUnhealthy:
        return QStringLiteral("container.unhealthy");
    case Kind::ContainerRestarting:
        return QStringLiteral("container.restarting");
    case Kind::ContainerExited:
        return QStringLiteral("container.exited");
    }
    return {};
}

std::optional<AlertRule::Kind> AlertRule::kindFromKey(const QString &key) {
    for (Kind k : kinds())
        if (kindKey(k) == key)
            return k;
    return std::nullopt;
}

QString AlertRule::kindName(Kind kind) {
    switch (kind) {
    case Kind::HostCpu:
        return tr("Host CPU");
    case Kind::HostMemory:
        return tr("Host memory");
    case Kind::HostUnreachable:
        return tr("Host unreachable");
    case Kind::ContainerUnhealthy:
        return tr("Container unhealthy");
    case Kind::ContainerRestarting:
        return tr("Container restarting");
    case Kind::ContainerExited:
        return tr("Container exited non-zero");
    }
    return {};
}

QString AlertRule::formatSeconds(int seconds) {
    if (seconds >= 3600 && seconds % 3600 == 0)
        return tr("%1 h").arg(seconds / 3600);
    if (seconds >= 60 && seconds % 60 == 0)
        return tr("%1 min").arg(seconds / 60);
    return tr("%1 s").arg(seconds);
}

QString AlertRule::condition() const {
    const QString percent = QLocale().toString(threshold, 'g', 4);
    switch (kind) {
    case Kind::HostCpu:
        return forSeconds > 0 ? tr("CPU over %1 % for %2").arg(percent, formatSeconds(forSeconds))
                              : tr("CPU over %1 %").arg(percent);
    case Kind::HostMemory:
        return forSeconds > 0
                   ? tr("Memory over %1 % for %2").arg(percent, formatSeconds(forSeconds))
                   : tr("Memory over %1 %").arg(percent);
    case Kind::HostUnreachable:
        return forSeconds > 0 ? tr("Unreachable for %1").arg(formatSeconds(forSeconds))
                              : tr("Unreachable");
    case Kind::ContainerUnhealthy:
        return tr("Health check fails");
    case Kind::ContainerRestarting:
        return tr("Restarted %n time(s) within %1", nullptr, count)
            .arg(formatSeconds(windowSeconds));
    case Kind::ContainerExited:
        return tr("Exited with a non-zero code");
    }
    return {};
}

QString AlertRule::validationError() const {
    if (name.trimmed().isEmpty())
        return tr("The rule needs a name.");
    if (name.size() > 255)
        return tr("The name is longer than 255 characters.");
    if (usesThreshold() && !(threshold > 0 && threshold < 100))
        return tr("The threshold must be between 0 and 100 %.");
    if (usesDuration() && (forSeconds < 0 || forSeconds > 7 * 24 * 3600))
        return tr("The duration must be between 0 seconds and 7 days.");
    if (usesCount()) {
        if (count < 1 || count > 1000)
            return tr("The number of restarts must be between 1 and 1000.");
        if (windowSeconds < 1 || windowSeconds > 7 * 24 * 3600)
            return tr("The window must be between 1 second and 7 days.");
    }
    return {};
}

AlertRule AlertRule::preset(Kind kind) {
    AlertRule r;
    r.kind = kind;
    r.threshold = 90;
    r.forSeconds = kind == Kind::HostUnreachable ? 30 : 300;
    r.count = 3;
    r.windowSeconds = 600;
    return r;
}

QList<AlertRule> AlertRule::defaults() {
    QList<AlertRule> rules;
    for (Kind k : kinds()) {
        AlertRule r = preset(k);
        r.name = kindName(k);
        rules.append(r);
    }
    return rules;
}

} // namespace slipway::core
