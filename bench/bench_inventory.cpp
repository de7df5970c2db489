// bench_inventory: how fast and how smoothly the Inventory and its table model load a host's
// containers, next to `docker ps -a` and a raw curl of the same API call; the longest event
// loop stall while loading and while a burst of events arrives; resident memory; and a
// synthetic 10-host, 8,000-container fleet. Prints a table; see docs/performance.md.
#include "bench/stallmeter.h"
#include "bench/syntheticfleet.h"
#include "core/inventory.h"
#include "engine/dockerclient.h"
#include "models/containerfilterproxy.h"
#include "models/containertablemodel.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QGuiApplication>
#include <QProcess>
#include <QTimer>
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <malloc.h>
#include <map>
#include <mutex>
#include <thread>

using namespace slipway;
using models::ContainerTableModel;

namespace {

const std::string kBenchLabel = "slipway.bench";

double rssMb() {
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    return -1;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

// Runs `job(i)` for i in [0, total) on `concurrency` threads; each job waits on its call.
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

std::vector<std::string> benchContainers(engine::DockerClient &client) {
    std::vector<std::string> ids;
    auto r = client.containers(true, {{"label", {kBenchLabel + "=1"}}}).wait();
    if (r)
        for (const auto &c : r.value())
            ids.push_back(c.id);
    return ids;
}

void removeAll(engine::DockerClient &client) {
    const auto ids = benchContainers(client);
    bounded(int(ids.size()), 16, [&](int i) { (void)client.removeContainer(ids[i], true).wait(); });
}

// Creates containers (not started) until `total` bench containers exist.
void createUpTo(engine::DockerClient &client, int total) {
    const int have = int(benchContainers(client).size());
    std::atomic<int> failed{0};
    const qint64 stamp = QDateTime::currentMSecsSinceEpoch() % 1000000;
    bounded(total - have, 16, [&](int i) {
        engine::ContainerCreate spec;
        spec.name = "slipway-bench-" + std::to_string(stamp) + "-" + std::to_string(have + i);
        spec.image = "slipway/worker:1.0.0";
        spec.labels = {{kBenchLabel, "1"},
                       {"slipway.app", "bench-" + std::to_string((have + i) % 60)},
                       {"slipway.env", "bench"}};
        if (!client.createContainer(spec).wait())
            ++failed;
    });
    if (failed)
        std::fprintf(stderr, "warning: %d creates failed\n", failed.load());
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
    return t.nsecsElapsed() / 1e6;
}

struct Load {
    double ms = 0;
    double stallMs = 0;
    QString stall; // the stall with what the GUI thread did meanwhile
    int rows = 0;
};

// The worst of several runs' stalls, as StallMeter::describe() words it.
struct WorstStall {
    double ms = -1;
    QString text;
    void add(const Load &l) {
        if (l.stallMs > ms) {
            ms = l.stallMs;
            text = l.stall;
        }
    }
};

// A fresh Inventory, model and sorted proxy over `urls`, until `expected` rows are in and
// every host is live. Spins the event loop, measuring its stalls.
Load loadInventory(const std::vector<std::string> &urls, int expected,
                   std::vector<std::shared_ptr<engine::DockerClient>> *keepClients = nullptr,
                   std::unique_ptr<core::Inventory> *keepInventory = nullptr,
                   std::unique_ptr<ContainerTableModel> *keepModel = nullptr,
                   std::unique_ptr<models::ContainerFilterProxy> *keepProxy = nullptr) {
    std::vector<std::shared_ptr<engine::DockerClient>> clients;
    for (const auto &url : urls) {
        clients.push_back(
            std::make_shared<engine::DockerClient>(engine::Endpoint::parse(url).value()));
        clients.back()->setTimeout(std::chrono::seconds(60));
    }
    auto inventory = std::make_unique<core::Inventory>();
    auto model = std::make_unique<ContainerTableModel>(inventory.get());
    auto proxy = std::make_unique<models::ContainerFilterProxy>();
    proxy->setSourceModel(model.get());
    proxy->sort(ContainerTableModel::NameColumn);
    bench::StallMeter stalls;
    QEventLoop loop;
    // Done when every host's full list is applied and every row is in the model. `expected`
    // is only a floor for the synthetic fleet: on the shared engine others create and remove
    // containers while this runs.
    const auto check = [&] {
        if (model->rowCount() < std::min(expected, inventory->containerCount()) ||
            model->rowCount() < inventory->containerCount() || model->insertsPending())
            return;
        for (const QString &h : inventory->hostIds())
            if (inventory->hostState(h) != core::Inventory::SyncState::Live)
                return;
        loop.quit();
    };
    QObject::connect(model.get(), &QAbstractItemModel::rowsInserted, &loop, check);
    QObject::connect(inventory.get(), &core::Inventory::hostSyncStateChanged, &loop, check);
    QTimer::singleShot(120000, &loop, &QEventLoop::quit); // bounded
    stalls.start();
    QElapsedTimer t;
    t.start();
    for (std::size_t i = 0; i < urls.size(); ++i)
        inventory->addHost(QStringLiteral("h%1").arg(i), QStringLiteral("host %1").arg(i),
                           QString::fromStdString(urls[i]), clients[i]);
    loop.exec();
    Load l;
    l.ms = t.nsecsElapsed() / 1e6;
    stalls.stop();
    l.stallMs = stalls.longestMs();
    l.stall = stalls.describe();
    l.rows = model->rowCount();
    if (keepInventory) {
        *keepClients = std::move(clients);
        *keepInventory = std::move(inventory);
        *keepModel = std::move(model);
        *keepProxy = std::move(proxy);
    } else {
        // Clients go last: nothing may be waiting on them when they are destroyed.
        proxy.reset();
        model.reset();
        inventory.reset();
    }
    return l;
}

void row(const char *what, const QString &value) {
    std::printf("  %-58s %s\n", what, qPrintable(value));
}

} // namespace

int main(int argc, char **argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({"sizes", "Container counts on the private engine.", "list", "1000,3000"});
    parser.addOption({"runs", "Runs per measurement (the median is shown).", "n", "7"});
    parser.addOption({"burst", "Containers started then killed for the event burst.", "n", "170"});
    parser.addOption({"skip-real", "Only the synthetic fleet."});
    parser.addOption({"skip-synthetic", "Only the private engine."});
    parser.addOption({"keep", "Leave the bench containers (faster reruns)."});
    parser.process(app);
    const int runs = std::max(1, parser.value("runs").toInt());
    const QString host = qEnvironmentVariable(
        "SLIPWAY_TEST_DOCKER_HOST", QStringLiteral("unix:///run/slipway-dev/docker.sock"));
    const QString socket = QString(host).remove(QStringLiteral("unix://"));
    std::printf("bench_inventory: %d runs per figure (median), engine %s\n", runs,
                qPrintable(host));
    std::printf("  RSS at start: %.1f MB\n", rssMb());
    {
        // The noise floor: the longest gap with nothing to do, from the machine's own load.
        bench::StallMeter idle;
        QEventLoop wait;
        QTimer::singleShot(3000, &wait, &QEventLoop::quit);
        idle.start();
        wait.exec();
        idle.stop();
        row("idle event loop, longest gap over 3 s (ms): the noise floor", idle.describe());
    }

    auto client =
        std::make_shared<engine::DockerClient>(engine::Endpoint::parse(host.toStdString()).value());
    client->setTimeout(std::chrono::seconds(120));
    std::string realList;

    if (!parser.isSet("skip-synthetic")) {
        {
            QProcess curlList;
            curlList.start("curl", {"-sS", "--unix-socket", socket,
                                    "http://localhost/v1.41/containers/json?all=1"});
            curlList.waitForFinished(60000);
            realList = curlList.readAllStandardOutput().toStdString();
        }
        if (realList.empty() || realList == "[]\n" || realList == "[]") {
            // An engine with no containers yet (fresh after CI): the reply recorded from the
            // same engine version stands in as the template.
            QFile recorded(QStringLiteral(SLIPWAY_TEST_DATA "/recorded/containers_list.json"));
            if (!recorded.open(QIODevice::ReadOnly)) {
                std::fprintf(stderr,
                             "bench_inventory: the engine lists no containers and %s "
                             "cannot be read\n",
                             qPrintable(recorded.fileName()));
                return 2;
            }
            realList = recorded.readAll().toStdString();
            std::printf("(the engine lists no containers: templates from %s)\n",
                        qPrintable(recorded.fileName()));
        }
        constexpr int kHosts = 10, kPerHost = 800;
        std::printf("\nSYNTHETIC: %d hosts x %d containers = %d (scripted engines replaying the "
                    "private engine's list reply, scaled up)\n",
                    kHosts, kPerHost, kHosts * kPerHost);
        const double rssBefore = rssMb();
        bench::SyntheticFleet fleet(realList, kHosts, kPerHost);
        fleet.scheduleBurst(500, 4000);
        std::vector<std::string> urls;
        for (int i = 0; i < kHosts; ++i)
            urls.push_back(fleet.url(i));
        std::vector<std::shared_ptr<engine::DockerClient>> clients;
        std::unique_ptr<core::Inventory> inventory;
        std::unique_ptr<ContainerTableModel> model;
        std::unique_ptr<models::ContainerFilterProxy> proxy;
        const Load l = loadInventory(urls, kHosts * kPerHost, &clients, &inventory, &model, &proxy);
        row("synthetic: rows in the model", QString::number(l.rows));
        row("synthetic: RSS with 8,000 loaded (MB, whole process)",
            QString::number(rssMb(), 'f', 1));
        row("synthetic: RSS before loading (MB)", QString::number(rssBefore, 'f', 1));
        // What glibc keeps of the parsers' freed heap (one arena per engine thread) is not
        // the inventory's: give it back to see what stays.
        malloc_trim(0);
        row("synthetic: RSS with 8,000 loaded, after malloc_trim (MB)",
            QString::number(rssMb(), 'f', 1));
        row("synthetic: bytes of one host's list reply", QString::number(fleet.listBytes()));
        const int listsBefore = fleet.listRequests();
        bench::StallMeter meter;
        meter.start();
        QEventLoop wait;
        QTimer::singleShot(7000, &wait, &QEventLoop::quit); // the bursts land ~4 s in
        wait.exec();
        meter.stop();
        row("synthetic: 10 x 500 events at once: list requests caused",
            QString::number(fleet.listRequests() - listsBefore));
        row("synthetic: longest stall during that burst (ms)", meter.describe());
        // The uptime column is re-read for all rows once a minute.
        meter.start();
        model->refreshUptime();
        QCoreApplication::processEvents();
        meter.stop();
        row("synthetic: longest stall for the uptime refresh of 8,000 rows (ms)", meter.describe());
        proxy.reset();
        model.reset();
        inventory.reset();
        clients.clear();
        std::vector<double> times;
        WorstStall worst;
        for (int r = 0; r < runs; ++r) {
            bench::SyntheticFleet fleet(realList, kHosts, kPerHost);
            std::vector<std::string> urls;
            for (int i = 0; i < kHosts; ++i)
                urls.push_back(fleet.url(i));
            const Load l = loadInventory(urls, kHosts * kPerHost);
            times.push_back(l.ms);
            worst.add(l);
        }
        row("synthetic: 8,000 containers listed + model populated (ms, median)",
            QString::number(median(times), 'f', 1));
        row("synthetic: longest stall while loading (ms, worst run)", worst.text);
    }
    if (!parser.isSet("skip-real")) {
        removeAll(*client);
        for (const QString &sizeText : parser.value("sizes").split(',')) {
            const int n = sizeText.toInt();
            QElapsedTimer made;
            made.start();
            createUpTo(*client, n);
            auto all = client->containers(true).wait();
            const int total = all ? int(all.value().size()) : 0;
            std::printf("\nN = %d bench containers (%d on the engine in all; created in %.1f s)\n",
                        n, total, made.elapsed() / 1000.0);

            std::vector<double> ours, dockerPs, curl;
            WorstStall worst;
            for (int r = 0; r < runs; ++r) {
                const Load l = loadInventory({host.toStdString()}, total);
                if (l.rows != total)
                    std::fprintf(stderr, "warning: %d rows, expected %d\n", l.rows, total);
                ours.push_back(l.ms);
                worst.add(l);
                dockerPs.push_back(
                    runCommandMs("/usr/bin/docker", {"-H", host, "ps", "-a", "--no-trunc"}));
                curl.push_back(
                    runCommandMs("curl", {"-sS", "--unix-socket", socket, "-o", "/dev/null",
                                          "http://localhost/v1.41/containers/json?all=1"}));
            }
            const double o = median(ours), d = median(dockerPs), c = median(curl);
            row("Slipway: list + parse + model populated (ms, median)", QString::number(o, 'f', 1));
            row("docker ps -a --no-trunc (ms, median)", QString::number(d, 'f', 1));
            row("curl /v1.41/containers/json?all=1 (ms, median)", QString::number(c, 'f', 1));
            row("ratio Slipway / docker ps", QString::number(o / d, 'f', 2));
            row("ratio Slipway / curl", QString::number(o / c, 'f', 2));
            row("longest event-loop stall while loading (ms, worst run)", worst.text);

            // Keep one inventory live and start, then kill, `burst` containers at once.
            std::vector<std::shared_ptr<engine::DockerClient>> clients;
            std::unique_ptr<core::Inventory> inventory;
            std::unique_ptr<ContainerTableModel> model;
            std::unique_ptr<models::ContainerFilterProxy> proxy;
            loadInventory({host.toStdString()}, total, &clients, &inventory, &model, &proxy);
            row("RSS with this inventory loaded (MB, whole process)",
                QString::number(rssMb(), 'f', 1));
            const auto ids = benchContainers(*client);
            const int burst = std::min<int>(parser.value("burst").toInt(), int(ids.size()));
            const core::HostInventory *h = inventory->host(QStringLiteral("h0"));
            const int listsBefore = h->fullListCount() + h->refreshListCount();
            bench::StallMeter meter;
            std::atomic<bool> done{false};
            meter.start();
            QElapsedTimer t;
            t.start();
            // What the engine refused or failed: such a container never becomes "exited" (a
            // failed start leaves it "created"), so it is left out of the end condition.
            std::mutex failuresMutex;
            std::map<std::string, std::string> failures; // ID -> "start: message"
            const auto note = [&](int i, const char *what, const engine::Status &r) {
                if (r)
                    return;
                std::lock_guard lock(failuresMutex);
                failures.emplace(ids[i], std::string(what) + ": " + r.error().describe());
            };
            std::thread storm([&] {
                bounded(burst, 16,
                        [&](int i) { note(i, "start", client->startContainer(ids[i]).wait()); });
                bounded(burst, 16,
                        [&](int i) { note(i, "kill", client->killContainer(ids[i]).wait()); });
                done = true;
            });
            // Until the engine is done and every one of them shows as exited (bounded).
            QEventLoop loop;
            QTimer poll;
            poll.start(5);
            QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
                if (!done)
                    return;
                for (int i = 0; i < burst; ++i) {
                    if (failures.count(ids[i]))
                        continue;
                    const auto r = inventory->container("h0", QString::fromStdString(ids[i]));
                    if (!r || r->state != u"exited")
                        return;
                }
                loop.quit();
            });
            QTimer::singleShot(180000, &loop, &QEventLoop::quit);
            loop.exec();
            const double burstMs = t.nsecsElapsed() / 1e6;
            meter.stop();
            storm.join();
            for (const auto &[id, why] : failures)
                std::fprintf(stderr, "  burst: %.12s %s\n", id.c_str(), why.c_str());
            // At the bound: which ones, what the inventory holds and what the engine says.
            for (int i = 0; i < burst; ++i) {
                if (failures.count(ids[i]))
                    continue;
                const auto r = inventory->container("h0", QString::fromStdString(ids[i]));
                if (r && r->state == u"exited")
                    continue;
                const auto engineSide = client->inspectContainer(ids[i]).wait();
                std::fprintf(stderr, "  burst: %.12s shown %s%s, engine says %s\n", ids[i].c_str(),
                             r ? qPrintable(r->state) : "(absent)", r && r->stale ? " (stale)" : "",
                             engineSide ? engineSide.value().state.status.c_str()
                                        : engineSide.error().describe().c_str());
            }
            const int lists = h->fullListCount() + h->refreshListCount() - listsBefore;
            row(qPrintable(
                    QStringLiteral("event burst: %1 containers started then killed").arg(burst)),
                QStringLiteral("~%1 events").arg(burst * 3));
            row("  list requests the burst caused", QString::number(lists));
            row("  longest event-loop stall during the burst (ms)", meter.describe());
            row("  starts or kills the engine failed (left out)", QString::number(failures.size()));
            row("  burst start to all shown exited (ms)", QString::number(burstMs, 'f', 0));
            proxy.reset();
            model.reset();
            inventory.reset();
            clients.clear();
        }
        // The real reply that the synthetic fleet scales up.
        QProcess curlList;
        curlList.start("curl", {"-sS", "--unix-socket", socket,
                                "http://localhost/v1.41/containers/json?all=1"});
        curlList.waitForFinished(60000);
        realList = curlList.readAllStandardOutput().toStdString();
        if (!parser.isSet("keep"))
            removeAll(*client);
    }

    return 0;
}
