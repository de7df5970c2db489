// Metrics on the private engine, checked against `docker stats` over the same seconds: a
// container burning half a core reads within 10 percentage points, one holding 64 MiB
// within 10 %; its application's and host's figures are the sums of their containers'; the
// series grow a point per round; a removed container is forgotten; `slipctl stats` on the same
// desk prints what this sampler measured (StatsService), and nothing stale.
#include "core/fleet/hostmonitor.h"
#include "core/fleet/inventory.h"
#include "core/metrics/metrics.h"
#include "core/metrics/statsservice.h"
#include "core/metrics/warmstats.h"
#include "core/store/storethread.h"
#include "tests/support/fakeengine.h"
#include "tests/support/processrun.h"
#include "tests/support/testenv.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>
#include <future>

using namespace slipway;
using core::Metrics;
using core::UsageMeasure;
using core::UsageSpan;

namespace {

const QString kHost = QStringLiteral("cli:0");

// "64.25MiB" -> bytes, as the docker CLI writes sizes (units.BytesSize: binary units).
double parseSize(const QString &text) {
    static const QRegularExpression re(QStringLiteral("^([0-9.]+)\\s*([KMGT]?i?B)$"));
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch())
        return -1;
    const QString unit = m.captured(2);
    double v = m.captured(1).toDouble();
    for (const char *u : {"KiB", "MiB", "GiB", "TiB"}) {
        v *= 1024;
        if (unit == QLatin1String(u))
            return v;
    }
    return unit == QLatin1String("B") ? m.captured(1).toDouble() : -1;
}

struct DockerReading {
    double cpuPercent = -1;
    double memoryBytes = -1;
};

} // namespace

class TestMetrics : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::unique_ptr<engine::DockerClient> client_;
    std::shared_ptr<core::StoreThread> store_;
    std::unique_ptr<core::HostMonitor> monitor_;
    std::unique_ptr<core::Inventory> inventory_;
    std::unique_ptr<Metrics> metrics_;
    QString app_;
    QString burner_, holder_;
    QStringList created_;

    QString run(const std::string &name, const std::vector<std::string> &cmd,
                std::int64_t nanoCpus = 0) {
        engine::ContainerCreate spec;
        spec.nanoCpus = nanoCpus;
        spec.name = test::uniqueName(name);
        spec.image = "slipway/base:1";
        spec.cmd = cmd;
        spec.labels = {{"slipway.app", app_.toStdString()},
                       {"slipway.env", "test"},
                       {"slipway.test", "metrics"}};
        auto created = test::waitFor(client_->createContainer(spec), std::chrono::seconds(60));
        if (!created || !created->ok())
            return {};
        created_.append(QString::fromStdString(created->value()));
        auto started =
            test::waitFor(client_->startContainer(created->value()), std::chrono::seconds(60));
        return started && started->ok() ? QString::fromStdString(created->value()) : QString();
    }

    // `docker stats --no-stream` for one container, the event loop turning meanwhile so that
    // Metrics keeps sampling.
    DockerReading dockerStats(const QString &id) {
        QProcess p;
        p.start(QStringLiteral("/usr/bin/docker"),
                {QStringLiteral("-H"), test::dockerHost(), QStringLiteral("stats"),
                 QStringLiteral("--no-stream"), QStringLiteral("--format"),
                 QStringLiteral("{{.CPUPerc}}|{{.MemUsage}}"), id});
        DockerReading r;
        if (!test::waitFor([&] { return p.state() == QProcess::NotRunning; },
                           std::chrono::seconds(30))) {
            p.kill();
            p.waitForFinished(5000);
            return r;
        }
        const QString line = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
        const QStringList parts = line.split(QLatin1Char('|'));
        if (p.exitCode() != 0 || parts.size() != 2) {
            qWarning("docker stats: %s %s", qPrintable(line), p.readAllStandardError().constData());
            return r;
        }
        r.cpuPercent = QString(parts[0]).remove(QLatin1Char('%')).toDouble();
        r.memoryBytes = parseSize(parts[1].section(QLatin1Char('/'), 0, 0));
        return r;
    }

    // Asks `socket` from another thread (ask() blocks) while this one serves.
    std::optional<QHash<QString, core::warmstats::Sample>>
    askServed(const QString &socket, const core::warmstats::Request &request) {
        auto answer = std::async(std::launch::async, [=] {
            return core::warmstats::ask(socket, request, std::chrono::seconds(10));
        });
        test::waitFor(
            [&] { return answer.wait_for(std::chrono::seconds(0)) == std::future_status::ready; },
            std::chrono::seconds(15));
        return answer.get();
    }

    // `slipctl stats --json` on the desk in `data`, this thread's event loop turning meanwhile
    // so that a StatsService here can answer it.
    QJsonObject slipctlStats(const QString &data, const QStringList &extra = {}) {
        QProcess p;
        p.setProcessEnvironment(test::cleanEnvironment(dir_.path()));
        p.start(QStringLiteral(SLIPWAY_SLIPCTL),
                QStringList{QStringLiteral("stats"), QStringLiteral("--json"),
                            QStringLiteral("--host"), test::dockerHost(),
                            QStringLiteral("--data-dir"), data, QStringLiteral("--app"), app_} +
                    extra);
        if (!test::waitFor([&] { return p.state() == QProcess::NotRunning; },
                           std::chrono::seconds(60))) {
            p.kill();
            p.waitForFinished(5000);
            return {};
        }
        if (p.exitCode() != 0)
            qWarning("slipctl stats: %s", p.readAllStandardError().constData());
        return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    }

    // A desk of its own under the test's folder: the folder, and the socket its sampler serves.
    std::pair<QString, QString> newDesk(const QString &name) const {
        const QString data = dir_.filePath(name);
        QDir().mkpath(data);
        return {data,
                core::warmstats::socketPath(QDir(data).filePath(QStringLiteral("slipway.sqlite")))};
    }

    static QJsonObject containerIn(const QJsonObject &doc, const QString &id) {
        for (const auto &v : doc[QStringLiteral("containers")].toArray())
            if (v.toObject()[QStringLiteral("id")].toString() == id)
                return v.toObject();
        return {};
    }

    // Waits for the next round to end.
    bool nextRound() {
        QSignalSpy spy(metrics_.get(), &Metrics::sampled);
        return spy.wait(30000);
    }

private slots:
    void initTestCase() {
        if (test::dockerHost().isEmpty())
            QFAIL(test::missingServicesMessage().constData());
        QVERIFY(dir_.isValid());
        client_ = test::makeClient();
        QVERIFY(client_);
        app_ = QStringLiteral("metricsapp%1").arg(QCoreApplication::applicationPid());
        // A busy loop held to half a core (a fixed load, whatever else the machine runs), and 64
        // MiB held in a shell variable (the loop at the end keeps the shell: busybox would exec a
        // last plain command in its place, and the memory with it).
        burner_ = run("metrics-burner", {"sh", "-c", "while :; do :; done"}, 500'000'000);
        holder_ =
            run("metrics-holder",
                {"sh", "-c",
                 "x=$(head -c 67108864 /dev/zero | tr '\\0' a); while sleep 3600; do :; done"});
        QVERIFY(!burner_.isEmpty() && !holder_.isEmpty());

        store_ = std::make_shared<core::StoreThread>(dir_.filePath(QStringLiteral("db.sqlite")));
        core::HostMonitor::Options options;
        core::HostConfig host;
        host.id = kHost;
        host.name = QStringLiteral("private engine");
        host.url = test::dockerHost();
        host.source = core::HostConfig::Source::CommandLine;
        options.overrideHosts = QList<core::HostConfig>{host};
        monitor_ = std::make_unique<core::HostMonitor>(store_, options);
        inventory_ = std::make_unique<core::Inventory>(store_);
        inventory_->attach(monitor_.get());
        monitor_->start();
        QVERIFY(test::waitFor(
            [&] {
                return inventory_->hostState(kHost) == core::Inventory::SyncState::Live &&
                       monitor_->upCount() == 1 && inventory_->container(kHost, burner_) &&
                       inventory_->container(kHost, holder_);
            },
            std::chrono::seconds(30)));
        Metrics::Options mo;
        mo.interval = std::chrono::milliseconds(1000); // docker stats' own window
        metrics_ = std::make_unique<Metrics>(inventory_.get(), monitor_.get(), mo);
        metrics_->setPriority(QStringLiteral("test"), {{kHost, burner_}, {kHost, holder_}});
        metrics_->start();
        QVERIFY(metrics_->isRunning());
        // The holder needs a moment to fill its variable; two readings of each are needed.
        QVERIFY(test::waitFor(
            [&] {
                const auto h = metrics_->containerUsage(kHost, holder_);
                return metrics_->containerUsage(kHost, burner_) && h &&
                       h->memoryBytes > 60 * 1048576.0;
            },
            std::chrono::seconds(60)));
    }

    void cleanupTestCase() {
        if (metrics_)
            metrics_->stop();
        metrics_.reset();
        for (const QString &id : std::as_const(created_))
            (void)test::waitFor(client_->removeContainer(id.toStdString(), true),
                                std::chrono::seconds(30));
    }

    void cpuMatchesDockerStats() {
        // The machine is shared (CI runs other tests and a build beside this one), so what the
        // burner gets swings from one second to the next, and two one-second windows half a
        // second apart can differ by 30 points while both are right. So the two are compared
        // over the same stretch: docker stats streaming (it repaints the latest reading every
        // half second) and Metrics' points inside that stretch; their means are held to 10
        // points.
        QProcess p;
        p.start(QStringLiteral("/usr/bin/docker"),
                {QStringLiteral("-H"), test::dockerHost(), QStringLiteral("stats"),
                 QStringLiteral("--format"), QStringLiteral("{{.CPUPerc}}"), burner_});
        QVERIFY(p.waitForStarted(10000));
        static const QRegularExpression percent(QStringLiteral("([0-9]+(?:\\.[0-9]+)?)%"));
        QList<std::pair<qint64, double>> docker; // (when it arrived, percent)
        const auto read = [&] {
            const QString text = QString::fromUtf8(p.readAllStandardOutput());
            for (auto m = percent.globalMatch(text); m.hasNext();)
                docker.append(
                    {QDateTime::currentMSecsSinceEpoch(), m.next().captured(1).toDouble()});
        };
        const auto span = [&] {
            return docker.isEmpty() ? 0 : docker.last().first - docker.first().first;
        };
        const bool enough = test::waitFor(
            [&] {
                read();
                return span() >= 9000 || p.state() == QProcess::NotRunning;
            },
            std::chrono::seconds(60));
        p.kill();
        p.waitForFinished(5000);
        QVERIFY2(enough && span() >= 9000, p.readAllStandardError().constData());
        // Its first second has no earlier reading to take a difference from (it prints 0 %).
        const qint64 from = docker.first().first + 900, to = docker.last().first;
        double dockerSum = 0;
        int dockerCount = 0;
        for (const auto &[at, value] : std::as_const(docker))
            if (at >= from) {
                dockerSum += value;
                ++dockerCount;
            }
        QVERIFY(nextRound()); // the point that ends after the last docker window exists
        double oursSum = 0;
        int oursCount = 0;
        for (const auto &point : metrics_->containerSeries(kHost, burner_, UsageSpan::Minutes15))
            if (point.atMs > from + 500 && point.atMs <= to + 500) {
                oursSum += point.cpuPercent;
                ++oursCount;
            }
        QVERIFY(dockerCount >= 8 && oursCount >= 6);
        const double dockerMean = dockerSum / dockerCount, oursMean = oursSum / oursCount;
        qInfo("burner over %lld ms: docker stats %.1f %% (%d repaints), Metrics %.1f %% (%d "
              "points)",
              to - from, dockerMean, dockerCount, oursMean, oursCount);
        QVERIFY(oursMean > 0);
        QVERIFY2(qAbs(oursMean - dockerMean) <= 10.0,
                 qPrintable(QStringLiteral("%1 vs %2 %").arg(oursMean).arg(dockerMean)));
    }

    void memoryMatchesDockerStats() {
        const DockerReading docker = dockerStats(holder_);
        QVERIFY(docker.memoryBytes > 0);
        const auto ours = metrics_->containerUsage(kHost, holder_);
        QVERIFY(ours);
        qInfo("holder: docker stats %.1f MiB, Metrics %.1f MiB", docker.memoryBytes / 1048576,
              ours->memoryBytes / 1048576);
        QVERIFY(ours->memoryBytes >= 64 * 1048576.0 * 0.9); // it does hold the 64 MiB
        QVERIFY2(
            qAbs(ours->memoryBytes - docker.memoryBytes) <= 0.1 * docker.memoryBytes,
            qPrintable(QStringLiteral("%1 vs %2").arg(ours->memoryBytes).arg(docker.memoryBytes)));
        QVERIFY(ours->memoryLimitBytes > ours->memoryBytes);
        QCOMPARE(ours->memoryPercent, ours->memoryBytes / ours->memoryLimitBytes * 100.0);
    }

    void applicationAndHostAreSums() {
        QSignalSpy sampled(metrics_.get(), &Metrics::sampled);
        QVERIFY(sampled.wait(30000));
        // Right after a round, before the next one: everything below is from the same one.
        const auto b = metrics_->containerUsage(kHost, burner_);
        const auto h = metrics_->containerUsage(kHost, holder_);
        QVERIFY(b && h);
        const auto app = metrics_->appUsage(app_, QStringLiteral("test"));
        QVERIFY(app);
        QCOMPARE(app->containers, 2);
        QCOMPARE(app->app, app_);
        QVERIFY(qFuzzyCompare(app->latest.cpuPercent, b->cpuPercent + h->cpuPercent));
        QVERIFY(qFuzzyCompare(app->latest.memoryBytes, b->memoryBytes + h->memoryBytes));
        QVERIFY(!metrics_->appUsage(app_, QStringLiteral("no-such-env")));

        // The host: every measured container on it, of its capacity.
        double cpu = 0, memory = 0;
        int measured = 0;
        for (const auto &r : inventory_->containers(kHost)) {
            if (const auto u = metrics_->containerUsage(kHost, r->id)) {
                cpu += u->cpuPercent;
                memory += u->memoryBytes;
                ++measured;
            }
        }
        const auto host = metrics_->hostUsage(kHost);
        QVERIFY(host && host->reachable);
        const core::HostStatus status = monitor_->status(monitor_->indexOf(kHost));
        QCOMPARE(host->cpus, status.cpus);
        QCOMPARE(host->containersMeasured, measured);
        QVERIFY(qAbs(host->latest.cpuPercent - cpu / status.cpus) < 1e-6);
        QVERIFY(qAbs(host->latest.memoryPercent - memory / double(status.memoryBytes) * 100) <
                1e-6);
        QVERIFY(host->latest.cpuPercent <= 100.0 + 1e-6);
        QCOMPARE(metrics_->hostUsages().size(), 1);
        // One host: the fleet is that host, and there is no spread.
        QVERIFY(qAbs(metrics_->clusterUsage().cpuPercent - host->latest.cpuPercent) < 1e-6);
        QCOMPARE(metrics_->imbalance(UsageMeasure::Cpu), 0.0);

        // The busiest lists, largest first, with ours in them.
        const auto top = metrics_->topContainers(UsageMeasure::Memory, 1000);
        QVERIFY(!top.isEmpty());
        for (qsizetype i = 1; i < top.size(); ++i)
            QVERIFY(top[i - 1].latest.memoryBytes >= top[i].latest.memoryBytes);
        QVERIFY(std::any_of(top.begin(), top.end(), [&](const auto &c) {
            return c.containerId == holder_ && c.app == app_ && c.env == QLatin1String("test");
        }));
        QCOMPARE(metrics_->topContainers(UsageMeasure::Cpu, 1).size(), 1);
        const auto apps = metrics_->topApps(UsageMeasure::Cpu, 1000);
        QVERIFY(
            std::any_of(apps.begin(), apps.end(), [&](const auto &a) { return a.app == app_; }));

        // Our containers were in the round's list for row updates.
        const auto pairs = sampled.first().first().value<QList<QPair<QString, QString>>>();
        QVERIFY(pairs.contains(QPair<QString, QString>(kHost, burner_)));
    }

    void seriesGrowEachRound() {
        const auto before = metrics_->containerSeries(kHost, burner_, UsageSpan::Minutes15);
        const auto hostBefore = metrics_->hostSeries(kHost, UsageSpan::Minutes15);
        QVERIFY(!before.isEmpty());
        QVERIFY(nextRound());
        QVERIFY(nextRound());
        const auto after = metrics_->containerSeries(kHost, burner_, UsageSpan::Minutes15);
        QVERIFY(after.size() >= before.size() + 1);
        for (qsizetype i = 1; i < after.size(); ++i)
            QVERIFY(after[i].atMs > after[i - 1].atMs); // oldest first
        QCOMPARE(after.last().cpuPercent > 0, true);
        QVERIFY(metrics_->hostSeries(kHost, UsageSpan::Minutes15).size() >= hostBefore.size() + 1);
        // The coarse series has the bucket that is filling.
        QVERIFY(!metrics_->containerSeries(kHost, burner_, UsageSpan::Hours24).isEmpty());
        QVERIFY(!metrics_->appSeries(app_, QStringLiteral("test"), UsageSpan::Hour1).isEmpty());
        QVERIFY(!metrics_->clusterSeries(UsageSpan::Minutes15).isEmpty());
        QVERIFY(metrics_->containerSeries(kHost, QStringLiteral("nope"), UsageSpan::Minutes15)
                    .isEmpty());
    }

    void costIsReported() {
        // The CPU share is measured between two rounds: the second report carries one.
        QSignalSpy spy(metrics_.get(), &Metrics::costChanged);
        QVERIFY(spy.wait(30000));
        QVERIFY(spy.size() >= 2 || spy.wait(30000));
        const auto cost = spy.last().first().value<core::SamplerCost>();
        QVERIFY(cost.containersSampled >= 2);
        QVERIFY2(cost.lastRoundMs > 0, qPrintable(QString::number(cost.lastRoundMs)));
        // Sampling takes some CPU, and never more than every core of the machine.
        QVERIFY2(cost.cpuPercentOfCore > 0 &&
                     cost.cpuPercentOfCore <= 100.0 * QThread::idealThreadCount(),
                 qPrintable(QString::number(cost.cpuPercentOfCore)));
        QCOMPARE(metrics_->cost().containersSampled, cost.containersSampled);
    }

    // `slipctl stats` on the same desk while this Metrics runs (as in a Slipway window or
    // `slipctl agent --serve-stats`): a StatsService answers it, and what slipctl prints for the
    // burner is this sampler's own figure, not a snapshot of its own.
    void servesSlipctlStatsOnItsDesk() {
        const auto desk = newDesk(QStringLiteral("served"));
        const QString &data = desk.first, &socket = desk.second;
        core::StatsService service(metrics_.get(), monitor_.get());
        QString why;
        QVERIFY2(service.listen(socket, &why), qPrintable(why));
        QCOMPARE(service.socket(), socket);
        // One server per desk: a second is told another process serves it.
        core::StatsService second(metrics_.get(), monitor_.get());
        QVERIFY(!second.listen(socket, &why));
        QVERIFY2(why.contains(socket), qPrintable(why));

        const QString engineId = monitor_->identity(0);
        QVERIFY(!engineId.isEmpty());
        const QString unknown(64, QLatin1Char('f'));
        bool compared = false;
        for (int attempt = 0; attempt < 10 && !compared; ++attempt) {
            const auto before = metrics_->containerSnapshot(kHost, burner_);
            const auto served = askServed(socket, {engineId, {burner_, unknown}});
            const auto after = metrics_->containerSnapshot(kHost, burner_);
            QVERIFY(before && after && served);
            QVERIFY(!served->contains(unknown));
            if (before->usage.atMs != after->usage.atMs)
                continue; // a round ended meanwhile: which one was served is not known
            QVERIFY(served->contains(burner_));
            const core::warmstats::Sample &s = served->value(burner_);
            QCOMPARE(s.usage.cpuPercent, before->usage.cpuPercent);
            QCOMPARE(s.usage.memoryBytes, before->usage.memoryBytes);
            QCOMPARE(s.counters.netRx, before->counters.netRx);
            QCOMPARE(s.counters.pids, before->counters.pids);
            QVERIFY(s.counters.pids >= 1);
            compared = true;
        }
        QVERIFY2(compared, "every answer straddled a round");
        // Another engine's containers are not this sampler's to tell.
        const auto other = askServed(socket, {QStringLiteral("NO:SUCH:ENGINE"), {burner_}});
        QVERIFY(other);
        QVERIFY(other->isEmpty());

        // slipctl prints what the sampler measured. Rounds 5 s apart meanwhile, so that a
        // slipctl run on a loaded machine seldom straddles one.
        metrics_->setInterval(std::chrono::seconds(5));
        const auto restore =
            qScopeGuard([&] { metrics_->setInterval(std::chrono::milliseconds(1000)); });
        compared = false;
        for (int attempt = 0; attempt < 10 && !compared; ++attempt) {
            const auto before = metrics_->containerSnapshot(kHost, burner_);
            const QJsonObject doc = slipctlStats(data);
            const auto after = metrics_->containerSnapshot(kHost, burner_);
            QVERIFY(before && after);
            const QJsonObject burner = containerIn(doc, burner_);
            QVERIFY2(!burner.isEmpty(), QJsonDocument(doc).toJson().constData());
            if (before->usage.atMs != after->usage.atMs)
                continue;
            QCOMPARE(burner[QStringLiteral("cpuPercent")].toDouble(), before->usage.cpuPercent);
            QCOMPARE(burner[QStringLiteral("memoryBytes")].toDouble(), before->usage.memoryBytes);
            QCOMPARE(burner[QStringLiteral("pids")].toDouble(), double(before->counters.pids));
            compared = true;
        }
        QVERIFY2(compared, "every slipctl run straddled a round");

        // --direct measures anew: the busy loop shows all the same.
        const QJsonObject direct =
            containerIn(slipctlStats(data, {QStringLiteral("--direct")}), burner_);
        QVERIFY(!direct.isEmpty());
        QVERIFY2(direct[QStringLiteral("cpuPercent")].toDouble() > 10,
                 qPrintable(QString::number(direct[QStringLiteral("cpuPercent")].toDouble())));
    }

    // A sampler that stopped (a window closing, a host gone) serves nothing old: slipctl
    // then measures for itself.
    void staleFiguresAreNotServed() {
        const auto desk = newDesk(QStringLiteral("stale"));
        const QString &data = desk.first, &socket = desk.second;
        core::StatsService service(metrics_.get(), monitor_.get());
        QString why;
        QVERIFY2(service.listen(socket, &why), qPrintable(why));
        const core::warmstats::Request request{monitor_->identity(0), {burner_}};
        const auto fresh = askServed(socket, request);
        QVERIFY(fresh && fresh->contains(burner_));

        metrics_->stop();
        QVERIFY(test::waitFor(
            [&] {
                const auto served = askServed(socket, request);
                return served && served->isEmpty();
            },
            std::chrono::seconds(20)));
        const QJsonObject burner = containerIn(slipctlStats(data), burner_);
        QVERIFY(!burner.isEmpty());
        QVERIFY(burner[QStringLiteral("cpuPercent")].toDouble() > 10);

        metrics_->start();
        QVERIFY(
            test::waitFor([&] { return metrics_->containerSnapshot(kHost, burner_).has_value(); },
                          std::chrono::seconds(30)));
    }

    void removedContainerIsForgotten() {
        QVERIFY(test::waitFor(client_->removeContainer(holder_.toStdString(), true),
                              std::chrono::seconds(30)));
        QVERIFY(test::waitFor([&] { return !metrics_->containerUsage(kHost, holder_); },
                              std::chrono::seconds(30)));
        QVERIFY(nextRound());
        const auto app = metrics_->appUsage(app_, QStringLiteral("test"));
        QVERIFY(app);
        QCOMPARE(app->containers, 1);
    }

    void stopsAndStartsAgain() {
        metrics_->stop();
        QVERIFY(!metrics_->isRunning());
        QSignalSpy spy(metrics_.get(), &Metrics::sampled);
        QTest::qWait(2500);
        QCOMPARE(spy.count(), 0);
        metrics_->start();
        QVERIFY(spy.wait(30000));
    }
};

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
