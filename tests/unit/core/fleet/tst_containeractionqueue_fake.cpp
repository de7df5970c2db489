// ContainerActionQueue against a scripted engine: never more actions in flight than its bound
// (the rest wait, in order, and go as answers come back), actions sent in the order they were
// queued, actions that mean nothing for a container's state skipped, and one batch's failures
// counted once everything has answered, in the daemon's own words.
#include "core/fleet/containeractionqueue.h"
#include "core/fleet/inventory.h"
#include "engine/dockerclient.h"
#include "tests/support/fakeengine.h"
#include "tests/support/testenv.h"

#include <QSignalSpy>
#include <QtTest>
#include <nlohmann/json.hpp>
#include <set>

using namespace slipway;
using core::ContainerActionQueue;
using core::ContainerList;
using core::Inventory;
using test::FakeEngine;
using Action = core::Inventory::Action;

namespace {

std::string idOf(int n) {
    char buf[65];
    std::snprintf(buf, sizeof buf, "%064x", n + 0x5b1000);
    return buf;
}

// Containers 0..count-1, named split-c<n>; those in `exited` have exited, the rest run.
std::string listJson(int count, const std::set<int> &exited = {}) {
    nlohmann::json list = nlohmann::json::array();
    for (int n = 0; n < count; ++n) {
        const bool up = !exited.count(n);
        list.push_back({{"Id", idOf(n)},
                        {"Names", {"/split-c" + std::to_string(n)}},
                        {"Image", "127.0.0.1:5515/slipway/web:1.1.0"},
                        {"ImageID", "sha256:" + std::string(64, 'e')},
                        {"Command", "httpd"},
                        {"Created", 1700000000},
                        {"Ports", nlohmann::json::array()},
                        {"Labels", nlohmann::json::object()},
                        {"State", up ? "running" : "exited"},
                        {"Status", up ? "Up 5 minutes" : "Exited (1) 3 minutes ago"},
                        {"HostConfig", {{"NetworkMode", "default"}}},
                        {"NetworkSettings", {{"Networks", nlohmann::json::object()}}},
                        {"Mounts", nlohmann::json::array()}});
    }
    return list.dump();
}

std::string actionPath(int n, const std::string &verb) {
    return "/v1.41/containers/" + idOf(n) + "/" + verb;
}

} // namespace

class TestContainerActionQueueFake : public QObject {
    Q_OBJECT

    std::unique_ptr<FakeEngine> engine_;
    std::shared_ptr<engine::DockerClient> client_;

    // The container actions the engine has received, in order: "stop 3", "start 5".
    QStringList actionsReceived() const {
        QStringList out;
        for (const auto &r : engine_->received()) {
            const std::string path = r.target.substr(0, r.target.find('?'));
            for (int n = 0; n < 64; ++n)
                for (const char *verb : {"start", "stop", "restart", "kill"})
                    if (path == actionPath(n, verb))
                        out.append(QStringLiteral("%1 %2").arg(QLatin1String(verb)).arg(n));
        }
        return out;
    }

    // The inventory's records of containers `ns`, in that order.
    static ContainerList records(const Inventory &inv, std::initializer_list<int> ns) {
        ContainerList out;
        for (int n : ns)
            if (auto r = inv.container("h1", QString::fromStdString(idOf(n))))
                out.append(r);
        return out;
    }

private slots:
    void init() {
        engine_ = std::make_unique<FakeEngine>();
        QVERIFY2(engine_->listening(), engine_->errorString().c_str());
        auto ping = FakeEngine::respond(200, "OK", "text/plain");
        ping.headers.emplace_back("Api-Version", "1.41");
        engine_->on("/_ping", ping);
        FakeEngine::Reply events = FakeEngine::stream({});
        events.ending = FakeEngine::Reply::Ending::Stall; // open, as a healthy engine's is
        engine_->on("/v1.41/events", events);
        auto endpoint = engine::Endpoint::parse(engine_->url());
        QVERIFY(endpoint.ok());
        client_ = std::make_shared<engine::DockerClient>(endpoint.value());
    }

    void cleanup() {
        if (engine_)
            engine_->stop();
        client_.reset();
        engine_.reset();
    }

    void neverMoreInFlightThanTheBound() {
        constexpr int kCount = 20;
        engine_->on("/v1.41/containers/json", FakeEngine::json(200, listJson(kCount)));
        for (int n = 0; n < kCount; ++n)
            engine_->on(actionPath(n, "stop"), FakeEngine::stall()); // answered at stop()
        Inventory inv;
        inv.addHost("h1", "h1", engine_->url().c_str(), client_);
        QVERIFY(test::waitFor([&] { return inv.containerCount() == kCount; }));

        ContainerActionQueue queue(&inv);
        QCOMPARE(queue.maxInFlight(), ContainerActionQueue::kDefaultInFlight);
        QSignalSpy finished(&queue, &ContainerActionQueue::batchFinished);
        QSignalSpy failed(&queue, &ContainerActionQueue::actionFailed);
        ContainerList all;
        for (int n = 0; n < kCount; ++n)
            all += records(inv, {n});
        QCOMPARE(queue.enqueue(Action::Stop, all), kCount);
        QCOMPARE(queue.pending(), kCount);
        QCOMPARE(queue.inFlight(), ContainerActionQueue::kDefaultInFlight);

        // The first eight reach the engine, and no more while they stall.
        const int bound = ContainerActionQueue::kDefaultInFlight;
        QVERIFY(test::waitFor([&] { return actionsReceived().size() >= bound; }));
        QTest::qWait(300); // a ninth, if the bound leaked, would arrive in this time
        QStringList first;
        for (int n = 0; n < bound; ++n)
            first.append(QStringLiteral("stop %1").arg(n));
        QStringList got = actionsReceived();
        got.sort();
        first.sort();
        QCOMPARE(got, first);
        QCOMPARE(queue.inFlight(), bound);
        QCOMPARE(queue.pending(), kCount);

        // The engine goes away: every stalled action fails, the waiting ones follow and fail
        // too, and the batch ends with all of them counted.
        engine_->stop();
        QVERIFY(test::waitFor([&] { return finished.size() == 1; }, std::chrono::seconds(20)));
        QCOMPARE(finished.first().at(0).toInt(), kCount);
        QCOMPARE(failed.size(), kCount);
        QCOMPARE(queue.pending(), 0);
        QCOMPARE(queue.inFlight(), 0);
    }

    void sendsInTheOrderQueuedAndSkipsWhatDoesNotApply() {
        engine_->on("/v1.41/containers/json", FakeEngine::json(200, listJson(6, {2, 4})));
        for (int n = 0; n < 6; ++n)
            for (const char *verb : {"start", "stop", "restart", "kill"})
                engine_->on(actionPath(n, verb), FakeEngine::respond(204, "", ""));
        engine_->on(actionPath(5, "restart"),
                    FakeEngine::error(500, "cannot restart container: device busy"));
        Inventory inv;
        inv.addHost("h1", "h1", engine_->url().c_str(), client_);
        QVERIFY(test::waitFor([&] { return inv.containerCount() == 6; }));

        // One at a time, so that the engine sees them exactly in the queue's order.
        ContainerActionQueue queue(&inv, nullptr, 1);
        QSignalSpy started(&queue, &ContainerActionQueue::batchStarted);
        QSignalSpy finished(&queue, &ContainerActionQueue::batchFinished);
        QSignalSpy failed(&queue, &ContainerActionQueue::actionFailed);
        // 2 and 4 have exited: stopping them means nothing; starting the running 1 neither.
        QCOMPARE(queue.enqueue(Action::Stop, records(inv, {3, 2, 0, 4})), 2);
        QCOMPARE(queue.enqueue(Action::Start, records(inv, {4, 1, 2})), 2);
        QCOMPARE(queue.enqueue(Action::Restart, records(inv, {5, 1})), 2);
        QCOMPARE(queue.enqueue(Action::Kill, records(inv, {0})), 1);
        QCOMPARE(queue.inFlight(), 1);
        QCOMPARE(queue.pending(), 7);
        QCOMPARE(started.size(), 1); // one batch: the queue was busy for the later clicks

        QVERIFY(test::waitFor([&] { return finished.size() == 1; }));
        QCOMPARE(actionsReceived(), (QStringList{"stop 3", "stop 0", "start 4", "start 2",
                                                 "restart 5", "restart 1", "kill 0"}));
        QCOMPARE(finished.first().at(0).toInt(), 1);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().at(0).value<Action>(), Action::Restart);
        QCOMPARE(failed.first().at(1).toString(), QStringLiteral("split-c5"));
        QCOMPARE(failed.first().at(2).toString(), QStringLiteral("h1"));
        QCOMPARE(failed.first().at(3).toString(),
                 QStringLiteral("cannot restart container: device busy"));

        // Idle again: the next click is a new batch, with its own count.
        QCOMPARE(queue.enqueue(Action::Start, records(inv, {1})), 0);
        QCOMPARE(started.size(), 1);
        QCOMPARE(queue.enqueue(Action::Kill, records(inv, {3})), 1);
        QCOMPARE(started.size(), 2);
        QVERIFY(test::waitFor([&] { return finished.size() == 2; }));
        QCOMPARE(finished.at(1).at(0).toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestContainerActionQueueFake)
#include "tst_containeractionqueue_fake.moc"
