// bench_rollback: how long a rollback of a 3-replica application takes from the click to all
// replicas healthy, through Slipway's Deployer and through the docker CLI commands a person
// would type (pull by digest, run x3, poll health, stop x3), and how many requests fail during
// each, counted by a prober that hits a healthy replica every 20 ms. See docs/performance.md.
#include "core/deploy/deployer.h"
#include "core/fleet/hostmonitor.h"
#include "core/fleet/inventory.h"
#include "core/store/storethread.h"
#include "engine/dockerclient.h"
#include "tests/support/testenv.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <algorithm>
#include <arpa/inet.h>
#include <atomic>
#include <cstdio>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace slipway;

namespace {

const QString kDocker = QStringLiteral("/usr/bin/docker");

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

// GET /version on 127.0.0.1:port; true for a 200 answer within a second.
bool get(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    timeval tv{1, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(quint16(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bool ok = false;
    if (::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0) {
        const char request[] = "GET /version HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n";
        if (::send(fd, request, sizeof request - 1, MSG_NOSIGNAL) > 0) {
            char buffer[64] = {};
            const ssize_t n = ::recv(fd, buffer, sizeof buffer - 1, 0);
            ok = n > 12 && std::string_view(buffer, size_t(n)).substr(9, 3) == "200";
        }
    }
    ::close(fd);
    return ok;
}

// Plays a load balancer that follows the engine: every 20 ms it lists the application's
// running, healthy replicas and sends one request to the next of them.
class Prober {
public:
    Prober(engine::DockerClient *client, std::string app) : client_(client), app_(std::move(app)) {}
    void start() {
        stop_ = false;
        thread_ = std::thread([this] { loop(); });
    }
    void stop() {
        stop_ = true;
        thread_.join();
    }
    int requests() const { return requests_; }
    int failures() const { return failures_; }

private:
    void loop() {
        std::size_t next = 0;
        while (!stop_) {
            const auto tick = std::chrono::steady_clock::now();
            engine::Filters f;
            f["label"] = {"slipway.app=" + app_};
            f["status"] = {"running"};
            f["health"] = {"healthy"};
            auto r = client_->containers(false, f).wait();
            std::vector<int> ports;
            if (r)
                for (const auto &c : r.value())
                    for (const auto &p : c.ports)
                        if (p.publicPort)
                            ports.push_back(p.publicPort);
            ++requests_;
            if (ports.empty() || !get(ports[next++ % ports.size()]))
                ++failures_;
            std::this_thread::sleep_until(tick + std::chrono::milliseconds(20));
        }
    }

    engine::DockerClient *client_;
    std::string app_;
    std::thread thread_;
    std::atomic<bool> stop_{false};
    std::atomic<int> requests_{0};
    std::atomic<int> failures_{0};
};

bool docker(const QStringList &args, QByteArray *out = nullptr) {
    QProcess p;
    p.start(kDocker, QStringList{QStringLiteral("-H"), test::dockerHost()} + args);
    if (!p.waitForFinished(120000)) {
        p.kill();
        return false;
    }
    if (out)
        *out = p.readAllStandardOutput();
    if (p.exitCode() != 0)
        std::fprintf(stderr, "docker %s: %s\n", qPrintable(args.join(' ')),
                     p.readAllStandardError().constData());
    return p.exitCode() == 0;
}

// Runs `start` and spins the event loop until the deployer answers that request.
bool await(core::Deployer *deployer, const std::function<quint64()> &start,
           std::optional<core::RollbackPlan> *plan = nullptr, QString *error = nullptr) {
    bool done = false, ok = false;
    quint64 request = 0;
    QObject guard;
    QObject::connect(deployer, &core::Deployer::finished, &guard,
                     [&](quint64 r, bool good, const QString &why, const core::DeploymentRecord &) {
                         if (r == request) {
                             done = true;
                             ok = good;
                             if (error)
                                 *error = why;
                         }
                     });
    QObject::connect(deployer, &core::Deployer::planned, &guard,
                     [&](quint64 r, const core::RollbackPlan &p) {
                         if (r == request) {
                             done = ok = true;
                             if (plan)
                                 *plan = p;
                         }
                     });
    request = start();
    test::waitFor([&] { return done; }, std::chrono::minutes(3));
    return ok;
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Rollbacks per side (default 3)."),
                      QStringLiteral("n"), QStringLiteral("3")});
    parser.process(app);
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());
    if (test::dockerHost().isEmpty() || test::registry().isEmpty()) {
        std::fprintf(stderr, "%s\n", test::missingServicesMessage().constData());
        return 2;
    }
    const QString oldImage = test::registry() + QStringLiteral("/slipway/web:1.0.0");
    const QString newImage = test::registry() + QStringLiteral("/slipway/web:1.1.0");

    QTemporaryDir dir;
    auto store = std::make_shared<core::StoreThread>(dir.filePath(QStringLiteral("db.sqlite")));
    core::HostMonitor::Options hostOptions;
    core::HostConfig host;
    host.id = QStringLiteral("private");
    host.name = QStringLiteral("private engine");
    host.url = test::dockerHost();
    host.source = core::HostConfig::Source::CommandLine;
    hostOptions.overrideHosts = QList<core::HostConfig>{host};
    core::HostMonitor monitor(store, hostOptions);
    core::Inventory inventory(store);
    inventory.attach(&monitor);
    core::Deployer::Options options;
    options.undoWindow = std::chrono::seconds(1);
    core::Deployer deployer(&inventory, &monitor, store, nullptr, options);
    monitor.start();
    test::waitFor([&] { return monitor.upCount() == 1; }, std::chrono::seconds(20));
    auto client = test::makeClient();

    std::vector<double> slipwayMs, cliMs, slipwayHealthyMs, cliHealthyMs;
    int slipwayFailed = 0, slipwayRequests = 0, cliFailed = 0, cliRequests = 0;
    QStringList cleanup;
    for (int run = 0; run < runs; ++run) {
        // Slipway: 1.0.0 then 1.1.0 deployed, then the click on "roll back to 1.0.0".
        const QString name = QString::fromStdString(test::uniqueName("bench-rb"));
        cleanup.append(name);
        const auto deploy = [&](const QString &image) {
            core::DeployRequest r;
            r.app = name;
            r.env = QStringLiteral("bench");
            r.config.image = image;
            r.config.publish = {QStringLiteral("0:8080")};
            r.replicas = 3;
            QString why;
            if (!await(
                    &deployer, [&] { return deployer.deploy(r); }, nullptr, &why))
                std::fprintf(stderr, "deploy %s: %s\n", qPrintable(image), qPrintable(why));
        };
        deploy(oldImage);
        deploy(newImage);
        std::optional<core::RollbackPlan> plan;
        await(
            &deployer, [&] { return deployer.planRollback(name, QStringLiteral("bench")); }, &plan);
        if (!plan || !plan->problem.isEmpty()) {
            std::fprintf(stderr, "no rollback plan\n");
            return 1;
        }
        Prober slipwayProber(client.get(), name.toStdString());
        slipwayProber.start();
        QThread::msleep(500);
        QElapsedTimer clock;
        double healthyMs = 0;
        QObject watch;
        // The step after the health wait: every new replica is healthy by then.
        QObject::connect(&deployer, &core::Deployer::progress, &watch,
                         [&](quint64, const QString &step, int, int) {
                             if (healthyMs == 0 && (step.startsWith(QLatin1String("Draining")) ||
                                                    step.startsWith(QLatin1String("Stopping"))))
                                 healthyMs = double(clock.nsecsElapsed()) / 1e6;
                         });
        clock.start();
        QString why;
        const bool ok = await(
            &deployer, [&] { return deployer.rollback(*plan); }, nullptr, &why);
        const double ms = double(clock.nsecsElapsed()) / 1e6;
        slipwayHealthyMs.push_back(healthyMs);
        QThread::msleep(500);
        slipwayProber.stop();
        if (!ok)
            std::fprintf(stderr, "rollback: %s\n", qPrintable(why));
        slipwayMs.push_back(ms);
        slipwayFailed += slipwayProber.failures();
        slipwayRequests += slipwayProber.requests();

        // The docker CLI: the team's own rule, typed out. 1.1.0 runs as three replicas.
        const QString cli = QString::fromStdString(test::uniqueName("bench-cli"));
        cleanup.append(cli);
        const auto runReplica = [&](const QString &image, int i, QString *id) {
            QByteArray out;
            const bool good = docker(
                {QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"),
                 QStringLiteral("%1-%2-%3").arg(cli, image.section(QLatin1Char(':'), -1)).arg(i),
                 QStringLiteral("--label"), QStringLiteral("slipway.app=") + cli,
                 QStringLiteral("-p"), QStringLiteral("127.0.0.1::8080"), image},
                &out);
            *id = QString::fromUtf8(out).trimmed();
            return good;
        };
        const auto waitHealthy = [&](const QStringList &ids) {
            for (int tries = 0; tries < 600; ++tries) {
                QByteArray out;
                docker(QStringList{QStringLiteral("inspect"), QStringLiteral("-f"),
                                   QStringLiteral("{{.State.Health.Status}}")} +
                           ids,
                       &out);
                if (out.split('\n').count("healthy") == ids.size())
                    return true;
                QThread::msleep(100);
            }
            return false;
        };
        QStringList running;
        for (int i = 0; i < 3; ++i) {
            QString id;
            runReplica(newImage, i, &id);
            running.append(id);
        }
        waitHealthy(running);
        const QString pinned = plan->to.config.pinnedReference();
        Prober cliProber(client.get(), cli.toStdString());
        cliProber.start();
        QThread::msleep(500);
        clock.restart();
        docker({QStringLiteral("pull"), pinned});
        QStringList fresh;
        for (int i = 0; i < 3; ++i) {
            QString id;
            runReplica(pinned, i, &id);
            fresh.append(id);
        }
        waitHealthy(fresh);
        cliHealthyMs.push_back(double(clock.nsecsElapsed()) / 1e6);
        docker(QStringList{QStringLiteral("stop")} + running);
        cliMs.push_back(double(clock.nsecsElapsed()) / 1e6);
        QThread::msleep(500);
        cliProber.stop();
        cliFailed += cliProber.failures();
        cliRequests += cliProber.requests();
    }

    std::printf("\nrollback of 3 replicas, slipway/web 1.1.0 -> 1.0.0, median of %d runs\n", runs);
    std::printf("  %-48s %14s %14s %12s\n", "", "all new healthy", "old stopped", "failed/sent");
    std::printf("  %-48s %11.0f ms %11.0f ms %6d/%d\n",
                "Slipway Deployer (click; old drained, then stopped)", median(slipwayHealthyMs),
                median(slipwayMs), slipwayFailed, slipwayRequests);
    std::printf("  %-48s %11.0f ms %11.0f ms %6d/%d\n",
                "docker CLI (pull, run x3, poll health, stop x3)", median(cliHealthyMs),
                median(cliMs), cliFailed, cliRequests);
    std::printf("  runs, old stopped (ms): slipway");
    for (double v : slipwayMs)
        std::printf(" %.0f", v);
    std::printf("; docker CLI");
    for (double v : cliMs)
        std::printf(" %.0f", v);
    std::printf("\n");

    for (const QString &name : cleanup) {
        engine::Filters f;
        f["label"] = {"slipway.app=" + name.toStdString()};
        if (auto r = client->containers(true, f).wait())
            for (const auto &c : r.value())
                (void)client->removeContainer(c.id, true).wait();
    }
    return 0;
}
