// The "Container exited non-zero" alert against a scripted engine whose /events the test
// writes as it goes: it fires only for exits nobody asked for. A stop through the engine's API
// (Slipway's, the docker CLI's, a deployment retiring a replica: kill, die, stop) and a kill
// (kill, die) are on purpose; an exit by itself (a lone die) fires, whatever its code. Events
// that come after the list that showed the exit still decide. At start-up, with no events
// for an exit, SIGTERM's and SIGKILL's codes count as a stop unless the engine restarted the
// container before or the kernel killed it for memory; other codes fire as before. What is
// kept per container (ExitIntents) is bounded and forgotten with the container.
#include "core/alerts/alertmonitor.h"
#include "core/alerts/alertstore.h"
#include "core/fleet/exitintents.h"
#include "core/fleet/hostmonitor.h"
#include "core/fleet/inventory.h"
#include "core/store/store.h"
#include "core/store/storethread.h"
#include "tests/support/fakeengine.h"
#include "tests/support/testdata.h"
#include "tests/support/testenv.h"
#include "tests/support/teststore.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <map>
#include <nlohmann/json.hpp>

using namespace slipway;
using core::Alert;
using core::AlertMonitor;
using core::AlertRule;
using core::ExitIntents;
using test::FakeEngine;
using Verdict = core::ExitIntents::Verdict;

namespace {

const QString kHost = QStringLiteral("cli:fake");

struct Fake {
    std::string id;
    std::string name;
    std::string state = "running";
    std::string status = "Up 5 minutes";
    int restartCount = 0;
    bool oomKilled = false;
    int exitCode = 0;
};

std::string idOf(int n) {
    char buf[65];
    std::snprintf(buf, sizeof buf, "%064x", n + 0xa1e000);
    return buf;
}

std::string eventJson(const std::string &action, const std::string &id) {
    static long long nano = QDateTime::currentMSecsSinceEpoch() * 1000000LL;
    nano += 1000;
    return nlohmann::json{{"Type", "container"},
                          {"Action", action},
                          {"Actor", {{"ID", id}, {"Attributes", {{"name", "x"}}}}},
                          {"scope", "local"},
                          {"time", nano / 1000000000},
                          {"timeNano", nano}}
               .dump() +
           "\n";
}

FakeEngine::Reply ping() {
    auto reply = FakeEngine::respond(200, "OK", "text/plain");
    reply.headers.emplace_back("Api-Version", "1.41");
    return reply;
}

} // namespace

class TestAlertMonitorFake : public QObject {
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> dir_;
    std::unique_ptr<FakeEngine> engine_;
    std::shared_ptr<FakeEngine::Feed> feed_;
    std::shared_ptr<core::StoreThread> store_;
    std::unique_ptr<core::HostMonitor> hosts_;
    std::unique_ptr<core::Inventory> inventory_;
    std::unique_ptr<AlertMonitor> alerts_;
    std::map<int, Fake> containers_;

    // The engine's list and each container's inspect, as the test has them now.
    void publish() {
        nlohmann::json list = nlohmann::json::array();
        for (const auto &[n, c] : containers_) {
            list.push_back({{"Id", c.id},
                            {"Names", {"/" + c.name}},
                            {"Image", "127.0.0.1:5515/slipway/web:1.1.0"},
                            {"ImageID", "sha256:" + std::string(64, 'e')},
                            {"Command", "httpd"},
                            {"Created", 1700000000},
                            {"Labels", {{"slipway.app", "shop-web"}, {"slipway.env", "test"}}},
                            {"State", c.state},
                            {"Status", c.status}});
            const nlohmann::json inspect = {{"Id", c.id},
                                            {"Name", "/" + c.name},
                                            {"RestartCount", c.restartCount},
                                            {"State",
                                             {{"Status", c.state},
                                              {"Running", c.state == "running"},
                                              {"ExitCode", c.exitCode},
                                              {"OOMKilled", c.oomKilled}}}};
            engine_->on("/v1.41/containers/" + c.id + "/json",
                        FakeEngine::json(200, inspect.dump()));
        }
        engine_->on("/v1.41/containers/json", FakeEngine::json(200, list.dump()));
    }

    void add(int n, const std::string &state = "running",
             const std::string &status = "Up 5 minutes", int exitCode = 0) {
        Fake f;
        f.id = idOf(n);
        f.name = "c" + std::to_string(n);
        f.state = state;
        f.status = status;
        f.exitCode = exitCode;
        containers_[n] = f;
    }

    void exitWith(int n, int code) {
        Fake &f = containers_.at(n);
        f.state = "exited";
        f.exitCode = code;
        f.status = "Exited (" + std::to_string(code) + ") Less than a second ago";
    }

    void events(const std::vector<std::pair<std::string, int>> &list) {
        std::string chunk;
        for (const auto &[action, n] : list)
            chunk += eventJson(action, idOf(n));
        feed_->push(chunk);
    }

    void start() {
        QString error;
        const core::StoreLocation where = test::testStoreLocation(*dir_, &error);
        QVERIFY2(!where.path.isEmpty(), qPrintable(error));
        store_ = std::make_shared<core::StoreThread>(where);
        core::HostMonitor::Options options;
        core::HostConfig host;
        host.id = kHost;
        host.name = QStringLiteral("fake");
        host.url = QString::fromStdString(engine_->url());
        host.source = core::HostConfig::Source::CommandLine;
        options.overrideHosts = QList<core::HostConfig>{host};
        options.refreshInterval = std::chrono::hours(1);
        hosts_ = std::make_unique<core::HostMonitor>(store_, options);
        inventory_ = std::make_unique<core::Inventory>(store_);
        inventory_->attach(hosts_.get());
        AlertMonitor::Options alertOptions;
        alertOptions.tick = std::chrono::milliseconds(100);
        alerts_ = std::make_unique<AlertMonitor>(store_, hosts_.get(), inventory_.get(), nullptr,
                                                 alertOptions);
        hosts_->start();
        alerts_->start();
        QVERIFY(test::waitFor([&] { return hosts_->isLoaded() && alerts_->isLoaded(); }));
        QVERIFY(test::waitFor([&] {
            return inventory_->hostState(kHost) == core::Inventory::SyncState::Live &&
                   inventory_->containerCount() == int(containers_.size());
        }));
    }

    qint64 exitRule() const {
        for (const AlertRule &r : alerts_->rules())
            if (r.kind == AlertRule::Kind::ContainerExited)
                return r.id;
        return 0;
    }

    static QString key(int n) {
        return Alert::containerKey(kHost, QString::fromStdString(idOf(n)));
    }

    bool firing(int n) const { return alerts_->firing(exitRule(), key(n)).has_value(); }

    // Until the inventory shows container `n` in `state`, with what lists it changed handled.
    bool listed(int n, const QString &state) {
        return test::waitFor([&] {
            const auto r = inventory_->container(kHost, QString::fromStdString(idOf(n)));
            return r && r->state == state;
        });
    }

private slots:
    void init() {
        dir_ = std::make_unique<QTemporaryDir>();
        QVERIFY(dir_->isValid());
        engine_ = std::make_unique<FakeEngine>();
        QVERIFY2(engine_->listening(), engine_->errorString().c_str());
        feed_ = std::make_shared<FakeEngine::Feed>();
        engine_->on("/_ping", ping());
        engine_->on(
            "/v1.41/version",
            FakeEngine::json(200, test::requireData("recorded/version.json").toStdString()));
        engine_->on("/v1.41/info",
                    FakeEngine::json(200, test::requireData("recorded/info.json").toStdString()));
        engine_->on("/v1.41/events", FakeEngine::liveStream(feed_));
        containers_.clear();
    }

    void cleanup() {
        alerts_.reset();
        inventory_.reset();
        hosts_.reset();
        store_.reset();
        engine_.reset();
    }

    // The events decide, not the codes: a stop that ends in 143, a kill in 137, are on
    // purpose; an exit by itself fires, also with 143 (a SIGTERM from inside the container).
    void onlyExitsNobodyAskedForFire() {
        for (int n : {1, 2, 3, 4, 5})
            add(n);
        publish();
        start();
        QVERIFY(alerts_->firingCount() == 0);

        exitWith(1, 143); // docker stop: kill (SIGTERM), die, stop
        exitWith(2, 137); // docker kill: kill, die
        exitWith(3, 3);   // exits by itself
        exitWith(4, 143); // killed from inside: no kill through the engine
        exitWith(5, 2);   // a stop whose process ends with its own code
        publish();
        events({{"kill", 1},
                {"die", 1},
                {"stop", 1},
                {"kill", 2},
                {"die", 2},
                {"die", 3},
                {"die", 4},
                {"kill", 5},
                {"die", 5},
                {"stop", 5}});

        QVERIFY2(test::waitFor([&] { return firing(3) && firing(4); }),
                 "the exits nobody asked for did not fire");
        for (int n : {1, 2, 5})
            QVERIFY(listed(n, "exited"));
        QCoreApplication::processEvents();
        QVERIFY2(!firing(1), "a stop fired");
        QVERIFY2(!firing(2), "a kill fired");
        QVERIFY2(!firing(5), "a stop that ended with another code fired");
        QVERIFY(alerts_->firing(exitRule(), key(3))->detail.contains("code 3"));
        QCOMPARE(alerts_->exitIntents().verdict(key(1)), Verdict::Asked);
        QCOMPARE(alerts_->exitIntents().verdict(key(3)), Verdict::Unasked);

        // Running again clears; the next exit is judged by its own events.
        containers_.at(3).state = "running";
        containers_.at(3).status = "Up Less than a second";
        containers_.at(1).state = "running";
        containers_.at(1).status = "Up Less than a second";
        publish();
        events({{"start", 3}, {"start", 1}});
        QVERIFY(test::waitFor([&] { return !firing(3); }));
        QCOMPARE(alerts_->exitIntents().verdict(key(1)), Verdict::Unknown);
        exitWith(1, 1);
        publish();
        events({{"die", 1}});
        QVERIFY2(test::waitFor([&] { return firing(1); }),
                 "an exit by itself after a stop and a start did not fire");
    }

    // A container that starts and exits within one gathering of events is first listed exited,
    // never running: its die, heard while watching, is what makes it news.
    void exitsBeforeAnyListAreJudgedToo() {
        add(1);
        publish();
        start();
        // Ages that rule out "exited lately": the events alone decide.
        add(6, "exited", "Exited (3) 2 minutes ago", 3);
        add(7, "exited", "Exited (143) 2 minutes ago", 143);
        publish();
        events({{"create", 6},
                {"start", 6},
                {"die", 6},
                {"create", 7},
                {"start", 7},
                {"kill", 7},
                {"die", 7},
                {"stop", 7}});
        QVERIFY2(test::waitFor([&] { return firing(6); }),
                 "an exit by itself before any list did not fire");
        QVERIFY(listed(7, "exited"));
        QVERIFY2(!firing(7), "a stop before any list fired");
    }

    // The engine announces a die before what it lists shows the exit: the inventory asks
    // again while the container still looks running, and the alert fires without any other
    // event to make it look.
    void aDieListedBeforeTheEngineCatchesUp() {
        add(1);
        publish();
        start();
        const int lists = engine_->hits("/v1.41/containers/json");
        events({{"die", 1}}); // the list still says running
        QVERIFY(test::waitFor([&] { return engine_->hits("/v1.41/containers/json") > lists; }));
        QVERIFY(listed(1, "running"));
        exitWith(1, 3);
        publish();
        QVERIFY2(test::waitFor([&] { return firing(1); }),
                 "the inventory did not look again after the die");
        // And stops asking once it has seen the exit.
        const int after = engine_->hits("/v1.41/containers/json");
        QTest::qWait(1500);
        QCOMPARE(engine_->hits("/v1.41/containers/json"), after);
    }

    // The list that shows an exit can come before the exit's events (a full list already on
    // its way): the events still decide when they come.
    void eventsAfterTheListStillDecide() {
        for (int n : {1, 2})
            add(n);
        publish();
        start();

        // 143 with no events yet: counted as a stop (the engine says it never restarted), until
        // a lone die says it was not one.
        exitWith(1, 143);
        // 3 with no events yet: fires, until the kill before the die turns up.
        exitWith(2, 3);
        publish();
        events({{"rename", 1}, {"rename", 2}}); // makes the inventory look, as a full list would
        QVERIFY2(test::waitFor([&] { return firing(2); }), "exit 3 did not fire");
        QVERIFY(test::waitFor(
            [&] { return alerts_->exitIntents().verdict(key(1)) == Verdict::Asked; }));
        QVERIFY(!firing(1));

        events({{"die", 1}, {"kill", 2}, {"die", 2}});
        QVERIFY2(test::waitFor([&] { return firing(1); }), "the late lone die did not fire");
        QVERIFY2(test::waitFor([&] { return !firing(2); }), "the late kill did not clear");
        bool found = false;
        for (const Alert &a : alerts_->alerts())
            if (a.targetKey == key(2)) {
                found = true;
                QVERIFY2(a.detail.contains("on purpose"), qPrintable(a.detail));
            }
        QVERIFY(found);
    }

    // Start-up: no events for exits that came before. 143 or 137 with no restart is a stop; a
    // container the engine restarted before, or one the kernel killed, fires, as does any other
    // code that is recent; old exits never do.
    void startUpWithoutEventHistory() {
        add(1, "exited", "Exited (143) Less than a second ago", 143);
        add(2, "exited", "Exited (1) Less than a second ago", 1);
        add(3, "exited", "Exited (137) Less than a second ago", 137);
        containers_.at(3).restartCount = 2;
        add(4, "exited", "Exited (137) Less than a second ago", 137);
        containers_.at(4).oomKilled = true;
        add(5, "exited", "Exited (3) 2 hours ago", 3);
        add(6, "exited", "Exited (137) Less than a second ago", 137);
        publish();
        start();
        QVERIFY2(test::waitFor([&] { return firing(2); }), "a recent exit 1 did not fire");
        QVERIFY2(test::waitFor([&] { return firing(3); }), "a crash loop's 137 did not fire");
        QVERIFY2(test::waitFor([&] { return firing(4); }), "an OOM kill did not fire");
        QVERIFY(test::waitFor([&] {
            return alerts_->exitIntents().verdict(key(1)) == Verdict::Asked &&
                   alerts_->exitIntents().verdict(key(6)) == Verdict::Asked;
        }));
        QVERIFY2(!firing(1), "a stopped container (143) fired at start-up");
        QVERIFY2(!firing(6), "a killed container (137) fired at start-up");
        QVERIFY2(!firing(5), "an old exit fired at start-up");
        // Asked once each, not at every look.
        QCOMPARE(engine_->hits("/v1.41/containers/" + idOf(1) + "/json"), 1);
        QCOMPARE(engine_->hits("/v1.41/containers/" + idOf(2) + "/json"), 0);
    }

    // An alert left open by a version that fired for stops clears once the engine says the
    // container was stopped (143, never restarted); one about a crash stays open.
    void anOpenAlertOfAStopClears() {
        add(1, "exited", "Exited (143) 3 hours ago", 143);
        add(2, "exited", "Exited (3) 3 hours ago", 3);
        publish();
        {
            auto store = test::openTestStore(*dir_, nullptr);
            QVERIFY(store);
            core::AlertStore alerts(*store);
            for (const AlertRule &rule : alerts.rules())
                if (rule.kind == AlertRule::Kind::ContainerExited)
                    for (int n : {1, 2}) {
                        Alert a;
                        a.ruleId = rule.id;
                        a.kind = rule.kind;
                        a.ruleName = rule.name;
                        a.targetKey = key(n);
                        a.target = QStringLiteral("c%1 on fake").arg(n);
                        a.hostId = kHost;
                        a.detail = QStringLiteral("Exited with code");
                        QVERIFY(alerts.fire(a));
                    }
        }
        start();
        QVERIFY(firing(2));
        QVERIFY2(test::waitFor([&] { return !firing(1); }), "the stop's old alert stayed open");
        QVERIFY(firing(2));
    }

    // A destroyed or removed container is forgotten.
    void forgottenWithTheContainer() {
        for (int n : {1, 2})
            add(n);
        publish();
        start();
        exitWith(1, 143);
        exitWith(2, 143);
        publish();
        events({{"kill", 1}, {"die", 1}, {"kill", 2}, {"die", 2}});
        QVERIFY(test::waitFor([&] { return alerts_->exitIntents().size() == 2; }));
        containers_.erase(1);
        publish();
        events({{"destroy", 1}});
        QVERIFY(test::waitFor([&] { return alerts_->exitIntents().size() == 1; }));
        QCOMPARE(alerts_->exitIntents().verdict(key(1)), Verdict::Unknown);
        // Removed without an event (a full list that no longer has it): forgotten too.
        containers_.erase(2);
        publish();
        events({{"rename", 2}});
        QVERIFY(test::waitFor([&] { return inventory_->containerCount() == 0; }));
        QCOMPARE(alerts_->exitIntents().size(), 0);
    }

    // At most 8,000 containers are remembered, the one heard of longest ago forgotten first;
    // each costs one entry however many events it has.
    void boundedInMemory() {
        ExitIntents intents;
        QCOMPARE(intents.capacity(), 8000);
        for (int n = 0; n < 8500; ++n) {
            const QString k = key(n);
            intents.onEvent(k, u"start");
            intents.onEvent(k, u"kill");
            QVERIFY(intents.onEvent(k, u"die"));
            intents.onEvent(k, u"stop");
        }
        QCOMPARE(intents.size(), 8000);
        QCOMPARE(intents.verdict(key(0)), Verdict::Unknown);
        QCOMPARE(intents.verdict(key(499)), Verdict::Unknown);
        QCOMPARE(intents.verdict(key(500)), Verdict::Asked);
        QCOMPARE(intents.verdict(key(8499)), Verdict::Asked);
        // Hearing of one again keeps it longest.
        intents.onEvent(key(500), u"start");
        intents.onEvent(key(9000), u"die");
        QCOMPARE(intents.size(), 8000);
        QCOMPARE(intents.verdict(key(501)), Verdict::Unknown);
        QCOMPARE(intents.verdict(key(9000)), Verdict::Unasked);
        intents.onEvent(key(9000), u"destroy");
        QCOMPARE(intents.size(), 7999);
        // A start alone keeps nothing.
        intents.onEvent(key(9001), u"start");
        QCOMPARE(intents.size(), 7999);
    }

    void verdicts() {
        ExitIntents intents(10);
        const QString k = key(1);
        QVERIFY(!intents.onEvent(k, u"kill"));
        QVERIFY(intents.onEvent(k, u"die"));
        QCOMPARE(intents.verdict(k), Verdict::Asked);
        QVERIFY(!intents.onEvent(k, u"stop"));
        QVERIFY(!intents.onEvent(k, u"start"));
        QCOMPARE(intents.verdict(k), Verdict::Unknown);
        QVERIFY(intents.onEvent(k, u"die"));
        QCOMPARE(intents.verdict(k), Verdict::Unasked);
        // A stop announced right after an unasked die was under way when it came.
        QVERIFY(intents.onEvent(k, u"stop"));
        QCOMPARE(intents.verdict(k), Verdict::Asked);
        // A guess only while nothing better is known.
        QVERIFY(!intents.guess(k, Verdict::Unasked));
        intents.onEvent(k, u"start");
        QVERIFY(intents.guess(k, Verdict::Asked));
        QVERIFY(intents.onEvent(k, u"die")); // the die, when it comes, knows better
        QCOMPARE(intents.verdict(k), Verdict::Unasked);
        QVERIFY(!intents.onEvent(k, u"health_status: healthy"));
    }
};

QTEST_GUILESS_MAIN(TestAlertMonitorFake)
#include "tst_alertmonitor_fake.moc"
