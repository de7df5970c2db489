// The engine restarted in the middle of a change made by the real slipctl (issue #12): the
// change is not recorded "ok", its new replicas are gone and the old version serves, whole.
// Start-first over two replicas, and stop-first on a fixed host port of 127.0.0.1; and a new
// replica that stops after its health wait saw it healthy (the record said "ok"). The test
// kills dockerd (the pid file scripts/common.sh names) and starts it again with
// scripts/engine.sh (SLIPWAY_TEST_ENGINE_SCRIPT), in its own environment: the SLIPWAY_DEV_*
// variables pick which copy of the engine that is, the default one when none is set.
#include "tests/support/slipctlrun.h"
#include "tests/support/testenv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace slipway;

namespace {

// Fails once, then passes: a new replica stays "starting" a few seconds, long enough for the
// engine to be restarted while the change waits for it.
const char *kSlowHealth = "sleep 2; test -f /tmp/seen && wget -q -O /dev/null "
                          "http://127.0.0.1:8080/health; r=$?; touch /tmp/seen; exit $r";

// A port of 127.0.0.1 that nothing listens on now; 0 when none could be had.
int freePort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return 0;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len) == 0)
        port = ntohs(addr.sin_port);
    ::close(fd);
    return port;
}

} // namespace

class TestRestartMidChange : public QObject {
    Q_OBJECT

    QTemporaryDir home_;
    std::unique_ptr<engine::DockerClient> client_;
    QStringList apps_;

    QStringList common() const {
        return {QStringLiteral("--host"), test::dockerHost(), QStringLiteral("--data-dir"),
                home_.filePath(QStringLiteral("data"))};
    }

    test::SlipctlRun slipctl(const QStringList &args) {
        return test::runSlipctl(args + common(), home_.path(), {}, std::chrono::seconds(180));
    }

    QString image(const char *tag) const {
        return test::registry() + QStringLiteral("/slipway/web:") + QLatin1String(tag);
    }

    std::vector<engine::ContainerSummary> containers(const QString &app, bool all = true) {
        engine::Filters f;
        f["label"] = {"slipway.app=" + app.toStdString()};
        auto r = client_->containers(all, f).wait();
        return r ? r.value() : std::vector<engine::ContainerSummary>{};
    }

    static QString version(const engine::ContainerSummary &c) {
        const auto it = c.labels.find("slipway.version");
        return it == c.labels.end() ? QString() : QString::fromStdString(it->second);
    }

    // "version:state" of every container of `app`, sorted.
    QStringList states(const QString &app) {
        QStringList out;
        for (const auto &c : containers(app))
            out.append(version(c) + QLatin1Char(':') + QString::fromStdString(c.state));
        out.sort();
        return out;
    }

    static bool engineScript(const QString &action, QByteArray *output) {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        const QString script = qEnvironmentVariable(
            "SLIPWAY_TEST_ENGINE_SCRIPT", QStringLiteral(SLIPWAY_SOURCE_DIR "/scripts/engine.sh"));
        p.start(QStringLiteral("bash"), {script, action}); // inherits SLIPWAY_DEV_*
        const bool finished = p.waitForFinished(180000);   // bounded: a hang fails the test
        if (!finished)
            p.kill();
        *output += p.readAll();
        return finished && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    }

    // Restarts the engine as a crash does: dockerd killed at once (no container is stopped
    // through it), away longer than the health wait's 3 s of patience, then started again; its
    // restore starts again what ran and was not stopped on purpose.
    bool restartEngine(QByteArray *output) {
        QProcess kill;
        kill.setProcessChannelMode(QProcess::MergedChannels);
        kill.start(
            QStringLiteral("bash"),
            {QStringLiteral("-c"),
             QStringLiteral("source \"$1\" && kill -KILL \"$(cat \"$ENGINE_PIDFILE\")\""),
             QStringLiteral("restart"),
             QStringLiteral(SLIPWAY_SOURCE_DIR "/scripts/common.sh")}); // inherits SLIPWAY_DEV_*
        const bool killed = kill.waitForFinished(30000) && kill.exitCode() == 0;
        *output += kill.readAll();
        if (!killed)
            return false;
        QThread::sleep(5);
        const bool started = engineScript(QStringLiteral("start"), output);
        return started && test::waitFor([&] { return bool(client_->ping().wait()); },
                                        std::chrono::seconds(60));
    }

    // Runs `args` in the background and calls `midway` once `replicas` running containers of
    // `app` at `newVersion` show up: the change then waits for them to be healthy. `done`:
    // what `midway` returned (false when it was never called).
    test::SlipctlRun during(const QString &app, const QString &newVersion, int replicas,
                            const QStringList &args, const std::function<bool()> &midway,
                            bool *done) {
        QProcess p;
        p.setProcessEnvironment(test::cleanEnvironment(home_.path()));
        p.start(QStringLiteral(SLIPWAY_SLIPCTL), args + common());
        *done = false;
        const bool seen = test::waitFor(
            [&] {
                int running = 0;
                for (const auto &c : containers(app, false))
                    running += version(c) == newVersion;
                return running == replicas || p.state() == QProcess::NotRunning;
            },
            std::chrono::seconds(90));
        if (seen && p.state() != QProcess::NotRunning)
            *done = midway();
        test::SlipctlRun r;
        r.finished = p.waitForFinished(240000); // bounded: a hang fails the test
        if (!r.finished)
            p.kill();
        r.exitCode = p.exitCode();
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

    test::SlipctlRun interrupted(const QString &app, const QString &newVersion, int replicas,
                                 const QStringList &args, bool *restarted) {
        return during(
            app, newVersion, replicas, args,
            [&] {
                QByteArray output;
                const bool ok = restartEngine(&output);
                if (!ok)
                    qWarning("engine.sh: %s", output.constData());
                return ok;
            },
            restarted);
    }

    // Runs `cmd` in container `id` and waits (bounded) for it to end; true when it exited 0.
    bool exec(const std::string &id, const std::vector<std::string> &cmd) {
        auto created = client_->createExec(id, cmd).wait();
        if (!created || !client_->startExec(created.value()).wait())
            return false;
        bool ok = false;
        test::waitFor(
            [&] {
                auto state = client_->inspectExec(created.value()).wait();
                ok = state && !state.value().running && state.value().exitCode == 0;
                return !state || !state.value().running;
            },
            std::chrono::seconds(10));
        return ok;
    }

    std::string health(const std::string &id) {
        auto r = client_->inspectContainer(id).wait();
        return r && r.value().state.health ? r.value().state.health->status : std::string();
    }

    // The newest record of app/ci as `slipctl history --json` shows it.
    QJsonObject newest(const QString &app) {
        const auto r = slipctl({QStringLiteral("history"), app, QStringLiteral("--env"),
                                QStringLiteral("ci"), QStringLiteral("--json")});
        const QJsonArray all = QJsonDocument::fromJson(r.out).array();
        QJsonObject best;
        for (const QJsonValue &v : all)
            if (v.toObject().value(QStringLiteral("id")).toInteger() >
                best.value(QStringLiteral("id")).toInteger())
                best = v.toObject();
        return best;
    }

    static QString get(int port) {
        QProcess curl;
        curl.start(QStringLiteral("curl"),
                   {QStringLiteral("-sf"), QStringLiteral("-m"), QStringLiteral("5"),
                    QStringLiteral("http://127.0.0.1:%1/version").arg(port)});
        if (!curl.waitForFinished(10000))
            curl.kill();
        return QString::fromUtf8(curl.readAllStandardOutput()).trimmed();
    }

private slots:
    void initTestCase() {
        if (test::dockerHost().isEmpty() || test::registry().isEmpty())
            QFAIL(test::missingServicesMessage().constData());
        QVERIFY(home_.isValid());
        client_ = test::makeClient();
    }

    void cleanupTestCase() {
        if (!client_)
            return;
        for (const QString &app : std::as_const(apps_))
            for (const auto &c : containers(app))
                (void)client_->removeContainer(c.id, true).wait();
    }

    // Start-first over two running replicas: the new ones are removed once the engine is
    // back, and the old ones (brought back by their restart policy) serve.
    void startFirstKeepsTheOldVersion() {
        const QString app = QString::fromStdString(test::uniqueName("restart-sf"));
        apps_.append(app);
        auto r = slipctl({"deploy", app, "--env", "ci", "--image", image("1.0.0"), "--replicas",
                          "2", "--publish", "0:8080", "--undo-window", "1"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(states(app), QStringList(2, QStringLiteral("1.0.0:running")));

        bool restarted = false;
        r = interrupted(app, QStringLiteral("1.1.0"), 2,
                        {"deploy", app, "--env", "ci", "--image", image("1.1.0"), "--replicas", "2",
                         "--publish", "0:8080", "--health-cmd", kSlowHealth, "--health-timeout",
                         "60", "--undo-window", "1"},
                        &restarted);
        QVERIFY2(restarted, "the engine was not restarted during the change");
        QVERIFY2(r.finished, "slipctl deploy never finished");
        QVERIFY2(r.exitCode != 0, r.err.constData());

        // Looked at before any other slipctl run: its recovery would hide a leftover.
        QVERIFY2(test::waitFor(
                     [&] { return states(app) == QStringList(2, QStringLiteral("1.0.0:running")); },
                     std::chrono::seconds(30)),
                 qPrintable(states(app).join(QLatin1Char(' '))));
        const QJsonObject last = newest(app);
        QCOMPARE(last.value(QStringLiteral("version")).toString(), QStringLiteral("1.1.0"));
        QVERIFY2(last.value(QStringLiteral("result")).toString() != QStringLiteral("ok"),
                 qPrintable(last.value(QStringLiteral("detail")).toString()));
    }

    // Stop-first on a fixed 127.0.0.1 port: the engine comes back with the new replica running
    // (unless-stopped) and the old one stopped (Slipway stopped it); the old one serves again.
    void stopFirstEndsWithOneVersion() {
        const QString app = QString::fromStdString(test::uniqueName("restart-st"));
        apps_.append(app);
        const int port = freePort();
        QVERIFY(port > 0);
        const QString publish = QStringLiteral("127.0.0.1:%1:8080").arg(port);
        auto r = slipctl({"deploy", app, "--env", "ci", "--image", image("1.0.0"), "--replicas",
                          "1", "--publish", publish, "--undo-window", "1"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(get(port), QStringLiteral("1.0.0"));

        bool restarted = false;
        r = interrupted(app, QStringLiteral("1.1.0"), 1,
                        {"deploy", app, "--env", "ci", "--image", image("1.1.0"), "--replicas", "1",
                         "--publish", publish, "--health-cmd", kSlowHealth, "--health-timeout",
                         "60", "--undo-window", "1"},
                        &restarted);
        QVERIFY2(restarted, "the engine was not restarted during the change");
        QVERIFY2(r.finished, "slipctl deploy never finished");
        QVERIFY2(r.exitCode != 0, r.err.constData());

        // One whole version: the old one, running and answering on the fixed port.
        QVERIFY2(test::waitFor(
                     [&] { return states(app) == QStringList{QStringLiteral("1.0.0:running")}; },
                     std::chrono::seconds(30)),
                 qPrintable(states(app).join(QLatin1Char(' '))));
        QVERIFY(test::waitFor([&] { return get(port) == QStringLiteral("1.0.0"); },
                              std::chrono::seconds(20)));
        const QJsonObject last = newest(app);
        QCOMPARE(last.value(QStringLiteral("version")).toString(), QStringLiteral("1.1.0"));
        QVERIFY2(last.value(QStringLiteral("result")).toString() != QStringLiteral("ok"),
                 qPrintable(last.value(QStringLiteral("detail")).toString()));
    }

    // The "1/2 beside healthy": one new replica stops after the health wait saw it
    // healthy, and the other turns healthy after that. The change must look again before it
    // records success, fail, and leave the old version serving.
    void replicaStoppedAfterItsHealthWaitFailsTheChange() {
        const QString app = QString::fromStdString(test::uniqueName("restart-gone"));
        apps_.append(app);
        auto r = slipctl({"deploy", app, "--env", "ci", "--image", image("1.0.0"), "--replicas",
                          "2", "--publish", "0:8080", "--undo-window", "1"});
        QVERIFY2(r.exitCode == 0, r.err.constData());

        // Healthy only once the test says so; until then each check runs into its timeout,
        // which the health wait sits out.
        const char *gated = "test -f /tmp/go && wget -q -O /dev/null "
                            "http://127.0.0.1:8080/health || sleep 10";
        QString problem;
        const auto midway = [&] {
            std::vector<std::string> ids;
            for (const auto &c : containers(app, false))
                if (version(c) == QStringLiteral("1.1.0"))
                    ids.push_back(c.id);
            if (ids.size() != 2 || !exec(ids[0], {"touch", "/tmp/go"})) {
                problem = QStringLiteral("could not let the first new replica turn healthy");
                return false;
            }
            if (!test::waitFor([&] { return health(ids[0]) == "healthy"; },
                               std::chrono::seconds(30))) {
                problem = QStringLiteral("the first new replica never turned healthy");
                return false;
            }
            QThread::msleep(1500); // the health wait polls every 200 ms: it has seen it now
            if (!client_->stopContainer(ids[0], 1).wait()) {
                problem = QStringLiteral("could not stop the first new replica");
                return false;
            }
            // Only lets the deploy end sooner: a deploy that already saw the stop has removed
            // the second replica, so this may fail, and the change fails either way.
            exec(ids[1], {"touch", "/tmp/go"});
            return true;
        };
        bool done = false;
        r = during(app, QStringLiteral("1.1.0"), 2,
                   {"deploy", app, "--env", "ci", "--image", image("1.1.0"), "--replicas", "2",
                    "--publish", "0:8080", "--health-cmd", gated, "--health-timeout", "60",
                    "--undo-window", "1"},
                   midway, &done);
        QVERIFY2(done, qPrintable(problem));
        QVERIFY2(r.finished, "slipctl deploy never finished");
        QVERIFY2(r.exitCode != 0, "the deploy succeeded with one of its two replicas stopped");

        QVERIFY2(test::waitFor(
                     [&] { return states(app) == QStringList(2, QStringLiteral("1.0.0:running")); },
                     std::chrono::seconds(30)),
                 qPrintable(states(app).join(QLatin1Char(' '))));
        const QJsonObject last = newest(app);
        QCOMPARE(last.value(QStringLiteral("version")).toString(), QStringLiteral("1.1.0"));
        QVERIFY2(last.value(QStringLiteral("result")).toString() != QStringLiteral("ok"),
                 qPrintable(last.value(QStringLiteral("detail")).toString()));
    }
};

QTEST_GUILESS_MAIN(TestRestartMidChange)
#include "tst_restart_midchange.moc"
