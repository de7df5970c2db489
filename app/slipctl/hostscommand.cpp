#include "hostscommand.h"

#include "clideadline.h"
#include "clihosts.h"
#include "clioptions.h"
#include "core/fleet/hostprobe.h"
#include "core/fleet/hoststatus.h"
#include "textable.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QTimer>

namespace slipway::cli {

namespace {

// tr() in the "slipctl" context, which all of slipctl's messages share.
class HostsCommand {
    Q_DECLARE_TR_FUNCTIONS(slipctl)

public:
    static int run(const QStringList &arguments);
};

QJsonObject toJson(const CliHost &host, const core::HostStatus &s) {
    QJsonObject o{{"id", host.config.id},
                  {"name", host.config.name},
                  {"url", host.config.url},
                  {"source", core::HostConfig::sourceName(host.config.source)},
                  {"up", s.state == core::HostStatus::State::Up},
                  {"engineId", s.engineId},
                  {"sameEngineAs", QJsonArray::fromStringList(s.sameEngineAs)}};
    if (s.state != core::HostStatus::State::Up) {
        o["error"] = s.error;
        return o;
    }
    o["engineVersion"] = s.engineVersion;
    o["apiVersion"] = s.apiVersion;
    o["hostName"] = s.hostName;
    o["os"] = s.os;
    o["osType"] = s.osType;
    o["kernel"] = s.kernel;
    o["arch"] = s.arch;
    o["cpus"] = s.cpus;
    o["memoryBytes"] = double(s.memoryBytes);
    o["containersRunning"] = s.containersRunning;
    o["containersTotal"] = s.containersTotal;
    o["images"] = s.images;
    o["swarmRole"] = s.swarmRole;
    o["tls"] = s.tls;
    o["tlsVerifyOff"] = s.tlsVerifyOff;
    return o;
}

} // namespace

int runHosts(const QStringList &arguments) {
    return HostsCommand::run(arguments);
}

int HostsCommand::run(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Shows each engine: version, API version in use, OS, CPUs, memory, containers, "
           "images and Swarm role. Exits non-zero when any host does not answer."));
    addCommonOptions(parser);
    parser.process(arguments);

    QTextStream out(stdout);
    QTextStream err(stderr);
    QString error;
    if (!checkNumericOptions(parser, &error)) {
        err << "slipctl: " << error << '\n';
        return 2;
    }
    const Deadline deadline(parser);
    const QList<CliHost> hosts = resolveHosts(parser, &error);
    if (!error.isEmpty()) {
        err << "slipctl: " << error << '\n';
        return 2;
    }

    QList<core::HostStatus> statuses(hosts.size());
    int pending = 0;
    QObject owner;
    core::Mailbox mailbox(&owner);
    QEventLoop loop;
    for (int i = 0; i < hosts.size(); ++i) {
        if (!hosts[i].client) {
            statuses[i].state = core::HostStatus::State::Down;
            statuses[i].error = hosts[i].invalid;
            continue;
        }
        ++pending;
        core::probeHost(
            hosts[i].client, mailbox,
            [&, i](const core::HostStatus &s) {
                statuses[i] = s;
                if (--pending == 0)
                    loop.quit();
            },
            connectTimeoutOption(parser));
    }
    if (pending > 0) {
        QTimer overall;
        overall.setSingleShot(true);
        QObject::connect(&overall, &QTimer::timeout, &loop, &QEventLoop::quit);
        if (const auto left = deadline.left())
            overall.start(*left);
        loop.exec();
    }
    mailbox.close();
    if (pending > 0) { // the deadline passed; the clients cancel what runs as they go
        err << "slipctl: " << deadline.message() << '\n';
        return 1;
    }

    // One engine at two endpoints (its socket and its TLS listener) is listed twice, and said.
    QStringList engineIds, names;
    for (int i = 0; i < hosts.size(); ++i) {
        engineIds.append(statuses[i].engineId);
        names.append(hosts[i].config.name);
    }
    const QList<QStringList> same = core::HostStatus::sameEngine(engineIds, names);
    for (int i = 0; i < hosts.size(); ++i) {
        statuses[i].sameEngineAs = same[i];
        if (!same[i].isEmpty())
            err << "slipctl: "
                << tr("warning: host %1: %2 (one engine at several endpoints: placement "
                      "counts it once)")
                       .arg(hostLabel(hosts[i].config), core::HostStatus::sameEngineText(same[i]))
                << '\n';
    }

    int failures = 0;
    for (int i = 0; i < hosts.size(); ++i) {
        if (statuses[i].state != core::HostStatus::State::Up) {
            ++failures;
            err << "slipctl: "
                << tr("host %1: %2").arg(hostLabel(hosts[i].config), statuses[i].error) << '\n';
        }
    }
    err.flush();

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (int i = 0; i < hosts.size(); ++i)
            array.append(toJson(hosts[i], statuses[i]));
        out << QJsonDocument(array).toJson(QJsonDocument::Indented);
    } else {
        TextTable table({tr("HOST"), tr("ENGINE"), tr("API"), tr("OS"), tr("CPUS"), tr("MEMORY"),
                         tr("CONTAINERS"), tr("IMAGES"), tr("SWARM")});
        for (int i = 0; i < hosts.size(); ++i) {
            const auto &s = statuses[i];
            if (s.state != core::HostStatus::State::Up) {
                table.addRow({hosts[i].config.name, tr("unreachable")});
                continue;
            }
            table.addRow({hosts[i].config.name, s.engineVersion, s.apiVersion,
                          s.os.isEmpty() ? s.osType : s.os, QString::number(s.cpus),
                          core::HostStatus::formatBytes(s.memoryBytes),
                          tr("%1 running / %2").arg(s.containersRunning).arg(s.containersTotal),
                          QString::number(s.images),
                          s.swarmRole.isEmpty() ? tr("none") : s.swarmRole});
        }
        table.print(out);
    }
    out.flush();
    return failures == 0 ? 0 : 1;
}

} // namespace slipway::cli
