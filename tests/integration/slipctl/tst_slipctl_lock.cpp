// `slipctl lock` and `slipctl takeover` as two workstations use them: each with its own HOME and
// database. Workstation A holds an application's lock (an AppLock in this process, as its GUI
// would); B sees who holds it, is refused a take-over without --yes (no terminal to ask on) and
// of a live holder without --force, takes a stale one over (audited in B's database, A fenced)
// and releases it.
#include "core/locks/applock.h"
#include "core/store/store.h"
#include "engine/dockerclient.h"
#include "tests/support/slipctlrun.h"
#include "tests/support/testenv.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace slipway;
using namespace slipway::core;

class TestSlipctlLock : public QObject {
    Q_OBJECT

    QTemporaryDir homeB_;
    std::shared_ptr<engine::DockerClient> client_;
    QStringList apps_;

    DeployHost host() const {
        return {QStringLiteral("lock-engine"), QStringLiteral("lock-engine"), test::dockerHost(),
                client_, true};
    }

    QString app(const char *name) {
        apps_.append(QString::fromStdString(test::uniqueName(std::string("lock-cli-") + name)));
        return apps_.last();
    }

    test::SlipctlRun slipctl(QStringList args) {
        args << QStringLiteral("--host") << test::dockerHost() << QStringLiteral("--data-dir")
             << homeB_.filePath(QStringLiteral("data"));
        QProcessEnvironment extra;
        extra.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        return test::runSlipctl(args, homeB_.path(), extra);
    }

    std::unique_ptr<AppLock> holdAsA(const QString &app, int ttl, bool heartbeat) {
        AppLock::Options o;
        o.ttl = std::chrono::seconds(ttl);
        o.heartbeat = heartbeat;
        std::optional<LockHolder> busy;
        QString error;
        auto lock = AppLock::acquire({host()}, app, QStringLiteral("ci"),
                                     {QStringLiteral("store-of-a"), QStringLiteral("alice"),
                                      QStringLiteral("workstation-a"), 4242},
                                     o, &busy, &error);
        if (!lock)
            qWarning() << "cannot hold" << app << error;
        return lock;
    }

    static QJsonObject json(const QByteArray &out) { return QJsonDocument::fromJson(out).object(); }

private slots:
    void initTestCase() {
        if (test::dockerHost().isEmpty())
            QFAIL(test::missingServicesMessage().constData());
        QVERIFY(homeB_.isValid());
        client_ = test::makeClient();
        QVERIFY(client_);
    }

    void cleanupTestCase() {
        for (const QString &a : std::as_const(apps_))
            (void)client_
                ->removeContainer(AppLock::objectName(a, QStringLiteral("ci")).toStdString(), true)
                .wait();
    }

    void showsHolderOrFree() {
        const QString a = app("show");
        auto r =
            slipctl({QStringLiteral("lock"), a, QStringLiteral("--env"), QStringLiteral("ci")});
        QVERIFY(r.finished);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("is free"), r.out.constData());

        auto held = holdAsA(a, 30, true);
        QVERIFY(held);
        r = slipctl({QStringLiteral("lock"), a, QStringLiteral("--env"), QStringLiteral("ci")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("alice@workstation-a pid 4242"), r.out.constData());
        QVERIFY2(r.out.contains("alive"), r.out.constData());

        r = slipctl({QStringLiteral("lock"), a, QStringLiteral("--env"), QStringLiteral("ci"),
                     QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = json(r.out);
        QCOMPARE(o.value("free").toBool(true), false);
        const QJsonObject h = o.value("holder").toObject();
        QCOMPARE(h.value("who").toString(), QStringLiteral("alice@workstation-a pid 4242"));
        QCOMPARE(h.value("storeId").toString(), QStringLiteral("store-of-a"));
        QCOMPARE(h.value("token").toString(), held->token());
        QCOMPARE(h.value("generation").toInt(), 1);
        QCOMPARE(h.value("stale").toBool(true), false);

        r = slipctl({QStringLiteral("lock"), a});
        QCOMPARE(r.exitCode, 2); // --env is required
    }

    void takeoverAsksRefusesLiveAndTakesStale() {
        const QString a = app("take");
        auto held = holdAsA(a, 2, false);
        QVERIFY(held);
        const QStringList base{QStringLiteral("takeover"), a, QStringLiteral("--env"),
                               QStringLiteral("ci")};

        // Alive (the heartbeat is fresh): refused, A still holds it.
        auto r = slipctl(base + QStringList{QStringLiteral("--yes")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("alive"), r.err.constData());
        QString error;
        QVERIFY(held->holds(host(), &error));

        QVERIFY(test::waitFor(
            [&] {
                const auto h = AppLock::holder({host()}, a, QStringLiteral("ci"), &error);
                return h && h->stale();
            },
            std::chrono::seconds(10)));
        // Nobody to ask and no --yes: refused.
        r = slipctl(base);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--yes"), r.err.constData());
        QVERIFY(held->holds(host(), &error));

        r = slipctl(base + QStringList{QStringLiteral("--yes"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = json(r.out);
        QVERIFY2(o.value("ok").toBool(), r.out.constData());
        QCOMPARE(o.value("generation").toInt(), 2);
        QCOMPARE(o.value("from").toObject().value("who").toString(),
                 QStringLiteral("alice@workstation-a pid 4242"));
        // A is fenced; B released the lock again.
        QVERIFY(!held->holds(host(), &error));
        QVERIFY(!AppLock::holder({host()}, a, QStringLiteral("ci"), &error));

        // Audited in B's database, naming the old holder and the generation.
        auto store = Store::open(homeB_.filePath(QStringLiteral("data/slipway.sqlite")), &error);
        QVERIFY2(store, qPrintable(error));
        const auto audit = store->audit(50, &error);
        const auto it = std::find_if(audit.begin(), audit.end(), [&](const AuditEntry &e) {
            return e.action == QLatin1String("app.takeover") && e.target == a + "/ci";
        });
        QVERIFY(it != audit.end());
        QCOMPARE(it->result, QStringLiteral("ok"));
        QVERIFY2(it->detail.contains(QStringLiteral("alice@workstation-a pid 4242")),
                 qPrintable(it->detail));
        QVERIFY2(it->detail.contains(QStringLiteral("generation 2")), qPrintable(it->detail));
        // The refused live attempt was never made: one entry only.
        QCOMPARE(std::count_if(audit.begin(), audit.end(),
                               [&](const AuditEntry &e) { return e.target == a + "/ci"; }),
                 1);
    }

    void forceTakesALiveHolder() {
        const QString a = app("force");
        auto held = holdAsA(a, 30, true);
        QVERIFY(held);
        auto r =
            slipctl({QStringLiteral("takeover"), a, QStringLiteral("--env"), QStringLiteral("ci"),
                     QStringLiteral("--yes"), QStringLiteral("--force")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("took over"), r.out.constData());
        QString error;
        QVERIFY(!held->holds(host(), &error));
        QVERIFY(held->lost() ||
                test::waitFor([&] { return held->lost(); }, std::chrono::seconds(30)));
    }

    void freeHasNothingToTakeOver() {
        const QString a = app("free");
        auto r = slipctl({QStringLiteral("takeover"), a, QStringLiteral("--env"),
                          QStringLiteral("ci"), QStringLiteral("--yes")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("nothing to take over"), r.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestSlipctlLock)
#include "tst_slipctl_lock.moc"
