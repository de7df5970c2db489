// EnvironmentStore on a real SQLite file: the lifecycle and its refused transitions, atomic
// changes, unique live names, masked overrides, listings, the recovery sweep, and migration 7
// on a database of the previous version.
#include "core/deploy/secretenv.h"
#include "core/environments/environmentstore.h"
#include "core/environments/templatestore.h"
#include "core/store/migrations.h"
#include "core/store/store.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

using namespace slipway::core;
using namespace slipway::core::env;

namespace {

std::unique_ptr<Store> openWithTemplate(const QString &path) {
    QString error;
    auto store = Store::open(path, &error);
    if (!store) {
        qWarning("%s", qPrintable(error));
        return nullptr;
    }
    TemplateContent c;
    c.files.insert(c.composeFile, "services:\n  web:\n    image: web:1\n");
    if (!TemplateStore(store->database()).save("shop", c, &error)) {
        qWarning("%s", qPrintable(error));
        return nullptr;
    }
    return store;
}

EnvironmentRecord request(const QString &name, const QString &user = QStringLiteral("alice")) {
    EnvironmentRecord r;
    r.name = name;
    r.templateName = QStringLiteral("shop");
    r.templateVersion = 1;
    r.kind = QStringLiteral("test");
    r.hostId = QStringLiteral("h1");
    r.hostUrl = QStringLiteral("unix:///run/envstore.sock");
    r.osUser = user;
    return r;
}

QList<AuditEntry> auditOf(Store &store, const QString &action) {
    QList<AuditEntry> out;
    for (const AuditEntry &e : store.audit(1000))
        if (e.action == action)
            out.append(e);
    return out;
}

QString stateOf(Store &store, const QString &id) {
    QSqlQuery q(store.database());
    q.prepare("SELECT state FROM environments WHERE id = ?");
    q.addBindValue(id);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

} // namespace

class TestEnvironmentStore : public QObject {
    Q_OBJECT

private slots:
    void lifecycle() {
        QTemporaryDir dir;
        auto store = openWithTemplate(dir.filePath("s.sqlite"));
        QVERIFY(store);
        EnvironmentStore envs(store->database());
        QString error;
        const auto begun = envs.begin(request("envstore-a"), &error);
        QVERIFY2(begun, qPrintable(error));
        QVERIFY(!QUuid::fromString(begun->id).isNull());
        QCOMPARE(begun->state, EnvironmentRecord::State::Provisioning);
        QVERIFY(begun->live());
        QCOMPARE(begun->owner, EnvironmentStore::processOwner());
        QVERIFY(begun->createdAt.isValid());

        QVERIFY2(envs.markReady(begun->id, &error), qPrintable(error));
        auto r = envs.record(begun->id, &error);
        QVERIFY2(r, qPrintable(error));
        QCOMPARE(r->state, EnvironmentRecord::State::Ready);
        QVERIFY(r->readyAt.isValid());
        QCOMPARE(r->name, QStringLiteral("envstore-a"));
        QCOMPARE(r->templateName, QStringLiteral("shop"));
        QCOMPARE(r->templateVersion, 1);
        QCOMPARE(r->kind, QStringLiteral("test"));
        QCOMPARE(r->hostId, QStringLiteral("h1"));
        QCOMPARE(r->hostUrl, QStringLiteral("unix:///run/envstore.sock"));
        QCOMPARE(r->osUser, QStringLiteral("alice"));

        // Out of order: refused, and the state stays.
        QVERIFY(!envs.markReady(begun->id, &error));
        QVERIFY2(error.contains("ready, not provisioning"), qPrintable(error));
        QVERIFY(!envs.markRecycled(begun->id, &error));
        QVERIFY(!envs.markFailed(begun->id, "late", &error));
        QCOMPARE(stateOf(*store, begun->id), QStringLiteral("ready"));

        QVERIFY2(envs.beginRecycle(begun->id, &error, "bob"), qPrintable(error));
        QCOMPARE(envs.record(begun->id)->state, EnvironmentRecord::State::Recycling);
        QVERIFY(envs.record(begun->id)->live());
        QVERIFY2(envs.markRecycled(begun->id, &error), qPrintable(error));
        r = envs.record(begun->id, &error);
        QCOMPARE(r->state, EnvironmentRecord::State::Recycled);
        QVERIFY(!r->live());
        QCOMPARE(r->recycledBy, QStringLiteral("bob"));
        QVERIFY(r->recycledAt >= r->readyAt && r->readyAt >= r->createdAt);
        // How long it lived is fixed once recycled, whenever asked.
        const qint64 lived = r->livedMs();
        QCOMPARE(lived, r->createdAt.msecsTo(r->recycledAt));
        QCOMPARE(r->livedMs(QDateTime::currentDateTimeUtc().addDays(3)), lived);
        QVERIFY(!envs.beginRecycle(begun->id, &error));

        const QList<AuditEntry> provisioned = auditOf(*store, "environment.provision");
        QCOMPARE(provisioned.size(), 1);
        QCOMPARE(provisioned.first().result, QStringLiteral("ok"));
        QCOMPARE(provisioned.first().osUser, QStringLiteral("alice"));
        QCOMPARE(provisioned.first().target, QStringLiteral("envstore-a"));
        QCOMPARE(provisioned.first().host, QStringLiteral("unix:///run/envstore.sock"));
        const QList<AuditEntry> recycled = auditOf(*store, "environment.recycle");
        QCOMPARE(recycled.size(), 1);
        QCOMPARE(recycled.first().osUser, QStringLiteral("bob"));
        QVERIFY(!envs.record("no-such-id", &error));
        QVERIFY2(error.contains("no-such-id"), qPrintable(error));
    }

    void failuresKeepTheirWords() {
        QTemporaryDir dir;
        auto store = openWithTemplate(dir.filePath("s.sqlite"));
        QVERIFY(store);
        EnvironmentStore envs(store->database());
        QString error;
        const auto a = envs.begin(request("envstore-fail"), &error);
        QVERIFY2(a, qPrintable(error));
        QVERIFY(envs.markFailed(a->id, "creating web: port is already allocated", &error));
        auto r = envs.record(a->id);
        QCOMPARE(r->state, EnvironmentRecord::State::Failed);
        QCOMPARE(r->error, QStringLiteral("creating web: port is already allocated"));
        QVERIFY(!r->live());
        QCOMPARE(r->livedMs(QDateTime::currentDateTimeUtc().addDays(1)),
                 r->createdAt.msecsTo(r->failedAt));
        const QList<AuditEntry> audit = auditOf(*store, "environment.provision");
        QCOMPARE(audit.size(), 1);
        QCOMPARE(audit.first().result, QStringLiteral("failed"));
        QVERIFY(audit.first().detail.contains("port is already allocated"));

        // A recycle that fails leaves it live (ready), with the reason.
        const auto b = envs.begin(request("envstore-b"), &error);
        QVERIFY(b && envs.markReady(b->id, &error) && envs.beginRecycle(b->id, &error));
        QVERIFY(envs.recycleFailed(b->id, "removing network: has active endpoints", &error));
        r = envs.record(b->id);
        QCOMPARE(r->state, EnvironmentRecord::State::Ready);
        QCOMPARE(r->error, QStringLiteral("removing network: has active endpoints"));
        QCOMPARE(auditOf(*store, "environment.recycle").first().result, QStringLiteral("failed"));
    }

    void transitionsAreAtomic() {
        QTemporaryDir dir;
        auto store = openWithTemplate(dir.filePath("s.sqlite"));
        QVERIFY(store);
        EnvironmentStore envs(store->database());
        QString error;
        const auto a = envs.begin(request("envstore-atomic"), &error);
        QVERIFY2(a, qPrintable(error));
        // The audit row cannot be written: the state change is undone with it.
        QSqlQuery q(store->database());
        QVERIFY2(q.exec("ALTER TABLE audit_log RENAME TO audit_log_away"),
                 qPrintable(q.lastError().text()));
        QVERIFY(!envs.markReady(a->id, &error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(stateOf(*store, a->id), QStringLiteral("provisioning"));
        QVERIFY(envs.record(a->id)->readyAt.isNull());
        QVERIFY(q.exec("ALTER TABLE audit_log_away RENAME TO audit_log"));
        QVERIFY2(envs.markReady(a->id, &error), qPrintable(error));
        QCOMPARE(stateOf(*store, a->id), QStringLiteral("ready"));
    }

    void liveNamesAreUnique() {
        QTemporaryDir dir;
        auto store = openWithTemplate(dir.filePath("s.sqlite"));
        QVERIFY(store);
        EnvironmentStore envs(store->database());
        QString error;
        const auto first = envs.begin(request("envstore-same"), &error);
        QVERIFY2(first, qPrintable(error));
        QVERIFY(!envs.begin(request("envstore-same", "bob"), &error));
        QVERIFY2(error.contains("envstore-same") && error.contains("alice"), qPrintable(error));
        QVERIFY(envs.markReady(first->id, &error));
        QVERIFY(!envs.begin(request("envstore-same"), &error));
        // The database refuses it too, whoever writes the row.
        QSqlQuery q(store->database());
        QVERIFY(!q.exec("INSERT INTO environments (id, name, template, template_version, kind, "
                        "os_user, state, created_at, updated_at) VALUES ('x', 'envstore-same', "
                        "'shop', 1, 'test', 'eve', 'provisioning', 'x', 'x')"));
        // The words EnvironmentStore::begin() turns into its own message when it loses a race.
        QVERIFY2(q.lastError().text().contains("environments.name"),
                 qPrintable(q.lastError().text()));

        QVERIFY(envs.beginRecycle(first->id, &error));
        QVERIFY(!envs.begin(request("envstore-same"), &error)); // recycling is still live
        QVERIFY(envs.markRecycled(first->id, &error));
        const auto second = envs.begin(request("envstore-same"), &error);
        QVERIFY2(second, qPrintable(error));
        QVERIFY(second->id != first->id);
        QVERIFY(envs.markFailed(second->id, "boom", &error));
        const auto third = envs.begin(request("envstore-same"), &error);
        QVERIFY2(third, qPrintable(error));
        QCOMPARE(envs.liveByName("envstore-same")->id, third->id);
        // A failed one cannot come back to life beside a live namesake: its recycle would
        // remove the other's containers.
        QVERIFY(!envs.beginRecycle(second->id, &error));
        QCOMPARE(envs.record(second->id)->state, EnvironmentRecord::State::Failed);
        QCOMPARE(envs.all().size(), 3);
    }

    void badRequestsAreRefused() {
        QTemporaryDir dir;
        auto store = openWithTemplate(dir.filePath("s.sqlite"));
        QVERIFY(store);
        EnvironmentStore envs(store->database());
        QString error;
        QVERIFY(!envs.begin(request("Bad Name"), &error));
        QVERIFY2(error.contains("Bad Name"), qPrintable(error));
        QVERIFY(!envs.begin(request(""), &error));
        EnvironmentRecord r = request("envstore-v9");
        r.templateVersion = 9;
        QVERIFY(!envs.begin(r, &error));
        QVERIFY2(error.contains("version 9"), qPrintable(error));
        r = request("envstore-kind");
        r.kind = "staging";
        QVERIFY(!envs.begin(r, &error));
        QVERIFY2(error.contains("staging"), qPrintable(error));
        QVERIFY(envs.all().isEmpty());
    }

    void overridesAreMasked() {
        QTemporaryDir dir;
        const QString path = dir.filePath("s.sqlite");
        auto store = openWithTemplate(path);
        QVERIFY(store);
        {
            EnvironmentStore envs(store->database());
            QString error;
            EnvironmentRecord r = request("envstore-secret");
            r.overrides = {
                {"DB_PASSWORD", "hunter22-db"}, {"LICENSE", "hunter22-lic"}, {"GREETING", "hello"}};
            r.secretKeys = {"LICENSE"};
            const auto begun = envs.begin(r, &error);
            QVERIFY2(begun, qPrintable(error));
            QVERIFY(envs.markReady(begun->id, &error));
            const auto stored = envs.record(begun->id);
            QCOMPARE(stored->overrides.value("GREETING"), QStringLiteral("hello"));
            QCOMPARE(stored->overrides.value("DB_PASSWORD"), SecretEnv::mask());
            QCOMPARE(stored->overrides.value("LICENSE"), SecretEnv::mask());
            QCOMPARE(stored->secretKeys, QStringList({"DB_PASSWORD", "LICENSE"}));
            const AuditEntry audit = auditOf(*store, "environment.provision").first();
            QVERIFY2(audit.detail.contains("GREETING=hello") &&
                         audit.detail.contains("LICENSE=" + SecretEnv::mask()),
                     qPrintable(audit.detail));
        }
        store.reset();
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("hunter22"));
    }

    void listingsAndSweep() {
        QTemporaryDir dir;
        const QString path = dir.filePath("s.sqlite");
        QString ids[4];
        {
            auto store = openWithTemplate(path);
            QVERIFY(store);
            EnvironmentStore envs(store->database());
            QString error;
            const char *names[] = {"envstore-1", "envstore-2", "envstore-3", "envstore-4"};
            const char *users[] = {"alice", "alice", "bob", "alice"};
            for (int i = 0; i < 4; ++i) {
                const auto r = envs.begin(request(names[i], users[i]), &error);
                QVERIFY2(r, qPrintable(error));
                ids[i] = r->id;
            }
            QVERIFY(envs.markReady(ids[1], &error) && envs.markReady(ids[2], &error));
            QVERIFY(envs.markReady(ids[3], &error) && envs.beginRecycle(ids[3], &error));
            QVERIFY(envs.markRecycled(ids[3], &error));
            QVERIFY(envs.beginRecycle(ids[1], &error));
            // The process dies here: ids[0] provisioning, ids[1] recycling.
        }
        auto store = Store::open(path);
        QVERIFY(store);
        EnvironmentStore envs(store->database());
        const auto names = [](const QList<EnvironmentRecord> &list) {
            QStringList out;
            for (const EnvironmentRecord &r : list)
                out.append(r.name);
            out.sort();
            return out;
        };
        QCOMPARE(names(envs.all()),
                 QStringList({"envstore-1", "envstore-2", "envstore-3", "envstore-4"}));
        QCOMPARE(names(envs.live()), QStringList({"envstore-1", "envstore-2", "envstore-3"}));
        QCOMPARE(names(envs.mine("alice")), QStringList({"envstore-1", "envstore-2"}));
        QCOMPARE(names(envs.mine("alice", true)),
                 QStringList({"envstore-1", "envstore-2", "envstore-4"}));
        QCOMPARE(names(envs.mine("bob")), QStringList({"envstore-3"}));
        QCOMPARE(envs.all(2).size(), 2);
        const QList<EnvironmentRecord> stuck = envs.unfinished();
        QCOMPARE(names(stuck), QStringList({"envstore-1", "envstore-2"}));
        QCOMPARE(stuck.first().owner, EnvironmentStore::processOwner());
        // Recovery ends them.
        QString error;
        QVERIFY(envs.markFailed(ids[0], "interrupted: Slipway stopped mid-provision", &error));
        QVERIFY(envs.markRecycled(ids[1], &error));
        QVERIFY(envs.unfinished().isEmpty());
    }

    void migrationSpeaksBothDialects() {
        const Migration sqlite = environmentsMigration(SqlDialect::Sqlite);
        const Migration postgres = environmentsMigration(SqlDialect::Postgres);
        QCOMPARE(sqlite.version, 7);
        QCOMPARE(postgres.version, sqlite.version);
        QVERIFY(sqlite.statements.join(' ').contains("content BLOB"));
        QVERIFY(postgres.statements.join(' ').contains("content BYTEA"));
        QVERIFY(!postgres.statements.join(' ').contains("BLOB"));
        // The built-in kinds are seeded by the migration itself, once.
        QCOMPARE(postgres.statements.filter("INSERT INTO env_kinds").size(), 3);
    }

    void previousSchemaIsUpgraded() {
        QTemporaryDir dir;
        const QString path = dir.filePath("v6.sqlite");
        const int previous = environmentsMigration(SqlDialect::Sqlite).version - 1;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), "v6");
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, "
                           "description VARCHAR(255) NOT NULL, applied_at VARCHAR(32) NOT NULL)"));
            for (const Migration &m : migrations(SqlDialect::Sqlite)) {
                if (m.version > previous)
                    break;
                for (const QString &sql : m.statements)
                    QVERIFY2(q.exec(sql), qPrintable(q.lastError().text()));
                QString why;
                if (m.rewrite)
                    QVERIFY2(m.rewrite(db, &why), qPrintable(why));
                QVERIFY(q.exec(QStringLiteral("INSERT INTO schema_migrations VALUES (%1, 'x', 'y')")
                                   .arg(m.version)));
            }
            QVERIFY(q.exec("INSERT INTO hosts (id, name, url, updated_at) VALUES ('h', 'one', "
                           "'unix:///x.sock', 'x')"));
            QVERIFY(q.exec("INSERT INTO audit_log (at, os_user, action, result) VALUES ('x', "
                           "'ops', 'host.add', 'ok')"));
            QVERIFY(!q.exec("SELECT 1 FROM environments"));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v6"));
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner));

        QString error;
        auto store = Store::open(path, &error);
        QVERIFY2(store, qPrintable(error));
        QCOMPARE(store->schemaVersion(), migrations(SqlDialect::Sqlite).last().version);
        QCOMPARE(store->userHosts().size(), 1);
        QCOMPARE(store->audit(10).size(), 1);
        TemplateContent c;
        c.files.insert(c.composeFile, "services:\n  web:\n    image: web:1\n");
        QVERIFY2(TemplateStore(store->database()).save("shop", c, &error), qPrintable(error));
        EnvironmentStore envs(store->database());
        const auto r = envs.begin(request("envstore-upgraded"), &error);
        QVERIFY2(r, qPrintable(error));
        QVERIFY(envs.markReady(r->id, &error));
        QCOMPARE(envs.live().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestEnvironmentStore)
#include "tst_environmentstore.moc"
