// ServiceWait against the scripted FakeEngine: each Compose condition met, failed (with the
// health check's words or the exit code) or timed out, and a cancel ends the wait.
#include "core/environments/servicewait.h"
#include "engine/dockerclient.h"
#include "tests/support/fakeengine.h"

#include <QtTest>

using namespace slipway;
using namespace slipway::core::env;
using test::FakeEngine;

namespace {

std::string inspect(const std::string &state) {
    return R"({"Id":"c1","Name":"/shop_db_1","State":)" + state + R"(,"Config":{}})";
}

const char *kRunning = R"({"Status":"running","Running":true,"StartedAt":"2026-12-05T00:00:00Z"})";
const char *kHealthy = R"({"Status":"running","Running":true,"StartedAt":"2026-12-05T00:00:00Z",
    "Health":{"Status":"healthy","Log":[]}})";
const char *kUnhealthy = R"({"Status":"running","Running":true,"StartedAt":"2026-12-05T00:00:00Z",
    "Health":{"Status":"unhealthy","Log":[{"ExitCode":1,"Output":"no route to db\n"}]}})";
const char *kStarting = R"({"Status":"running","Running":true,"StartedAt":"2026-12-05T00:00:00Z",
    "Health":{"Status":"starting","Log":[]}})";
const char *kExited0 = R"({"Status":"exited","ExitCode":0,"StartedAt":"2026-12-05T00:00:00Z"})";
const char *kExited3 = R"({"Status":"exited","ExitCode":3,"StartedAt":"2026-12-05T00:00:00Z"})";

} // namespace

class TestServiceWait : public QObject {
    Q_OBJECT

    std::unique_ptr<FakeEngine> fake_;
    std::unique_ptr<engine::DockerClient> client_;
    std::atomic<bool> cancelled_{false};

    ServiceWait::Outcome wait(const char *state, ServiceWait::Goal goal, QString *why,
                              std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
        fake_->on("/v1.41/containers/c1/json", FakeEngine::json(200, inspect(state)));
        return ServiceWait::wait(*client_, "c1", QStringLiteral("shop_db_1"), goal, timeout,
                                 cancelled_, why);
    }

private slots:
    void init() {
        fake_ = std::make_unique<FakeEngine>();
        QVERIFY(fake_->listening());
        auto ping = FakeEngine::respond(200, "OK", "text/plain");
        ping.headers.emplace_back("Api-Version", "1.41");
        fake_->on("/_ping", ping);
        client_ =
            std::make_unique<engine::DockerClient>(engine::Endpoint::parse(fake_->url()).value());
        cancelled_ = false;
    }

    void cleanup() {
        client_.reset();
        fake_.reset();
    }

    void conditionsMet() {
        QString why;
        QCOMPARE(wait(kRunning, ServiceWait::Goal::Started, &why), ServiceWait::Outcome::Met);
        QCOMPARE(wait(kExited0, ServiceWait::Goal::Started, &why), ServiceWait::Outcome::Met);
        QCOMPARE(wait(kHealthy, ServiceWait::Goal::Healthy, &why), ServiceWait::Outcome::Met);
        QCOMPARE(wait(kExited0, ServiceWait::Goal::Completed, &why), ServiceWait::Outcome::Met);
    }

    void conditionsFailed() {
        QString why;
        QCOMPARE(wait(kUnhealthy, ServiceWait::Goal::Healthy, &why), ServiceWait::Outcome::Failed);
        QVERIFY2(why.contains("shop_db_1 is unhealthy: no route to db"), qPrintable(why));
        QCOMPARE(wait(kExited3, ServiceWait::Goal::Completed, &why), ServiceWait::Outcome::Failed);
        QVERIFY2(why.contains("code 3"), qPrintable(why));
        QCOMPARE(wait(kExited3, ServiceWait::Goal::Started, &why), ServiceWait::Outcome::Failed);
        QCOMPARE(wait(kExited3, ServiceWait::Goal::Healthy, &why), ServiceWait::Outcome::Failed);
        QCOMPARE(wait(kRunning, ServiceWait::Goal::Healthy, &why), ServiceWait::Outcome::Failed);
        QVERIFY2(why.contains("no health check"), qPrintable(why));

        fake_->on("/v1.41/containers/c1/json", FakeEngine::error(404, "No such container: c1"));
        QCOMPARE(ServiceWait::wait(*client_, "c1", "shop_db_1", ServiceWait::Goal::Started,
                                   std::chrono::seconds(5), cancelled_, &why),
                 ServiceWait::Outcome::Failed);
        QVERIFY2(why.contains("No such container: c1"), qPrintable(why));
    }

    void deadlineAndCancel() {
        QString why;
        QCOMPARE(wait(kStarting, ServiceWait::Goal::Healthy, &why, std::chrono::milliseconds(300)),
                 ServiceWait::Outcome::Failed);
        QVERIFY2(why.contains("not healthy within"), qPrintable(why));
        QCOMPARE(wait(kRunning, ServiceWait::Goal::Completed, &why, std::chrono::milliseconds(300)),
                 ServiceWait::Outcome::Failed);
        cancelled_ = true;
        QCOMPARE(wait(kStarting, ServiceWait::Goal::Healthy, &why),
                 ServiceWait::Outcome::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TestServiceWait)
#include "tst_servicewait.moc"
