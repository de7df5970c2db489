// LogFollower against a scripted engine: a followed log that goes quiet is checked with a
// ping and kept while the engine answers; an engine that stops answering ends it, saying why.
#include "core/fleet/logfollower.h"
#include "engine/dockerclient.h"
#include "tests/support/fakeengine.h"
#include "tests/support/testdata.h"
#include "tests/support/testenv.h"

#include <QSignalSpy>
#include <QtTest>

using namespace slipway;
using core::LogFollower;
using test::FakeEngine;

namespace {

FakeEngine::Reply ping() {
    auto reply = FakeEngine::respond(200, "OK", "text/plain");
    reply.headers.emplace_back("Api-Version", "1.41");
    return reply;
}

// One stdout frame of the multiplexed stream a container without a TTY has.
std::string stdoutFrame(const std::string &text) {
    std::string frame = {1, 0, 0, 0};
    const auto n = std::uint32_t(text.size());
    frame += char(n >> 24);
    frame += char((n >> 16) & 0xff);
    frame += char((n >> 8) & 0xff);
    frame += char(n & 0xff);
    return frame + text;
}

} // namespace

class TestLogFollowerFake : public QObject {
    Q_OBJECT

    std::unique_ptr<FakeEngine> engine_;
    std::shared_ptr<engine::DockerClient> client_;

    std::unique_ptr<LogFollower> follower() {
        LogFollower::Options o;
        o.quietCheck = std::chrono::milliseconds(200);
        o.pingTimeout = std::chrono::milliseconds(300);
        auto client = client_;
        return std::make_unique<LogFollower>([client](const QString &) { return client; }, o);
    }

private slots:
    void init() {
        engine_ = std::make_unique<FakeEngine>();
        QVERIFY2(engine_->listening(), engine_->errorString().c_str());
        engine_->on("/_ping", ping());
        engine_->on("/v1.41/containers/c1/json",
                    FakeEngine::json(
                        200, test::requireData("recorded/container_inspect.json").toStdString()));
        // One line, then a stream that stays open and says nothing, as a quiet container's.
        auto logs = FakeEngine::stream({stdoutFrame("2026-11-27T08:51:07.000000000Z hello\n")});
        logs.ending = FakeEngine::Reply::Ending::Stall;
        engine_->on("/v1.41/containers/c1/logs", logs);
        client_ =
            std::make_shared<engine::DockerClient>(engine::Endpoint::parse(engine_->url()).value());
    }

    void cleanup() {
        if (engine_)
            engine_->stop();
        client_.reset();
        engine_.reset();
    }

    void aQuietLogIsPingedNotDropped() {
        auto f = follower();
        f->follow("h1", "c1");
        QVERIFY(test::waitFor([&] { return f->lines().size() == 1; }));
        QVERIFY(test::waitFor([&] { return f->pingCount() >= 3; }));
        QCOMPARE(f->state(), LogFollower::State::Following);
        QCOMPARE(engine_->hits("/v1.41/containers/c1/logs"), 1);
        QCOMPARE(f->lines().front().text, QStringLiteral("hello"));
    }

    void aQuietLogOfAStalledEngineEndsSayingWhy() {
        auto f = follower();
        f->follow("h1", "c1");
        QVERIFY(test::waitFor([&] { return f->lines().size() == 1; }));
        engine_->on("/_ping", FakeEngine::stall());
        QVERIFY(test::waitFor([&] { return f->state() == LogFollower::State::Failed; }));
        QVERIFY2(f->error().contains(QStringLiteral("stopped answering")) &&
                     f->error().contains(QStringLiteral("/_ping")),
                 qPrintable(f->error()));
        QCOMPARE(f->lines().size(), std::size_t(1)); // what was read stays
    }
};

QTEST_GUILESS_MAIN(TestLogFollowerFake)
#include "tst_logfollower_fake.moc"
