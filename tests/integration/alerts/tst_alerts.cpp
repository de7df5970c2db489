// Alerts against the private engine (SLIPWAY_TEST_DOCKER_HOST): every rule fires on real
// containers and hosts and clears again, and each is recorded in the database. An unhealthy
// container (slipway/web:2.0.0) until it is stopped; one crash-looping under restart policy
// "always" until it is stopped; one exiting 3 until it runs again; host CPU over a low
// threshold while a busy loop runs; host memory over a tiny threshold until the rule is raised;
// a host whose socket does not exist until a link to the real engine's socket appears there.
// Acknowledging is recorded once, audited, and a second acknowledgement is refused; a fresh
// monitor reads the history back. "Exited non-zero" is for exits nobody asked for: a stop
// through the engine's API (143) and a kill (137) fire nothing while an exit by itself does;
// at start-up, with no events for them, a container stopped with 143 does not fire and one that
// exited 1 just before does.
#include "core/alerts/alertmonitor.h"
#include "core/alerts/alertstore.h"
#include "core/fleet/hostmonitor.h"
#include "core/fleet/inventory.h"
#include "core/metrics/metrics.h"
#include "core/store/store.h"
#include "core/store/storethread.h"
#include "engine/dockerclient.h"
#include "tests/support/fakeengine.h"
#include "tests/support/testenv.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace slipway;
using core::Alert;
using core::AlertMonitor;
using core::AlertRule;
using Kind = AlertRule::Kind;

namespace {

const QString kHost = QStringLiteral("cli:alerts");
const QString kLateHost = QStringLiteral("cli:alerts-late");

} // namespace

class TestAlerts : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::shared_ptr<core::StoreThread> store_;
    std::unique_ptr<core::HostMonitor> hosts_;
    std::unique_ptr<core::Inventory> inventory_;
    std::unique_ptr<core::Metrics> metrics_;
    std::unique_ptr<AlertMonitor> alerts_;
    std::unique_ptr<engine::DockerClient> direct_;
    std::vector<std::string> created_;
    QString lateSocket_;

    QString dbPath() const { return dir_.filePath(QStringLiteral("alerts.sqlite")); }

    AlertRule ruleOf(Kind kind) const {
        for (const AlertRule &r : alerts_->rules())
            if (r.kind == kind)
                return r;
        return {};
    }

    bool save(const AlertRule &rule, QString *error = nullptr) {
        QSignalSpy done(alerts_.get(), &AlertMonitor::requestFinished);
        const quint64 request = alerts_->saveRule(rule);
        const bool answered = test::waitFor([&] {
            for (const auto &args : done)
                if (args.at(0).toULongLong() == request)
                    return true;
            return false;
        });
        for (const auto &args : done)
            if (args.at(0).toULongLong() == request) {
                if (error)
                    *error = args.at(2).toString();
                return args.at(1).toBool();
            }
        return answered;
    }

    std::string run(const std::string &prefix, const std::string &image,
                    const std::vector<std::string> &cmd, const std::string &restart = {}) {
        engine::ContainerCreate spec;
        spec.name = test::uniqueName(prefix);
        spec.image = image;
        spec.cmd = cmd;
        spec.labels = {{"slipway.app", "alerts-test"}, {"slipway.env", "test"}};
        spec.restartPolicy.name = restart;
        auto created = test::waitFor(direct_->createContainer(spec), std::chrono::seconds(60));
        if (!created || !created->ok()) {
            qWarning("create %s: %s", spec.name.c_str(),
                     created ? test::describe(*created).constData() : "no answer");
            return {};
        }
        created_.push_back(created->value());
        auto started =
            test::waitFor(direct_->startContainer(created->value()), std::chrono::seconds(60));
        if (!started || !started->ok())
            return {};
        return created->value();
    }

    bool stop(const std::string &id, int timeoutSeconds = 1) {
        auto r =
            test::waitFor(direct_->stopContainer(id, timeoutSeconds), std::chrono::seconds(30));
        return r && r->ok();
    }

    bool kill(const std::string &id) {
        auto r = test::waitFor(direct_->killContainer(id), std::chrono::seconds(30));
        return r && r->ok();
    }

    // Until `monitor`'s inventory lists `id` as exited with `code`.
    static bool listedExited(core::Inventory &inventory, const std::string &id, int code) {
        return test::waitFor(
            [&] {
                const auto r = inventory.container(kHost, QString::fromStdString(id));
                return r && r->state == QLatin1String("exited") && r->exitCode == code;
            },
            std::chrono::seconds(60));
    }

    // Until the engine says `id` has exited.
    bool exited(const std::string &id) {
        return test::waitFor(
            [&] {
                auto r = test::waitFor(direct_->inspectContainer(id), std::chrono::seconds(10));
                return r && r->ok() && r->value().state.status == "exited";
            },
            std::chrono::seconds(60));
    }

    // A process that ends with 143 when stopped (sh as PID 1 has no default for SIGTERM).
    static std::vector<std::string> exits143OnStop() {
        return {"sh", "-c", "trap 'exit 143' TERM; sleep 600 & wait"};
    }

    void remove(const std::string &id) {
        test::waitFor(direct_->removeContainer(id, true), std::chrono::seconds(30));
    }

    static QString key(const std::string &id) {
        return Alert::containerKey(kHost, QString::fromStdString(id));
    }

    // Waits (bounded) for the rule of `kind` to fire on `target`; returns that alert.
    std::optional<Alert> waitFiring(Kind kind, const QString &target,
                                    std::chrono::seconds limit = std::chrono::seconds(60)) {
        const qint64 rule = ruleOf(kind).id;
        test::waitFor([&] { return alerts_->firing(rule, target).has_value(); }, limit);
        return alerts_->firing(rule, target);
    }

    // Waits (bounded) for `serial` to clear; returns the alert as it is then.
    std::optional<Alert> waitCleared(quint64 serial,
                                     std::chrono::seconds limit = std::chrono::seconds(60)) {
        test::waitFor(
            [&] {
                const auto a = alerts_->alert(serial);
                return a && !a->firing();
            },
            limit);
        return alerts_->alert(serial);
    }

    // The alert as the database has it, read through a connection of the test's own.
    std::optional<Alert> recorded(qint64 id) {
        auto store = core::Store::open(dbPath());
        if (!store)
            return std::nullopt;
        return core::AlertStore(*store).alert(id);
    }

    // The database row of `serial`, once the store thread has written it.
    std::optional<Alert> recordedWhenWritten(quint64 serial, bool cleared) {
        std::optional<Alert> row;
        test::waitFor(
            [&] {
                const auto a = alerts_->alert(serial);
                if (!a || a->id <= 0)
                    return false;
                row = recorded(a->id);
                return row && row->firing() != cleared;
            },
            std::chrono::seconds(10));
        return row;
    }

private slots:
    void initTestCase() {
        if (test::dockerHost().isEmpty())
            QFAIL(test::missingServicesMessage().constData());
        QVERIFY(dir_.isValid());
        direct_ = test::makeClient();
        QVERIFY(direct_);
        QVERIFY(QDir().mkpath(dir_.filePath(QStringLiteral("late"))));
        lateSocket_ = dir_.filePath(QStringLiteral("late/docker.sock"));
        store_ = std::make_shared<core::StoreThread>(dbPath());

        core::HostMonitor::Options options;
        core::HostConfig host;
        host.id = kHost;
        host.name = QStringLiteral("private engine");
        host.url = test::dockerHost();
        host.source = core::HostConfig::Source::CommandLine;
        core::HostConfig late = host;
        late.id = kLateHost;
        late.name = QStringLiteral("late engine");
        late.url = QStringLiteral("unix://") + lateSocket_; // nothing there yet
        options.overrideHosts = QList<core::HostConfig>{host, late};
        options.refreshInterval = std::chrono::milliseconds(1000);
        options.probeTimeout = std::chrono::milliseconds(3000);
        hosts_ = std::make_unique<core::HostMonitor>(store_, options);
        inventory_ = std::make_unique<core::Inventory>(store_);
        inventory_->attach(hosts_.get());
        core::Metrics::Options metricsOptions;
        metricsOptions.interval = std::chrono::milliseconds(1000);
        metrics_ = std::make_unique<core::Metrics>(inventory_.get(), hosts_.get(), metricsOptions);
        AlertMonitor::Options alertOptions;
        alertOptions.tick = std::chrono::milliseconds(250);
        alerts_ = std::make_unique<AlertMonitor>(store_, hosts_.get(), inventory_.get(),
                                                 metrics_.get(), alertOptions);
        hosts_->start();
        QVERIFY(test::waitFor([&] { return hosts_->isLoaded(); }));
        metrics_->start();
        alerts_->start();
        QVERIFY(test::waitFor([&] { return alerts_->isLoaded(); }));
        QCOMPARE(alerts_->rules().size(), 6); // the defaults, seeded by the migration

        // Thresholds a test can reach in seconds; the memory rule starts off.
        AlertRule cpu = ruleOf(Kind::HostCpu);
        cpu.threshold = 30;
        cpu.forSeconds = 2;
        AlertRule memory = ruleOf(Kind::HostMemory);
        memory.enabled = false;
        AlertRule down = ruleOf(Kind::HostUnreachable);
        down.forSeconds = 1;
        QString error;
        for (const AlertRule &r : {cpu, memory, down})
            QVERIFY2(save(r, &error), qPrintable(error));
        QCOMPARE(ruleOf(Kind::HostCpu).threshold, 30.0);
    }

    void cleanupTestCase() {
        for (const std::string &id : created_)
            remove(id);
        alerts_.reset();
        metrics_.reset();
        inventory_.reset();
        hosts_.reset();
        store_.reset();
    }

    void unhealthyContainer() {
        const std::string id = run("alerts-sick", "slipway/web:2.0.0", {});
        QVERIFY(!id.empty());
        const auto fired = waitFiring(Kind::ContainerUnhealthy, key(id));
        QVERIFY2(fired, "the unhealthy container did not fire");
        QVERIFY2(fired->detail.startsWith("Health check failing"), qPrintable(fired->detail));
        QVERIFY(fired->target.contains("alerts-sick"));
        QCOMPARE(fired->hostId, kHost);
        QVERIFY(fired->firedAt.isValid());
        const auto row = recordedWhenWritten(fired->serial, false);
        QVERIFY2(row, "the fired alert was not recorded");
        QCOMPARE(row->targetKey, key(id));
        QCOMPARE(row->kind, Kind::ContainerUnhealthy);

        QVERIFY(stop(id));
        const auto cleared = waitCleared(fired->serial);
        QVERIFY(cleared && !cleared->firing());
        QVERIFY(cleared->clearedAt >= cleared->firedAt);
        QVERIFY2(recordedWhenWritten(fired->serial, true), "the clear was not recorded");
        remove(id);
    }

    void restartingContainer() {
        const std::string id =
            run("alerts-loop", "slipway/base:1", {"sh", "-c", "exit 1"}, "always");
        QVERIFY(!id.empty());
        const auto fired = waitFiring(Kind::ContainerRestarting, key(id));
        QVERIFY2(fired, "the crash-looping container did not fire");
        QVERIFY2(fired->detail.contains("Restarted"), qPrintable(fired->detail));
        // The engine's own count agrees that it restarted at least as often as the rule says.
        auto inspected = test::waitFor(direct_->inspectContainer(id), std::chrono::seconds(30));
        QVERIFY(inspected && inspected->ok());
        QVERIFY(inspected->value().restartCount >= ruleOf(Kind::ContainerRestarting).count);

        QVERIFY(stop(id));
        const auto cleared = waitCleared(fired->serial);
        QVERIFY2(cleared && !cleared->firing(), "stopping the loop did not clear the alert");
        QVERIFY2(recordedWhenWritten(fired->serial, true), "the clear was not recorded");
        remove(id);
    }

    void exitedNonZero() {
        const std::string id =
            run("alerts-fail", "slipway/base:1", {"sh", "-c", "sleep 1; exit 3"});
        QVERIFY(!id.empty());
        const auto fired = waitFiring(Kind::ContainerExited, key(id));
        const auto record = inventory_->container(kHost, QString::fromStdString(id));
        QVERIFY2(fired, qPrintable("the failed container did not fire; it is " +
                                   (record ? record->status + " exit code " +
                                                 QString::number(record->exitCode)
                                           : QStringLiteral("not listed"))));
        QVERIFY2(fired->detail.contains("code 3"), qPrintable(fired->detail));
        QVERIFY(recordedWhenWritten(fired->serial, false));

        // Running again clears it (and when it fails again, that is a new alert).
        auto started = test::waitFor(direct_->startContainer(id), std::chrono::seconds(30));
        QVERIFY(started && started->ok());
        const auto cleared = waitCleared(fired->serial);
        QVERIFY2(cleared && !cleared->firing(), "running again did not clear the alert");
        QVERIFY(recordedWhenWritten(fired->serial, true));
        const auto again = waitFiring(Kind::ContainerExited, key(id));
        QVERIFY2(again && again->serial != fired->serial, "the second failure did not fire");
        remove(id);
        const auto gone = waitCleared(again->serial);
        QVERIFY2(gone && gone->detail.contains("removed"), "removing it did not clear");
    }

    // A stop through the engine's API (kill, die, stop on /events) and a kill (kill, die) are
    // on purpose; a container that exits 3 by itself beside them fires, which shows the
    // monitor has seen and judged all three.
    void stopAndKillAreOnPurpose() {
        const std::string stopped = run("alerts-stopped", "slipway/base:1", exits143OnStop());
        const std::string killed = run("alerts-killed", "slipway/base:1", {"sleep", "600"});
        QVERIFY(!stopped.empty() && !killed.empty());
        QVERIFY(test::waitFor(
            [&] {
                for (const std::string &id : {stopped, killed}) {
                    const auto r = inventory_->container(kHost, QString::fromStdString(id));
                    if (!r || r->state != QLatin1String("running"))
                        return false;
                }
                return true;
            },
            std::chrono::seconds(60)));
        QVERIFY(stop(stopped, 10));
        QVERIFY(kill(killed));
        const std::string failing =
            run("alerts-exits3", "slipway/base:1", {"sh", "-c", "sleep 1; exit 3"});
        QVERIFY(!failing.empty());

        const auto fired = waitFiring(Kind::ContainerExited, key(failing));
        const auto record = inventory_->container(kHost, QString::fromStdString(failing));
        QVERIFY2(fired, qPrintable(QStringLiteral("the container exiting 3 by itself did not "
                                                  "fire; it is %1, the exit %2 asked for")
                                       .arg(record ? record->status : QStringLiteral("not listed"))
                                       .arg(int(alerts_->exitIntents().verdict(key(failing))))));
        QVERIFY2(fired->detail.contains("code 3"), qPrintable(fired->detail));
        QVERIFY2(listedExited(*inventory_, stopped, 143), "the stopped container is not 143");
        QVERIFY2(listedExited(*inventory_, killed, 137), "the killed container is not 137");
        // Judged on the same turn as the list that shows them exited; a moment more for luck.
        QTest::qWait(1000);
        const qint64 rule = ruleOf(Kind::ContainerExited).id;
        QVERIFY2(!alerts_->firing(rule, key(stopped)), "a stop (143) fired");
        QVERIFY2(!alerts_->firing(rule, key(killed)), "a kill (137) fired");
        for (const std::string &id : {stopped, killed, failing})
            remove(id);
    }

    // A monitor that starts after the exits, hearing no events from before it (a margin of 0):
    // a container stopped with 143 that the engine never restarted is a stop; one that exited
    // 1 by itself just before fires, as before.
    void startUpWithExitedContainers() {
        const std::string stopped = run("alerts-before", "slipway/base:1", exits143OnStop());
        const std::string failed =
            run("alerts-failed-before", "slipway/base:1", {"sh", "-c", "sleep 2; exit 1"});
        QVERIFY(!stopped.empty() && !failed.empty());
        // Both exits within the two seconds before the start that make an exit recent.
        QVERIFY(exited(failed));
        QVERIFY(stop(stopped, 10));

        auto store = std::make_shared<core::StoreThread>(dir_.filePath("startup.sqlite"));
        core::Inventory::Options options;
        options.sinceMargin = std::chrono::seconds(0);
        core::Inventory inventory(store, options);
        inventory.attach(hosts_.get());
        AlertMonitor monitor(store, hosts_.get(), &inventory, nullptr);
        monitor.start();
        QVERIFY(test::waitFor([&] { return monitor.isLoaded(); }));
        qint64 rule = 0;
        for (const AlertRule &r : monitor.rules())
            if (r.kind == Kind::ContainerExited)
                rule = r.id;
        QVERIFY2(test::waitFor([&] { return monitor.firing(rule, key(failed)).has_value(); },
                               std::chrono::seconds(60)),
                 "a container that exited 1 just before the start did not fire");
        QVERIFY(listedExited(inventory, stopped, 143));
        QVERIFY2(test::waitFor(
                     [&] {
                         return monitor.exitIntents().verdict(key(stopped)) ==
                                core::ExitIntents::Verdict::Asked;
                     },
                     std::chrono::seconds(30)),
                 "the engine was not asked about the stopped container");
        QVERIFY2(!monitor.firing(rule, key(stopped)), "a container stopped before fired");
        remove(stopped);
        remove(failed);
    }

    void hostCpu() {
        const auto before = alerts_->firing(ruleOf(Kind::HostCpu).id, Alert::hostKey(kHost));
        QVERIFY2(!before, qPrintable("the host is busy already: " + before->detail));
        // The threshold sits above what the engine's other containers use now: on a shared
        // machine a busy loop gets only its share of the cores, so a fixed one could not work.
        double baseline = 0;
        int rounds = 0;
        QMetaObject::Connection c = connect(metrics_.get(), &core::Metrics::sampled, this, [&] {
            if (const auto u = metrics_->hostUsage(kHost); u && u->latest.atMs > 0) {
                baseline = std::max(baseline, u->latest.cpuPercent);
                ++rounds;
            }
        });
        QVERIFY(test::waitFor([&] { return rounds >= 3; }, std::chrono::seconds(30)));
        disconnect(c);
        AlertRule cpu = ruleOf(Kind::HostCpu);
        cpu.threshold = std::clamp(baseline + 8, 10.0, 90.0);
        QString error;
        QVERIFY2(save(cpu, &error), qPrintable(error));
        qInfo("host CPU before the busy loops: %.1f %%; threshold %.1f %%", baseline,
              cpu.threshold);
        // Eight busy loops, so that they get a visible share of a loaded machine; the
        // container ends by itself after 90 s whatever happens to the test.
        const std::string id = run(
            "alerts-burn", "slipway/base:1",
            {"sh", "-c", "for i in 1 2 3 4 5 6 7 8; do (while :; do :; done) & done; sleep 90"});
        QVERIFY(!id.empty());
        const auto fired = waitFiring(Kind::HostCpu, Alert::hostKey(kHost));
        const auto usage = metrics_->hostUsage(kHost);
        QVERIFY2(fired, qPrintable(QStringLiteral("a busy loop did not fire the CPU rule; the "
                                                  "host's CPU is %1 %")
                                       .arg(usage ? usage->latest.cpuPercent : -1)));
        QVERIFY2(fired->detail.startsWith("CPU"), qPrintable(fired->detail));
        QCOMPARE(fired->target, QStringLiteral("private engine"));
        QVERIFY(recordedWhenWritten(fired->serial, false));

        remove(id);
        const auto cleared = waitCleared(fired->serial);
        QVERIFY2(cleared && !cleared->firing(), "stopping the busy loop did not clear it");
        QVERIFY2(cleared->detail.contains("back to"), qPrintable(cleared->detail));
        QVERIFY(recordedWhenWritten(fired->serial, true));
    }

    void hostMemoryAndAcknowledge() {
        // Whatever runs on the engine uses more than a thousandth of a percent of its memory.
        const std::string id = run("alerts-mem", "slipway/worker:1.0.0", {});
        QVERIFY(!id.empty());
        AlertRule memory = ruleOf(Kind::HostMemory);
        memory.enabled = true;
        memory.threshold = 0.001;
        memory.forSeconds = 0;
        QString error;
        QVERIFY2(save(memory, &error), qPrintable(error));
        const auto fired = waitFiring(Kind::HostMemory, Alert::hostKey(kHost));
        QVERIFY2(fired, "the memory rule did not fire");
        QVERIFY2(fired->detail.startsWith("Memory"), qPrintable(fired->detail));
        QVERIFY(test::waitFor([&] { return alerts_->alert(fired->serial)->id > 0; }));

        // Acknowledged once, by the OS user, recorded and audited; a second time is refused.
        QSignalSpy done(alerts_.get(), &AlertMonitor::requestFinished);
        const quint64 ack = alerts_->acknowledge(fired->serial);
        QVERIFY(test::waitFor([&] { return !done.isEmpty(); }));
        QCOMPARE(done.first().at(0).toULongLong(), ack);
        QVERIFY2(done.first().at(1).toBool(), qPrintable(done.first().at(2).toString()));
        const auto acked = alerts_->alert(fired->serial);
        QCOMPARE(acked->acknowledgedBy, core::Store::currentOsUser());
        QVERIFY(acked->acknowledged());
        QCOMPARE(alerts_->unacknowledgedCount(), alerts_->firingCount() - 1);
        const auto row = recorded(acked->id);
        QVERIFY(row && row->acknowledgedBy == core::Store::currentOsUser());
        done.clear();
        alerts_->acknowledge(fired->serial);
        QVERIFY(test::waitFor([&] { return !done.isEmpty(); }));
        QVERIFY(!done.first().at(1).toBool());
        QVERIFY2(done.first().at(2).toString().contains(core::Store::currentOsUser()),
                 qPrintable(done.first().at(2).toString()));

        // Raising the threshold past anything real clears it.
        memory = ruleOf(Kind::HostMemory);
        memory.threshold = 99.9;
        QVERIFY2(save(memory, &error), qPrintable(error));
        const auto cleared = waitCleared(fired->serial, std::chrono::seconds(30));
        QVERIFY2(cleared && !cleared->firing(), "raising the threshold did not clear it");
        QVERIFY(recordedWhenWritten(fired->serial, true));

        auto store = core::Store::open(dbPath());
        QVERIFY(store);
        QStringList actions;
        for (const auto &e : store->audit(50))
            actions.append(e.action);
        QVERIFY2(actions.contains("alert.acknowledge"), qPrintable(actions.join(',')));
        QVERIFY2(actions.contains("alert.rule.edit"), qPrintable(actions.join(',')));
        remove(id);
    }

    void hostUnreachable() {
        const auto fired = waitFiring(Kind::HostUnreachable, Alert::hostKey(kLateHost));
        QVERIFY2(fired, "the host without a socket did not fire");
        QCOMPARE(fired->target, QStringLiteral("late engine"));
        QVERIFY2(fired->detail.startsWith("Unreachable"), qPrintable(fired->detail));
        QVERIFY(recordedWhenWritten(fired->serial, false));
        QVERIFY(!alerts_->firing(ruleOf(Kind::HostUnreachable).id, Alert::hostKey(kHost)));

        // The engine appears at the host's address: the next probe finds it up.
        const QString real = test::dockerHost().mid(QStringLiteral("unix://").size());
        QVERIFY(QFile::link(real, lateSocket_));
        const auto cleared = waitCleared(fired->serial, std::chrono::seconds(30));
        QVERIFY2(cleared && !cleared->firing(), "the host coming up did not clear it");
        QVERIFY2(cleared->detail.contains("reachable again"), qPrintable(cleared->detail));
        QVERIFY(recordedWhenWritten(fired->serial, true));
    }

    void historyIsReadBack() {
        // A monitor with nothing to watch still shows what was recorded.
        AlertMonitor fresh(store_, nullptr, nullptr, nullptr);
        fresh.start();
        QVERIFY(test::waitFor([&] { return fresh.isLoaded(); }));
        QSet<QString> kinds;
        for (const Alert &a : fresh.alerts()) {
            QVERIFY(a.id > 0);
            kinds.insert(AlertRule::kindKey(a.kind));
        }
        QCOMPARE(kinds.size(), 6);
    }
};

QTEST_GUILESS_MAIN(TestAlerts)
#include "tst_alerts.moc"
