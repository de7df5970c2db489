#include "clihosts.h"

#include "clioptions.h"
#include "core/fleet/hostdiscovery.h"
#include "core/fleet/hostendpoint.h"
#include "core/fleet/hostlist.h"
#include "core/fleet/plaintcp.h"
#include "core/store/store.h"
#include "engine/dockerclient.h"

#include <QCoreApplication>
#include <QDir>
#include <QProcessEnvironment>
#include <QSet>
#include <QTextStream>

namespace slipway::cli {

void addCommonOptions(QCommandLineParser &parser) {
    parser.addHelpOption();
    parser.addOption(
        {QStringLiteral("json"), QCoreApplication::translate("slipctl", "Print JSON.")});
    parser.addOption({QStringLiteral("host"),
                      QCoreApplication::translate(
                          "slipctl", "Engine to use instead of the configured ones (repeatable): "
                                     "unix:///path or tcp://host:port."),
                      QStringLiteral("url")});
    parser.addOption(
        {QStringLiteral("data-dir"),
         QCoreApplication::translate("slipctl", "Directory of Slipway's database (saved hosts)."),
         QStringLiteral("dir")});
    addDatabaseOption(parser);
    parser.addOption(
        {QStringLiteral("connect-timeout"),
         QCoreApplication::translate(
             "slipctl", "Seconds each host has to answer when it is reached: the connection, the "
                        "API version check and, for hosts, the whole probe (default 10)."),
         QStringLiteral("seconds")});
    parser.addOption(
        {QStringLiteral("timeout"),
         QCoreApplication::translate(
             "slipctl", "Seconds the whole command may take; after that it cancels what runs "
                        "and exits 1 (default: no limit)."),
         QStringLiteral("seconds")});
}

void reachWithin(engine::DockerClient &client, std::chrono::milliseconds limit) {
    client.setConnectTimeout(limit);
    client.setPingTimeout(limit);
    // Later calls wait for this check, so a host that does not answer fails them all within
    // `limit`, whatever their own (longer) limits.
    client.negotiate(limit);
}

QString hostLabel(const core::HostConfig &host) {
    return host.name == host.url ? host.url : QStringLiteral("%1 (%2)").arg(host.name, host.url);
}

std::chrono::milliseconds connectTimeoutOption(const QCommandLineParser &parser) {
    return secondsOption(parser, QStringLiteral("connect-timeout")).value_or(kDefaultReachTimeout);
}

QList<core::HostConfig> commandLineHosts(const QCommandLineParser &parser) {
    return core::HostDiscovery::fromCommandLine(parser.values(QStringLiteral("host")),
                                                QProcessEnvironment::systemEnvironment());
}

core::HostMonitor::Options hostMonitorOptions(const QCommandLineParser &parser) {
    core::HostMonitor::Options options;
    options.probeTimeout = connectTimeoutOption(parser);
    options.connectTimeout = connectTimeoutOption(parser);
    if (parser.isSet(QStringLiteral("host")))
        options.overrideHosts = commandLineHosts(parser);
    return options;
}

void warnPlainTcp(const QList<core::HostConfig> &hosts) {
    // Once per host and process, however many times a command resolves its hosts.
    static QSet<QString> warned;
    QTextStream err(stderr);
    for (const core::HostConfig &host : hosts) {
        if (!core::isPlainTcp(host) || warned.contains(host.url.trimmed()))
            continue;
        warned.insert(host.url.trimmed());
        err << "slipctl: "
            << QCoreApplication::translate("slipctl", "warning: %1")
                   .arg(core::plainTcpWarning(host))
            << '\n';
    }
}

QString databasePath(const QCommandLineParser &parser) {
    const QString dir = parser.value(QStringLiteral("data-dir"));
    return dir.isEmpty() ? core::Store::defaultPath()
                         : QDir(dir).filePath(QStringLiteral("slipway.sqlite"));
}

core::StoreLocation storeLocation(const QCommandLineParser &parser) {
    core::StoreLocation where = core::StoreLocation::fromEnvironment(databasePath(parser));
    if (parser.isSet(QStringLiteral("database")))
        where.teamUrl = parser.value(QStringLiteral("database")).trimmed();
    return where;
}

void addDatabaseOption(QCommandLineParser &parser) {
    parser.addOption(
        {QStringLiteral("database"),
         QCoreApplication::translate(
             "slipctl", "The team's PostgreSQL database, postgresql://[USER@]HOST[:PORT]/DB"
                        "[?sslmode=verify-full&sslrootcert=FILE] (default: SLIPWAY_DATABASE; "
                        "unset: this desk's own file). The password comes from ~/.pgpass or "
                        "PGPASSWORD, never from the URL."),
         QStringLiteral("url")});
}

QList<CliHost> resolveHosts(const QCommandLineParser &parser, QString *error) {
    QList<core::HostConfig> configs;
    const QStringList urls = parser.values(QStringLiteral("host"));
    if (!urls.isEmpty()) {
        configs = commandLineHosts(parser);
    } else {
        auto store = core::Store::open(storeLocation(parser), error);
        if (!store)
            return {};
        QList<core::HostConfig> saved = store->userHosts(error);
        if (error && !error->isEmpty())
            return {};
        configs = core::discoverHosts(saved, QProcessEnvironment::systemEnvironment());
    }

    if (configs.isEmpty()) {
        if (error)
            *error = QCoreApplication::translate(
                "slipctl", "no hosts: set DOCKER_HOST, pass --host, or add one in Slipway");
        return {};
    }
    warnPlainTcp(configs);
    QList<CliHost> hosts;
    for (const auto &config : configs) {
        CliHost h{config, nullptr, {}};
        auto endpoint = core::hostEndpoint(config);
        if (endpoint) {
            h.client = std::make_shared<engine::DockerClient>(endpoint.value());
            reachWithin(*h.client, connectTimeoutOption(parser));
        } else {
            h.invalid = QString::fromStdString(endpoint.error().message);
        }
        hosts.append(h);
    }
    return hosts;
}

} // namespace slipway::cli
