#include "clioptions.h"

#include "core/deploy/probespec.h"

#include <QCoreApplication>
#include <cmath>

namespace slipway::cli {

namespace {

struct NumericOption {
    const char *name;
    bool seconds;   // else a whole number
    bool zeroOk;    // 0 means something (an undo window of none)
    double minimum; // whole numbers: the smallest allowed
    double maximum;
};

// A day bounds every wait: longer is a typo (or 1e30), never a plan. No command runs a
// thousand replicas of one application on one fleet.
constexpr double kDay = 86400;
constexpr NumericOption kOptions[] = {
    {"timeout", true, false, 0, kDay},
    {"connect-timeout", true, false, 0, kDay},
    {"health-timeout", true, false, 0, kDay},
    {"undo-window", true, true, 0, kDay},
    {"pull-stall-timeout", true, true, 0, kDay},
    {"replicas", false, false, 1, 1000},
    {"monitor", true, true, 0, kDay},
    {"period-seconds", true, false, 0, kDay},
    {"retry-seconds", true, false, 0, kDay},
    {"stats-interval-seconds", true, false, 0, kDay},
};

QString tr(const char *text) {
    return QCoreApplication::translate("slipctl", text);
}

// Why `value` is no good for `option`; empty when it is.
QString problem(const NumericOption &option, const QString &value) {
    bool ok = false;
    if (option.seconds) {
        const double s = value.toDouble(&ok);
        if (!ok || !std::isfinite(s))
            return tr("not a number of seconds");
        if (option.zeroOk && s < 0)
            return tr("must be 0 seconds or more");
        if (!option.zeroOk && s <= 0)
            return tr("must be more than 0 seconds");
        if (s > option.maximum)
            return tr("at most %1 seconds (a day)").arg(option.maximum);
        return {};
    }
    const qlonglong n = value.toLongLong(&ok);
    if (!ok)
        return tr("not a whole number");
    if (double(n) < option.minimum)
        return tr("must be at least %1").arg(option.minimum);
    if (double(n) > option.maximum)
        return tr("at most %1").arg(option.maximum);
    return {};
}

} // namespace

bool checkNumericOptions(const QCommandLineParser &parser, QString *error) {
    const QStringList given = parser.optionNames();
    for (const NumericOption &option : kOptions) {
        const QString name = QString::fromLatin1(option.name);
        if (!given.contains(name))
            continue;
        for (const QString &value : parser.values(name)) {
            const QString why = problem(option, value);
            if (why.isEmpty())
                continue;
            *error = tr("--%1 \"%2\": %3.").arg(name, value, why);
            return false;
        }
    }
    return true;
}

std::optional<std::chrono::milliseconds> secondsOption(const QCommandLineParser &parser,
                                                       const QString &name) {
    if (!parser.optionNames().contains(name))
        return std::nullopt;
    // Up, so that a positive value never becomes 0 ms, which would mean no limit at all.
    const double ms = std::ceil(parser.value(name).toDouble() * 1000);
    return std::chrono::milliseconds(qint64(ms));
}

void addHealthOptions(QCommandLineParser &parser) {
    parser.addOption(
        {QStringLiteral("monitor"),
         tr("Seconds each new replica is watched once healthy: an exit, a restart or an OOM kill "
            "in that time fails the change and the running version keeps serving (default 5, "
            "as Swarm's --update-monitor; 0: not watched)."),
         QStringLiteral("seconds")});
    parser.addOption(
        {QStringLiteral("probe"),
         tr("A readiness probe sent from inside each new replica: http://:PORT/PATH (any 2xx or "
            "3xx answer) or tcp://:PORT (a connection). Default: the image's health check, else "
            "a TCP connect to the first published port's container side."),
         QStringLiteral("url")});
}

bool applyHealthOptions(const QCommandLineParser &parser, core::DeploymentConfig *config,
                        QString *error) {
    if (!checkNumericOptions(parser, error))
        return false;
    if (const auto monitor = secondsOption(parser, QStringLiteral("monitor")))
        config->monitorMs = int(monitor->count());
    if (parser.isSet(QStringLiteral("probe"))) {
        const QString url = parser.value(QStringLiteral("probe")).trimmed();
        QString why;
        const auto spec = core::ProbeSpec::parse(url, &why);
        if (!spec) {
            *error = QStringLiteral("--probe: ") + why;
            return false;
        }
        config->probe = spec->toString();
    }
    return true;
}

} // namespace slipway::cli
