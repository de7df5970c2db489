// bench_service_rollback: how long the engine's rollback of a 3-replica Swarm service takes,
// asked through Slipway's ServiceCatalog and through `docker service rollback` in the same
// run, from the call until every replica runs the rolled-back spec, and how many requests a
// prober hitting the application every 20 ms sees fail meanwhile. The private engine runs
// without iptables, so neither the routing mesh nor the service VIP forwards: the prober is
// its own load balancer, sending each request to the next running task (desired state
// running, state running) at the task container's address, its list refreshed from the
// engine's task list every 20 ms. Prints a table; see docs/performance.md.
#include "core/fleet/hostmonitor.h"
#include "core/fleet/servicecatalog.h"
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
#include <map>
#include <mutex>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace slipway;
using Clock = std::chrono::steady_clock;

namespace {

const QString kHost = QStringLiteral("bench:engine");
// The image's own check (1 s timeout, 2 retries) fails healthy replicas on a loaded machine.
const std::string kHealthCheck =
    "\"HealthCheck\":{\"Test\":[\"CMD\",\"wget\",\"-q\",\"-O\",\"/dev/null\","
    "\"http://127.0.0.1:8080/health\"],\"Interval\":1000000000,\"Timeout\":5000000000,"
    "\"Retries\":5,\"StartPeriod\":1000000000}";

// One HTTP/1.0 GET of /version with a 1 s limit: true on a 200 with a body.
bool probe(const std::string &ip) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return false;
    timeval tv{1, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(8080);
    std::string reply;
    if (::inet_pton(AF_INET, ip.c_str(), &addr.sin_addr) == 1 &&
        ::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0) {
        const char request[] = "GET /version HTTP/1.0\r\n\r\n";
        if (::send(fd, request, sizeof request - 1, 0) == ssize_t(sizeof request - 1)) {
            char buf[2048];
            ssize_t n;
            while ((n = ::recv(fd, buf, sizeof buf, 0)) > 0 && reply.size() < 16384)
                reply.append(buf, size_t(n));
        }
    }
    ::close(fd);
    const auto body = reply.find("\r\n\r\n");
    return reply.rfind("HTTP/1.", 0) == 0 && reply.find(" 200 ") != std::string::npos &&
           body != std::string::npos && body + 4 < reply.size();
}

// The prober and its load balancer: two threads, bounded by `stop` and by `maxSeconds`.
class Prober {
public:
    Prober(std::string serviceId, int maxSeconds)
        : serviceId_(std::move(serviceId)),
          deadline_(Clock::now() + std::chrono::seconds(maxSeconds)) {
        client_ = test::makeClient();
        watcher_ = std::thread([this] { watch(); });
        prober_ = std::thread([this] { run(); });
    }
    ~Prober() {
        stop_ = true;
        watcher_.join();
        prober_.join();
    }
    // Counts from now on.
    void reset() {
        sent_ = 0;
        failed_ = 0;
        firstFailed_ = 0;
    }
    int firstFailed() const { return firstFailed_; }
    int sent() const { return sent_; }
    int failed() const { return failed_; }

private:
    void watch() {
        std::map<std::string, std::string> ipOf; // container ID -> address
        while (!stop_ && Clock::now() < deadline_) {
            const auto next = Clock::now() + std::chrono::milliseconds(20);
            auto tasks =
                client_->tasks({{"service", {serviceId_}}, {"desired-state", {"running"}}}).wait();
            if (tasks) {
                std::vector<std::string> ips;
                for (const auto &t : tasks.value()) {
                    if (t.state != "running" || t.containerId.empty())
                        continue;
                    auto it = ipOf.find(t.containerId);
                    if (it == ipOf.end()) {
                        auto c = client_->inspectContainer(t.containerId).wait();
                        std::string ip;
                        if (c)
                            for (const auto &[network, endpoint] : c.value().networks)
                                if (!endpoint.ipAddress.empty())
                                    ip = endpoint.ipAddress;
                        if (ip.empty())
                            continue;
                        it = ipOf.emplace(t.containerId, ip).first;
                    }
                    ips.push_back(it->second);
                }
                std::lock_guard lock(mutex_);
                endpoints_ = std::move(ips);
            }
            std::this_thread::sleep_until(next);
        }
    }

    void run() {
        auto next = Clock::now();
        std::size_t turn = 0;
        while (!stop_ && Clock::now() < deadline_) {
            // A slow request delays the next tick instead of bunching the ticks after it.
            next = std::max(next + std::chrono::milliseconds(20), Clock::now());
            std::string ip, other;
            {
                std::lock_guard lock(mutex_);
                if (!endpoints_.empty()) {
                    ip = endpoints_[turn++ % endpoints_.size()];
                    other = endpoints_[turn % endpoints_.size()];
                }
            }
            ++sent_;
            if (ip.empty() || !probe(ip)) {
                ++firstFailed_;
                // As a proxy does (nginx proxy_next_upstream): once more, on the next replica.
                if (other.empty() || other == ip || !probe(other))
                    ++failed_;
            }
            std::this_thread::sleep_until(next);
        }
    }

    std::string serviceId_;
    Clock::time_point deadline_;
    std::unique_ptr<engine::DockerClient> client_;
    std::mutex mutex_;
    std::vector<std::string> endpoints_;
    std::atomic<bool> stop_{false};
    std::atomic<int> sent_{0};
    std::atomic<int> failed_{0};
    std::atomic<int> firstFailed_{0};
    std::thread watcher_;
    std::thread prober_;
};

// The service's spec is on `image` after a rollback, and every replica runs it.
bool converged(engine::DockerClient &client, const std::string &id, const std::string &image,
               int replicas) {
    auto svc = client.inspectService(id).wait();
    if (!svc || svc.value().spec.image != image || svc.value().updateState != "rollback_completed")
        return false;
    auto tasks = client.tasks({{"service", {id}}, {"desired-state", {"running"}}}).wait();
    if (!tasks)
        return false;
    int running = 0;
    for (const auto &t : tasks.value()) {
        if (t.state != "running" || t.image != image)
            return false;
        ++running;
    }
    return running == replicas;
}

bool settled(engine::DockerClient &client, const std::string &id, const std::string &image,
             int replicas) {
    auto tasks = client.tasks({{"service", {id}}, {"desired-state", {"running"}}}).wait();
    if (!tasks)
        return false;
    int running = 0;
    for (const auto &t : tasks.value())
        if (t.state == "running" && t.image == image)
            ++running;
    return running == replicas && int(tasks.value().size()) == replicas;
}

struct Row {
    int round = 0;
    const char *tool = "";
    double returnedMs = 0;  // the call (or the CLI) returned
    double convergedMs = 0; // every replica on the rolled-back spec
    int sent = 0;
    int failed = 0;      // after one retry on another replica
    int firstFailed = 0; // at the first try
};

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Swarm service rollback: Slipway and docker"));
    parser.addHelpOption();
    QCommandLineOption roundsOption(QStringLiteral("rounds"),
                                    QStringLiteral("Rollbacks per tool (1-5, default 3)."),
                                    QStringLiteral("n"), QStringLiteral("3"));
    parser.addOption(roundsOption);
    parser.process(app);
    const int rounds = std::clamp(parser.value(roundsOption).toInt(), 1, 5);
    const int replicas = 3;
    if (test::dockerHost().isEmpty() || test::registry().isEmpty()) {
        std::fprintf(stderr, "%s\n", test::missingServicesMessage().constData());
        return 2;
    }
    auto direct = test::makeClient();
    const std::string registry = test::registry().toStdString();
    const std::string v1 = registry + "/slipway/web:1.0.0";
    const std::string v2 = registry + "/slipway/web:1.1.0";

    QTemporaryDir dir;
    auto store = std::make_shared<core::StoreThread>(dir.filePath(QStringLiteral("bench.sqlite")));
    core::HostMonitor::Options options;
    core::HostConfig host;
    host.id = kHost;
    host.name = QStringLiteral("private engine");
    host.url = test::dockerHost();
    host.source = core::HostConfig::Source::CommandLine;
    options.overrideHosts = QList<core::HostConfig>{host};
    core::HostMonitor monitor(store, options);
    core::ServiceCatalog::Options catalogOptions;
    catalogOptions.busyPoll = std::chrono::milliseconds(250);
    core::ServiceCatalog catalog(&monitor, store, catalogOptions);
    monitor.start();
    if (!test::waitFor([&] { return catalog.isListed(kHost); }, std::chrono::seconds(30))) {
        std::fprintf(stderr, "the engine is not listed as a swarm manager: %s\n",
                     qPrintable(catalog.hostError(kHost)));
        return 1;
    }

    const std::string name = test::uniqueName("slipway-bench-rollback");
    const std::string spec =
        "{\"Name\":\"" + name +
        "\",\"Labels\":{\"slipway.bench\":\"1\"},"
        "\"TaskTemplate\":{\"ContainerSpec\":{\"Image\":\"" +
        v1 + "\"," + kHealthCheck +
        "}},\"Mode\":{\"Replicated\":{\"Replicas\":" + std::to_string(replicas) +
        "}},\"UpdateConfig\":{\"Parallelism\":1,\"Order\":\"start-first\","
        "\"FailureAction\":\"rollback\"},"
        "\"RollbackConfig\":{\"Parallelism\":1,\"Order\":\"start-first\"}}";
    auto created = direct->createService(spec).wait();
    if (!created) {
        std::fprintf(stderr, "create: %s\n", created.error().describe().c_str());
        return 1;
    }
    const std::string id = created.value();
    const QString qid = QString::fromStdString(id);
    int status = 0;
    std::vector<Row> rows;
    {
        Prober prober(id, 600);
        const auto until = [&](const std::function<bool()> &f, int seconds) {
            return test::waitFor(f, std::chrono::seconds(seconds));
        };
        bool ok = until([&] { return settled(*direct, id, v1, replicas); }, 120);
        // A previous spec to roll back to: Slipway's update to 1.1.0.
        ok = ok && until([&] { return catalog.service(kHost, qid).has_value(); }, 30) &&
             catalog.updateImage(kHost, qid, QString::fromStdString(v2)) != 0;
        ok = ok && until([&] { return settled(*direct, id, v2, replicas); }, 120);
        std::string expected = v1; // what the next rollback goes back to
        for (int round = 1; ok && round <= rounds; ++round) {
            for (const char *tool : {"slipway", "docker"}) {
                QThread::msleep(2000); // let the last rollback's old tasks go
                prober.reset();
                Row row;
                row.round = round;
                row.tool = tool;
                QElapsedTimer t;
                if (std::string(tool) == "slipway") {
                    // The catalog's record must carry the version the last rollback left.
                    catalog.refreshHost(kHost);
                    until([&] { return !catalog.isRefreshing(kHost); }, 10);
                    bool answered = false, accepted = false;
                    auto c = QObject::connect(&catalog, &core::ServiceCatalog::operationFinished,
                                              [&](quint64, bool good, const QString &error) {
                                                  answered = true;
                                                  accepted = good;
                                                  if (!good)
                                                      std::fprintf(stderr, "rollback: %s\n",
                                                                   qPrintable(error));
                                              });
                    t.start();
                    QString refused;
                    if (!catalog.rollback(kHost, qid, &refused)) {
                        std::fprintf(stderr, "rollback refused: %s\n", qPrintable(refused));
                        ok = false;
                    }
                    ok = ok && until([&] { return answered; }, 30) && accepted;
                    row.returnedMs = t.nsecsElapsed() / 1e6;
                    QObject::disconnect(c);
                } else {
                    QProcess cli;
                    cli.setProcessChannelMode(QProcess::MergedChannels);
                    t.start();
                    cli.start(QStringLiteral("/usr/bin/docker"),
                              {QStringLiteral("-H"), test::dockerHost(), QStringLiteral("service"),
                               QStringLiteral("rollback"), QStringLiteral("--quiet"),
                               QString::fromStdString(name)});
                    ok = cli.waitForFinished(180000) && cli.exitCode() == 0;
                    row.returnedMs = t.nsecsElapsed() / 1e6;
                    if (!ok)
                        std::fprintf(stderr, "docker service rollback: %s\n",
                                     cli.readAll().constData());
                }
                ok = ok && until([&] { return converged(*direct, id, expected, replicas); }, 180);
                row.convergedMs = t.nsecsElapsed() / 1e6;
                row.sent = prober.sent();
                row.failed = prober.failed();
                row.firstFailed = prober.firstFailed();
                if (!ok) {
                    std::fprintf(stderr, "round %d (%s) did not converge\n", round, tool);
                    break;
                }
                rows.push_back(row);
                expected = expected == v1 ? v2 : v1;
            }
        }
        if (!ok)
            status = 1;
    }
    (void)direct->removeService(id).wait();

    std::printf("Rollback of a %d-replica service (start-first), prober every 20 ms\n", replicas);
    std::printf("%-6s %-8s %14s %16s %9s %12s %14s\n", "round", "tool", "returned (ms)",
                "converged (ms)", "requests", "failed 1st", "failed retried");
    for (const Row &r : rows)
        std::printf("%-6d %-8s %14.0f %16.0f %9d %12d %14d\n", r.round, r.tool, r.returnedMs,
                    r.convergedMs, r.sent, r.firstFailed, r.failed);
    for (const char *tool : {"slipway", "docker"}) {
        std::vector<double> returned, convergedMs;
        int sent = 0, failed = 0, firstFailed = 0;
        for (const Row &r : rows)
            if (std::string(r.tool) == tool) {
                returned.push_back(r.returnedMs);
                convergedMs.push_back(r.convergedMs);
                sent += r.sent;
                failed += r.failed;
                firstFailed += r.firstFailed;
            }
        std::printf("median %-8s %7.0f %16.0f %9d %12d %14d (totals)\n", tool, median(returned),
                    median(convergedMs), sent, firstFailed, failed);
    }
    return status;
}
