// HostMonitor against a scripted engine: discovery merged with saved hosts, recovery without
// anyone asking, connection tests, edits, and refusals that name the problem.
#include "core/fleet/hostmonitor.h"
#include "core/fleet/inventory.h"
#include "core/store/store.h"
#include "core/store/storethread.h"
#include "engine/dockerclient.h"
#include "tests/support/fakeengine.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace slipway;
using State = core::HostStatus::State;

namespace {

QByteArray recorded(const char *name) {
    QFile f(QStringLiteral(SLIPWAY_TEST_DATA "/recorded/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read test data %s", name);
    return f.readAll();
}

test::FakeEngine::Reply ping() {
    auto reply = test::FakeEngine::respond(200, "OK", "text/plain");
    reply.headers.emplace_back("Api-Version", "1.41");
    return reply;
}

std::string oneContainer(const std::string &name) {
    return "[{\"Id\":\"" + std::string(64, 'b') + "\",\"Names\":[\"/" + name +
           "\"],\"Image\":\"busybox\",\"ImageID\":\"sha256:1\",\"State\":\"running\","
           "\"Status\":\"Up 2 minutes\",\"Created\":1700000000,\"Labels\":{}}]";
}

void scriptHealthyEngine(test::FakeEngine &engine) {
    engine.on("/_ping", ping());
    engine.on("/v1.41/version",
              test::FakeEngine::json(200, recorded("version.json").toStdString()));
    engine.on("/v1.41/info", test::FakeEngine::json(200, recorded("info.json").toStdString()));
}

core::HostConfig cliHost(const test::FakeEngine &engine) {
    core::HostConfig h;
    h.id = "cli:1";
    h.name = "one host";
    h.url = QString::fromStdString(engine.url());
    h.source = core::HostConfig::Source::CommandLine;
    return h;
}

} // namespace

class TestHostMonitor : public QObject {
    Q_OBJECT

    // The scripted engine alone, as --host gives it, with the monitor's own limits and an
    // inventory on it (its event stream open and quiet); started.
    struct Watched {
        std::shared_ptr<core::StoreThread> store;
        std::unique_ptr<core::HostMonitor> monitor;
        core::Inventory inventory;
    };
    std::unique_ptr<Watched> watchOneHost() {
        auto events = test::FakeEngine::stream({}, {});
        events.ending = test::FakeEngine::Reply::Ending::Stall;
        engine_->on("/v1.41/events", events);
        auto w = std::make_unique<Watched>();
        w->store = std::make_shared<core::StoreThread>(dir_->filePath("slipway.sqlite"));
        core::HostMonitor::Options options;
        options.overrideHosts = QList<core::HostConfig>{cliHost(*engine_)};
        options.refreshInterval = std::chrono::hours(1);
        w->monitor = std::make_unique<core::HostMonitor>(w->store, options);
        w->inventory.attach(w->monitor.get());
        w->monitor->start();
        return w;
    }

private slots:
    void init() {
        dir_ = std::make_unique<QTemporaryDir>();
        engine_ = std::make_unique<test::FakeEngine>();
        QVERIFY2(engine_->listening(), engine_->errorString().c_str());
    }

    void savedHostsFirstThenDiscovered() {
        {
            auto store = core::Store::open(dir_->filePath("slipway.sqlite"));
            QVERIFY(store);
            core::HostConfig saved;
            saved.id = core::HostConfig::newUserId();
            saved.name = "saved";
            saved.url = "tcp://saved.example:2375";
            QVERIFY(store->saveHost(saved));
        }
        auto store = std::make_shared<core::StoreThread>(dir_->filePath("slipway.sqlite"));
        core::HostMonitor::Options options;
        options.environment = QProcessEnvironment();
        options.environment.insert("HOME", dir_->path());
        options.environment.insert("DOCKER_HOST", QString::fromStdString(engine_->url()));
        options.refreshInterval = std::chrono::hours(1);
        scriptHealthyEngine(*engine_);
        core::HostMonitor monitor(store, options);
        QSignalSpy loaded(&monitor, &core::HostMonitor::loaded);
        monitor.start();
        QTRY_COMPARE(loaded.size(), 1);
        QCOMPARE(monitor.hostCount(), 2);
        QCOMPARE(monitor.host(0).name, QStringLiteral("saved"));
        QCOMPARE(monitor.host(1).id, QStringLiteral("env"));
        QTRY_COMPARE(monitor.status(1).state, State::Up);

        // A host found in DOCKER_HOST is not the monitor's to edit or remove.
        QSignalSpy finished(&monitor, &core::HostMonitor::requestFinished);
        monitor.removeHost("env");
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished[0][1].toBool(), false);
        QVERIFY2(finished[0][2].toString().contains("DOCKER_HOST"),
                 qPrintable(finished[0][2].toString()));
        QCOMPARE(monitor.hostCount(), 2);
    }

    void aHostThatComesBackRecoversByItself() {
        engine_->on("/_ping", test::FakeEngine::error(500, "daemon is restarting"));
        auto store = std::make_shared<core::StoreThread>(dir_->filePath("slipway.sqlite"));
        core::HostMonitor::Options options;
        core::HostConfig h;
        h.id = "cli:1";
        h.name = "flaky";
        h.url = QString::fromStdString(engine_->url());
        h.source = core::HostConfig::Source::CommandLine;
        options.overrideHosts = QList<core::HostConfig>{h};
        options.refreshInterval = std::chrono::milliseconds(200);
        core::HostMonitor monitor(store, options);
        monitor.start();
        QTRY_COMPARE(monitor.status(0).state, State::Down);
        QVERIFY2(monitor.status(0).error.contains("daemon is restarting"),
                 qPrintable(monitor.status(0).error));
        QCOMPARE(monitor.upCount(), 0);
        scriptHealthyEngine(*engine_);
        QTRY_COMPARE_WITH_TIMEOUT(monitor.status(0).state, State::Up, 5000);
        QCOMPARE(monitor.status(0).engineVersion, QStringLiteral("20.10.24+dfsg1"));
        QVERIFY(monitor.status(0).error.isEmpty());
        QCOMPARE(monitor.upCount(), 1);
    }

    void testConnectionAndEdit() {
        scriptHealthyEngine(*engine_);
        auto store = std::make_shared<core::StoreThread>(dir_->filePath("slipway.sqlite"));
        core::HostMonitor::Options options;
        options.overrideHosts = QList<core::HostConfig>{};
        options.refreshInterval = std::chrono::hours(1);
        core::HostMonitor monitor(store, options);
        QSignalSpy tested(&monitor, &core::HostMonitor::connectionTested);
        QSignalSpy finished(&monitor, &core::HostMonitor::requestFinished);
        QSignalSpy updated(&monitor, &core::HostMonitor::hostUpdated);
        monitor.start();
        QTRY_VERIFY(monitor.isLoaded());

        core::HostConfig h;
        h.name = "candidate";
        h.url = QString::fromStdString(engine_->url());
        const quint64 good = monitor.testConnection(h);
        h.url = QString::fromStdString("unix://" + engine_->missingSocketPath());
        const quint64 bad = monitor.testConnection(h);
        QTRY_COMPARE(tested.size(), 2);
        QCOMPARE(monitor.hostCount(), 0); // testing adds nothing
        for (const QList<QVariant> &args : tested) {
            const auto status = args[1].value<core::HostStatus>();
            if (args[0].toULongLong() == good) {
                QCOMPARE(status.state, State::Up);
                QCOMPARE(status.apiVersion, QStringLiteral("1.41"));
            } else {
                QCOMPARE(args[0].toULongLong(), bad);
                QCOMPARE(status.state, State::Down);
                QVERIFY(!status.error.isEmpty());
            }
        }

        // Add it, then point it elsewhere: the row is updated in place and probed again.
        h.url = QString::fromStdString(engine_->url());
        monitor.addHost(h);
        QTRY_COMPARE(finished.size(), 1);
        QVERIFY(finished[0][1].toBool());
        QTRY_COMPARE(monitor.status(0).state, State::Up);
        core::HostConfig edited = monitor.host(0);
        edited.name = "renamed";
        edited.url = QString::fromStdString("unix://" + engine_->missingSocketPath());
        monitor.updateHost(edited);
        QTRY_COMPARE(finished.size(), 2);
        QVERIFY2(finished[1][1].toBool(), qPrintable(finished[1][2].toString()));
        QCOMPARE(updated.size(), 1);
        QCOMPARE(monitor.hostCount(), 1);
        QCOMPARE(monitor.host(0).name, QStringLiteral("renamed"));
        QTRY_COMPARE(monitor.status(0).state, State::Down);

        // Saved for the next start, and audited.
        auto direct = core::Store::open(dir_->filePath("slipway.sqlite"));
        QVERIFY(direct);
        QCOMPARE(direct->userHosts().size(), 1);
        QCOMPARE(direct->userHosts()[0].name, QStringLiteral("renamed"));
        const auto audit = direct->audit(10);
        QCOMPARE(audit.size(), 2);
        QCOMPARE(audit[0].action, QStringLiteral("host.edit"));
        QCOMPARE(audit[1].action, QStringLiteral("host.add"));
    }

    void unusableDatabaseIsReportedNotFatal() {
        scriptHealthyEngine(*engine_);
        // A directory where the database file should be.
        auto store = std::make_shared<core::StoreThread>(dir_->path());
        core::HostMonitor::Options options;
        options.environment = QProcessEnvironment();
        options.environment.insert("HOME", dir_->path());
        options.environment.insert("DOCKER_HOST", QString::fromStdString(engine_->url()));
        options.refreshInterval = std::chrono::hours(1);
        core::HostMonitor monitor(store, options);
        QSignalSpy problems(&monitor, &core::HostMonitor::problem);
        monitor.start();
        QTRY_VERIFY(monitor.isLoaded());
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems[0][0].toString().contains("is a directory"),
                 qPrintable(problems[0][0].toString()));
        QCOMPARE(monitor.hostCount(), 1); // DOCKER_HOST still shows
        QTRY_COMPARE(monitor.status(0).state, State::Up);
    }

    // The probe's short limit is its own: a list slower than the probe timeout (but within
    // the list's own limit) still lands, through the inventory that shares the host's client,
    // while a probe answer slower than it still marks the host down.
    void probeTimeoutBoundsOnlyTheProbe() {
        scriptHealthyEngine(*engine_);
        const std::string id(64, 'a');
        auto slowList = test::FakeEngine::json(
            200, "[{\"Id\":\"" + id +
                     "\",\"Names\":[\"/slow-list\"],\"Image\":\"busybox\",\"ImageID\":"
                     "\"sha256:1\",\"State\":\"running\",\"Status\":\"Up 2 minutes\","
                     "\"Created\":1700000000,\"Labels\":{}}]");
        slowList.delay = std::chrono::milliseconds(1500); // three probe timeouts
        engine_->on("/v1.41/containers/json", slowList);
        auto events = test::FakeEngine::stream({}, {});
        events.ending = test::FakeEngine::Reply::Ending::Stall;
        engine_->on("/v1.41/events", events);

        auto store = std::make_shared<core::StoreThread>(dir_->filePath("slipway.sqlite"));
        core::HostMonitor::Options options;
        core::HostConfig h;
        h.id = "cli:1";
        h.name = "slow lists";
        h.url = QString::fromStdString(engine_->url());
        h.source = core::HostConfig::Source::CommandLine;
        options.overrideHosts = QList<core::HostConfig>{h};
        options.probeTimeout = std::chrono::milliseconds(500);
        options.refreshInterval = std::chrono::hours(1);
        core::HostMonitor monitor(store, options);
        core::Inventory inventory;
        inventory.attach(&monitor);
        monitor.start();
        QTRY_COMPARE(monitor.status(0).state, State::Up);
        QTRY_COMPARE_WITH_TIMEOUT(inventory.hostState("cli:1"), core::Inventory::SyncState::Live,
                                  10000);
        QCOMPARE(inventory.hostError("cli:1"), QString());
        QCOMPARE(inventory.containerCount(), 1);
        QCOMPARE(inventory.containers().first()->name, QStringLiteral("slow-list"));

        // The same client, asked directly without a limit of its own: the list lands too.
        const auto listed = test::waitFor(monitor.client("cli:1")->containers(true));
        QVERIFY(listed);
        QVERIFY2(listed->ok(), listed->ok() ? "" : listed->error().describe().c_str());

        auto slowInfo = test::FakeEngine::json(200, recorded("info.json").toStdString());
        slowInfo.delay = std::chrono::milliseconds(1500);
        engine_->on("/v1.41/info", slowInfo);
        monitor.refreshHost("cli:1");
        QTRY_COMPARE_WITH_TIMEOUT(monitor.status(0).state, State::Down, 10000);
        QVERIFY2(monitor.status(0).error.contains("500 ms"), qPrintable(monitor.status(0).error));
    }

    // With the monitor's own limits: a ping that stalls marks the host down at the probe's
    // bound (5 s), while a list slower than that (6 s) lands through the same client, asked
    // directly and through the inventory.
    void defaultLimitsFitTheCall() {
        scriptHealthyEngine(*engine_);
        engine_->on("/_ping", test::FakeEngine::stall());
        auto slowList = test::FakeEngine::json(200, oneContainer("six-seconds"));
        slowList.delay = std::chrono::milliseconds(6000);
        engine_->on("/v1.41/containers/json", slowList);
        const auto watched = watchOneHost();
        core::HostMonitor &monitor = *watched->monitor;
        core::Inventory &inventory = watched->inventory;
        QTRY_COMPARE_WITH_TIMEOUT(monitor.status(0).state, State::Down, 20000);
        QVERIFY2(monitor.status(0).error.contains("within 5 s"),
                 qPrintable(monitor.status(0).error));

        engine_->on("/_ping", ping());
        monitor.refreshHost("cli:1");
        QTRY_COMPARE_WITH_TIMEOUT(monitor.status(0).state, State::Up, 10000);
        const auto listed =
            test::waitFor(monitor.client("cli:1")->containers(true), std::chrono::seconds(30));
        QVERIFY(listed);
        QVERIFY2(listed->ok(), listed->ok() ? "" : listed->error().describe().c_str());
        QCOMPARE(listed->value().size(), std::size_t(1));
        QTRY_COMPARE_WITH_TIMEOUT(inventory.hostState("cli:1"), core::Inventory::SyncState::Live,
                                  30000);
        QCOMPARE(inventory.containers().first()->name, QStringLiteral("six-seconds"));
    }

    // A probe can fail on a busy engine whose event stream is fine. The inventory asks the
    // engine itself (a ping) and keeps the stream while that answers: no resync.
    void aFailedProbeDropsNoHealthyStream() {
        scriptHealthyEngine(*engine_);
        engine_->on("/v1.41/containers/json",
                    test::FakeEngine::json(200, oneContainer("still-here")));
        const auto watched = watchOneHost();
        core::HostMonitor &monitor = *watched->monitor;
        core::Inventory &inventory = watched->inventory;
        QTRY_COMPARE(monitor.status(0).state, State::Up);
        QTRY_COMPARE(inventory.hostState("cli:1"), core::Inventory::SyncState::Live);
        const core::HostInventory *host = inventory.host("cli:1");
        QCOMPARE(host->fullListCount(), 1);

        engine_->on("/v1.41/info", test::FakeEngine::error(500, "the daemon is busy"));
        monitor.refreshHost("cli:1");
        QTRY_COMPARE(monitor.status(0).state, State::Down);
        QTRY_VERIFY(host->pingCount() >= 1 && !host->checkingEngine());
        QCOMPARE(inventory.hostState("cli:1"), core::Inventory::SyncState::Live);
        QCOMPARE(host->fullListCount(), 1);
        QCOMPARE(engine_->hits("/v1.41/events"), 1);
        QVERIFY(!inventory.containers().first()->stale);
    }

    // Two URLs whose engines answer with one ID are one engine: each host is flagged with the
    // other's name, both stay listed, and the host's name is found by that ID (how deployment
    // records name hosts); a third engine with its own ID is not flagged. Removing one of the
    // pair clears the other's flag.
    void oneEngineIdAtTwoUrlsIsFlaggedNotMerged() {
        test::FakeEngine second, third;
        QVERIFY(second.listening() && third.listening());
        scriptHealthyEngine(*engine_);
        scriptHealthyEngine(second);
        scriptHealthyEngine(third);
        QByteArray other = recorded("info.json");
        const QByteArray id = "PZC2:NCXZ:3XYL:GKRB:VCXA:IWPQ:AZEJ:T2NS:G7IJ:RGDZ:C7G5:DZOU";
        QVERIFY(other.contains(id));
        other.replace(id, "OTHR:NCXZ:3XYL:GKRB:VCXA:IWPQ:AZEJ:T2NS:G7IJ:RGDZ:C7G5:DZOU");
        third.on("/v1.41/info", test::FakeEngine::json(200, other.toStdString()));

        auto store = std::make_shared<core::StoreThread>(dir_->filePath("slipway.sqlite"));
        core::HostMonitor::Options options;
        QList<core::HostConfig> hosts;
        const std::pair<const char *, const test::FakeEngine *> engines[] = {
            {"socket", engine_.get()}, {"listener", &second}, {"elsewhere", &third}};
        for (const auto &[name, engine] : engines) {
            core::HostConfig h;
            h.id = QStringLiteral("cli:") + QLatin1String(name);
            h.name = QLatin1String(name);
            h.url = QString::fromStdString(engine->url());
            h.source = core::HostConfig::Source::CommandLine;
            hosts.append(h);
        }
        options.overrideHosts = hosts;
        options.refreshInterval = std::chrono::hours(1);
        core::HostMonitor monitor(store, options);
        monitor.start();
        QTRY_COMPARE(monitor.upCount(), 3);
        QTRY_COMPARE(monitor.status(0).sameEngineAs, QStringList{"listener"});
        QCOMPARE(monitor.status(1).sameEngineAs, QStringList{"socket"});
        QVERIFY(monitor.status(2).sameEngineAs.isEmpty());
        QCOMPARE(monitor.hostCount(), 3);
        QCOMPARE(monitor.status(0).engineId, QString::fromLatin1(id));
        QCOMPARE(monitor.identity(1), QString::fromLatin1(id));
        QCOMPARE(monitor.indexOfIdentity(QString::fromLatin1(id)), 0);
        QCOMPARE(monitor.hostName(QString::fromLatin1(id)), QStringLiteral("socket"));
        QCOMPARE(monitor.hostName(QStringLiteral("cli:elsewhere")), QStringLiteral("elsewhere"));
        QVERIFY(monitor.hostName(QStringLiteral("cli:0")).isEmpty());

        // The flag reaches the views with statusChanged, on both hosts.
        QSignalSpy changed(&monitor, &core::HostMonitor::statusChanged);
        monitor.removeHost(QStringLiteral("cli:socket"));
        QTRY_COMPARE(monitor.hostCount(), 2);
        QTRY_VERIFY(monitor.status(0).sameEngineAs.isEmpty());
        QVERIFY(std::any_of(changed.begin(), changed.end(), [](const QList<QVariant> &args) {
            return args[1].value<core::HostStatus>().sameEngineAs.isEmpty();
        }));
        QCOMPARE(monitor.hostName(QString::fromLatin1(id)), QStringLiteral("listener"));
    }

private:
    std::unique_ptr<QTemporaryDir> dir_;
    std::unique_ptr<test::FakeEngine> engine_;
};

QTEST_GUILESS_MAIN(TestHostMonitor)
#include "tst_hostmonitor.moc"
