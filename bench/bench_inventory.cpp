// bench_inventory: how fast and how smoothly the Inventory and its table model load a host's
// containers, next to `docker ps -a` and a raw curl of the same API call; the longest event
// loop stall while loading and while a burst of events arrives, with who had the CPUs
// meanwhile; resident memory; and a synthetic 10-host, 8,000-container fleet. Each burst is
// measured as it comes (engines sharing this bench's CPUs) and again with the engines apart (the
// synthetic ones in a process of their own, the real one pinned to a CPU of its own), since in
// real use engines run on other machines. Prints a table; see docs/performance.md.
#include "bench/cpuaccount.h"
#include "bench/cpupinning.h"
#include "bench/fleetprocess.h"
#include "bench/stallmeter.h"
#include "bench/syntheticfleet.h"
#include "core/base/latencyhint.h"
#include "core/fleet/inventory.h"
#include "engine/dockerclient.h"
#include "models/containerfilterproxy.h"
#include "models/containertablemodel.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QProcess>
#include <QTemporaryFile>
#include <QTimer>
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <map>
#include <mimalloc.h>
#include <mutex>
#include <string_view>
#include <thread>
#include <unistd.h>

using namespace slipway;
using models::ContainerTableModel;

namespace {

const std::string kBenchLabel = "slipway.bench";

// The private engine's processes, for the CPU account and the "engine on its own CPU" runs.
const QStringList kEngineProcesses = {QStringLiteral("dockerd"), QStringLiteral("containerd"),
                                      QStringLiteral("runc"), QStringLiteral("docker-proxy")};

// Names the transport thread of `client` (its calls complete there), so that the CPU account
// can tell it from the others; never the caller's thread, should the call be done already.
void nameWorker(engine::DockerClient &client, const char *name) {
    const pid_t caller = gettid();
    client.ping().then([caller, name](const auto &) {
        if (gettid() != caller)
            bench::CpuAccount::nameThisThread(name);
    });
}

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
            bench::CpuAccount::nameThisThread("bench-load");
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
        nameWorker(*clients.back(), "slipway-client");
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

void rows(const char *what, const QStringList &lines) {
    std::printf("  %s\n", what);
    for (const QString &line : lines)
        std::printf("      %s\n", qPrintable(line));
}

// One line of the closing side-by-side table: the same burst, engines colocated or not.
struct SideBySide {
    QString what;
    QStringList stalls; // colocated first
    QStringList lists;
};

enum class Storm;

struct BurstFigures {
    Storm storm{};
    int burst = 0;
    QString lists; // "12 (full 2, of which after the burst 1; by ID 10)"
    QString stall;
    int failures = 0;
    double ms = 0;
    QString pinned; // what was put on which CPU
    QStringList cpu;
    double rss = 0;
};

// What the real engine is made to do while one Inventory follows it.
enum class Storm {
    // Start then kill: about 3 events per container (start, kill, die), spread over as long as
    // the engine takes to run and stop them (a minute for 170 on 2 CPUs), runc's work included.
    StartKill,
    // Rename: one event per container, as fast as the engine takes the calls: a burst that
    // arrives within a second or two, with little work for the engine.
    Rename,
};

// Makes `burstSize` bench containers go through `storm` with 16 calls in flight while one
// Inventory follows the engine, until every one is shown as the engine left it (bounded). With
// `engineOwnCpu` the engine's processes (and the calls that cause the storm) run on CPU 1 and
// this bench on CPU 0, as if the engine were another machine; the affinities are given back.
BurstFigures realBurst(engine::DockerClient &client, const QString &host, int total, int burstSize,
                       Storm storm, bool engineOwnCpu) {
    BurstFigures f;
    f.storm = storm;
    bench::CpuPinning pinning;
    if (engineOwnCpu) {
        const QString runDir = QFileInfo(QString(host).remove(QStringLiteral("unix://"))).path();
        if (pinning.pinProcesses(kEngineProcesses, runDir, 1) == 0)
            std::fprintf(stderr, "warning: no engine process found to pin (%s)\n",
                         qPrintable(runDir));
        pinning.pinSelf(0);
        f.pinned = pinning.describe();
    }
    std::vector<std::shared_ptr<engine::DockerClient>> clients;
    std::unique_ptr<core::Inventory> inventory;
    std::unique_ptr<ContainerTableModel> model;
    std::unique_ptr<models::ContainerFilterProxy> proxy;
    loadInventory({host.toStdString()}, total, &clients, &inventory, &model, &proxy);
    f.rss = rssMb();
    const auto ids = benchContainers(client);
    const int burst = std::min<int>(burstSize, int(ids.size()));
    f.burst = burst;
    const core::HostInventory *h = inventory->host(QStringLiteral("h0"));
    const int fullBefore = h->fullListCount(), refreshBefore = h->refreshListCount(),
              settleBefore = h->settleListCount();
    bench::StallMeter meter;
    bench::CpuAccount cpu;
    cpu.watchProcesses({QStringLiteral("dockerd")}, QStringLiteral("dockerd"));
    cpu.watchProcesses({QStringLiteral("containerd-shim")}, QStringLiteral("containerd-shim*"));
    cpu.watchProcesses({QStringLiteral("containerd")}, QStringLiteral("containerd"));
    cpu.watchProcesses({QStringLiteral("runc")}, QStringLiteral("runc (alive at the end)"));
    std::atomic<bool> done{false};
    // The account's /proc scan first: it must not fall inside the meter's window.
    cpu.start();
    meter.start();
    QElapsedTimer t;
    t.start();
    // What the engine refused or failed: such a container never becomes "exited" (a failed
    // start leaves it "created"), so it is left out of the end condition.
    std::mutex failuresMutex;
    std::map<std::string, std::string> failures; // ID -> "start: message"
    const auto note = [&](int i, const char *what, const engine::Status &r) {
        if (r)
            return;
        std::lock_guard lock(failuresMutex);
        failures.emplace(ids[i], std::string(what) + ": " + r.error().describe());
    };
    // Renamed ones get names of this run, so a rerun on kept containers renames them again.
    const qint64 stamp = QDateTime::currentMSecsSinceEpoch() % 1000000;
    std::vector<std::string> newNames;
    for (int i = 0; storm == Storm::Rename && i < burst; ++i)
        newNames.push_back("slipway-bench-renamed-" + std::to_string(stamp) + "-" +
                           std::to_string(i));
    std::thread load([&] {
        bench::CpuAccount::nameThisThread("bench-storm");
        // The storm is someone else's doing: with the engine on its own CPU it runs there too,
        // through a client of its own (whose transport thread is created here, on that CPU).
        std::unique_ptr<engine::DockerClient> own;
        engine::DockerClient *caller = &client;
        if (engineOwnCpu) {
            bench::CpuPinning::pinThisThread(1);
            own = std::make_unique<engine::DockerClient>(
                engine::Endpoint::parse(host.toStdString()).value());
            own->setTimeout(std::chrono::seconds(120));
            nameWorker(*own, "bench-client");
            caller = own.get();
        }
        if (storm == Storm::Rename) {
            bounded(burst, 16, [&](int i) {
                note(i, "rename", caller->renameContainer(ids[i], newNames[i]).wait());
            });
        } else {
            bounded(burst, 16,
                    [&](int i) { note(i, "start", caller->startContainer(ids[i]).wait()); });
            bounded(burst, 16,
                    [&](int i) { note(i, "kill", caller->killContainer(ids[i]).wait()); });
        }
        done = true;
    });
    // Shown as the engine left it: exited after start/kill, under its new name after rename.
    const auto shownDone = [&](int i) {
        const auto r = inventory->container("h0", QString::fromStdString(ids[i]));
        if (!r)
            return false;
        return storm == Storm::Rename ? r->name.toStdString() == newNames[i]
                                      : r->state == u"exited";
    };
    // Until the engine is done and every one of them shows as exited (bounded).
    QEventLoop loop;
    QTimer poll;
    poll.start(5);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (!done)
            return;
        for (int i = 0; i < burst; ++i) {
            if (!failures.count(ids[i]) && !shownDone(i))
                return;
        }
        loop.quit();
    });
    QTimer::singleShot(180000, &loop, &QEventLoop::quit);
    loop.exec();
    f.ms = t.nsecsElapsed() / 1e6;
    meter.stop();
    load.join();
    // The full list that follows a burst once the stream is quiet belongs to it.
    QEventLoop settle;
    QTimer::singleShot(2500, &settle, &QEventLoop::quit);
    settle.exec();
    cpu.stop();
    pinning.restore();
    for (const auto &[id, why] : failures)
        std::fprintf(stderr, "  burst: %.12s %s\n", id.c_str(), why.c_str());
    // At the bound: which ones, what the inventory holds and what the engine says.
    for (int i = 0; i < burst; ++i) {
        if (failures.count(ids[i]))
            continue;
        if (shownDone(i))
            continue;
        const auto r = inventory->container("h0", QString::fromStdString(ids[i]));
        const auto engineSide = client.inspectContainer(ids[i]).wait();
        std::fprintf(stderr, "  burst: %.12s shown %s %s%s, engine says %s %s\n", ids[i].c_str(),
                     r ? qPrintable(r->name) : "(absent)", r ? qPrintable(r->state) : "",
                     r && r->stale ? " (stale)" : "",
                     engineSide ? engineSide.value().name.c_str() : "",
                     engineSide ? engineSide.value().state.status.c_str()
                                : engineSide.error().describe().c_str());
    }
    const int full = h->fullListCount() - fullBefore, byId = h->refreshListCount() - refreshBefore;
    f.lists = QStringLiteral("%1 (full %2, of which after the burst %3; by ID %4)")
                  .arg(full + byId)
                  .arg(full)
                  .arg(h->settleListCount() - settleBefore)
                  .arg(byId);
    f.stall = meter.describe();
    f.failures = int(failures.size());
    f.cpu = cpu.report();
    proxy.reset();
    model.reset();
    inventory.reset();
    clients.clear();
    return f;
}

// Runs the event loop through the synthetic fleet's scheduled bursts (they land about 4 s in)
// with `meter` and `cpu` measuring; the account's /proc scans stay outside the meter's window.
void watchScheduledBursts(bench::StallMeter &meter, bench::CpuAccount &cpu) {
    cpu.start();
    meter.start();
    QEventLoop wait;
    QTimer::singleShot(7000, &wait, &QEventLoop::quit);
    wait.exec();
    meter.stop();
    cpu.stop();
}

struct SyntheticBurst {
    QString lists;
    QString stall;
    QString load; // "312.0 ms, 8000 rows; longest stall 20.1 (...)"
    QStringList cpu;
};

// The synthetic fleet's burst with its scripted engines in a process of their own (own
// session, so also a scheduling group of its own). Not pinned: their CPU is small (~20 ms a
// burst), and a bench confined to one CPU would have half the workstation's cores.
SyntheticBurst syntheticBurstApart(const QString &templateFile, int hosts, int perHost) {
    SyntheticBurst b;
    bench::FleetProcess fleet;
    if (!fleet.start(QCoreApplication::applicationFilePath(), templateFile, hosts, perHost, 500,
                     4000)) {
        b.stall = QStringLiteral("(the fleet process failed: %1)").arg(fleet.error());
        return b;
    }
    std::vector<std::shared_ptr<engine::DockerClient>> clients;
    std::unique_ptr<core::Inventory> inventory;
    std::unique_ptr<ContainerTableModel> model;
    std::unique_ptr<models::ContainerFilterProxy> proxy;
    const Load l =
        loadInventory(fleet.urls(), hosts * perHost, &clients, &inventory, &model, &proxy);
    b.load = QStringLiteral("%1 ms, %2 rows; longest stall %3")
                 .arg(l.ms, 0, 'f', 1)
                 .arg(l.rows)
                 .arg(l.stall);
    const int listsBefore = fleet.listRequests();
    bench::StallMeter meter;
    bench::CpuAccount cpu;
    cpu.watchPid(int(fleet.pid()), QStringLiteral("scripted engines (their own process)"));
    watchScheduledBursts(meter, cpu);
    b.lists = QString::number(fleet.listRequests() - listsBefore);
    b.stall = meter.describe();
    b.cpu = cpu.report();
    proxy.reset();
    model.reset();
    inventory.reset();
    clients.clear();
    fleet.stop();
    return b;
}

void printBurst(const BurstFigures &f, const char *setting) {
    std::printf("  event burst, %s\n", setting);
    if (!f.pinned.isEmpty())
        std::printf("    (pinned: %s; given back afterwards)\n", qPrintable(f.pinned));
    const bool rename = f.storm == Storm::Rename;
    const QString what = rename ? QStringLiteral("  %1 containers renamed")
                                : QStringLiteral("  %1 containers started then killed");
    row(qPrintable(what.arg(f.burst)),
        QStringLiteral("~%1 events").arg(f.burst * (rename ? 1 : 3)));
    row("  list requests the burst caused", f.lists);
    row("  longest event-loop stall during the burst (ms)", f.stall);
    row("  calls the engine failed (left out)", QString::number(f.failures));
    row(rename ? "  burst start to all shown renamed (ms)"
               : "  burst start to all shown exited (ms)",
        QString::number(f.ms, 'f', 0));
    rows("  CPU during the burst and the 2.5 s after it:", f.cpu);
}

} // namespace

int main(int argc, char **argv) {
    // The synthetic fleet's engines, when they run in a process of their own.
    if (argc > 1 && std::string_view(argv[1]) == "--serve-synthetic")
        return bench::serveSynthetic(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // progress shows as it comes, also into a file
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({"sizes", "Container counts on the private engine.", "list", "1000,3000"});
    parser.addOption({"runs", "Runs per measurement (the median is shown).", "n", "7"});
    parser.addOption({"burst", "Containers started then killed for the event storm.", "n", "170"});
    parser.addOption({"rename-burst", "Containers renamed for the burst of events.", "n", "500"});
    parser.addOption({"skip-real", "Only the synthetic fleet."});
    parser.addOption({"skip-synthetic", "Only the private engine."});
    parser.addOption({"keep", "Leave the bench containers (faster reruns)."});
    parser.addOption({"default-slices",
                      "Leave the GUI thread at the kernel's default slice, as before Slipway "
                      "asked for short ones (for comparison)."});
    parser.process(app);
    // As app/slipway/main.cpp does for the real GUI thread.
    const bool shortSlices = !parser.isSet("default-slices") && core::preferShortSlices();
    const int runs = std::max(1, parser.value("runs").toInt());
    const QString host = qEnvironmentVariable(
        "SLIPWAY_TEST_DOCKER_HOST", QStringLiteral("unix:///run/slipway-dev/docker.sock"));
    const QString socket = QString(host).remove(QStringLiteral("unix://"));
    std::printf("bench_inventory: %d runs per figure (median), engine %s\n", runs,
                qPrintable(host));
    std::printf("  GUI thread: %s\n", shortSlices ? "short scheduling slices (as Slipway asks)"
                                                  : "the kernel's default slice");
    std::printf("  RSS at start: %.1f MB\n", rssMb());
    std::vector<SideBySide> sideBySide;
    {
        // The noise floor: the longest gap with nothing to do, from the machine's own load.
        bench::StallMeter idle;
        bench::CpuAccount cpu;
        QEventLoop wait;
        QTimer::singleShot(3000, &wait, &QEventLoop::quit);
        cpu.start();
        idle.start();
        wait.exec();
        idle.stop();
        cpu.stop();
        row("idle event loop, longest gap over 3 s (ms): the noise floor", idle.describe());
        // The GUI thread's CPU here is the meter's own (a 1 ms tick reading /proc): subtract
        // its rate from the GUI thread's CPU in the bursts below.
        rows("idle: CPU (the GUI thread's is the stall meter's own cost)", cpu.report());
    }

    auto client =
        std::make_shared<engine::DockerClient>(engine::Endpoint::parse(host.toStdString()).value());
    client->setTimeout(std::chrono::seconds(120));
    nameWorker(*client, "bench-client"); // creates, starts and kills: the bench's own load
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
        // What the allocator keeps of freed heap is not the inventory's: give back what it can
        // (mimalloc, as in the app: this thread's free pages and those of ended threads).
        mi_collect(true);
        row("synthetic: RSS with 8,000 loaded, after mi_collect (MB)",
            QString::number(rssMb(), 'f', 1));
        row("synthetic: bytes of one host's list reply", QString::number(fleet.listBytes()));
        const int listsBefore = fleet.listRequests();
        bench::StallMeter meter;
        bench::CpuAccount cpu;
        watchScheduledBursts(meter, cpu);
        const QString colocatedLists = QString::number(fleet.listRequests() - listsBefore);
        const QString colocatedStall = meter.describe();
        row("synthetic: 10 x 500 events at once: list requests caused", colocatedLists);
        row("synthetic: longest stall during that burst (ms)", colocatedStall);
        rows("synthetic: CPU during that burst (engines colocated: threads of this process)",
             cpu.report());
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

        // The same burst with the scripted engines out of this process: in reality engines
        // run on other machines, not among the workstation's threads.
        QTemporaryFile templates;
        if (!templates.open() ||
            templates.write(realList.data(), qint64(realList.size())) != qint64(realList.size())) {
            std::fprintf(stderr, "bench_inventory: cannot write the fleet's templates\n");
            return 2;
        }
        templates.flush();
        std::printf("\nSYNTHETIC, engines apart: the same 10 x 500 burst, the scripted engines in "
                    "a process of their own (own session)\n");
        const SyntheticBurst apart = syntheticBurstApart(templates.fileName(), kHosts, kPerHost);
        row("apart: loading (one run)", apart.load);
        row("apart: list requests the burst caused", apart.lists);
        row("apart: longest stall during that burst (ms)", apart.stall);
        rows("apart: CPU during that burst", apart.cpu);
        sideBySide.push_back({QStringLiteral("synthetic, 10 hosts x 500 events at once"),
                              {colocatedStall, apart.stall},
                              {colocatedLists, apart.lists}});
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

            // Keep one inventory live and start, then kill, `burst` containers at once: with
            // the engine sharing the bench's CPUs, then with the engine on a CPU of its own.
            // First the burst of 500 events: as many renames, as fast as the engine
            // takes them (the engine colocated: there is little for it to do).
            const BurstFigures renamed = realBurst(
                *client, host, total, parser.value("rename-burst").toInt(), Storm::Rename, false);
            printBurst(renamed, "engine colocated");
            sideBySide.push_back({QStringLiteral("real engine, N=%1, %2 renamed (%2 events "
                                                 "within about a second)")
                                      .arg(n)
                                      .arg(renamed.burst),
                                  {renamed.stall},
                                  {renamed.lists}});
            const int burstSize = parser.value("burst").toInt();
            const BurstFigures colocated =
                realBurst(*client, host, total, burstSize, Storm::StartKill, false);
            row("RSS with this inventory loaded (MB, whole process)",
                QString::number(colocated.rss, 'f', 1));
            printBurst(colocated, "engine colocated: dockerd, containerd and runc share the "
                                  "bench's CPUs");
            const BurstFigures separated =
                realBurst(*client, host, total, burstSize, Storm::StartKill, true);
            printBurst(separated, "engine on its own CPU: engine processes on CPU 1, the bench on "
                                  "CPU 0 (models an engine on another machine)");
            sideBySide.push_back({QStringLiteral("real engine, N=%1, %2 started then killed")
                                      .arg(n)
                                      .arg(colocated.burst),
                                  {colocated.stall, separated.stall},
                                  {colocated.lists, separated.lists}});
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

    std::printf("\nBURSTS SIDE BY SIDE: longest event-loop stall (ms; own work and waiting for a "
                "CPU of the GUI thread in that gap) and list requests\n");
    for (const SideBySide &b : sideBySide) {
        std::printf("  %s\n", qPrintable(b.what));
        const bool synthetic = b.what.startsWith(u"synthetic");
        const char *labels[] = {synthetic ? "colocated (engines are threads of this bench)"
                                          : "colocated (engine shares this bench's CPUs)",
                                synthetic ? "engines in a process of their own"
                                          : "engine on its own CPU (CPU 1; bench on CPU 0)"};
        for (qsizetype i = 0; i < b.stalls.size(); ++i)
            std::printf("    %-48s %s; lists %s\n", labels[i], qPrintable(b.stalls[i]),
                        qPrintable(b.lists.value(i)));
    }

    return 0;
}
