// Optimistic locking (migration 9) on one SQLite file opened by two Stores, as two processes
// would: of two writes made from the same reading only the first lands, and the second is told
// what the row is now instead of overwriting it. Environments, reconcile pauses, a kind's
// variables and alert rules.
#include "core/alerts/alertstore.h"
#include "core/deploy/reconcilesettings.h"
#include "core/environments/environmentstore.h"
#include "core/environments/kindstore.h"
#include "core/environments/templatestore.h"
#include "core/store/store.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace slipway::core;
using namespace slipway::core::env;

namespace {

struct TwoDesks {
    QTemporaryDir dir;
    std::unique_ptr<Store> a;
    std::unique_ptr<Store> b;

    bool open() {
        QString error;
        a = Store::open(dir.filePath("shared.sqlite"), &error);
        if (a)
            b = Store::open(dir.filePath("shared.sqlite"), &error);
        if (!a || !b)
            qWarning("%s", qPrintable(error));
        return a && b;
    }
};

bool addTemplate(Store &store) {
    TemplateContent c;
    c.files.insert(c.composeFile, "services:\n  web:\n    image: web:1\n");
    QString error;
    const bool ok = TemplateStore(store.database()).save("shop", c, &error).has_value();
    if (!ok)
        qWarning("%s", qPrintable(error));
    return ok;
}

} // namespace

class TestOptimisticLock : public QObject {
    Q_OBJECT

private slots:
    void schemaHasVersions() {
        TwoDesks desks;
        QVERIFY(desks.open());
        QCOMPARE(desks.a->schemaVersion(), 9);
        for (const char *sql :
             {"SELECT version FROM environments", "SELECT version FROM app_reconcile",
              "SELECT version FROM env_variable_sets", "SELECT version FROM alert_rules"}) {
            QSqlQuery q(desks.a->database());
            QVERIFY2(q.exec(QString::fromLatin1(sql)), sql);
        }
    }

    void environmentRecycleOneWinner() {
        TwoDesks desks;
        QVERIFY(desks.open());
        QVERIFY(addTemplate(*desks.a));
        EnvironmentStore envA(desks.a->database()), envB(desks.b->database());
        EnvironmentRecord r;
        r.name = QStringLiteral("lock-env");
        r.templateName = QStringLiteral("shop");
        r.templateVersion = 1;
        r.kind = QStringLiteral("test");
        QString error;
        const auto begun = envA.begin(r, &error);
        QVERIFY2(begun, qPrintable(error));
        QCOMPARE(begun->version, 1);
        QVERIFY2(envA.markReady(begun->id, &error), qPrintable(error));
        // Both desks read the ready environment, version 2.
        const auto seenA = envA.record(begun->id), seenB = envB.record(begun->id);
        QVERIFY(seenA && seenB);
        QCOMPARE(seenA->version, 2);
        QCOMPARE(seenB->version, 2);
        QVERIFY2(envA.beginRecycle(begun->id, &error, QStringLiteral("alice"), seenA->version),
                 qPrintable(error));
        // A's recycle failed and put it back to ready: B's reading is still "ready", and would
        // pass a state check; the version says it changed.
        QVERIFY2(envA.recycleFailed(begun->id, QStringLiteral("host away"), &error),
                 qPrintable(error));
        std::optional<EnvironmentRecord> current;
        QVERIFY(
            !envB.beginRecycle(begun->id, &error, QStringLiteral("bob"), seenB->version, &current));
        QVERIFY2(error.contains(QLatin1String("changed by someone else meanwhile")),
                 qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("now: ready")), qPrintable(error));
        QVERIFY(current);
        QCOMPARE(current->version, 4);
        QCOMPARE(current->error, QStringLiteral("host away"));
        // With the version it now reads, B may.
        QVERIFY2(envB.beginRecycle(begun->id, &error, QStringLiteral("bob"), current->version),
                 qPrintable(error));
        QCOMPARE(envA.record(begun->id)->recycledBy, QStringLiteral("bob"));
        QCOMPARE(envA.record(begun->id)->version, 5);
    }

    void reconcilePauseOneWinner() {
        TwoDesks desks;
        QVERIFY(desks.open());
        ReconcileSettings a(desks.a->database()), b(desks.b->database());
        QString error;
        // Nothing set yet: both read version 0.
        QCOMPARE(a.pause("shop", "prod")->version, 0);
        QVERIFY2(a.setPaused("shop", "prod", true, "alice", &error, 0), qPrintable(error));
        ReconcilePause current;
        QVERIFY(!b.setPaused("shop", "prod", false, "bob", &error, 0, &current));
        QVERIFY2(error.contains(QLatin1String("changed by someone else meanwhile")),
                 qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("paused by alice")), qPrintable(error));
        QVERIFY(current.paused);
        QCOMPARE(current.pausedBy, QStringLiteral("alice"));
        QCOMPARE(current.version, 1);
        QVERIFY(a.pause("shop", "prod")->paused); // not overwritten
        QVERIFY2(b.setPaused("shop", "prod", false, "bob", &error, current.version),
                 qPrintable(error));
        QCOMPARE(a.pause("shop", "prod")->version, 2);
        QVERIFY(!a.pause("shop", "prod")->paused);
        // Unchecked (slipctl's blind pause) still works and moves the version on.
        QVERIFY2(a.setPaused("shop", "prod", true, "ci", &error), qPrintable(error));
        QCOMPARE(b.pause("shop", "prod")->version, 3);
        QCOMPARE(a.all().size(), 1);
    }

    void variablesOneWinner() {
        TwoDesks desks;
        QVERIFY(desks.open());
        QVERIFY(addTemplate(*desks.a));
        KindStore a(desks.a->database()), b(desks.b->database());
        QString error;
        QCOMPARE(a.variablesVersion("shop", "test"), 0);
        KindVariable replicas;
        replicas.key = QStringLiteral("REPLICAS");
        replicas.value = QStringLiteral("2");
        QVERIFY2(a.replaceVariables("shop", "test", {replicas}, &error, 0), qPrintable(error));
        QCOMPARE(b.variablesVersion("shop", "test"), 1);
        KindVariable port;
        port.key = QStringLiteral("PORT");
        port.value = QStringLiteral("8080");
        QList<KindVariable> current;
        QVERIFY(!b.replaceVariables("shop", "test", {port}, &error, 0, &current));
        QVERIFY2(error.contains(QLatin1String("changed by someone else meanwhile")),
                 qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("REPLICAS=2")), qPrintable(error));
        QCOMPARE(current.size(), 1);
        QCOMPARE(current.first().key, QStringLiteral("REPLICAS"));
        QCOMPARE(a.variables("shop", "test").size(), 1); // A's save stands
        QCOMPARE(a.variables("shop", "test").first().key, QStringLiteral("REPLICAS"));
        // The same Save made from the current version goes through.
        QVERIFY2(b.replaceVariables("shop", "test", {replicas, port}, &error, 1),
                 qPrintable(error));
        QCOMPARE(a.variablesVersion("shop", "test"), 2);
        // One variable set or removed moves the set's version too.
        QVERIFY2(a.removeVariable("shop", "test", "PORT", &error), qPrintable(error));
        QCOMPARE(b.variablesVersion("shop", "test"), 3);
        QVERIFY(!b.replaceVariables("shop", "test", {}, &error, 2));
        // Another kind's set is another version.
        QCOMPARE(a.variablesVersion("shop", "integration"), 0);
    }

    void alertRuleOneWinner() {
        TwoDesks desks;
        QVERIFY(desks.open());
        AlertStore a(desks.a->database()), b(desks.b->database());
        const QList<AlertRule> rules = a.rules();
        QVERIFY(!rules.isEmpty());
        AlertRule seenA = rules.first(), seenB = b.rules().first();
        QCOMPARE(seenA.version, seenB.version);
        seenA.threshold = 70;
        QString error;
        const auto saved = a.saveRule(seenA, &error);
        QVERIFY2(saved, qPrintable(error));
        QCOMPARE(saved->version, seenA.version + 1);
        seenB.threshold = 99;
        std::optional<AlertRule> current;
        QVERIFY(!b.saveRule(seenB, &error, &current));
        QVERIFY2(error.contains(QLatin1String("changed by someone else meanwhile")),
                 qPrintable(error));
        QVERIFY(current);
        QCOMPARE(current->threshold, 70.0);
        QCOMPARE(a.rule(seenA.id)->threshold, 70.0);
        // Removing what was read: refused once it changed, with the rule as it is.
        current.reset();
        QVERIFY(!b.removeRule(seenB.id, &error, seenB.version, &current));
        QVERIFY(current);
        QVERIFY(a.rule(seenA.id));
        QVERIFY2(b.removeRule(seenB.id, &error, current->version), qPrintable(error));
        QVERIFY(!a.rule(seenA.id));
    }
};

QTEST_GUILESS_MAIN(TestOptimisticLock)
#include "tst_optimisticlock.moc"
