// Team mode across desks, on the private PostgreSQL: a write through one Store reaches another
// process's ChangeFeed (LISTEN/NOTIFY from migration 9's triggers), a burst is coalesced, the
// feed comes back after the server drops its connection; and optimistic locking between two
// connections: of two writes from the same reading one wins, the other is told the current
// state.
#include "core/alerts/alertstore.h"
#include "core/deploy/reconcilesettings.h"
#include "core/environments/environmentstore.h"
#include "core/environments/kindstore.h"
#include "core/environments/templatestore.h"
#include "core/store/changefeed.h"
#include "core/store/store.h"
#include "tests/support/teamdatabase.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>
#include <array>
#include <atomic>
#include <latch>

using namespace slipway::core;
using slipway::test::TeamDatabase;

namespace {

// The database migrated by its owner, as `slipctl db migrate` leaves it.
bool migrate(TeamDatabase &db, const QString &path) {
    QString error;
    auto owner =
        Store::open(StoreLocation{path, db.ownerUrl(), {}}, &error, Store::Access::Migrate);
    if (!owner)
        qWarning("%s", qPrintable(error));
    return owner != nullptr;
}

std::unique_ptr<Store> openDesk(TeamDatabase &db, const QString &path) {
    QString error;
    auto store = Store::open(StoreLocation{path, db.ownerUrl(), {}}, &error);
    if (!store)
        qWarning("%s", qPrintable(error));
    return store;
}

int countOf(const QSignalSpy &spy, const QString &table) {
    int n = 0;
    for (const QList<QVariant> &args : spy)
        n += args.value(0).toString() == table ? 1 : 0;
    return n;
}

bool audit(Store &store, const QString &action) {
    AuditEntry e;
    e.action = action;
    e.result = QStringLiteral("ok");
    QString error;
    const bool ok = store.appendAudit(e, &error);
    if (!ok)
        qWarning("%s", qPrintable(error));
    return ok;
}

} // namespace

class TestChangeFeed : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        if (!TeamDatabase::available())
            QSKIP(TeamDatabase::missingMessage().constData());
    }

    void singleUserIsSilent() {
        QTemporaryDir dir;
        ChangeFeed feed(StoreLocation{dir.filePath("s.sqlite"), {}, {}});
        QSignalSpy listening(&feed, &ChangeFeed::listening);
        QTest::qWait(200);
        QCOMPARE(listening.count(), 0);
    }

    void deliversAnotherDesksWrite() {
        TeamDatabase db;
        QVERIFY2(db.ok(), qPrintable(db.error()));
        QTemporaryDir dir;
        QVERIFY(migrate(db, dir.filePath("owner.sqlite")));
        auto writer = openDesk(db, dir.filePath("a.sqlite"));
        QVERIFY(writer);
        ChangeFeed feed(StoreLocation{dir.filePath("b.sqlite"), db.ownerUrl(), {}});
        QSignalSpy listening(&feed, &ChangeFeed::listening);
        QSignalSpy changed(&feed, &ChangeFeed::changed);
        QTRY_VERIFY_WITH_TIMEOUT(listening.count() == 1, 15000);
        QCOMPARE(changed.count(), 0);
        QVERIFY(audit(*writer, QStringLiteral("feed.test")));
        QTRY_VERIFY_WITH_TIMEOUT(countOf(changed, QStringLiteral("audit_log")) == 1, 10000);
        // A table of its own for each change: a pause is app_reconcile, not the audit.
        QString error;
        QVERIFY2(
            ReconcileSettings(writer->database()).setPaused("shop", "prod", true, "alice", &error),
            qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(countOf(changed, QStringLiteral("app_reconcile")) == 1, 10000);
        QCOMPARE(countOf(changed, QStringLiteral("environments")), 0);
    }

    void burstIsCoalesced() {
        TeamDatabase db;
        QVERIFY2(db.ok(), qPrintable(db.error()));
        QTemporaryDir dir;
        QVERIFY(migrate(db, dir.filePath("owner.sqlite")));
        auto writer = openDesk(db, dir.filePath("a.sqlite"));
        QVERIFY(writer);
        ChangeFeed::Options options;
        options.coalesce = std::chrono::milliseconds(500);
        ChangeFeed feed(StoreLocation{dir.filePath("b.sqlite"), db.ownerUrl(), {}}, options);
        QSignalSpy listening(&feed, &ChangeFeed::listening);
        QSignalSpy changed(&feed, &ChangeFeed::changed);
        QTRY_VERIFY_WITH_TIMEOUT(listening.count() == 1, 15000);
        // 50 statements, each its own transaction and its own notification.
        const int writes = 50;
        for (int i = 0; i < writes; ++i)
            QVERIFY(audit(*writer, QStringLiteral("feed.burst")));
        QTRY_VERIFY_WITH_TIMEOUT(countOf(changed, QStringLiteral("audit_log")) >= 1, 10000);
        QTest::qWait(1500); // whatever else is coming from the burst
        const int signals_ = countOf(changed, QStringLiteral("audit_log"));
        QVERIFY2(signals_ < writes, qPrintable(QString::number(signals_)));
        QCOMPARE(changed.count(), signals_); // nothing but the audit changed
    }

    void survivesTheServerDroppingIt() {
        TeamDatabase db;
        QVERIFY2(db.ok(), qPrintable(db.error()));
        QTemporaryDir dir;
        QVERIFY(migrate(db, dir.filePath("owner.sqlite")));
        auto writer = openDesk(db, dir.filePath("a.sqlite"));
        QVERIFY(writer);
        QSqlQuery pid(writer->database());
        QVERIFY(pid.exec("SELECT pg_backend_pid()") && pid.next());
        const qint64 writerPid = pid.value(0).toLongLong();
        pid.finish();
        ChangeFeed feed(StoreLocation{dir.filePath("b.sqlite"), db.ownerUrl(), {}});
        QSignalSpy listening(&feed, &ChangeFeed::listening);
        QSignalSpy lost(&feed, &ChangeFeed::lost);
        QSignalSpy changed(&feed, &ChangeFeed::changed);
        QTRY_VERIFY_WITH_TIMEOUT(listening.count() == 1, 15000);
        // Every other session of this database: the feed's.
        QVERIFY2(db.exec(QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                        "WHERE datname = '%1' AND pid <> %2")
                             .arg(db.name())
                             .arg(writerPid),
                         true),
                 qPrintable(db.error()));
        QTRY_VERIFY_WITH_TIMEOUT(lost.count() >= 1, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(listening.count() == 2, 20000);
        // Deaf for a moment: every shared table is said to have changed.
        QTRY_VERIFY_WITH_TIMEOUT(countOf(changed, QStringLiteral("environments")) == 1, 5000);
        QCOMPARE(countOf(changed, QStringLiteral("audit_log")), 1);
        changed.clear();
        QVERIFY(audit(*writer, QStringLiteral("feed.after")));
        QTRY_VERIFY_WITH_TIMEOUT(countOf(changed, QStringLiteral("audit_log")) == 1, 10000);
    }

    // An environment and a kind's variables, between two desks' connections.
    void environmentAndVariablesOnPostgres() {
        TeamDatabase db;
        QVERIFY2(db.ok(), qPrintable(db.error()));
        QTemporaryDir dir;
        QVERIFY(migrate(db, dir.filePath("owner.sqlite")));
        auto a = openDesk(db, dir.filePath("a.sqlite"));
        auto b = openDesk(db, dir.filePath("b.sqlite"));
        QVERIFY(a && b);
        QString error;
        env::TemplateContent c;
        c.files.insert(c.composeFile, "services:\n  web:\n    image: web:1\n");
        QVERIFY2(env::TemplateStore(a->database()).save("shop", c, &error), qPrintable(error));

        env::EnvironmentStore envA(a->database()), envB(b->database());
        env::EnvironmentRecord r;
        r.name = QStringLiteral("team-env");
        r.templateName = QStringLiteral("shop");
        r.templateVersion = 1;
        r.kind = QStringLiteral("test");
        const auto begun = envA.begin(r, &error);
        QVERIFY2(begun, qPrintable(error));
        QVERIFY2(envA.markReady(begun->id, &error), qPrintable(error));
        const int read = envB.record(begun->id)->version;
        QVERIFY2(envA.beginRecycle(begun->id, &error, "alice", read), qPrintable(error));
        std::optional<env::EnvironmentRecord> current;
        QVERIFY(!envB.beginRecycle(begun->id, &error, "bob", read, &current));
        QVERIFY2(error.contains(QLatin1String("changed by someone else meanwhile (now: "
                                              "recycling")),
                 qPrintable(error));
        QVERIFY(current);
        // In team mode who recycled is the server's role (A's), whatever the client said.
        QCOMPARE(current->state, env::EnvironmentRecord::State::Recycling);
        QVERIFY(!current->recycledBy.isEmpty() && current->recycledBy != QLatin1String("bob"));

        env::KindStore kindsA(a->database()), kindsB(b->database());
        env::KindVariable v;
        v.key = QStringLiteral("REPLICAS");
        v.value = QStringLiteral("2");
        QVERIFY2(kindsA.replaceVariables("shop", "test", {v}, &error, 0), qPrintable(error));
        QList<env::KindVariable> now;
        QVERIFY(!kindsB.replaceVariables("shop", "test", {}, &error, 0, &now));
        QVERIFY2(error.contains(QLatin1String("REPLICAS=2")), qPrintable(error));
        QCOMPARE(now.size(), 1);
        QCOMPARE(kindsA.variables("shop", "test").size(), 1);
    }

    void optimisticLockOneWinner() {
        TeamDatabase db;
        QVERIFY2(db.ok(), qPrintable(db.error()));
        QTemporaryDir dir;
        QVERIFY(migrate(db, dir.filePath("owner.sqlite")));
        auto a = openDesk(db, dir.filePath("a.sqlite"));
        auto b = openDesk(db, dir.filePath("b.sqlite"));
        QVERIFY(a && b);
        // An alert rule both read, then both save.
        AlertStore rulesA(a->database()), rulesB(b->database());
        AlertRule seenA = rulesA.rules().value(0), seenB = rulesB.rules().value(0);
        QVERIFY(seenA.id > 0);
        seenA.threshold = 70;
        seenB.threshold = 99;
        QString error;
        QVERIFY2(rulesA.saveRule(seenA, &error), qPrintable(error));
        std::optional<AlertRule> current;
        QVERIFY(!rulesB.saveRule(seenB, &error, &current));
        QVERIFY2(error.contains(QLatin1String("changed by someone else meanwhile")),
                 qPrintable(error));
        QVERIFY(current);
        QCOMPARE(current->threshold, 70.0);
        QCOMPARE(rulesA.rule(seenA.id)->threshold, 70.0);

        // Two threads, each its own connection, resuming the same pause from the same reading
        // at the same moment, ten times: exactly one wins each time.
        QVERIFY2(ReconcileSettings(a->database()).setPaused("shop", "prod", true, "ci", &error),
                 qPrintable(error));
        for (int trial = 0; trial < 10; ++trial) {
            const int read = ReconcileSettings(a->database()).pause("shop", "prod")->version;
            std::atomic<int> winners{0};
            std::array<QString, 2> losses;
            std::latch start(2);
            QList<QThread *> threads;
            for (int who = 0; who < 2; ++who)
                threads << QThread::create([&, who] {
                    QString why;
                    auto store = Store::open(
                        StoreLocation{
                            dir.filePath(QStringLiteral("t%1.sqlite").arg(who)), db.ownerUrl(), {}},
                        &why);
                    if (!store) {
                        losses[who] = why;
                        start.count_down();
                        return;
                    }
                    start.arrive_and_wait();
                    // Odd trials pause, even ones resume: each trial changes the row.
                    if (ReconcileSettings(store->database())
                            .setPaused("shop", "prod", trial % 2 == 1,
                                       QStringLiteral("desk%1").arg(who), &why, read))
                        ++winners;
                    else
                        losses[who] = why;
                });
            for (QThread *t : threads)
                t->start();
            for (QThread *t : threads) {
                QVERIFY(t->wait(30000));
                delete t;
            }
            QCOMPARE(winners.load(), 1);
            const QString loss = losses[0].isEmpty() ? losses[1] : losses[0];
            QVERIFY2(loss.contains(QLatin1String("changed by someone else meanwhile (now:")),
                     qPrintable(loss));
            QCOMPARE(ReconcileSettings(a->database()).pause("shop", "prod")->version, read + 1);
        }
    }
};

QTEST_GUILESS_MAIN(TestChangeFeed)
#include "tst_changefeed.moc"
