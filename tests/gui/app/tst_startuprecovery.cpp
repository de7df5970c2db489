// The GUI session's start-up recovery runs after the hosts have answered, not before: against a
// scripted engine whose /info takes 2.5 s (so the host stays "connecting" that long while its
// container lists answer at once), the first recovery finishes only once the host is up, and it
// did list the host's deployed containers. A recovery that ran at once would have judged the
// fleet while the host was still connecting.
#include "app/slipway/session.h"
#include "core/deploy/deployer.h"
#include "core/fleet/hostmonitor.h"
#include "core/store/storethread.h"
#include "tests/support/fakeengine.h"
#include "tests/support/guitestbase.h"
#include "tests/support/testdata.h"
#include "tests/support/testenv.h"

#include <QtTest>

using namespace slipway;
using State = core::HostStatus::State;

namespace {

QByteArray recorded(const char *name) {
    return test::requireData(QStringLiteral("recorded/") + QLatin1String(name));
}

} // namespace

class TestStartupRecovery : public test::GuiTestBase {
    Q_OBJECT

private slots:
    void recoversAfterTheHostsAnswer() {
        test::FakeEngine engine;
        QVERIFY2(engine.listening(), engine.errorString().c_str());
        auto ping = test::FakeEngine::respond(200, "OK", "text/plain");
        ping.headers.emplace_back("Api-Version", "1.41");
        engine.on("/_ping", ping);
        engine.on("/v1.41/version",
                  test::FakeEngine::json(200, recorded("version.json").toStdString()));
        auto slowInfo = test::FakeEngine::json(200, recorded("info.json").toStdString());
        slowInfo.delay = std::chrono::milliseconds(2500);
        engine.on("/v1.41/info", slowInfo);
        engine.on("/v1.41/containers/json", test::FakeEngine::json(200, "[]"));
        auto events = test::FakeEngine::stream({}, {});
        events.ending = test::FakeEngine::Reply::Ending::Stall;
        engine.on("/v1.41/events", events);

        core::HostMonitor::Options options;
        core::HostConfig host;
        host.id = QStringLiteral("cli:1");
        host.name = QStringLiteral("slow to answer");
        host.url = QString::fromStdString(engine.url());
        host.source = core::HostConfig::Source::CommandLine;
        options.overrideHosts = QList<core::HostConfig>{host};
        options.refreshInterval = std::chrono::hours(1);
        app::Session session(store(), options);

        bool recovered = false;
        bool ok = false;
        QString error;
        State stateThen = State::Connecting;
        connect(session.deployer(), &core::Deployer::finished, this,
                [&](quint64, bool good, const QString &why, const core::DeploymentRecord &) {
                    if (recovered)
                        return;
                    recovered = true;
                    ok = good;
                    error = why;
                    stateThen = session.hosts()->status(0).state;
                });
        session.start();
        QVERIFY(test::waitFor([&] { return recovered; }, std::chrono::seconds(20)));
        QCOMPARE(int(stateThen), int(State::Up));
        QVERIFY2(ok, qPrintable(error));
        bool listedDeployed = false;
        for (const auto &r : engine.received())
            listedDeployed =
                listedDeployed || (r.target.find("/containers/json") != std::string::npos &&
                                   r.target.find("slipway.deployment") != std::string::npos);
        QVERIFY(listedDeployed);
    }
};

QTEST_MAIN(TestStartupRecovery)
#include "tst_startuprecovery.moc"
