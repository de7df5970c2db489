// AppLock against the private engine: mutual exclusion, release, staleness, take-over and the
// fence, in this process and across processes (tests/support/locktool, paused with SIGSTOP).
#include "core/locks/applock.h"
#include "core/locks/helperimage.h"
#include "engine/dockerclient.h"
#include "tests/support/testenv.h"

#include <QProcess>
#include <QScopeGuard>
#include <QtTest>
#include <csignal>

using namespace slipway;
using namespace slipway::core;

class TestAppLock : public QObject {
    Q_OBJECT

    std::shared_ptr<engine::DockerClient> client;
    QStringList apps; // whose lock objects cleanupTestCase removes

    DeployHost host() const {
        return {QStringLiteral("lock-engine"), QStringLiteral("lock-engine"), test::dockerHost(),
                client, true};
    }

    QString app(const char *name) {
        const QString a = QString::fromStdString(test::uniqueName(std::string("lock-") + name));
        apps.append(a);
        return a;
    }

    static LockIdentity person(const QString &store, qint64 pid) {
        return {store, QStringLiteral("lock-tester"), QStringLiteral("lock-machine-") + store, pid};
    }

    static AppLock::Options ttl(int seconds, bool heartbeat = true) {
        AppLock::Options o;
        o.ttl = std::chrono::seconds(seconds);
        o.heartbeat = heartbeat;
        return o;
    }

    bool objectExists(const QString &app, const QString &env) {
        return client->inspectContainer(AppLock::objectName(app, env).toStdString()).wait().ok();
    }

private slots:
    void initTestCase() {
        if (test::dockerHost().isEmpty())
            QFAIL(test::missingServicesMessage().constData());
        client = test::makeClient();
        QVERIFY(client);
    }

    void cleanupTestCase() {
        for (const QString &a : std::as_const(apps))
            for (const char *env : {"test", "prod", "a-b"})
                (void)client
                    ->removeContainer(
                        AppLock::objectName(a, QString::fromLatin1(env)).toStdString(), true)
                    .wait();
    }

    void namesAreUnambiguous() {
        QCOMPARE(AppLock::objectName(QStringLiteral("a-b"), QStringLiteral("c")),
                 AppLock::objectName(QStringLiteral("a-b"), QStringLiteral("c")));
        QVERIFY(AppLock::objectName(QStringLiteral("a-b"), QStringLiteral("c")) !=
                AppLock::objectName(QStringLiteral("a"), QStringLiteral("b-c")));
        QVERIFY(AppLock::objectName(QStringLiteral("a"), QStringLiteral("b"))
                    .startsWith(QStringLiteral("slipway-lock-")));
        QCOMPARE(AppLock::objectName(QStringLiteral("a"), QStringLiteral("b")).size(), 13 + 16);
    }

    void secondIsRefusedAndToldWho() {
        const QString a = app("busy");
        std::optional<LockHolder> busy;
        QString error;
        auto first = AppLock::acquire({host()}, a, QStringLiteral("test"),
                                      person(QStringLiteral("s1"), 11), ttl(30), &busy, &error);
        QVERIFY2(first, qPrintable(error));
        QCOMPARE(first->generation(), 1);
        QVERIFY(!first->token().isEmpty());
        QVERIFY(first->holds(host(), &error));

        auto second = AppLock::acquire({host()}, a, QStringLiteral("test"),
                                       person(QStringLiteral("s2"), 22), ttl(30), &busy, &error);
        QVERIFY(!second);
        QVERIFY2(busy, qPrintable(error));
        QCOMPARE(busy->who, QStringLiteral("lock-tester@lock-machine-s1 pid 11"));
        QCOMPARE(busy->storeId, QStringLiteral("s1"));
        QCOMPARE(busy->machine, QStringLiteral("lock-machine-s1"));
        QCOMPARE(busy->pid, 11);
        QCOMPARE(busy->token, first->token());
        QCOMPARE(busy->generation, 1);
        QCOMPARE(busy->ttlSeconds, 30);
        QCOMPARE(busy->hostName, QStringLiteral("lock-engine"));
        QVERIFY(busy->since.isValid());
        QVERIFY(!busy->stale());

        // Another environment of the same application is another lock.
        auto prod = AppLock::acquire({host()}, a, QStringLiteral("prod"),
                                     person(QStringLiteral("s2"), 22), ttl(30), &busy, &error);
        QVERIFY2(prod, qPrintable(error));

        const auto seen = AppLock::holder({host()}, a, QStringLiteral("test"), &error);
        QVERIFY(seen);
        QCOMPARE(seen->token, first->token());
    }

    void releaseFrees() {
        const QString a = app("release");
        std::optional<LockHolder> busy;
        QString error;
        auto first = AppLock::acquire({host()}, a, QStringLiteral("test"),
                                      person(QStringLiteral("s1"), 11), ttl(30), &busy, &error);
        QVERIFY2(first, qPrintable(error));
        QVERIFY(objectExists(a, QStringLiteral("test")));
        first.reset();
        QVERIFY(!objectExists(a, QStringLiteral("test")));
        QVERIFY(!AppLock::holder({host()}, a, QStringLiteral("test"), &error));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        auto second = AppLock::acquire({host()}, a, QStringLiteral("test"),
                                       person(QStringLiteral("s2"), 22), ttl(30), &busy, &error);
        QVERIFY2(second, qPrintable(error));
    }

    void heartbeatKeepsItAliveSilenceMakesItStale() {
        const QString a = app("stale");
        std::optional<LockHolder> busy;
        QString error;
        auto beating = AppLock::acquire({host()}, a, QStringLiteral("test"),
                                        person(QStringLiteral("s1"), 11), ttl(2), &busy, &error);
        QVERIFY2(beating, qPrintable(error));
        auto silent =
            AppLock::acquire({host()}, a, QStringLiteral("prod"), person(QStringLiteral("s1"), 11),
                             ttl(2, false), &busy, &error);
        QVERIFY2(silent, qPrintable(error));
        QVERIFY(!AppLock::holder({host()}, a, QStringLiteral("prod"), &error)->stale());
        // Past the ttl: the silent one is stale, the beating one is not.
        QVERIFY(test::waitFor(
            [&] {
                const auto h = AppLock::holder({host()}, a, QStringLiteral("prod"), &error);
                return h && h->stale();
            },
            std::chrono::seconds(10)));
        const auto alive = AppLock::holder({host()}, a, QStringLiteral("test"), &error);
        QVERIFY2(alive, qPrintable(error));
        QVERIFY(!alive->stale());
        QVERIFY(alive->heartbeat.isValid());
        // A stale lock still blocks a plain acquire: taking it is a take-over.
        auto other = AppLock::acquire({host()}, a, QStringLiteral("prod"),
                                      person(QStringLiteral("s2"), 22), ttl(2), &busy, &error);
        QVERIFY(!other);
        QVERIFY(busy && busy->stale());
    }

    void takeOverRefusesLiveTakesStaleAndFences() {
        const QString a = app("takeover");
        std::optional<LockHolder> busy;
        QString error;
        auto old = AppLock::acquire({host()}, a, QStringLiteral("test"),
                                    person(QStringLiteral("s1"), 11), ttl(2, false), &busy, &error);
        QVERIFY2(old, qPrintable(error));
        const QString oldToken = old->token();

        // Alive: refused, nothing changed.
        auto refused =
            AppLock::takeOver({host()}, a, QStringLiteral("test"), person(QStringLiteral("s2"), 22),
                              ttl(30), oldToken, false, &busy, &error);
        QVERIFY(!refused);
        QVERIFY(busy);
        QVERIFY2(error.contains(QStringLiteral("alive")), qPrintable(error));
        QVERIFY(old->holds(host(), &error));
        // A token that is not the holder's: refused even with force.
        auto wrong =
            AppLock::takeOver({host()}, a, QStringLiteral("test"), person(QStringLiteral("s2"), 22),
                              ttl(30), QStringLiteral("not-the-token"), true, &busy, &error);
        QVERIFY(!wrong);
        QVERIFY(old->holds(host(), &error));

        QVERIFY(test::waitFor(
            [&] {
                const auto h = AppLock::holder({host()}, a, QStringLiteral("test"), &error);
                return h && h->stale();
            },
            std::chrono::seconds(10)));
        auto taken =
            AppLock::takeOver({host()}, a, QStringLiteral("test"), person(QStringLiteral("s2"), 22),
                              ttl(30), oldToken, false, &busy, &error);
        QVERIFY2(taken, qPrintable(error));
        QCOMPARE(taken->generation(), 2);
        QVERIFY(taken->token() != oldToken);
        QVERIFY(taken->replaced());
        QCOMPARE(taken->replaced()->token, oldToken);
        error.clear();
        QVERIFY(taken->holds(host(), &error));
        QVERIFY(!old->holds(host(), &error));
        QVERIFY2(error.isEmpty(), qPrintable(error)); // fenced: not an engine failure

        // The old owner going away must not remove the new owner's lock.
        old.reset();
        QVERIFY(taken->holds(host(), &error));
        const auto now = AppLock::holder({host()}, a, QStringLiteral("test"), &error);
        QVERIFY(now);
        QCOMPARE(now->generation, 2);
        QCOMPARE(now->storeId, QStringLiteral("s2"));

        // A live holder taken over on purpose (--force).
        auto forced =
            AppLock::takeOver({host()}, a, QStringLiteral("test"), person(QStringLiteral("s3"), 33),
                              ttl(30), taken->token(), true, &busy, &error);
        QVERIFY2(forced, qPrintable(error));
        QCOMPARE(forced->generation(), 3);
        QVERIFY(!taken->holds(host(), &error));
    }

    void deadProcessOnThisMachineDoesNotBlock() {
        const QString a = app("dead");
        // A process that has ended: its PID is free, unless reused at once.
        QProcess gone;
        gone.start(QStringLiteral("true"));
        QVERIFY(gone.waitForStarted(10000));
        LockIdentity dead = person(QStringLiteral("s1"), gone.processId());
        QVERIFY(gone.waitForFinished(10000));
        dead.machine = QStringLiteral("lock-same-machine");
        if (::kill(pid_t(dead.pid), 0) == 0)
            QSKIP("the PID was reused at once");
        std::optional<LockHolder> busy;
        QString error;
        auto old =
            AppLock::acquire({host()}, a, QStringLiteral("test"), dead, ttl(30), &busy, &error);
        QVERIFY2(old, qPrintable(error));
        LockIdentity me = person(QStringLiteral("s2"), QCoreApplication::applicationPid());
        me.machine = QStringLiteral("lock-same-machine");
        auto mine =
            AppLock::acquire({host()}, a, QStringLiteral("test"), me, ttl(30), &busy, &error);
        QVERIFY2(mine, qPrintable(error + (busy ? busy->who : QString())));
        QCOMPARE(mine->generation(), 2);
        QVERIFY(mine->replaced());
        QCOMPARE(mine->replaced()->token, old->token());
        QVERIFY(!old->holds(host(), &error));

        // Another machine's holder with the same PID is not judged by a PID of this machine.
        const QString b = app("othermachine");
        dead.machine = QStringLiteral("lock-other-machine");
        auto far =
            AppLock::acquire({host()}, b, QStringLiteral("test"), dead, ttl(30), &busy, &error);
        QVERIFY2(far, qPrintable(error));
        QVERIFY(!AppLock::acquire({host()}, b, QStringLiteral("test"), me, ttl(30), &busy, &error));
        QVERIFY(busy);
    }

    void badInputIsRefused() {
        std::optional<LockHolder> busy;
        QString error;
        QVERIFY(!AppLock::acquire({host()}, QString(), QStringLiteral("test"),
                                  person(QStringLiteral("s1"), 1), ttl(30), &busy, &error));
        QVERIFY(!error.isEmpty());
        error.clear();
        QVERIFY(!AppLock::acquire({}, QStringLiteral("x"), QStringLiteral("test"),
                                  person(QStringLiteral("s1"), 1), ttl(30), &busy, &error));
        QVERIFY(!error.isEmpty());
        error.clear();
        QVERIFY(!AppLock::takeOver({host()}, QStringLiteral("x"), QStringLiteral("test"),
                                   person(QStringLiteral("s1"), 1), ttl(30), QString(), true, &busy,
                                   &error));
        QVERIFY(!error.isEmpty());
    }

    // A second process holds the lock; paused with SIGSTOP, it goes stale, is taken over, and
    // after SIGCONT its fence says so: it changes nothing and ends.
    void pausedOwnerIsFencedAfterTakeOver() {
        const QString a = app("sigstop");
        QProcess tool;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        tool.setProcessEnvironment(env);
        tool.start(QStringLiteral(SLIPWAY_LOCKTOOL),
                   {QStringLiteral("acquire"), a, QStringLiteral("test"), QStringLiteral("--ttl"),
                    QStringLiteral("2"), QStringLiteral("--for"), QStringLiteral("100")});
        QVERIFY(tool.waitForStarted(10000));
        auto stopTool = qScopeGuard([&] {
            ::kill(pid_t(tool.processId()), SIGCONT);
            tool.kill();
            tool.waitForFinished(10000);
        });
        QByteArray out;
        QVERIFY(test::waitFor(
            [&] {
                out += tool.readAllStandardOutput();
                return out.contains('\n') || tool.state() == QProcess::NotRunning;
            },
            std::chrono::seconds(30)));
        QVERIFY2(out.startsWith("acquired "), out.constData());
        const QList<QByteArray> words = out.trimmed().split(' ');
        QCOMPARE(words.size(), 3);
        const QString oldToken = QString::fromLatin1(words[1]);

        QString error;
        // Alive while it runs: its heartbeat keeps it so past the ttl.
        QTest::qWait(3000);
        auto live = AppLock::holder({host()}, a, QStringLiteral("test"), &error);
        QVERIFY2(live, qPrintable(error));
        QCOMPARE(live->token, oldToken);
        QCOMPARE(live->pid, tool.processId());
        QVERIFY(!live->stale());

        QCOMPARE(::kill(pid_t(tool.processId()), SIGSTOP), 0);
        QVERIFY(test::waitFor(
            [&] {
                const auto h = AppLock::holder({host()}, a, QStringLiteral("test"), &error);
                return h && h->stale();
            },
            std::chrono::seconds(15)));
        std::optional<LockHolder> busy;
        auto taken =
            AppLock::takeOver({host()}, a, QStringLiteral("test"), person(QStringLiteral("s2"), 22),
                              ttl(30), oldToken, false, &busy, &error);
        QVERIFY2(taken, qPrintable(error));
        QCOMPARE(taken->generation(), 2);

        QCOMPARE(::kill(pid_t(tool.processId()), SIGCONT), 0);
        QVERIFY(tool.waitForFinished(20000));
        out += tool.readAllStandardOutput();
        QCOMPARE(tool.exitCode(), 3);
        QVERIFY2(out.contains("fenced"), out.constData());
        // Its heartbeat after SIGCONT did not touch the new owner's lock, nor did its end.
        QVERIFY(taken->holds(host(), &error));
        const auto now = AppLock::holder({host()}, a, QStringLiteral("test"), &error);
        QVERIFY(now);
        QCOMPARE(now->token, taken->token());
    }
};

QTEST_GUILESS_MAIN(TestAppLock)
#include "tst_applock.moc"
