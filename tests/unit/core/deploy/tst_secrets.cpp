// Secrets (issue 11): a deployment's config keeps the keys of its secrets, never their values,
// in memory once read back, in its JSON, in the database file and in the audit log; display
// masks them; SecretResolver finds a value in the order given → environment → secrets file →
// running replicas and refuses a secrets file others can read; migration 4 scrubs what older
// versions stored.
#include "core/deploy/deploymentrecord.h"
#include "core/deploy/deploymentstore.h"
#include "core/deploy/secretenv.h"
#include "core/deploy/secretresolver.h"
#include "core/store/migrations.h"
#include "core/store/store.h"
#include "tests/support/teststore.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QtTest>

using namespace slipway::core;

namespace {

const QString kValue = QStringLiteral("hunter2-not-for-eyes");
const QString kUrl = QStringLiteral("postgres://app:pa55word@db:5432/shop");

DeploymentConfig withSecrets() {
    DeploymentConfig c;
    c.image = QStringLiteral("127.0.0.1:5515/slipway/web:1.1.0");
    c.digest = QStringLiteral("sha256:") + QString(64, QLatin1Char('a'));
    c.env = {QStringLiteral("GREETING=hi"), QStringLiteral("DB_PASSWORD=") + kValue,
             QStringLiteral("DATABASE_URL=") + kUrl, QStringLiteral("api_token=t0k3n-value")};
    c.secret = {QStringLiteral("DATABASE_URL")}; // marked by the user; the others by their name
    return c;
}

QByteArray fileBytes(const QString &path) {
    QByteArray all;
    for (const QString &suffix : {QString(), QStringLiteral("-journal"), QStringLiteral("-wal")}) {
        QFile f(path + suffix);
        if (f.open(QIODevice::ReadOnly))
            all += f.readAll();
    }
    return all;
}

// What the database keeps: the SQLite file's bytes (free pages included), or on the team
// database every value of the tables a secret could reach.
QByteArray storedBytes(const QTemporaryDir &dir, const QString &file) {
    if (!slipway::test::testStoreOnPostgres())
        return fileBytes(dir.filePath(file));
    QByteArray all;
    {
        QSqlDatabase db =
            slipway::test::rawTestDatabase(dir, file, QStringLiteral("scan"), nullptr);
        for (const char *table : {"deployments", "audit_log"}) {
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("SELECT * FROM %1").arg(QLatin1String(table))))
                continue;
            while (q.next())
                for (int i = 0; i < q.record().count(); ++i)
                    all += q.value(i).toString().toUtf8() + '\n';
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("scan"));
    return all;
}

void writeFile(const QString &path, const QByteArray &text, QFile::Permissions permissions) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text);
    f.close();
    QVERIFY(f.setPermissions(permissions));
}

constexpr QFile::Permissions kPrivate = QFile::ReadOwner | QFile::WriteOwner;

} // namespace

class TestSecrets : public QObject {
    Q_OBJECT

private slots:
    void patternNamesAreSecret() {
        for (const char *name : {"DB_PASSWORD", "password", "CLIENT_SECRET", "GITHUB_TOKEN",
                                 "api_key", "SSH_KEY_FILE", "Stripe_Secret_Key"})
            QVERIFY2(SecretEnv::looksSecret(QLatin1String(name)), name);
        for (const char *name : {"GREETING", "DATABASE_URL", "PORT", "LOG_LEVEL"})
            QVERIFY2(!SecretEnv::looksSecret(QLatin1String(name)), name);
    }

    void configJsonNeverHoldsTheValue() {
        DeploymentConfig c = withSecrets();
        const QString json = c.toJson();
        for (const QString &value : {kValue, kUrl, QStringLiteral("t0k3n-value")})
            QVERIFY2(!json.contains(value), qPrintable(json));
        QString error;
        const auto back = DeploymentConfig::fromJson(json, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->env, QStringList{QStringLiteral("GREETING=hi")});
        QCOMPARE(back->secret,
                 (QStringList{QStringLiteral("DATABASE_URL"), QStringLiteral("DB_PASSWORD"),
                              QStringLiteral("api_token")}));

        // takeSecrets() hands the values over once, for the change that uses them.
        const SecretValues values = c.takeSecrets();
        QCOMPARE(values.value(QStringLiteral("DB_PASSWORD")), kValue);
        QCOMPARE(values.value(QStringLiteral("DATABASE_URL")), kUrl);
        QCOMPARE(c.env, QStringList{QStringLiteral("GREETING=hi")});
        QCOMPARE(c.secret, back->secret);
        QCOMPARE(c.toJson(), json);

        // A config without secrets is written as before: no "secret" member.
        DeploymentConfig plain;
        plain.image = QStringLiteral("web:1");
        plain.env = {QStringLiteral("A=1")};
        QVERIFY(!plain.toJson().contains(QStringLiteral("secret")));
    }

    void storedRecordAndFileNeverHoldTheValue() {
        QTemporaryDir dir;
        const QString file = QStringLiteral("db.sqlite");
        QString error;
        {
            auto store = slipway::test::openTestStore(dir, &error, file);
            QVERIFY2(store, qPrintable(error));
            DeploymentStore s(store->database());
            DeploymentRecord r;
            r.app = QStringLiteral("web");
            r.env = QStringLiteral("prod");
            r.version = QStringLiteral("1.1.0");
            r.config = withSecrets(); // as a request brings it, values included
            r.replicas = 1;
            r.osUser = QStringLiteral("ops");
            r.startedAt = QDateTime::currentDateTimeUtc();
            const qint64 id = s.insert(r, QStringLiteral("m:1"), &error);
            QVERIFY2(id > 0, qPrintable(error));
            QVERIFY(s.updateConfig(id, r.version, withSecrets(), &error));
            const auto back = s.record(id);
            QVERIFY(back);
            QCOMPARE(back->config.maskedEnv(), (QStringList{QStringLiteral("GREETING=hi"),
                                                            QStringLiteral("DATABASE_URL=******"),
                                                            QStringLiteral("DB_PASSWORD=******"),
                                                            QStringLiteral("api_token=******")}));
            AuditEntry e;
            e.action = QStringLiteral("app.deploy");
            e.target = QStringLiteral("web/prod 1.1.0");
            e.result = QStringLiteral("failed");
            e.detail = QStringLiteral("creating web-prod-1-1: invalid env DB_PASSWORD=") + kValue;
            QVERIFY(store->appendAudit(e, &error));
            QCOMPARE(store->audit(1).first().detail,
                     QStringLiteral("creating web-prod-1-1: invalid env DB_PASSWORD=******"));
        }
        const QByteArray bytes = storedBytes(dir, file);
        QVERIFY(!bytes.isEmpty());
        QVERIFY(!bytes.contains(kValue.toUtf8()));
        QVERIFY(!bytes.contains(kUrl.toUtf8()));
        QVERIFY(!bytes.contains("t0k3n-value"));
    }

    void masking() {
        QCOMPARE(SecretEnv::masked(
                     {QStringLiteral("A=1"), QStringLiteral("my_token=x"), QStringLiteral("URL=u")},
                     {QStringLiteral("URL"), QStringLiteral("EXTRA")}),
                 (QStringList{QStringLiteral("A=1"), QStringLiteral("my_token=******"),
                              QStringLiteral("URL=******"), QStringLiteral("EXTRA=******")}));
        QCOMPARE(SecretEnv::scrub(QStringLiteral("bad: DB_PASSWORD=abc def, API_KEY=\"a b\" "
                                                 "KEYBOARD=us")),
                 QStringLiteral("bad: DB_PASSWORD=****** def, API_KEY=****** KEYBOARD=******"));
        QCOMPARE(SecretEnv::scrub(QStringLiteral("url postgres://u:pw@h is wrong (GREETING=hi)"),
                                  {{QStringLiteral("URL"), QStringLiteral("postgres://u:pw@h")}}),
                 QStringLiteral("url ****** is wrong (GREETING=hi)"));
        QCOMPARE(SecretEnv::scrub(QStringLiteral("PASSWORD=abc token=xyz")),
                 QStringLiteral("PASSWORD=****** token=******"));
        // Too short to mask without mangling the text around it.
        QCOMPARE(SecretEnv::scrub(QStringLiteral("port 80"), {{QStringLiteral("X"), "8"}}),
                 QStringLiteral("port 80"));
    }

    void resolutionOrder() {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("secrets.env"));
        writeFile(file,
                  "# shared\nA=from-file\nB=from-file\nC=from-file\n"
                  "[web/prod]\nB=from-section\n[web/dev]\nC=other-section\n",
                  kPrivate);
        SecretResolver::Sources sources;
        sources.app = QStringLiteral("web");
        sources.env = QStringLiteral("prod");
        sources.file = file;
        sources.environment = QProcessEnvironment();
        sources.environment.insert(QStringLiteral("GIVEN"), QStringLiteral("from-environment"));
        sources.environment.insert(QStringLiteral("ENVIRONMENT"),
                                   QStringLiteral("from-environment"));
        sources.environment.insert(QStringLiteral("A"), QStringLiteral("from-environment"));
        sources.given = {{QStringLiteral("GIVEN"), QStringLiteral("given")}};
        QStringList asked;
        sources.running = [&](const QStringList &missing) {
            asked = missing;
            return SecretValues{{QStringLiteral("RUNNING"), QStringLiteral("from-replicas")},
                                {QStringLiteral("B"), QStringLiteral("from-replicas")}};
        };
        SecretValues out;
        QString error;
        QVERIFY2(SecretResolver::resolve({QStringLiteral("GIVEN"), QStringLiteral("ENVIRONMENT"),
                                          QStringLiteral("A"), QStringLiteral("B"),
                                          QStringLiteral("C"), QStringLiteral("RUNNING")},
                                         sources, &out, &error),
                 qPrintable(error));
        QCOMPARE(out.value(QStringLiteral("GIVEN")), QStringLiteral("given"));
        QCOMPARE(out.value(QStringLiteral("ENVIRONMENT")), QStringLiteral("from-environment"));
        QCOMPARE(out.value(QStringLiteral("A")), QStringLiteral("from-environment"));
        QCOMPARE(out.value(QStringLiteral("B")), QStringLiteral("from-section"));
        QCOMPARE(out.value(QStringLiteral("C")), QStringLiteral("from-file"));
        QCOMPARE(out.value(QStringLiteral("RUNNING")), QStringLiteral("from-replicas"));
        QCOMPARE(asked, QStringList{QStringLiteral("RUNNING")}); // only what nothing else had

        // Nowhere: refused, naming the key and both places to put it.
        out.clear();
        QVERIFY(!SecretResolver::resolve({QStringLiteral("DB_PASSWORD")}, sources, &out, &error));
        QVERIFY2(error.contains(QStringLiteral("DB_PASSWORD")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("--secret-env DB_PASSWORD")), qPrintable(error));
        QVERIFY2(error.contains(file), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("[web/prod]")), qPrintable(error));
        QVERIFY(out.isEmpty());
    }

    void secretsFileMustBePrivate() {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("secrets.env"));
        writeFile(file, "DB_PASSWORD=" + kValue.toUtf8() + "\n",
                  kPrivate | QFile::ReadGroup | QFile::ReadOther);
        SecretValues out;
        QString error;
        QVERIFY(!SecretResolver::readFile(file, QStringLiteral("web"), QStringLiteral("prod"), &out,
                                          &error));
        QVERIFY2(error.contains(file) && error.contains(QStringLiteral("0644")) &&
                     error.contains(QStringLiteral("chmod 600")),
                 qPrintable(error));
        QVERIFY(out.isEmpty());
        // resolve() refuses too, rather than reading past it.
        SecretResolver::Sources sources;
        sources.app = QStringLiteral("web");
        sources.env = QStringLiteral("prod");
        sources.environment = QProcessEnvironment();
        sources.file = file;
        QVERIFY(!SecretResolver::resolve({QStringLiteral("DB_PASSWORD")}, sources, &out, &error));
        QVERIFY2(error.contains(QStringLiteral("chmod 600")), qPrintable(error));

        QVERIFY(QFile::setPermissions(file, kPrivate | QFile::WriteGroup));
        QVERIFY(!SecretResolver::readFile(file, QStringLiteral("web"), QStringLiteral("prod"), &out,
                                          &error));
        QVERIFY(QFile::setPermissions(file, kPrivate));
        QVERIFY2(SecretResolver::readFile(file, QStringLiteral("web"), QStringLiteral("prod"), &out,
                                          &error),
                 qPrintable(error));
        QCOMPARE(out.value(QStringLiteral("DB_PASSWORD")), kValue);

        // No file: no values, no error.
        out.clear();
        QVERIFY(SecretResolver::readFile(dir.filePath(QStringLiteral("absent.env")),
                                         QStringLiteral("web"), QStringLiteral("prod"), &out,
                                         &error));
        QVERIFY(out.isEmpty());

        // A bad line is refused by its number, never quoted (it may be a value).
        writeFile(file, "A=1\n" + kValue.toUtf8() + "\n", kPrivate);
        QVERIFY(!SecretResolver::readFile(file, QStringLiteral("web"), QStringLiteral("prod"), &out,
                                          &error));
        QVERIFY2(error.contains(QStringLiteral("line 2")), qPrintable(error));
        QVERIFY(!error.contains(kValue));
    }

    void defaultFileFollowsXdg() {
        const QByteArray before = qgetenv("XDG_CONFIG_HOME");
        qputenv("XDG_CONFIG_HOME", "/somewhere/config");
        QCOMPARE(SecretResolver::defaultFile(),
                 QStringLiteral("/somewhere/config/slipway/secrets.env"));
        qunsetenv("XDG_CONFIG_HOME");
        QCOMPARE(SecretResolver::defaultFile(),
                 QDir::homePath() + QStringLiteral("/.config/slipway/secrets.env"));
        if (!before.isNull())
            qputenv("XDG_CONFIG_HOME", before);
    }

    // A database written by version 3 (secrets stored whole) is scrubbed when opened: the keys
    // stay, the values go from the configs, details and audit rows, and from the file itself;
    // the audit log is append-only again afterwards.
    void migrationScrubsOldRecords() {
        QTemporaryDir dir;
        const QString file = QStringLiteral("old.sqlite");
        QString error;
        {
            QSqlDatabase db = slipway::test::rawTestDatabase(dir, file, "v3", &error);
            QVERIFY2(db.isOpen(), qPrintable(error));
            const SqlDialect dialect =
                slipway::test::testStoreOnPostgres() ? SqlDialect::Postgres : SqlDialect::Sqlite;
            QVERIFY2(Store::migrateTo(db, dialect, 3, &error), qPrintable(error));
            QSqlQuery q(db);
            // As version 3 wrote it: the environment whole.
            const QString config =
                QStringLiteral("{\"cmd\":[],\"digest\":\"sha256:%1\",\"env\":[\"GREETING=hi\","
                               "\"DB_PASSWORD=%2\"],\"healthCmd\":\"\",\"image\":\"web:1\","
                               "\"network\":\"\",\"publish\":[]}")
                    .arg(QString(64, QLatin1Char('b')), kValue);
            QVERIFY(q.prepare("INSERT INTO deployments (app, env, version, kind, config, "
                              "replicas, os_user, started_at, result, detail) VALUES ('web', "
                              "'prod', '1', 'deploy', ?, 1, 'ops', 'x', 'failed', ?)"));
            q.addBindValue(config);
            q.addBindValue(QStringLiteral("creating: bad env API_TOKEN=") + kValue);
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
            QVERIFY(q.prepare("INSERT INTO audit_log (at, os_user, action, target, result, "
                              "detail) VALUES ('x', 'ops', 'app.deploy', 'web/prod 1', "
                              "'failed', ?)"));
            q.addBindValue(QStringLiteral("creating: bad env DB_PASSWORD=") + kValue);
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v3"));
        QVERIFY(storedBytes(dir, file).contains(kValue.toUtf8()));

        {
            auto store = slipway::test::openTestStore(dir, &error, file);
            QVERIFY2(store, qPrintable(error));
            QCOMPARE(store->schemaVersion(), migrations(SqlDialect::Sqlite).last().version);
            // Migration 5 gave this database and its old records identities of their own.
            QCOMPARE(store->storeId().size(), 36);
            DeploymentStore s(store->database());
            const auto history = s.history(QStringLiteral("web"), QStringLiteral("prod"));
            for (const auto &record : history)
                QCOMPARE(record.uid.size(), 36);
            QCOMPARE(history.size(), 1);
            QCOMPARE(history.first().config.env, QStringList{QStringLiteral("GREETING=hi")});
            QCOMPARE(history.first().config.secret, QStringList{QStringLiteral("DB_PASSWORD")});
            QCOMPARE(history.first().detail, QStringLiteral("creating: bad env API_TOKEN=******"));
            QCOMPARE(store->audit(1).first().detail,
                     QStringLiteral("creating: bad env DB_PASSWORD=******"));
            // Still append-only.
            QSqlQuery q(store->database());
            QVERIFY(!q.exec(QStringLiteral("UPDATE audit_log SET result = 'ok'")));
            QVERIFY2(q.lastError().text().contains(QStringLiteral("append-only")),
                     qPrintable(q.lastError().text()));
        }
        QVERIFY(!storedBytes(dir, file).contains(kValue.toUtf8()));
    }
};

QTEST_GUILESS_MAIN(TestSecrets)
#include "tst_secrets.moc"
