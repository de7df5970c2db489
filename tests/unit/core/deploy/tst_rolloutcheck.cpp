// RolloutCheck against a scripted engine: what runs is checked before a change records success
// (a replica the engine restarted is "starting" again, a gone one fails, a silent engine is
// lost, the count must match), and giving the old version back stops and removes the new
// replicas once the old ones run, or keeps the new ones when no old one runs again.
#include "core/deploy/rolloutcheck.h"
#include "engine/dockerclient.h"
#include "tests/support/fakeengine.h"

#include <QtTest>

using namespace slipway;
using namespace std::chrono_literals;

namespace {

std::string inspect(const std::string &id, bool running, const std::string &health = {},
                    int lastCheckExit = 0) {
    std::string state = std::string("{\"Status\":\"") + (running ? "running" : "exited") +
                        "\",\"Running\":" + (running ? "true" : "false") + ",\"ExitCode\":0";
    if (!health.empty())
        state += ",\"Health\":{\"Status\":\"" + health +
                 "\",\"FailingStreak\":0,\"Log\":[{\"ExitCode\":" + std::to_string(lastCheckExit) +
                 ",\"Output\":\"\"}]}";
    state += "}";
    return "{\"Id\":\"" + id + "\",\"Name\":\"/" + id + "\",\"State\":" + state +
           ",\"Config\":{\"Labels\":{}},\"NetworkSettings\":{\"Ports\":{}}}";
}

} // namespace

class TestRolloutCheck : public QObject {
    Q_OBJECT

    std::unique_ptr<test::FakeEngine> engine_;
    core::DeployHost host_;

    core::RolloutCheck::Target target(const char *id) const {
        return {host_, QString::fromLatin1(id), QStringLiteral("app-%1").arg(QLatin1String(id))};
    }

    void container(const std::string &id, bool running, const std::string &health = {},
                   int lastCheckExit = 0) {
        engine_->on("/v1.41/containers/" + id + "/json",
                    test::FakeEngine::json(200, inspect(id, running, health, lastCheckExit)));
    }

private slots:
    void init() {
        engine_ = std::make_unique<test::FakeEngine>();
        QVERIFY2(engine_->listening(), engine_->errorString().c_str());
        auto ping = test::FakeEngine::respond(200, "OK", "text/plain");
        ping.headers.emplace_back("Api-Version", "1.41");
        engine_->on("/_ping", ping);
        host_ = {};
        host_.id = QStringLiteral("fake");
        host_.name = QStringLiteral("fake host");
        host_.url = QString::fromStdString(engine_->url());
        host_.client =
            std::make_shared<engine::DockerClient>(engine::Endpoint::parse(engine_->url()).value());
        host_.local = true;
    }

    void cleanup() {
        host_ = {};
        engine_.reset();
    }

    void runningAndHealthyPass() {
        container("a", true, "healthy");
        container("b", true); // no health check
        QString why;
        QCOMPARE(core::RolloutCheck::verify({target("a"), target("b")}, 2, &why),
                 core::RolloutCheck::Outcome::Running);
    }

    // After an engine restart a replica that was healthy is "starting" again.
    void restartedReplicaFails() {
        container("a", true, "healthy");
        container("b", true, "starting");
        QString why;
        QCOMPARE(core::RolloutCheck::verify({target("a"), target("b")}, 2, &why),
                 core::RolloutCheck::Outcome::Failed);
        QVERIFY2(why.contains(QStringLiteral("app-b")) && why.contains(QStringLiteral("starting")),
                 qPrintable(why));
    }

    // A check cut off at its timeout on a busy host is no failure; a failing one is.
    void unhealthyOnlyWhenTheCheckFails() {
        container("a", true, "unhealthy", -1);
        QString why;
        QCOMPARE(core::RolloutCheck::verify({target("a")}, 1, &why),
                 core::RolloutCheck::Outcome::Running);
        container("a", true, "unhealthy", 1);
        QCOMPARE(core::RolloutCheck::verify({target("a")}, 1, &why),
                 core::RolloutCheck::Outcome::Failed);
        QVERIFY2(why.contains(QStringLiteral("unhealthy")), qPrintable(why));
    }

    void stoppedOrGoneReplicaFails() {
        container("a", false);
        QString why;
        QCOMPARE(core::RolloutCheck::verify({target("a")}, 1, &why),
                 core::RolloutCheck::Outcome::Failed);
        QVERIFY2(why.contains(QStringLiteral("not running")), qPrintable(why));
        QCOMPARE(core::RolloutCheck::verify({target("gone")}, 1, &why),
                 core::RolloutCheck::Outcome::Failed);
        QVERIFY2(why.contains(QStringLiteral("gone")), qPrintable(why));
    }

    void countMustMatchTheRecord() {
        container("a", true, "healthy");
        QString why;
        QCOMPARE(core::RolloutCheck::verify({target("a")}, 2, &why),
                 core::RolloutCheck::Outcome::Failed);
        QVERIFY2(why.contains(QStringLiteral("1 of 2")), qPrintable(why));
    }

    void silentEngineIsLost() {
        container("a", true, "healthy");
        engine_->stop();
        QString why;
        QCOMPARE(core::RolloutCheck::verify({target("a")}, 1, &why),
                 core::RolloutCheck::Outcome::EngineLost);
        QVERIFY(!core::RolloutCheck::waitForEngines({host_}, 500ms, &why));
        QVERIFY2(why.contains(QStringLiteral("fake host")), qPrintable(why));
    }

    void giveBackRemovesTheNewOnesOnceTheOldRun() {
        container("old", true);
        container("new", true, "healthy");
        engine_->on("/v1.41/containers/new/stop", test::FakeEngine::respond(204, {}, {}));
        engine_->on("/v1.41/containers/new", test::FakeEngine::respond(204, {}, {}));
        QString why;
        QVERIFY2(core::RolloutCheck::giveBack({target("new")}, {target("old")}, 2s, &why),
                 qPrintable(why));
        QCOMPARE(engine_->hits("/v1.41/containers/new/stop"), 1);
        QCOMPARE(engine_->hits("/v1.41/containers/new"), 1); // DELETE
        QCOMPARE(engine_->hits("/v1.41/containers/old/start"), 0);
    }

    // Stop-first after an engine restart: the old one stays stopped until started again.
    void giveBackStartsAStoppedOldOne() {
        container("old", false);
        engine_->on("/v1.41/containers/old/start", test::FakeEngine::respond(204, {}, {}));
        engine_->on("/v1.41/containers/new/stop", test::FakeEngine::respond(204, {}, {}));
        engine_->on("/v1.41/containers/new", test::FakeEngine::respond(204, {}, {}));
        // The scripted inspect does not change: the old one never runs, so the new one must
        // stay, started again, and nothing is removed.
        engine_->on("/v1.41/containers/new/start", test::FakeEngine::respond(204, {}, {}));
        QString why;
        QVERIFY(!core::RolloutCheck::giveBack({target("new")}, {target("old")}, 1s, &why));
        QVERIFY(engine_->hits("/v1.41/containers/old/start") >= 1);
        QCOMPARE(engine_->hits("/v1.41/containers/new/start"), 1);
        QCOMPARE(engine_->hits("/v1.41/containers/new"), 0);
        QVERIFY2(why.contains(QStringLiteral("did not start again")), qPrintable(why));
    }
};

QTEST_GUILESS_MAIN(TestRolloutCheck)
#include "tst_rolloutcheck.moc"
