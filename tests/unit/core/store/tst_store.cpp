// Store on a real SQLite file, and in the integration_pg_ run on a team database beside it:
// migrations, hosts, and the append-only audit log.
#include "core/store/migrations.h"
#include "core/store/store.h"
#include "tests/support/teststore.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>
#include <sys/stat.h>

using namespace slipway::core;
using slipway::test::openTestStore;

namespace {

HostConfig userHost(const QString &name, const QString &url) {
    HostConfig h;
    h.id = HostConfig::newUserId();
    h.name = name;
    h.url = url;
    return h;
}

mode_t modeOf(const QString &path) {
    struct stat st {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? (st.st_mode & 07777) : 0;
}

// The umask most desktops run with: what Slipway creates must not depend on it.
struct Umask {
    mode_t before = ::umask(022);
    ~Umask() { ::umask(before); }
};

} // namespace

class TestStore : public QObject {
    Q_OBJECT

private slots:
    void freshDatabaseIsMigrated() {
        QTemporaryDir dir;
        const QString path = dir.filePath("nested/dir/slipway.sqlite");
        QString error;
        auto store = openTestStore(dir, &error, "nested/dir/slipway.sqlite");
        QVERIFY2(store, qPrintable(error));
        QCOMPARE(store->schemaVersion(), migrations(SqlDialect::Sqlite).last().version);
        QVERIFY(QFile::exists(path));
        QVERIFY(store->userHosts().isEmpty());
        QVERIFY(store->audit(10).isEmpty());
    }

    void reopeningIsIdempotent() {
        QTemporaryDir dir;
        const QString path = dir.filePath("slipway.sqlite");
        {
            auto store = openTestStore(dir, nullptr);
            QVERIFY(store);
            QVERIFY(store->saveHost(userHost("a", "tcp://a:2375")));
        }
        for (int i = 0; i < 2; ++i) {
            QString error;
            auto store = openTestStore(dir, &error);
            QVERIFY2(store, qPrintable(error));
            QCOMPARE(store->schemaVersion(), migrations(SqlDialect::Sqlite).last().version);
            QCOMPARE(store->userHosts().size(), 1);
            // Exactly one row per migration, however often it was opened.
            QSqlQuery q(store->database());
            QVERIFY(q.exec("SELECT COUNT(*) FROM schema_migrations"));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), int(migrations(SqlDialect::Sqlite).size()));
        }
        Q_UNUSED(path);
    }

    // Deployment records and the audit log are the user's alone: a new folder is 0700, the
    // file and its companions 0600.
    void newStoreIsPrivate() {
        SLIPWAY_SQLITE_ONLY("file modes are the desk's SQLite file's; the team database has none");
        Umask umask;
        QTemporaryDir dir;
        const QString folder = dir.filePath("data");
        const QString path = folder + "/slipway.sqlite";
        {
            auto store = Store::open(path);
            QVERIFY(store);
            QVERIFY(store->saveHost(userHost("a", "tcp://a:2375")));
        }
        QCOMPARE(modeOf(folder), mode_t(0700));
        QCOMPARE(modeOf(path), mode_t(0600));
        // SQLite gives the WAL and shared-memory files the database's mode.
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "wal");
        db.setDatabaseName(path);
        QVERIFY(db.open());
        {
            QSqlQuery q(db);
            QVERIFY(q.exec("PRAGMA journal_mode = WAL"));
            QVERIFY(q.exec("UPDATE hosts SET name = 'b'"));
            QVERIFY(QFile::exists(path + "-wal"));
            QCOMPARE(modeOf(path + "-wal"), mode_t(0600));
            QCOMPARE(modeOf(path + "-shm"), mode_t(0600));
            QVERIFY(q.exec("PRAGMA journal_mode = DELETE"));
        }
        db.close();
        db = {};
        QSqlDatabase::removeDatabase("wal");
    }

    // A store made by an earlier version (0644 in a 0755 folder) is tightened when opened.
    void looserStoreIsTightened() {
        SLIPWAY_SQLITE_ONLY("file modes are the desk's SQLite file's; the team database has none");
        Umask umask;
        QTemporaryDir dir;
        const QString folder = dir.filePath("data");
        const QString path = folder + "/slipway.sqlite";
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(::chmod(QFile::encodeName(folder).constData(), 0755) == 0);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "old");
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec("CREATE TABLE t (x)"));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase("old");
        QVERIFY(::chmod(QFile::encodeName(path).constData(), 0644) == 0);
        QCOMPARE(modeOf(path), mode_t(0644));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("slipway: The database folder .*"
                                                              "mode 0755.* now 0700"));
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression("slipway: The database .*slipway.sqlite could be "
                                                "read by others \\(mode 0644\\); it is now 0600"));
        QVERIFY(Store::open(path));
        QCOMPARE(modeOf(path), mode_t(0600));
        QCOMPARE(modeOf(folder), mode_t(0700));
        QTest::failOnWarning(QRegularExpression("slipway:"));
        QVERIFY(Store::open(path)); // said once: nothing more to tighten, no warning
    }

    void twoStoresOnOneFile() {
        QTemporaryDir dir;
        auto a = openTestStore(dir, nullptr, "s.sqlite");
        auto b = openTestStore(dir, nullptr, "s.sqlite");
        QVERIFY(a && b);
        QVERIFY(a->saveHost(userHost("x", "tcp://x:2375")));
        QCOMPARE(b->userHosts().size(), 1);
    }

    void saveEditRemoveHosts() {
        QTemporaryDir dir;
        auto store = openTestStore(dir, nullptr);
        QVERIFY(store);
        HostConfig first = userHost("build-01", "tcp://build-01:2376");
        first.caFile = "/etc/ssl/ca.pem";
        first.certFile = "/etc/ssl/cert.pem";
        first.keyFile = "/etc/ssl/key.pem";
        first.verifyTls = false;
        const HostConfig second = userHost("lab", "unix:///run/lab.sock");
        QString error;
        QVERIFY2(store->saveHost(first, &error), qPrintable(error));
        QVERIFY2(store->saveHost(second, &error), qPrintable(error));
        QList<HostConfig> hosts = store->userHosts();
        QCOMPARE(hosts.size(), 2);
        QCOMPARE(hosts[0], first); // in insertion order, every field kept
        QCOMPARE(hosts[1], second);

        first.name = "build-01 (renamed)";
        first.verifyTls = true;
        QVERIFY2(store->saveHost(first, &error), qPrintable(error));
        hosts = store->userHosts();
        QCOMPARE(hosts.size(), 2);
        QCOMPARE(hosts[0], first); // edited in place, position kept

        QVERIFY2(store->removeHost(first.id, &error), qPrintable(error));
        hosts = store->userHosts();
        QCOMPARE(hosts.size(), 1);
        QCOMPARE(hosts[0].id, second.id);
        QVERIFY(!store->removeHost(first.id, &error));
        QVERIFY2(error.contains(first.id), qPrintable(error));
    }

    void badHostsAreRefused() {
        QTemporaryDir dir;
        auto store = openTestStore(dir, nullptr);
        QVERIFY(store);
        QString error;
        HostConfig h = userHost("", "tcp://h:1");
        QVERIFY(!store->saveHost(h, &error));
        QVERIFY2(error.contains("no name"), qPrintable(error));
        h = userHost("named", " ");
        QVERIFY(!store->saveHost(h, &error));
        QVERIFY2(error.contains("has no URL"), qPrintable(error));
        h = userHost("named", "tcp://h:1");
        h.id.clear();
        QVERIFY(!store->saveHost(h, &error));
        QVERIFY2(error.contains("no id"), qPrintable(error));
        QVERIFY(store->userHosts().isEmpty());
    }

    void auditIsAppendOnly() {
        QTemporaryDir dir;
        auto store = openTestStore(dir, nullptr);
        QVERIFY(store);
        AuditEntry e;
        e.action = "host.add";
        e.target = "build-01";
        e.host = "tcp://build-01:2376";
        e.result = "ok";
        QVERIFY(store->appendAudit(e));
        e.action = "host.remove";
        e.result = "failed";
        e.detail = "No saved host";
        e.osUser = "alice";
        QVERIFY(store->appendAudit(e));
        const QList<AuditEntry> entries = store->audit(10);
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries[0].action, QStringLiteral("host.remove")); // newest first
        QCOMPARE(entries[0].osUser, QStringLiteral("alice"));
        QCOMPARE(entries[0].detail, QStringLiteral("No saved host"));
        QCOMPARE(entries[1].osUser, Store::currentOsUser());
        QVERIFY(entries[1].at.isValid());
        QCOMPARE(entries[1].at.timeSpec(), Qt::UTC);
        QVERIFY(qAbs(entries[1].at.secsTo(QDateTime::currentDateTimeUtc())) < 60);
        QVERIFY(entries[0].id > entries[1].id);
        QCOMPARE(store->audit(1).size(), 1);

        AuditEntry noAction;
        QString error;
        QVERIFY(!store->appendAudit(noAction, &error));
        QVERIFY2(error.contains("action"), qPrintable(error));

        // The server names who wrote it; the desk's file knows only the OS user.
        if (store->team())
            QVERIFY(!entries[0].dbUser.isEmpty());
        else
            QVERIFY(entries[0].dbUser.isEmpty());

        // Even plain SQL on the same database cannot rewrite or delete history.
        {
            QSqlQuery q(store->database());
            QVERIFY(!q.exec("UPDATE audit_log SET result = 'ok'"));
            QVERIFY2(q.lastError().text().contains("append-only"),
                     qPrintable(q.lastError().text()));
            QVERIFY(!q.exec("DELETE FROM audit_log"));
            QVERIFY2(q.lastError().text().contains("append-only"),
                     qPrintable(q.lastError().text()));
        }
        QCOMPARE(store->audit(10).size(), 2);
    }

    void unusablePathsGiveClearErrors() {
        QString error;
        QVERIFY(!Store::open("", &error));
        QVERIFY2(error.contains("No database path"), qPrintable(error));

        QTemporaryDir dir;
        QVERIFY(!Store::open(dir.path(), &error));
        QVERIFY2(error.contains("is a directory"), qPrintable(error));

        QFile notADb(dir.filePath("garbage.sqlite"));
        QVERIFY(notADb.open(QIODevice::WriteOnly));
        notADb.write(QByteArray(4096, 'x'));
        notADb.close();
        QVERIFY(!Store::open(notADb.fileName(), &error));
        QVERIFY2(error.contains(notADb.fileName()), qPrintable(error));
    }

    void newerSchemaIsRefused() {
        QTemporaryDir dir;
        {
            auto store = openTestStore(dir, nullptr);
            QVERIFY(store);
            QSqlQuery q(store->database());
            QVERIFY(q.exec("INSERT INTO schema_migrations VALUES (99, 'future', 'x')"));
        }
        QString error;
        QVERIFY(!openTestStore(dir, &error));
        QVERIFY2(error.contains("99") && error.contains("newer"), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
