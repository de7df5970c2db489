// Inventory against a scripted engine: the first list, events that insert, change and
// destroy, a burst of 500 events coalesced into a few list calls, a burst whose dropped
// events a settling full list catches, a long storm that widens the gathering time, hosts
// that take turns for their background full lists, a dropped stream that ends
// in a full resync without duplicate rows, and actions that report the daemon's own words.
#include "core/base/stringpool.h"
#include "core/fleet/inventory.h"
#include "core/store/store.h"
#include "core/store/storethread.h"
#include "engine/dockerclient.h"
#include "tests/support/fakeengine.h"
#include "tests/support/testenv.h"

#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUrlQuery>
#include <QtTest>
#include <nlohmann/json.hpp>

using namespace slipway;
using core::ContainerList;
using core::Inventory;
using test::FakeEngine;
using SyncState = core::Inventory::SyncState;

namespace {

struct Fake {
    std::string id;
    std::string name;
    std::string state = "running";
    std::string status = "Up 5 minutes";
    std::string image = "127.0.0.1:5515/slipway/web:1.1.0";
    std::map<std::string, std::string> labels;
};

std::string idOf(int n) {
    char buf[65];
    std::snprintf(buf, sizeof buf, "%064x", n + 0xabc000);
    return buf;
}

Fake fake(int n, std::string state = "running", std::string status = "Up 5 minutes") {
    Fake f;
    f.id = idOf(n);
    f.name = "c" + std::to_string(n);
    f.state = std::move(state);
    f.status = std::move(status);
    f.labels = {{"slipway.app", "shop-web"}, {"slipway.env", "staging"}};
    return f;
}

std::string listJson(const std::vector<Fake> &containers) {
    nlohmann::json list = nlohmann::json::array();
    for (const Fake &c : containers) {
        list.push_back({{"Id", c.id},
                        {"Names", {"/" + c.name}},
                        {"Image", c.image},
                        {"ImageID", "sha256:" + std::string(64, 'e')},
                        {"Command", "httpd"},
                        {"Created", 1700000000},
                        {"Ports",
                         {{{"IP", "127.0.0.1"},
                           {"PrivatePort", 8080},
                           {"PublicPort", 18080},
                           {"Type", "tcp"}}}},
                        {"Labels", c.labels},
                        {"State", c.state},
                        {"Status", c.status},
                        {"HostConfig", {{"NetworkMode", "default"}}},
                        {"NetworkSettings", {{"Networks", nlohmann::json::object()}}},
                        {"Mounts", nlohmann::json::array()}});
    }
    return list.dump();
}

std::string eventJson(const std::string &action, const std::string &id,
                      const std::string &type = "container") {
    return nlohmann::json{{"Type", type},
                          {"Action", action},
                          {"Actor", {{"ID", id}, {"Attributes", {{"name", "x"}}}}},
                          {"scope", "local"},
                          {"time", 1700000001},
                          {"timeNano", 1700000001000000000LL}}
               .dump() +
           "\n";
}

// A stream that sends `events` and then stays open, as a healthy engine's does.
FakeEngine::Reply openStream(std::vector<std::string> events) {
    FakeEngine::Reply r = FakeEngine::stream(std::move(events));
    r.ending = FakeEngine::Reply::Ending::Stall;
    return r;
}

QSet<QString> idsOf(const ContainerList &list) {
    QSet<QString> ids;
    for (const auto &r : list)
        ids.insert(r->id);
    return ids;
}

QSet<QString> idsOf(std::initializer_list<int> ns) {
    QSet<QString> ids;
    for (int n : ns)
        ids.insert(QString::fromStdString(idOf(n)));
    return ids;
}

} // namespace

class TestInventoryFake : public QObject {
    Q_OBJECT

    std::unique_ptr<FakeEngine> engine_;
    std::shared_ptr<engine::DockerClient> client_;

    static Inventory::Options fastOptions() {
        Inventory::Options o;
        o.firstRetry = std::chrono::milliseconds(50);
        o.maxRetry = std::chrono::milliseconds(400);
        return o;
    }

    // Checks a quiet stream within a fraction of a second, as the two tests of it need.
    static Inventory::Options quietOptions() {
        Inventory::Options o = fastOptions();
        o.quietCheck = std::chrono::milliseconds(200);
        o.pingTimeout = std::chrono::milliseconds(300);
        return o;
    }

    int listHits() const { return engine_->hits("/v1.41/containers/json"); }

    std::vector<FakeEngine::Received> requestsTo(const std::string &path) const {
        std::vector<FakeEngine::Received> out;
        for (const auto &r : engine_->received())
            if (r.target.substr(0, r.target.find('?')) == path)
                out.push_back(r);
        return out;
    }

    // Every container appears once, in the inventory and in its signals' net effect.
    static bool noDuplicates(const Inventory &inv) {
        const ContainerList all = inv.containers();
        return idsOf(all).size() == all.size();
    }

private slots:
    void init() {
        engine_ = std::make_unique<FakeEngine>();
        QVERIFY2(engine_->listening(), engine_->errorString().c_str());
        auto ping = FakeEngine::respond(200, "OK", "text/plain");
        ping.headers.emplace_back("Api-Version", "1.41");
        engine_->on("/_ping", ping);
        auto endpoint = engine::Endpoint::parse(engine_->url());
        QVERIFY(endpoint.ok());
        client_ = std::make_shared<engine::DockerClient>(endpoint.value());
    }

    void cleanup() {
        // The engine stops first so that the client's destructor has nothing left to wait on.
        if (engine_)
            engine_->stop();
        client_.reset();
        engine_.reset();
    }

    void recordFromTheList() {
        Fake f = fake(1, "running", "Up 2 minutes (health: starting)");
        f.labels["slipway.version"] = "1.1.7";
        Fake g = fake(2, "exited", "Exited (137) 3 hours ago");
        g.image = "127.0.0.1:5515/slipway/web:1.2.0";
        g.labels.erase("slipway.env");
        engine_->on("/v1.41/containers/json", FakeEngine::json(200, listJson({f, g})));
        engine_->on("/v1.41/events", openStream({}));

        Inventory inv;
        inv.addHost("h1", "Host one", engine_->url().c_str(), client_);
        QVERIFY(test::waitFor([&] { return inv.containerCount() == 2; }));
        QCOMPARE(inv.hostState("h1"), SyncState::Live);
        QCOMPARE(inv.hostName("h1"), QStringLiteral("Host one"));

        const auto a = inv.container("h1", QString::fromStdString(f.id));
        QVERIFY(a);
        QCOMPARE(a->hostId, QStringLiteral("h1"));
        QCOMPARE(a->name, QStringLiteral("c1"));
        QCOMPARE(a->app, QStringLiteral("shop-web"));
        QCOMPARE(a->env, QStringLiteral("staging"));
        QCOMPARE(a->version, QStringLiteral("1.1.7")); // the label wins over the tag
        QCOMPARE(a->health, QStringLiteral("starting"));
        QCOMPARE(a->ports, QStringLiteral("127.0.0.1:18080->8080/tcp"));
        QCOMPARE(a->label(u"slipway.app"), QStringLiteral("shop-web"));
        QCOMPARE(a->created, 1700000000);
        QVERIFY(!a->stale);
        QVERIFY(std::abs(a->stateSince - (QDateTime::currentSecsSinceEpoch() - 120)) < 30);

        const auto b = inv.container("h1", QString::fromStdString(g.id));
        QVERIFY(b);
        QCOMPARE(b->version, QStringLiteral("1.2.0")); // no label: the image's tag
        QCOMPARE(b->env, QString());
        QCOMPARE(b->exitCode, 137);
        QCOMPARE(b->health, QString());

        // Subscribed with filters and reaching back in time, so the list misses nothing.
        const auto events = requestsTo("/v1.41/events");
        QVERIFY(!events.empty());
        const QUrlQuery query(QUrl(QString::fromStdString(events.front().target)).query());
        const qint64 since = query.queryItemValue(QStringLiteral("since")).toLongLong();
        QVERIFY(since > 0 && since <= QDateTime::currentSecsSinceEpoch());
        const QString filters = query.queryItemValue(QStringLiteral("filters"), QUrl::FullyDecoded);
        QVERIFY2(filters.contains(QStringLiteral("\"container\"")) &&
                     filters.contains(QStringLiteral("\"image\"")) &&
                     filters.contains(QStringLiteral("health_status")),
                 qPrintable(filters));
        // The first list asks for every container, stopped ones too.
        const auto lists = requestsTo("/v1.41/containers/json");
        QVERIFY(QByteArray::fromStdString(lists.front().target).contains("all=1"));
    }

    // dockerd drops events for a subscriber that reads too slowly (seen in a real start/kill
    // storm: containers shown running long after they exited). After a burst, one full list
    // settles what a dropped event would have said.
    void aBurstEndsInAFullListThatCatchesDroppedEvents() {
        const QString id = QString::fromStdString(idOf(1));
        engine_->on("/v1.41/containers/json", FakeEngine::json(200, listJson({fake(1)})));
        std::string burst;
        for (int i = 0; i < 60; ++i)
            burst += eventJson("kill", idOf(1));
        // An empty first piece only waits: the burst comes after the first list.
        auto events = FakeEngine::stream({"", burst}, std::chrono::milliseconds(300));
        events.ending = FakeEngine::Reply::Ending::Stall;
        engine_->on("/v1.41/events", events);
        Inventory::Options options = fastOptions();
        options.settle = std::chrono::milliseconds(1000);
        Inventory inv(nullptr, options);
        inv.addHost("h1", "h1", engine_->url().c_str(), client_);
        // The burst's refresh by ID still says running: its "die" never came...
        QVERIFY(test::waitFor(
            [&] { return inv.hostState("h1") == SyncState::Live && listHits() >= 2; }));
        QCOMPARE(inv.container("h1", id)->state, QStringLiteral("running"));
        QCOMPARE(inv.host("h1")->settleListCount(), 0);
        // ...and the engine moved on without telling.
        engine_->on(
            "/v1.41/containers/json",
            FakeEngine::json(200, listJson({fake(1, "exited", "Exited (137) 1 second ago")})));
        QVERIFY(test::waitFor([&] {
            const auto r = inv.container("h1", id);
            return r && r->state == QStringLiteral("exited");
        }));
        QCOMPARE(inv.host("h1")->settleListCount(), 1);
    }

    void eventsInsertChangeAndDestroy() {
        // Whatever order the stream and the list arrive in, the end state is the same: the
        // events make the inventory ask again by ID, and a destroyed container stays gone
        // even though this engine's list still shows it.
        engine_->on(
            "/v1.41/containers/json",
            FakeEngine::json(200, listJson({fake(1), fake(2, "exited", "Exited (0) 1 second ago"),
                                            fake(3), fake(4)})));
        engine_->on("/v1.41/events",
                    openStream({eventJson("die", idOf(2)) + eventJson("create", idOf(4)),
                                eventJson("destroy", idOf(3))}));
        Inventory inv;
        QSignalSpy removed(&inv, &Inventory::containersRemoved);
        inv.addHost("h1", "h1", engine_->url().c_str(), client_);
        QVERIFY(test::waitFor([&] {
            return inv.hostState("h1") == SyncState::Live &&
                   idsOf(inv.containers()) == idsOf({1, 2, 4});
        }));
        // A refresh by ID followed the events.
        QVERIFY(test::waitFor([&] {
            for (const auto &r : requestsTo("/v1.41/containers/json"))
                if (QByteArray::fromStdString(r.target).contains("filters"))
                    return true;
            return false;
        }));
        QVERIFY(test::waitFor(
            [&] { return !inv.host("h1")->containers().isEmpty() && listHits() >= 2; }));
        QCOMPARE(inv.container("h1", QString::fromStdString(idOf(2)))->state,
                 QStringLiteral("exited"));
        QVERIFY(!inv.container("h1", QString::fromStdString(idOf(3))));
        QVERIFY(noDuplicates(inv));
    }

    void burstOf500EventsIsCoalesced() {
        std::vector<Fake> all;
        for (int i = 0; i < 50; ++i)
            all.push_back(fake(i));
        engine_->on("/v1.41/containers/json", FakeEngine::json(200, listJson(all)));
        // 500 events over 50 containers, in 25 pieces, as a start/stop storm arrives.
        std::vector<std::string> chunks;
        for (int piece = 0; piece < 25; ++piece) {
            std::string chunk;
            for (int j = 0; j < 20; ++j) {
                const int n = (piece * 20 + j) % 50;
                chunk += eventJson(j % 2 ? "start" : "die", idOf(n));
            }
            chunks.push_back(chunk);
        }
        auto stream = openStream(chunks);
        stream.delay = std::chrono::milliseconds(2); // spread out, not one read
        engine_->on("/v1.41/events", stream);

        Inventory inv;
        QSignalSpy inserted(&inv, &Inventory::containersInserted);
        inv.addHost("h1", "h1", engine_->url().c_str(), client_);
        QVERIFY(test::waitFor([&] { return inv.containerCount() == 50; }));
        // Quiet once all 500 are through: no new list request for half a second (bounded).
        bool quiet = false;
        for (int i = 0; i < 40 && !quiet; ++i) {
            const int before = listHits();
            QTest::qWait(500);
            quiet = listHits() == before;
        }
        QVERIFY(quiet);
        const int lists = listHits();
        qInfo("500 events -> %d list requests (1 initial)", lists);
        // One initial list, then about one per 100 ms window while the storm lasts: nowhere
        // near one per event.
        QVERIFY2(lists <= 12, qPrintable(QString::number(lists)));
        QCOMPARE(inv.containerCount(), 50);
        QVERIFY(noDuplicates(inv));
        int insertedRows = 0;
        for (const auto &args : inserted)
            insertedRows += int(args.at(0).value<ContainerList>().size());
        QCOMPARE(insertedRows, 50); // each container inserted exactly once
    }

    void aLongStormWidensTheGatheringTime() {
        std::vector<Fake> all;
        for (int i = 0; i < 50; ++i)
            all.push_back(fake(i));
        engine_->on("/v1.41/containers/json", FakeEngine::json(200, listJson(all)));
        // One event every 50 ms for 3 s: at a fixed 100 ms that is a list per window, ~30.
        std::vector<std::string> chunks;
        for (int i = 0; i < 60; ++i)
            chunks.push_back(eventJson(i % 2 ? "start" : "die", idOf(i % 50)));
        auto stream = openStream(chunks);
        stream.delay = std::chrono::milliseconds(50);
        engine_->on("/v1.41/events", stream);
        Inventory inv;
        inv.addHost("h1", "h1", engine_->url().c_str(), client_);
        QVERIFY(test::waitFor([&] { return inv.containerCount() == 50; }));
        const auto received = [&] {
            return engine_->received().size();
        };
        // Quiet once the storm is through (bounded).
        bool quiet = false;
        for (int i = 0; i < 40 && !quiet; ++i) {
            const std::size_t before = received();
            QTest::qWait(1500);
            quiet = received() == before && inv.host("h1")->refreshListCount() > 0;
        }
        QVERIFY(quiet);
        const int lists = listHits();
        qInfo("a 3 s storm of 60 events -> %d list requests (1 initial)", lists);
        QVERIFY2(lists <= 12, qPrintable(QString::number(lists)));
        QCOMPARE(inv.containerCount(), 50);
        QVERIFY(noDuplicates(inv));
    }

    void backgroundFullListsTakeTurns() {
        // Two hosts, each told about more containers than one refresh names: both need a full
        // list, and with one slot the second is asked for only once the first is in.
        std::vector<Fake> all;
        std::string burst;
        for (int i = 0; i < 300; ++i) {
            all.push_back(fake(i));
            burst += eventJson("start", idOf(i));
        }
        FakeEngine other;
        QVERIFY2(other.listening(), other.errorString().c_str());
        auto ping = FakeEngine::respond(200, "OK", "text/plain");
        ping.headers.emplace_back("Api-Version", "1.41");
        other.on("/_ping", ping);
        auto events = FakeEngine::stream({"", burst}, std::chrono::milliseconds(400));
        events.ending = FakeEngine::Reply::Ending::Stall;
        for (FakeEngine *e : {engine_.get(), &other}) {
            e->on("/v1.41/containers/json", FakeEngine::json(200, listJson(all)));
            e->on("/v1.41/events", events);
        }
        auto otherClient =
            std::make_shared<engine::DockerClient>(engine::Endpoint::parse(other.url()).value());
        auto pool = std::make_shared<core::StringPool>();
        auto gate = std::make_shared<core::RefreshGate>(1);
        core::HostInventory a("a", client_, pool, {}, gate);
        core::HostInventory b("b", otherClient, pool, {}, gate);
        a.start();
        b.start();
        QVERIFY(test::waitFor([&] {
            return a.state() == core::HostInventory::State::Live &&
                   b.state() == core::HostInventory::State::Live;
        }));
        // From now on a list takes a while to come back.
        auto slow = FakeEngine::json(200, listJson(all));
        slow.delay = std::chrono::milliseconds(800);
        engine_->on("/v1.41/containers/json", slow);
        other.on("/v1.41/containers/json", slow);
        const auto lists = [&] {
            return listHits() + other.hits("/v1.41/containers/json");
        };
        QVERIFY(test::waitFor([&] { return lists() >= 3; }));
        QCOMPARE(lists(), 3); // the other host waits for its turn
        QVERIFY(test::waitFor([&] { return lists() >= 4; }));
        QCOMPARE(a.fullListCount(), 2);
        QCOMPARE(b.fullListCount(), 2);
        QCOMPARE(a.containers().size(), 300);
        QCOMPARE(b.containers().size(), 300);
        other.stop();
    }

    void manyIdsBecomeOneFullList() {
        std::vector<Fake> all;
        std::string burst;
        for (int i = 0; i < 300; ++i) {
            all.push_back(fake(i));
            burst += eventJson("start", idOf(i));
        }
        engine_->on("/v1.41/containers/json", FakeEngine::json(200, listJson(all)));
        engine_->on("/v1.41/events", openStream({burst}));
        Inventory inv;
        inv.addHost("h1", "h1", engine_->url().c_str(), client_);
        QVERIFY(test::waitFor([&] { return inv.containerCount() == 300; }));
        QVERIFY(test::waitFor([&] { return listHits() >= 2; }));
        QTest::qWait(400);
        // More IDs than one refresh names: a full list instead, never a 300-ID URL.
        for (const auto &r : requestsTo("/v1.41/containers/json"))
            QVERIFY(r.target.size() < 20000);
        QVERIFY(listHits() <= 4);
        QVERIFY(noDuplicates(inv));
    }

    void droppedStreamResyncsWithoutDuplicates() {
        engine_->on("/v1.41/containers/json",
                    FakeEngine::json(200, listJson({fake(1), fake(2), fake(3)})));
        // Dropped well after the first list lands, even on a loaded machine: the stale rows
        // below need something to have been listed.
        engine_->on("/v1.41/events", FakeEngine::streamThenDrop({eventJson("start", idOf(1))},
                                                                std::chrono::milliseconds(1500)));
        Inventory inv(nullptr, fastOptions());
        QSignalSpy states(&inv, &Inventory::hostSyncStateChanged);
        QSignalSpy changed(&inv, &Inventory::containersChanged);
        QSignalSpy inserted(&inv, &Inventory::containersInserted);
        QSignalSpy removed(&inv, &Inventory::containersRemoved);
        inv.addHost("h1", "h1", engine_->url().c_str(), client_);
        QVERIFY(test::waitFor([&] {
            for (const auto &s : states)
                if (s.at(1).value<SyncState>() == SyncState::Unreachable)
                    return true;
            return false;
        }));
        // While it is away the last known containers stay, flagged stale.
        bool sawStale = false;
        for (const auto &args : changed) {
            const auto list = args.at(0).value<ContainerList>();
            if (!list.isEmpty() &&
                std::all_of(list.begin(), list.end(), [](const auto &r) { return r->stale; }))
                sawStale = list.size() == 3;
        }
        QVERIFY(sawStale);

        // The engine comes back with one container gone, one new and one changed.
        Fake changedOne = fake(2, "exited", "Exited (1) 2 seconds ago");
        engine_->on("/v1.41/containers/json",
                    FakeEngine::json(200, listJson({fake(1), changedOne, fake(4)})));
        engine_->on("/v1.41/events", openStream({}));
        QVERIFY(test::waitFor([&] {
            const ContainerList now = inv.containers();
            return inv.hostState("h1") == SyncState::Live && idsOf(now) == idsOf({1, 2, 4}) &&
                   std::none_of(now.begin(), now.end(), [](const auto &r) { return r->stale; });
        }));
        QCOMPARE(inv.container("h1", QString::fromStdString(idOf(2)))->state,
                 QStringLiteral("exited"));
        QVERIFY(noDuplicates(inv));
        // Net effect of the signals: each container inserted once, 3 removed once.
        QMap<QString, int> net;
        for (const auto &args : inserted)
            for (const auto &r : args.at(0).value<ContainerList>())
                ++net[r->id];
        for (const auto &args : removed)
            for (const auto &r : args.at(0).value<ContainerList>())
                --net[r->id];
        QCOMPARE(net.value(QString::fromStdString(idOf(1))), 1);
        QCOMPARE(net.value(QString::fromStdString(idOf(2))), 1);
        QCOMPARE(net.value(QString::fromStdString(idOf(3))), 0);
        QCOMPARE(net.value(QString::fromStdString(idOf(4))), 1);
        QVERIFY(requestsTo("/v1.41/events").size() >= 2); // it reconnected
    }

    // A quiet stream is a healthy one: past the quiet interval the engine is pinged, and
    // while it answers the stream stays and nothing is listed again.
    void aQuietStreamIsPingedNotDropped() {
        engine_->on("/v1.41/containers/json", FakeEngine::json(200, listJson({fake(1)})));
        engine_->on("/v1.41/events", openStream({}));
        Inventory inv(nullptr, quietOptions());
        inv.addHost("h1", "h1", engine_->url().c_str(), client_);
        QVERIFY(test::waitFor([&] { return inv.hostState("h1") == SyncState::Live; }));
        QVERIFY(test::waitFor([&] { return inv.host("h1")->pingCount() >= 3; }));
        QCOMPARE(inv.hostState("h1"), SyncState::Live);
        QCOMPARE(inv.host("h1")->fullListCount(), 1);
        QCOMPARE(listHits(), 1);
        QCOMPARE(engine_->hits("/v1.41/events"), 1);
        QVERIFY(engine_->hits("/_ping") >= 3);
        QVERIFY(!inv.containers().first()->stale);
    }

    // A quiet stream whose engine stops answering: the failed ping drops it (the containers
    // stay, stale), and once the engine answers again a full resync follows.
    void aQuietStreamOfAStalledEngineIsDroppedAndResynced() {
        engine_->on("/v1.41/containers/json", FakeEngine::json(200, listJson({fake(1)})));
        engine_->on("/v1.41/events", openStream({}));
        Inventory inv(nullptr, quietOptions());
        QSignalSpy states(&inv, &Inventory::hostSyncStateChanged);
        inv.addHost("h1", "h1", engine_->url().c_str(), client_);
        QVERIFY(test::waitFor([&] { return inv.hostState("h1") == SyncState::Live; }));
        QCOMPARE(inv.host("h1")->fullListCount(), 1);

        engine_->on("/_ping", FakeEngine::stall());
        QString lost;
        QVERIFY(test::waitFor([&] {
            for (const auto &s : states)
                if (s.at(1).value<SyncState>() == SyncState::Unreachable)
                    lost = s.at(2).toString();
            return !lost.isEmpty();
        }));
        QVERIFY2(lost.contains(QStringLiteral("stopped answering")) && lost.contains("/_ping"),
                 qPrintable(lost));

        auto ping = FakeEngine::respond(200, "OK", "text/plain");
        ping.headers.emplace_back("Api-Version", "1.41");
        engine_->on("/_ping", ping);
        QVERIFY(test::waitFor([&] {
            return inv.hostState("h1") == SyncState::Live && inv.host("h1")->fullListCount() >= 2 &&
                   !inv.containers().first()->stale;
        }));
        QVERIFY(engine_->hits("/v1.41/events") >= 2);
        QCOMPARE(inv.containerCount(), 1);
    }

    void deadEngineBacksOffAndStaysStale() {
        engine_->on("/v1.41/containers/json", FakeEngine::json(200, listJson({fake(1)})));
        engine_->on("/v1.41/events", openStream({}));
        Inventory inv(nullptr, fastOptions());
        inv.addHost("h1", "h1", engine_->url().c_str(), client_);
        QVERIFY(test::waitFor([&] { return inv.containerCount() == 1; }));
        engine_->stop(); // the socket is gone: every reconnect is refused
        QVERIFY(test::waitFor([&] { return inv.hostState("h1") == SyncState::Unreachable; }));
        QVERIFY(!inv.hostError("h1").isEmpty());
        QTest::qWait(300); // a few refused reconnects
        QCOMPARE(inv.containerCount(), 1);
        QVERIFY(inv.containers().first()->stale);
        QVERIFY(inv.host("h1")->fullListCount() >= 1);
    }

    void removedHostTakesItsContainers() {
        engine_->on("/v1.41/containers/json", FakeEngine::json(200, listJson({fake(1), fake(2)})));
        engine_->on("/v1.41/events", openStream({}));
        Inventory inv;
        QSignalSpy removed(&inv, &Inventory::containersRemoved);
        inv.addHost("h1", "h1", engine_->url().c_str(), client_);
        QVERIFY(test::waitFor([&] { return inv.containerCount() == 2; }));
        inv.removeHost("h1");
        QCOMPARE(inv.containerCount(), 0);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.first().at(0).value<ContainerList>().size(), 2);
        QVERIFY(inv.hostIds().isEmpty());
    }

    void actionsReportTheDaemonsWordsAndAreAudited() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString db = dir.filePath(QStringLiteral("slipway.sqlite"));
        auto store = std::make_shared<core::StoreThread>(db);
        engine_->on("/v1.41/containers/json", FakeEngine::json(200, listJson({fake(1)})));
        engine_->on("/v1.41/events", openStream({}));
        const std::string id = idOf(1);
        engine_->on("/v1.41/containers/" + id + "/stop",
                    FakeEngine::error(500, "cannot stop container: permission denied"));
        engine_->on("/v1.41/containers/" + id + "/start", FakeEngine::respond(204, "", ""));

        Inventory inv(store);
        QSignalSpy finished(&inv, &Inventory::actionFinished);
        QSignalSpy audited(&inv, &Inventory::auditAppended);
        inv.addHost("h1", "h1", engine_->url().c_str(), client_);
        QVERIFY(test::waitFor([&] { return inv.containerCount() == 1; }));

        bool called = false;
        QString error;
        inv.perform(Inventory::Action::Stop, "h1", QString::fromStdString(id),
                    [&](bool ok, const QString &e) {
                        called = true;
                        QVERIFY(!ok);
                        error = e;
                    });
        QVERIFY(test::waitFor([&] { return called; }));
        QCOMPARE(error, QStringLiteral("cannot stop container: permission denied"));
        const quint64 startRequest =
            inv.perform(Inventory::Action::Start, "h1", QString::fromStdString(id));
        QVERIFY(test::waitFor([&] { return finished.size() == 2; }));
        QCOMPARE(finished.at(1).at(0).toULongLong(), startRequest);
        QCOMPARE(finished.at(1).at(4).toBool(), true);
        // An unknown host never reaches an engine.
        inv.perform(Inventory::Action::Kill, "nowhere", QStringLiteral("x"));
        QVERIFY(test::waitFor([&] { return finished.size() == 3; }));
        QCOMPARE(finished.at(2).at(4).toBool(), false);

        QVERIFY(test::waitFor([&] { return audited.size() == 3; }));
        store.reset(); // flushes the store thread
        auto reader = core::Store::open(db);
        QVERIFY(reader);
        const auto entries = reader->audit();
        QCOMPARE(entries.size(), 3);
        const auto stop = entries.last(); // newest first
        QCOMPARE(stop.action, QStringLiteral("container.stop"));
        QCOMPARE(stop.target, QStringLiteral("c1"));
        QCOMPARE(stop.result, QStringLiteral("failed"));
        QCOMPARE(stop.detail, QStringLiteral("cannot stop container: permission denied"));
        QCOMPARE(entries.at(1).result, QStringLiteral("ok"));
    }
};

QTEST_GUILESS_MAIN(TestInventoryFake)
#include "tst_inventory_fake.moc"
