// Locks between stores, as separate processes: while workstation A changes an application, B
// is refused and told who holds it; B may take the lock over (audited), and A, paused with
// SIGSTOP meanwhile, changes nothing after SIGCONT: its writes are fenced by the lock.
#include "engine/dockerclient.h"
#include "tests/support/processrun.h"
#include "tests/support/slipctlrun.h"
#include "tests/support/testenv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <signal.h>

using namespace slipway;

class TestFencing : public QObject {
    Q_OBJECT

    QTemporaryDir homeA_;
    QTemporaryDir homeB_;
    std::unique_ptr<engine::DockerClient> client_;
    QString app_;

    test::SlipctlRun slipctl(const QTemporaryDir &home, QStringList args) {
        args << QStringLiteral("--host") << test::dockerHost();
        return test::runSlipctl(args, home.path(), {}, std::chrono::seconds(180));
    }

    QString image(const char *tag) const {
        return test::registry() + QStringLiteral("/slipway/web:") + QLatin1String(tag);
    }

    // The running replicas of app_ at `version`.
    QStringList running(const char *version) {
        engine::Filters f;
        f["label"] = {"slipway.app=" + app_.toStdString(),
                      std::string("slipway.version=") + version};
        auto r = client_->containers(false, f).wait();
        QStringList ids;
        if (r)
            for (const auto &c : r.value())
                ids.append(QString::fromStdString(c.id));
        ids.sort();
        return ids;
    }

private slots:
    void initTestCase() {
        if (test::dockerHost().isEmpty() || test::registry().isEmpty())
            QFAIL(test::missingServicesMessage().constData());
        QVERIFY(homeA_.isValid() && homeB_.isValid());
        client_ = test::makeClient();
        app_ = QString::fromStdString(test::uniqueName("fence"));
    }

    void cleanupTestCase() {
        if (!client_)
            return;
        engine::Filters f;
        f["label"] = {"slipway.app=" + app_.toStdString()};
        if (auto all = client_->containers(true, f).wait())
            for (const auto &c : all.value())
                (void)client_->removeContainer(c.id, true).wait();
    }

    void pausedOwnerIsFencedAfterTakeOver() {
        auto r = slipctl(
            homeA_, {"deploy", app_, "--env", "t", "--image", image("1.0.0"), "--replicas", "2"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QStringList serving = running("1.0.0");
        QCOMPARE(serving.size(), 2);

        // A replaces them with a version whose health check takes two seconds and fails twice
        // (fewer than its three retries) before it passes: some nine seconds in which to pause
        // A in the middle of its health wait.
        QProcess a;
        a.setProcessEnvironment(test::cleanEnvironment(homeA_.path()));
        a.start(QStringLiteral(SLIPWAY_SLIPCTL),
                {"deploy", app_, "--env", "t", "--image", image("1.1.0"), "--replicas", "2",
                 "--health-timeout", "120", "--health-cmd",
                 "n=$(cat /tmp/n 2>/dev/null || echo 0); echo $((n+1)) > /tmp/n; sleep 2; "
                 "[ $n -ge 2 ]",
                 "--host", test::dockerHost()});
        QVERIFY(a.waitForStarted());
        const auto stopA = qScopeGuard([&] {
            ::kill(pid_t(a.processId()), SIGCONT);
            a.kill();
            a.waitForFinished();
        });
        QVERIFY2(
            test::waitFor([&] { return running("1.1.0").size() == 2; }, std::chrono::seconds(60)),
            a.readAllStandardError().constData());
        QCOMPARE(::kill(pid_t(a.processId()), SIGSTOP), 0);

        // B is refused while A holds the application, and told who holds it.
        r = slipctl(homeB_, {"deploy", app_, "--env", "t", "--image", image("1.2.0")});
        QVERIFY(r.finished);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("is being changed by"), r.err.constData());
        QVERIFY2(r.err.contains(QByteArray("pid ") + QByteArray::number(a.processId())),
                 r.err.constData());

        // B takes the lock over (A's heartbeat is fresh: --force), audited.
        r = slipctl(homeB_, {"takeover", app_, "--env", "t", "--yes", "--force", "--json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(QJsonDocument::fromJson(r.out).object()["takenOver"].toBool(), true);

        // A goes on, finds its lock gone at its next write, and changes nothing: the version it
        // was replacing still serves, and its record is not "ok".
        QCOMPARE(::kill(pid_t(a.processId()), SIGCONT), 0);
        QVERIFY(a.waitForFinished(150000));
        const QByteArray errA = a.readAllStandardError();
        QVERIFY2(a.exitCode() != 0, errA.constData());
        QVERIFY2(errA.contains("taken over"), errA.constData());
        QCOMPARE(running("1.0.0"), serving);

        r = slipctl(homeA_, {"history", app_, "--env", "t", "--json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonArray records = QJsonDocument::fromJson(r.out).array();
        QVERIFY2(!records.isEmpty(), r.out.constData());
        QVERIFY2(records.first().toObject()["result"].toString() != QLatin1String("ok"),
                 r.out.constData());
        // A's own next command (holding the lock again) removed what the fenced change started.
        QVERIFY(running("1.1.0").isEmpty());
        QCOMPARE(running("1.0.0"), serving);
    }

    // A slipctl killed while it drains a replica (its health check made to fail) leaves it
    // marked: the next command's recovery removes the marker, and the replica reads healthy.
    void recoveryClearsAKilledDrainsMarker() {
        const QString app = app_ + QStringLiteral("-drain");
        const auto replicas = [&] {
            engine::Filters f;
            f["label"] = {"slipway.app=" + app.toStdString()};
            auto r = client_->containers(false, f).wait();
            return r ? r.value() : std::vector<engine::ContainerSummary>{};
        };
        const auto cleanup = qScopeGuard([&] {
            engine::Filters f;
            f["label"] = {"slipway.app=" + app.toStdString()};
            if (auto all = client_->containers(true, f).wait())
                for (const auto &c : all.value())
                    (void)client_->removeContainer(c.id, true).wait();
        });
        auto r = slipctl(
            homeA_, {"deploy", app, "--env", "t", "--image", image("1.0.0"), "--replicas", "2"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(int(replicas().size()), 2);
        const auto marked = [&] {
            QStringList ids;
            // /dev/shm is a tmpfs of its own, which the archive API does not see: ask inside.
            for (const auto &c : replicas()) {
                auto exec =
                    client_->createExec(c.id, {"test", "-e", "/dev/shm/slipway-draining"}).wait();
                if (!exec || !client_->startExec(exec.value()).wait())
                    continue;
                for (int i = 0; i < 50; ++i) {
                    auto state = client_->inspectExec(exec.value()).wait();
                    if (!state || state.value().running) {
                        QTest::qWait(20);
                        continue;
                    }
                    if (state.value().exitCode == 0)
                        ids.append(QString::fromStdString(c.id));
                    break;
                }
            }
            return ids;
        };

        QProcess a;
        a.setProcessEnvironment(test::cleanEnvironment(homeA_.path()));
        a.start(QStringLiteral(SLIPWAY_SLIPCTL),
                {"scale", app, "--env", "t", "--replicas", "1", "--host", test::dockerHost()});
        QVERIFY(a.waitForStarted());
        QByteArray progress;
        QVERIFY2(test::waitFor(
                     [&] {
                         progress += a.readAllStandardError();
                         return progress.contains("Draining");
                     },
                     std::chrono::seconds(60)),
                 progress.constData());
        // Paused between looks, so that a busy machine cannot let the drain end unseen.
        bool seen = false;
        for (int i = 0; i < 100 && !seen; ++i) {
            ::kill(pid_t(a.processId()), SIGSTOP);
            seen = !marked().isEmpty();
            if (!seen) {
                ::kill(pid_t(a.processId()), SIGCONT);
                QTest::qWait(100);
            }
        }
        QVERIFY2(seen, progress.constData());
        a.kill(); // SIGKILL: no chance to clean up
        QVERIFY(a.waitForFinished());
        const QStringList left = marked();
        QVERIFY(!left.isEmpty());

        r = slipctl(homeA_, {"history", app, "--env", "t"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(marked().isEmpty(), r.err.constData());
        QCOMPARE(int(replicas().size()), 2); // the interrupted scale removed nothing
    }
};

QTEST_GUILESS_MAIN(TestFencing)
#include "tst_fencing.moc"
