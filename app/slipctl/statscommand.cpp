// One snapshot, as `docker stats --no-stream` shows it. When a Slipway sampler already runs on
// this machine for the same desk (`slipctl agent --serve-stats`, or a Slipway window), its
// latest figures are asked for first (core/metrics/warmstats.h): they cost no engine round.
// Whatever it has not measured lately is taken the way `docker stats --no-stream` takes it: one
// stats request per running container with stream=0 and without one-shot, all at once (bounded
// per host), so that the engine itself puts two of its collector readings one pass apart into
// each reply (cpu_stats and precpu_stats). A cold snapshot cannot be quicker than those two
// passes, whichever way it asks (docs/performance.md, "slipctl stats against docker stats").
#include "statscommand.h"

#include "clideadline.h"
#include "clilisting.h"
#include "clioptions.h"
#include "core/base/stringpool.h"
#include "core/fleet/containerfilter.h"
#include "core/metrics/usagemath.h"
#include "core/metrics/warmstats.h"
#include "engine/dockerclient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <algorithm>

namespace slipway::cli {

namespace {

namespace um = core::usagemath;

// Requests in flight per engine: each waits for the collector's tick, so more at once is
// what makes the snapshot fast; bounded to keep descriptors in check on a big host.
constexpr std::size_t kPerHostConcurrency = 256;
// A sampler that has not answered by then is busy: measuring cold is the surer way.
constexpr std::chrono::milliseconds kWarmAnswerTimeout{1000};

QString q(const std::string &s) {
    return QString::fromStdString(s);
}

// As `docker stats` writes them: binary units for memory (units.BytesSize), decimal for I/O
// (units.HumanSizeWithPrecision).
QString binarySize(double bytes) {
    static const char *units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    int i = 0;
    while (bytes >= 1024 && i < 4)
        bytes /= 1024, ++i;
    return QString::number(bytes, 'f', i == 0 ? 0 : 2) + QString::fromLatin1(units[i]);
}

QString decimalSize(double bytes) {
    static const char *units[] = {"B", "kB", "MB", "GB", "TB"};
    int i = 0;
    while (bytes >= 1000 && i < 4)
        bytes /= 1000, ++i;
    return QString::number(bytes, 'g', 3) + QString::fromLatin1(units[i]);
}

QString percent(double v) {
    return QString::number(v, 'f', 2) + QLatin1Char('%');
}

struct Row {
    int host = 0;
    engine::ContainerSummary summary;
    core::UsagePoint usage;
    engine::StatsSample sample;
};

} // namespace

int runStats(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "slipctl", "CPU, memory, network and block I/O of every running container, and each "
                   "host's share of its capacity: one snapshot, as docker stats --no-stream."));
    addAppEnvOptions(parser);
    addHostNameOption(parser);
    parser.addOption(
        {QStringLiteral("direct"),
         QCoreApplication::translate(
             "slipctl", "Measure every container now (two passes of each engine's collector, "
                        "about two seconds) even when a Slipway agent or window on this "
                        "desk samples them already.")});
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
    const auto overdue = [&] {
        err << "slipctl: " << deadline.message() << '\n';
        return 1;
    };
    const QStringList apps = parser.values(QStringLiteral("app"));
    const QStringList envs = parser.values(QStringLiteral("env"));
    for (const auto &[name, values] : {std::pair{"app", apps}, std::pair{"env", envs}}) {
        if (values.contains(QString())) {
            err << "slipctl: "
                << QCoreApplication::translate("slipctl", "--%1 needs a value.")
                       .arg(QString::fromLatin1(name))
                << '\n';
            return 2;
        }
    }
    QList<CliHost> hosts = resolveHosts(parser, &error);
    if (!error.isEmpty() || !keepNamedHosts(parser, &hosts, &error)) {
        err << "slipctl: " << error << '\n';
        return 2;
    }

    // Selected as the Containers view selects (several apps or envs: any of them), and asked
    // of the engine too when it can filter alike.
    core::ContainerFilter selection;
    selection.setApplications(apps);
    selection.setEnvironments(envs);
    core::StringPool pool;

    // Running containers and the host's capacity, every host at once.
    engine::Filters filters{{"status", {"running"}}};
    if (apps.size() == 1)
        filters["label"].push_back("slipway.app=" + apps.first().toStdString());
    if (envs.size() == 1)
        filters["label"].push_back("slipway.env=" + envs.first().toStdString());
    std::vector<engine::Call<std::vector<engine::ContainerSummary>>> lists;
    std::vector<engine::Call<engine::SystemInfo>> infos;
    for (const auto &h : std::as_const(hosts)) {
        lists.push_back(h.client ? h.client->containers(false, filters, kListTimeout)
                                 : engine::Call<std::vector<engine::ContainerSummary>>());
        infos.push_back(h.client ? h.client->info() : engine::Call<engine::SystemInfo>());
    }
    int failures = 0;
    const auto fail = [&](int host, const QString &problem) {
        ++failures;
        printHostProblem(err, hosts[host], problem);
    };
    std::vector<std::vector<engine::ContainerSummary>> wanted(std::size_t(hosts.size()));
    std::vector<engine::SystemInfo> capacity(std::size_t(hosts.size()));
    std::vector<bool> up(std::size_t(hosts.size()), false);
    for (int i = 0; i < hosts.size(); ++i) {
        if (!lists[i].valid()) {
            fail(i, hosts[i].invalid);
            continue;
        }
        auto waitedList = deadline.wait(lists[i]);
        auto waitedInfo = waitedList ? deadline.wait(infos[i]) : std::nullopt;
        if (!waitedInfo)
            return overdue();
        auto list = std::move(*waitedList);
        auto info = std::move(*waitedInfo);
        if (!list || !info) {
            fail(i, q((!list ? list.error() : info.error()).describe()));
            continue;
        }
        up[i] = true;
        capacity[i] = info.value();
        for (auto &c : list.value())
            if (selection.matches(
                    core::ContainerRecord::fromSummary(c, hosts[i].config.id, 0, pool)))
                wanted[i].push_back(std::move(c));
        std::sort(wanted[i].begin(), wanted[i].end(),
                  [](const auto &a, const auto &b) { return a.name() < b.name(); });
    }

    // What a running sampler of this desk measured lately needs no engine round.
    std::vector<Row> rows;
    if (!parser.isSet(QStringLiteral("direct"))) {
        const QString socket = core::warmstats::socketPath(storeLocation(parser).path);
        for (int i = 0; i < hosts.size(); ++i) {
            auto &list = wanted[std::size_t(i)];
            if (list.empty() || capacity[std::size_t(i)].id.empty())
                continue;
            core::warmstats::Request request{q(capacity[std::size_t(i)].id), {}};
            for (const auto &c : list)
                request.containerIds.append(q(c.id));
            const auto warm = core::warmstats::ask(socket, request, kWarmAnswerTimeout);
            if (!warm)
                break; // nobody serves this desk: no use asking for the other hosts
            std::erase_if(list, [&](const engine::ContainerSummary &c) {
                const auto it = warm->constFind(q(c.id));
                if (it == warm->constEnd())
                    return false;
                Row row{i, c, it->usage, {}};
                row.sample.netRx = it->counters.netRx;
                row.sample.netTx = it->counters.netTx;
                row.sample.blockRead = it->counters.blockRead;
                row.sample.blockWrite = it->counters.blockWrite;
                row.sample.pids = it->counters.pids;
                rows.push_back(std::move(row));
                return true;
            });
        }
    }

    // The stats requests, a slice per host at a time.
    std::vector<int> statFailures(std::size_t(hosts.size()), 0);
    std::vector<QString> statErrors(std::size_t(hosts.size()));
    for (std::size_t start = 0;; start += kPerHostConcurrency) {
        std::vector<std::pair<Row, engine::Call<engine::StatsSample>>> calls;
        for (int i = 0; i < hosts.size(); ++i)
            for (std::size_t k = start; k < wanted[i].size() && k < start + kPerHostConcurrency;
                 ++k)
                calls.push_back(
                    {Row{i, wanted[i][k], {}, {}}, hosts[i].client->stats(wanted[i][k].id, false)});
        if (calls.empty())
            break;
        for (auto &[row, call] : calls) {
            auto waited = deadline.wait(call);
            if (!waited)
                return overdue();
            auto r = std::move(*waited);
            if (!r) {
                // Gone since the list: not an error of the host, like docker stats.
                if (r.error().httpStatus == 404)
                    continue;
                // One line per host, not one per container, when an engine is overloaded.
                if (statFailures[std::size_t(row.host)]++ == 0)
                    statErrors[std::size_t(row.host)] = q(r.error().describe());
                continue;
            }
            row.sample = r.value();
            if (row.sample.systemCpu == 0)
                continue; // stopped since the list: the engine sends zeros
            bool valid = false;
            const um::Reading previous = um::previousFromSample(row.sample, &valid);
            const um::Reading current = um::fromSample(row.sample);
            row.usage = um::containerPoint(valid ? &previous : nullptr, current, 0);
            rows.push_back(std::move(row));
        }
    }

    // Each host's containers by name, whoever measured them.
    std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        return a.host != b.host ? a.host < b.host : a.summary.name() < b.summary.name();
    });

    for (int i = 0; i < hosts.size(); ++i)
        if (statFailures[std::size_t(i)] > 0)
            fail(i, QCoreApplication::translate("slipctl", "%1 container(s) not measured: %2")
                        .arg(statFailures[std::size_t(i)])
                        .arg(statErrors[std::size_t(i)]));

    QJsonArray containerArray;
    TextTable containerTable({QCoreApplication::translate("slipctl", "HOST"),
                              QCoreApplication::translate("slipctl", "CONTAINER ID"),
                              QCoreApplication::translate("slipctl", "NAME"),
                              QCoreApplication::translate("slipctl", "APP"),
                              QCoreApplication::translate("slipctl", "ENV"),
                              QCoreApplication::translate("slipctl", "CPU %"),
                              QCoreApplication::translate("slipctl", "MEM USAGE / LIMIT"),
                              QCoreApplication::translate("slipctl", "MEM %"),
                              QCoreApplication::translate("slipctl", "NET I/O"),
                              QCoreApplication::translate("slipctl", "BLOCK I/O")});
    std::vector<um::UsageSum> sums(std::size_t(hosts.size()));
    for (const Row &row : rows) {
        const CliHost &host = hosts[row.host];
        const engine::ContainerSummary &c = row.summary;
        const core::UsagePoint &u = row.usage;
        const engine::StatsSample &s = row.sample;
        sums[std::size_t(row.host)].add(u);
        containerArray.append(QJsonObject{{"host", host.config.name},
                                          {"hostId", host.config.id},
                                          {"id", q(c.id)},
                                          {"name", q(c.name())},
                                          {"app", containerLabel(c, "slipway.app")},
                                          {"env", containerLabel(c, "slipway.env")},
                                          {"cpuPercent", u.cpuPercent},
                                          {"memoryBytes", u.memoryBytes},
                                          {"memoryLimitBytes", u.memoryLimitBytes},
                                          {"memoryPercent", u.memoryPercent},
                                          {"netRxBytes", double(s.netRx)},
                                          {"netTxBytes", double(s.netTx)},
                                          {"blockReadBytes", double(s.blockRead)},
                                          {"blockWriteBytes", double(s.blockWrite)},
                                          {"pids", double(s.pids)}});
        containerTable.addRow(
            {host.config.name, q(c.id.substr(0, 12)), q(c.name()), containerLabel(c, "slipway.app"),
             containerLabel(c, "slipway.env"), percent(u.cpuPercent),
             binarySize(u.memoryBytes) + QStringLiteral(" / ") + binarySize(u.memoryLimitBytes),
             percent(u.memoryPercent),
             decimalSize(double(s.netRx)) + QStringLiteral(" / ") + decimalSize(double(s.netTx)),
             decimalSize(double(s.blockRead)) + QStringLiteral(" / ") +
                 decimalSize(double(s.blockWrite))});
    }

    QJsonArray hostArray;
    TextTable hostTable({QCoreApplication::translate("slipctl", "HOST"),
                         QCoreApplication::translate("slipctl", "CPUS"),
                         QCoreApplication::translate("slipctl", "CONTAINERS"),
                         QCoreApplication::translate("slipctl", "CPU %"),
                         QCoreApplication::translate("slipctl", "MEM USAGE / TOTAL"),
                         QCoreApplication::translate("slipctl", "MEM %")});
    for (int i = 0; i < hosts.size(); ++i) {
        if (!up[std::size_t(i)])
            continue;
        const engine::SystemInfo &info = capacity[std::size_t(i)];
        const core::UsagePoint u =
            sums[std::size_t(i)].ofCapacity(0, info.cpus, double(info.memTotal));
        const int count = sums[std::size_t(i)].count;
        hostArray.append(QJsonObject{{"host", hosts[i].config.name},
                                     {"hostId", hosts[i].config.id},
                                     {"hostUrl", hosts[i].config.url},
                                     {"cpus", info.cpus},
                                     {"memoryTotal", double(info.memTotal)},
                                     {"containers", count},
                                     {"cpuPercent", u.cpuPercent},
                                     {"memoryBytes", u.memoryBytes},
                                     {"memoryPercent", u.memoryPercent}});
        hostTable.addRow(
            {hosts[i].config.name, QString::number(info.cpus), QString::number(count),
             percent(u.cpuPercent),
             binarySize(u.memoryBytes) + QStringLiteral(" / ") + binarySize(double(info.memTotal)),
             percent(u.memoryPercent)});
    }

    return printListing(
        parser, out, err,
        QJsonDocument(QJsonObject{{"containers", containerArray}, {"hosts", hostArray}}),
        {containerTable, hostTable}, failures);
}

} // namespace slipway::cli
