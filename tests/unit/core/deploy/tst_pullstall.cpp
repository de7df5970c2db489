// RolloutSteps' pull against a scripted engine: a pull stream that starts and then goes silent
// fails after the stall bound with that reason and its request is cancelled (the connection
// closes); a cancel ends a pull that is still talking at once; an image the host lacks under
// the pull policy "never" is refused without a pull.
#include "core/base/cancellation.h"
#include "core/deploy/rolloutsteps.h"
#include "engine/dockerclient.h"
#include "tests/support/fakeengine.h"

#include <QtTest>
#include <thread>

using namespace slipway;
using namespace std::chrono_literals;

class TestPullStall : public QObject {
    Q_OBJECT

    std::unique_ptr<test::FakeEngine> engine_;
    core::DeployHost host_;

    static std::string progress(const char *status) {
        return std::string("{\"status\":\"") + status + "\",\"id\":\"aaaaaaaaaaaa\"}\n";
    }

private slots:
    void init() {
        engine_ = std::make_unique<test::FakeEngine>();
        QVERIFY2(engine_->listening(), engine_->errorString().c_str());
        auto ping = test::FakeEngine::respond(200, "OK", "text/plain");
        ping.headers.emplace_back("Api-Version", "1.41");
        engine_->on("/_ping", ping);
        // Every other path (the image's inspect too) is the engine's 404: the image is missing.
        host_ = {
            QStringLiteral("fake"), QStringLiteral("fake host"),
            QString::fromStdString(engine_->url()),
            std::make_shared<engine::DockerClient>(engine::Endpoint::parse(engine_->url()).value()),
            true};
    }

    void cleanup() {
        host_ = {};
        engine_.reset();
    }

    void stalledPullFailsAndIsCancelled() {
        auto reply = test::FakeEngine::stream({progress("Pulling fs layer")});
        reply.ending = test::FakeEngine::Reply::Ending::Stall;
        engine_->on("/v1.41/images/create", reply);
        core::PullOptions options;
        options.stallTimeout = 500ms;
        QString error;
        const auto pin = core::RolloutSteps::resolveImage(
            host_, QStringLiteral("registry.local:5000/shop/web:1.0"), options, {}, &error);
        QVERIFY(!pin);
        QCOMPARE(error, QStringLiteral("pulling registry.local:5000/shop/web:1.0 on fake host "
                                       "stalled: no progress for 0.5 s"));
        QCOMPARE(engine_->hits("/v1.41/images/create"), 1);
        // The request was cancelled: the engine sees its connection go.
        QTRY_COMPARE_WITH_TIMEOUT(engine_->openConnections(), 0, 5000);
    }

    void progressKeepsAPullAlive() {
        // Messages every 200 ms for a second: never 500 ms of silence, so it completes.
        std::vector<std::string> chunks(5, progress("Downloading"));
        engine_->on("/v1.41/images/create", test::FakeEngine::stream(chunks, 200ms));
        engine_->on("/v1.41/images/registry.local%3A5000%2Fshop%2Fweb%3A1.0/json",
                    test::FakeEngine::json(200, "{\"Id\":\"sha256:" + std::string(64, 'a') +
                                                    "\",\"RepoDigests\":[]}"));
        core::PullOptions options;
        options.policy = core::PullPolicy::Always;
        options.stallTimeout = 500ms;
        QString error;
        const auto pin = core::RolloutSteps::resolveImage(
            host_, QStringLiteral("registry.local:5000/shop/web:1.0"), options, {}, &error);
        QVERIFY2(pin, qPrintable(error));
        // No digest for its repository: pinned by the image's ID.
        QVERIFY(pin->byId);
        QCOMPARE(pin->digest, QStringLiteral("sha256:") + QString(64, u'a'));
    }

    void cancelEndsAPullAtOnce() {
        std::vector<std::string> chunks(100, progress("Downloading"));
        engine_->on("/v1.41/images/create", test::FakeEngine::stream(chunks, 200ms));
        core::Cancellation cancel;
        core::PullOptions options;
        options.cancel = &cancel;
        // Cancelled once the pull is under way (bounded: a pull that never starts is not held).
        std::thread canceller([&] {
            const auto deadline = std::chrono::steady_clock::now() + 10s;
            while (engine_->hits("/v1.41/images/create") == 0 &&
                   std::chrono::steady_clock::now() < deadline)
                std::this_thread::sleep_for(10ms);
            cancel.cancel(QStringLiteral("Cancelled by the user"));
        });
        QString error;
        const auto pin = core::RolloutSteps::resolveImage(
            host_, QStringLiteral("registry.local:5000/shop/web:1.0"), options, {}, &error);
        canceller.join();
        QVERIFY(!pin);
        QCOMPARE(error, QStringLiteral("Cancelled by the user"));
        QTRY_COMPARE_WITH_TIMEOUT(engine_->openConnections(), 0, 5000);
    }

    void neverDoesNotPull() {
        core::PullOptions options;
        options.policy = core::PullPolicy::Never;
        QString error;
        const auto pin = core::RolloutSteps::resolveImage(
            host_, QStringLiteral("registry.local:5000/shop/web:1.0"), options, {}, &error);
        QVERIFY(!pin);
        QVERIFY2(error.contains(QStringLiteral("registry.local:5000/shop/web:1.0")) &&
                     error.contains(QStringLiteral("fake host")) && error.contains("never"),
                 qPrintable(error));
        QCOMPARE(engine_->hits("/v1.41/images/create"), 0);
    }
};

QTEST_GUILESS_MAIN(TestPullStall)
#include "tst_pullstall.moc"
