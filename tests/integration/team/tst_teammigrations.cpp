// The team database's migrations on the private PostgreSQL: an empty database migrated to the
// newest version by its owner has every table SQLite has; one at the previous version keeps its
// rows when migrated; a person's Slipway refuses one that is behind, naming the command; two
// owners migrating at once both succeed.
#include "core/deploy/deploymentstore.h"
#include "core/store/migrations.h"
#include "core/store/store.h"
#include "tests/support/processrun.h"
#include "tests/support/teamdatabase.h"

#include <QProcess>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUrl>
#include <QtTest>

using namespace slipway::core;
using slipway::test::TeamDatabase;

namespace {

// The tables a desk's SQLite file has once migrated: the team database must have them all.
QSet<QString> sqliteTables() {
    QSet<QString> tables;
    {
        QSqlDatabase mem = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), "mem");
        mem.setDatabaseName(QStringLiteral(":memory:"));
        if (mem.open() &&
            Store::migrateTo(mem, SqlDialect::Sqlite, Store::knownSchemaVersion(), nullptr)) {
            QSqlQuery q(mem);
            q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name "
                                  "NOT LIKE 'sqlite_%'"));
            while (q.next())
                tables.insert(q.value(0).toString());
        }
        mem.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("mem"));
    return tables;
}

QSet<QString> postgresTables(QSqlDatabase db) {
    QSet<QString> tables;
    QSqlQuery q(db);
    q.exec(QStringLiteral("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                          "current_schema() AND table_type = 'BASE TABLE'"));
    while (q.next())
        tables.insert(q.value(0).toString());
    return tables;
}

// A connection as the database's owner, for building an older schema by hand.
QSqlDatabase ownerConnection(const TeamDatabase &team, const QString &name) {
    const QUrl url(team.ownerUrl());
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    db.setHostName(url.host());
    db.setPort(url.port(5432));
    db.setUserName(url.userName());
    db.setDatabaseName(url.path().mid(1));
    db.open();
    return db;
}

} // namespace

class TestTeamMigrations : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        if (!TeamDatabase::available())
            QFAIL(TeamDatabase::missingMessage().constData());
    }

    void emptyToNewest() {
        TeamDatabase team;
        QVERIFY2(team.ok(), qPrintable(team.error()));
        QTemporaryDir dir;
        QString error;
        auto store = Store::open(StoreLocation{dir.filePath("desk.sqlite"), team.ownerUrl(), {}},
                                 &error, Store::Access::Migrate);
        QVERIFY2(store, qPrintable(error));
        QCOMPARE(store->schemaVersion(), Store::knownSchemaVersion());
        const QSet<QString> expected = sqliteTables();
        QVERIFY(expected.contains("audit_log") && expected.contains("environments"));
        const QSet<QString> missing = expected - postgresTables(store->database());
        QVERIFY2(missing.isEmpty(),
                 qPrintable(QStringList(missing.cbegin(), missing.cend()).join(", ")));
        QSqlQuery q(store->database());
        QVERIFY(q.exec("SELECT COUNT(*) FROM schema_migrations") && q.next());
        QCOMPARE(q.value(0).toInt(), int(migrations(SqlDialect::Postgres).size()));
        QCOMPARE(store->storeId().size(), 36);
    }

    void previousSchemaKeepsItsRows() {
        TeamDatabase team;
        QVERIFY2(team.ok(), qPrintable(team.error()));
        const int newest = Store::knownSchemaVersion();
        QString error;
        QString storeId;
        const QString person = team.createLogin("person");
        QVERIFY2(!person.isEmpty(), qPrintable(team.error()));
        {
            QSqlDatabase db = ownerConnection(team, "previous");
            QVERIFY2(db.isOpen(), qPrintable(db.lastError().text()));
            QVERIFY2(Store::migrateTo(db, SqlDialect::Postgres, newest - 1, &error),
                     qPrintable(error));
            // The person may read it, as after an earlier migrate and grant.
            QSqlQuery grant(db);
            QVERIFY2(
                grant.exec(QStringLiteral("GRANT SELECT ON schema_migrations TO %1").arg(person)),
                qPrintable(grant.lastError().text()));
            QSqlQuery q(db);
            QVERIFY(q.exec("SELECT MAX(version) FROM schema_migrations") && q.next());
            QCOMPARE(q.value(0).toInt(), newest - 1);
            QVERIFY2(q.exec("INSERT INTO audit_log (at, os_user, action, target, result) VALUES "
                            "('2026-01-02T03:04:05.000Z', 'alice', 'app.deploy', 'web/prod', "
                            "'ok')"),
                     qPrintable(q.lastError().text()));
            QVERIFY2(q.exec("INSERT INTO deployments (app, env, version, kind, config, replicas, "
                            "os_user, started_at, finished_at, result, uid) VALUES ('web', "
                            "'prod', '1.0', 'deploy', '{\"image\":\"web:1\"}', 2, 'alice', "
                            "'2026-01-02T03:04:05.000Z', '2026-01-02T03:05:00.000Z', 'ok', "
                            "'11111111-2222-3333-4444-555555555555')"),
                     qPrintable(q.lastError().text()));
            QVERIFY(q.exec("SELECT id FROM store_identity") && q.next());
            storeId = q.value(0).toString();
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase("previous");

        QTemporaryDir dir;
        const StoreLocation where{dir.filePath("desk.sqlite"), team.ownerUrl(), {}};
        // Not migrated by whoever opens it: the owner too must ask for it.
        QVERIFY(!Store::open(where, &error));
        QVERIFY2(error.contains("slipctl db migrate") &&
                     error.contains(QString::number(newest - 1)),
                 qPrintable(error));
        // A person is told the same command, and cannot migrate it either.
        const StoreLocation asPerson{dir.filePath("person.sqlite"), team.urlAs(person), {}};
        QVERIFY(!Store::open(asPerson, &error));
        QVERIFY2(error.contains("slipctl db migrate") &&
                     error.contains(QString::number(newest - 1)),
                 qPrintable(error));
        QVERIFY(!Store::open(asPerson, &error, Store::Access::Migrate));

        auto store = Store::open(where, &error, Store::Access::Migrate);
        QVERIFY2(store, qPrintable(error));
        QCOMPARE(store->schemaVersion(), newest);
        QCOMPARE(store->storeId(), storeId);
        const QList<AuditEntry> audit = store->audit(10);
        QCOMPARE(audit.size(), 1);
        QCOMPARE(audit.first().osUser, QStringLiteral("alice"));
        QCOMPARE(audit.first().target, QStringLiteral("web/prod"));
        const DeploymentHistory history = DeploymentStore(store->database()).history("web", "prod");
        QCOMPARE(history.size(), 1);
        QCOMPARE(history.first().uid, QStringLiteral("11111111-2222-3333-4444-555555555555"));
        QCOMPARE(history.first().replicas, 2);
        QCOMPARE(history.first().result, DeploymentRecord::Result::Ok);
        // And the store goes on from there.
        DeploymentRecord next = history.first();
        next.uid.clear();
        QVERIFY2(DeploymentStore(store->database()).insert(next, "m:1", &error) >
                     history.first().id,
                 qPrintable(error));
    }

    void twoOwnersMigrateAtOnce() {
        TeamDatabase team;
        QVERIFY2(team.ok(), qPrintable(team.error()));
        QTemporaryDir home;
        const QProcessEnvironment env = slipway::test::cleanEnvironment(home.path());
        QProcess a, b;
        for (QProcess *p : {&a, &b}) {
            p->setProcessEnvironment(env);
            p->start(SLIPWAY_SLIPCTL, {"db", "migrate", "--database", team.ownerUrl()});
        }
        for (QProcess *p : {&a, &b}) {
            QVERIFY(p->waitForFinished(120000));
            QVERIFY2(p->exitStatus() == QProcess::NormalExit && p->exitCode() == 0,
                     p->readAllStandardError().constData());
        }
        QTemporaryDir dir;
        QString error;
        auto store =
            Store::open(StoreLocation{dir.filePath("desk.sqlite"), team.ownerUrl(), {}}, &error);
        QVERIFY2(store, qPrintable(error));
        QCOMPARE(store->schemaVersion(), Store::knownSchemaVersion());
        QSqlQuery q(store->database());
        QVERIFY(q.exec("SELECT COUNT(*), COUNT(DISTINCT version) FROM schema_migrations") &&
                q.next());
        QCOMPARE(q.value(0).toInt(), int(migrations(SqlDialect::Postgres).size()));
        QCOMPARE(q.value(1).toInt(), q.value(0).toInt());
        QVERIFY(q.exec("SELECT COUNT(*) FROM store_identity") && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(TestTeamMigrations)
#include "tst_teammigrations.moc"
