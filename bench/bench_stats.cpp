// bench_stats: utilization sampling on the private engine, side by side with the docker CLI.
// For each size: one full snapshot of N running containers by `docker stats --no-stream`
// (given exactly those IDs), by `slipctl stats --app` (the same containers) cold and with
// `slipctl agent --serve-stats` running on its desk, and by one warm Metrics round; then the CPU
// the process spends following them at a 2 s interval, with
// Metrics' one-shot requests and, for the choice made in core/metrics/metricsround.cpp, with one
// open stats stream per container. Prints a table; see docs/performance.md.
#include "core/fleet/hostmonitor.h"
#include "core/fleet/inventory.h"
#include "core/metrics/metrics.h"
#include "core/metrics/warmstats.h"
#include "core/store/storethread.h"
#include "engine/dockerclient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <sys/resource.h>
#include <thread>

using namespace slipway;

namespace {

const std::string kLabel = "slipway.bench.stats";
const QString kApp = QStringLiteral("benchstats");

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

double cpuSeconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

void bounded(int total, int concurrency, const std::function<void(int)> &job) {
    std::atomic<int> next{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < concurrency; ++t)
        threads.emplace_back([&] {
            for (int i = next++; i < total; i = next++)
                job(i);
        });
    for (auto &t : threads)
        t.join();
}

std::vector<std::string> benchContainers(engine::DockerClient &client, bool all) {
    std::vector<std::string> ids;
    auto r = client.containers(all, {{"label", {kLabel + "=1"}}}).wait();
    if (r)
        for (const auto &c : r.value())
            ids.push_back(c.id);
    return ids;
}

// Running bench containers: exactly `total` of them.
std::vector<std::string> runUpTo(engine::DockerClient &client, int total,
                                 const std::string &prefix) {
    auto ids = benchContainers(client, false);
    const int have = int(ids.size());
    const qint64 stamp = QDateTime::currentMSecsSinceEpoch() % 1000000;
    std::atomic<int> failed{0};
    bounded(std::max(0, total - have), 8, [&](int i) {
        engine::ContainerCreate spec;
        spec.name = prefix + "-" + std::to_string(stamp) + "-" + std::to_string(have + i);
        spec.image = "slipway/worker:1.0.0";
        spec.labels = {
            {kLabel, "1"}, {"slipway.app", kApp.toStdString()}, {"slipway.env", "bench"}};
        auto id = client.createContainer(spec).wait();
        if (!id || !client.startContainer(id.value()).wait())
            ++failed;
    });
    if (failed)
        std::fprintf(stderr, "warning: %d containers did not start\n", failed.load());
    ids = benchContainers(client, false);
    if (int(ids.size()) > total) {
        bounded(int(ids.size()) - total, 8,
                [&](int i) { (void)client.removeContainer(ids[std::size_t(i)], true).wait(); });
        ids = benchContainers(client, false);
    }
    return ids;
}

void removeAll(engine::DockerClient &client) {
    const auto ids = benchContainers(client, true);
    bounded(int(ids.size()), 8,
            [&](int i) { (void)client.removeContainer(ids[std::size_t(i)], true).wait(); });
}

double runCommandMs(const QString &program, const QStringList &args) {
    QProcess p;
    p.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer t;
    t.start();
    p.start(program, args);
    if (!p.waitForFinished(120000) || p.exitCode() != 0) {
        std::fprintf(stderr, "%s failed: %s\n", qPrintable(program),
                     p.readAllStandardError().constData());
        return -1;
    }
    return double(t.nsecsElapsed()) / 1e6;
}

void row(const char *what, double value, const char *unit) {
    std::printf("  %-64s %9.1f %s\n", what, value, unit);
}

// Spins the event loop for `ms`.
void spin(int ms) {
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace

int main(int argc, char **argv) {
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // lines show as they come, even into a file
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({"sizes", "Running containers on the private engine.", "list", "50,200"});
    parser.addOption({"runs", "Snapshots per figure (the median is shown).", "n", "5"});
    parser.addOption({"follow", "Seconds to follow the containers for the CPU cost.", "s", "30"});
    parser.addOption({"keep", "Leave the bench containers."});
    parser.addOption(
        {"prefix", "Name prefix of the bench containers.", "text", "slipway-benchstats"});
    parser.addOption({"no-cli", "Skip the docker CLI and slipctl snapshots (profiling runs)."});
    parser.addOption({"no-streams", "Skip following with one stream per container."});
    parser.addOption({"no-agent", "Skip slipctl stats with an agent serving its desk."});
    parser.addOption({"concurrency", "Metrics' requests in flight per host.", "n",
                      QString::number(core::Metrics::Options{}.perHostConcurrency)});
    parser.process(app);
    const int runs = std::max(1, parser.value("runs").toInt());
    const int follow = std::max(4, parser.value("follow").toInt());
    const QString host = qEnvironmentVariable(
        "SLIPWAY_TEST_DOCKER_HOST", QStringLiteral("unix:///run/slipway-dev/docker.sock"));
    const QString slipctl =
        QCoreApplication::applicationDirPath() + QStringLiteral("/../app/slipctl/slipctl");
    std::printf("bench_stats: %d runs per snapshot figure (median), follow %d s, engine %s\n", runs,
                follow, qPrintable(host));
    auto client =
        std::make_shared<engine::DockerClient>(engine::Endpoint::parse(host.toStdString()).value());
    client->setTimeout(std::chrono::seconds(60));

    for (const QString &sizeText : parser.value("sizes").split(',')) {
        const int size = sizeText.toInt();
        const auto ids = runUpTo(*client, size, parser.value("prefix").toStdString());
        std::printf("\n%d running bench containers (%zu started)\n", size, ids.size());
        QStringList idArgs;
        for (const auto &id : ids)
            idArgs.append(QString::fromStdString(id));

        // The docker CLI and slipctl: a fresh process for one snapshot each.
        std::vector<double> docker, cli;
        for (int r = 0; r < runs && !parser.isSet("no-cli"); ++r) {
            docker.push_back(
                runCommandMs(QStringLiteral("/usr/bin/docker"),
                             QStringList{"-H", host, "stats", "--no-stream"} + idArgs));
            cli.push_back(
                runCommandMs(slipctl, {"stats", "--direct", "--host", host, "--app", kApp}));
        }

        // slipctl stats again with an agent sampling the same desk (started, then warmed until
        // it holds every bench container), docker stats alternating with it under that load.
        std::vector<double> dockerBeside, served;
        if (!parser.isSet("no-cli") && !parser.isSet("no-agent")) {
            QTemporaryDir desk;
            QProcess agent;
            agent.setStandardOutputFile(QProcess::nullDevice());
            agent.start(slipctl,
                        {"agent", "--serve-stats", "--host", host, "--data-dir", desk.path()});
            agent.waitForStarted(10000);
            const auto info = client->info().wait();
            core::warmstats::Request request;
            request.engineId = info ? QString::fromStdString(info.value().id) : QString();
            request.containerIds = idArgs;
            const QString socket =
                core::warmstats::socketPath(desk.filePath(QStringLiteral("slipway.sqlite")));
            QElapsedTimer warming;
            warming.start();
            bool warm = false;
            while (!warm && warming.elapsed() < 120000 && agent.state() == QProcess::Running) {
                const auto answer = core::warmstats::ask(socket, request, std::chrono::seconds(5));
                warm = answer && answer->size() == qsizetype(ids.size());
                if (!warm)
                    QThread::msleep(250);
            }
            std::printf("  agent: %s after %lld ms\n",
                        warm ? "serving every container" : "NOT warm",
                        static_cast<long long>(warming.elapsed()));
            for (int r = 0; r < runs && warm; ++r) {
                dockerBeside.push_back(
                    runCommandMs(QStringLiteral("/usr/bin/docker"),
                                 QStringList{"-H", host, "stats", "--no-stream"} + idArgs));
                served.push_back(runCommandMs(
                    slipctl, {"stats", "--host", host, "--data-dir", desk.path(), "--app", kApp}));
            }
            agent.terminate();
            if (!agent.waitForFinished(30000))
                agent.kill();
        }

        // Metrics over an Inventory and a HostMonitor, as the GUI runs it.
        QTemporaryDir dir;
        auto store = std::make_shared<core::StoreThread>(dir.filePath(QStringLiteral("db.sqlite")));
        core::HostMonitor::Options options;
        core::HostConfig config;
        config.id = QStringLiteral("bench");
        config.name = QStringLiteral("private engine");
        config.url = host;
        config.source = core::HostConfig::Source::CommandLine;
        options.overrideHosts = QList<core::HostConfig>{config};
        core::HostMonitor monitor(store, options);
        core::Inventory inventory(store);
        inventory.attach(&monitor);
        monitor.start();
        QElapsedTimer wait;
        wait.start();
        while ((inventory.hostState(config.id) != core::Inventory::SyncState::Live ||
                monitor.upCount() != 1 ||
                inventory.containers(config.id).size() < qsizetype(ids.size())) &&
               wait.elapsed() < 60000)
            spin(50);
        std::printf("  inventory: %lld containers, hosts up %d, after %lld ms\n",
                    static_cast<long long>(inventory.containers(config.id).size()),
                    monitor.upCount(), static_cast<long long>(wait.elapsed()));
        core::Metrics::Options mo;
        mo.interval = std::chrono::milliseconds(2000);
        mo.perHostConcurrency = parser.value("concurrency").toInt();
        core::Metrics metrics(&inventory, &monitor, mo);
        QSignalSpy rounds(&metrics, &core::Metrics::sampled);
        metrics.start();
        // Warm: every container has been read twice before a round is counted.
        for (int i = 0; i < 3; ++i)
            rounds.wait(60000);
        std::vector<double> roundMs;
        int measured = 0;
        for (int r = 0; r < runs; ++r) {
            if (!rounds.wait(60000))
                break;
            roundMs.push_back(double(metrics.cost().lastRoundMs));
            measured = metrics.cost().containersSampled;
        }
        // Following at 2 s: the whole process's CPU over `follow` seconds, and per sample (a
        // figure that does not depend on how busy the rest of the machine is).
        long long followSamples = 0, followRounds = 0, followRoundMs = 0;
        const auto counter = QObject::connect(&metrics, &core::Metrics::sampled,
                                              [&](const QList<QPair<QString, QString>> &c) {
                                                  followSamples += c.size();
                                                  ++followRounds;
                                                  followRoundMs += metrics.cost().lastRoundMs;
                                              });
        std::printf("  following for %d s (pid %lld)\n", follow,
                    static_cast<long long>(QCoreApplication::applicationPid()));
        const double cpu0 = cpuSeconds();
        QElapsedTimer wall;
        wall.start();
        spin(follow * 1000);
        const double oneShotCpuSeconds = cpuSeconds() - cpu0;
        QObject::disconnect(counter);
        const double oneShotCpu = oneShotCpuSeconds / (double(wall.elapsed()) / 1000.0) * 100;
        const double usPerSample =
            followSamples > 0 ? oneShotCpuSeconds * 1e6 / double(followSamples) : 0;
        const double reportedCpu = metrics.cost().cpuPercentOfCore;
        metrics.stop();
        spin(200);

        // The alternative: one open stream per container (the engine sends each every second).
        std::atomic<int> docs{0};
        std::vector<engine::Call<engine::Unit>> streams;
        double streamCpu = 0, docsPerSec = 0, usPerDoc = 0;
        for (const auto &id : parser.isSet("no-streams") ? std::vector<std::string>{} : ids)
            streams.push_back(
                client->streamStats(id, [&](const engine::StatsSample &) { ++docs; }));
        if (!streams.empty()) {
            spin(3000); // all streams open and sending
            const double s0 = cpuSeconds();
            const int d0 = docs;
            wall.restart();
            spin(follow * 1000);
            const double streamCpuSeconds = cpuSeconds() - s0;
            streamCpu = streamCpuSeconds / (double(wall.elapsed()) / 1000.0) * 100;
            docsPerSec = (docs - d0) / (double(wall.elapsed()) / 1000.0);
            usPerDoc = docs > d0 ? streamCpuSeconds * 1e6 / double(docs - d0) : 0;
            for (auto &s : streams)
                s.cancel();
            spin(500);
        }

        const double dockerMs = median(docker), cliMs = median(cli), metricsMs = median(roundMs);
        row("docker stats --no-stream <ids> (ms)", dockerMs, "ms");
        row("slipctl stats --direct --app (same containers, cold) (ms)", cliMs, "ms");
        row("slipctl stats --app, agent --serve-stats on its desk (ms)", median(served), "ms");
        row("  docker stats --no-stream <ids>, alternating with it (ms)", median(dockerBeside),
            "ms");
        row("  docker stats / slipctl stats (agent serving)",
            median(served) > 0 ? dockerMs / median(served) : 0, "x");
        row("  docker stats beside the agent / slipctl stats (agent serving)",
            median(served) > 0 ? median(dockerBeside) / median(served) : 0, "x");
        row("Metrics: one warm round over every running container (ms)", metricsMs, "ms");
        row("  containers in that round", measured, "");
        row("  docker stats / slipctl stats", cliMs > 0 ? dockerMs / cliMs : 0, "x");
        row("  docker stats / Metrics round", metricsMs > 0 ? dockerMs / metricsMs : 0, "x");
        row("Following at 2 s, one-shot (Metrics): process CPU, % of a core", oneShotCpu, "%");
        row("  process CPU per sample (load-independent) (us)", usPerSample, "us");
        row("  samples over the follow phase", double(followSamples), "");
        row("  rounds over the follow phase", double(followRounds), "");
        row("  mean round over the follow phase (ms)",
            followRounds > 0 ? double(followRoundMs) / double(followRounds) : 0, "ms");
        row("  as Metrics reports it (SamplerCost::cpuPercentOfCore)", reportedCpu, "%");
        row("Following with one stream per container: process CPU, % core", streamCpu, "%");
        row("  stats documents parsed per second with streams", docsPerSec, "/s");
        row("  process CPU per streamed document (us)", usPerDoc, "us");
    }
    if (!parser.isSet("keep"))
        removeAll(*client);
    return 0;
}
