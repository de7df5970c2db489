// Team mode's rights are the server's own: a login without the grant is refused by PostgreSQL
// itself (psql, no Slipway in between), the audit's "who" is the server's session_user
// whatever the client writes, and `slipctl db grant|revoke` change what a login may do.
#include "core/store/store.h"
#include "tests/support/processrun.h"
#include "tests/support/slipctlrun.h"
#include "tests/support/teamdatabase.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

using namespace slipway;

class TestTeamGrants : public QObject {
    Q_OBJECT

    std::unique_ptr<test::TeamDatabase> team_;
    QTemporaryDir home_;
    QString viewer_, operator_, nobody_;

    test::ProcessRun psql(const QString &login, const QString &sql) {
        return test::runProcess(QStringLiteral("/usr/bin/psql"),
                                {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"),
                                 QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-d"),
                                 team_->urlAs(login), QStringLiteral("-tAc"), sql},
                                test::cleanEnvironment(home_.path()), std::chrono::seconds(30));
    }

    test::SlipctlRun slipctl(QStringList args, const QString &url) {
        args << QStringLiteral("--database") << url << QStringLiteral("--data-dir")
             << home_.filePath(QStringLiteral("desk"));
        return test::runSlipctl(args, home_.path());
    }

    static QByteArray said(const test::ProcessRun &r) { return r.out + r.err; }

private slots:
    void initTestCase() {
        if (!test::TeamDatabase::available())
            QFAIL(test::TeamDatabase::missingMessage().constData());
        QVERIFY(home_.isValid());
        team_ = std::make_unique<test::TeamDatabase>();
        QVERIFY2(team_->ok(), qPrintable(team_->error()));
        const auto migrated =
            slipctl({QStringLiteral("db"), QStringLiteral("migrate")}, team_->ownerUrl());
        QVERIFY2(migrated.exitCode == 0, said(migrated).constData());
        viewer_ = team_->createLogin(QStringLiteral("viewer"));
        operator_ = team_->createLogin(QStringLiteral("op"));
        nobody_ = team_->createLogin(QStringLiteral("nobody"));
        QVERIFY2(!viewer_.isEmpty() && !operator_.isEmpty() && !nobody_.isEmpty(),
                 qPrintable(team_->error()));
        for (const auto &[login, right] : {std::pair{viewer_, QStringLiteral("viewer")},
                                           std::pair{operator_, QStringLiteral("operator")}}) {
            const auto granted = slipctl(
                {QStringLiteral("db"), QStringLiteral("grant"), login, right}, team_->ownerUrl());
            QVERIFY2(granted.exitCode == 0, said(granted).constData());
        }
    }

    void cleanupTestCase() { team_.reset(); }

    void loginWithoutGrantReadsNothing() {
        const auto r = psql(nobody_, QStringLiteral("SELECT count(*) FROM audit_log"));
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains("permission denied"), r.err.constData());
    }

    void viewerReadsButTheServerRefusesItsWrites() {
        QCOMPARE(psql(viewer_, QStringLiteral("SELECT count(*) FROM deployments")).exitCode, 0);
        for (const QString &sql :
             {QStringLiteral("DELETE FROM deployments"), QStringLiteral("DELETE FROM environments"),
              QStringLiteral("INSERT INTO audit_log (at, os_user, action, result) VALUES "
                             "('2026-01-01T00:00:00.000Z', 'x', 'forged', 'ok')"),
              QStringLiteral("UPDATE app_reconcile SET paused = 0")}) {
            const auto r = psql(viewer_, sql);
            QVERIFY2(r.exitCode != 0, qPrintable(sql));
            QVERIFY2(r.err.contains("permission denied"), r.err.constData());
        }
        // The operator may: the same statements pass the server's check.
        QCOMPARE(psql(operator_, QStringLiteral("DELETE FROM environments")).exitCode, 0);
    }

    void auditWhoIsTheServersRoleWhateverTheClientWrites() {
        const auto forged =
            psql(operator_, QStringLiteral("INSERT INTO audit_log (at, os_user, action, "
                                           "result, db_user) VALUES "
                                           "('2026-01-01T00:00:00.000Z', 'the-boss', "
                                           "'forged.entry', 'ok', 'the-boss')"));
        QVERIFY2(forged.exitCode == 0, forged.err.constData());
        const auto who =
            psql(team_->owner(), QStringLiteral("SELECT db_user FROM audit_log WHERE action = "
                                                "'forged.entry'"));
        QCOMPARE(QString::fromUtf8(who.out).trimmed(), operator_);
    }

    void recordsNameTheServersRoleToo() {
        const auto forged =
            psql(operator_, QStringLiteral("INSERT INTO app_reconcile (app, env, paused, "
                                           "paused_by) VALUES ('whoapp', 'test', 1, "
                                           "'the-boss')"));
        QVERIFY2(forged.exitCode == 0, forged.err.constData());
        const auto who =
            psql(team_->owner(),
                 QStringLiteral("SELECT paused_by FROM app_reconcile WHERE app = 'whoapp'"));
        QCOMPARE(QString::fromUtf8(who.out).trimmed(), operator_);
        // An empty "by" stays empty: resuming writes no name.
        QCOMPARE(psql(operator_, QStringLiteral("UPDATE app_reconcile SET paused = 0, paused_by "
                                                "= '' WHERE app = 'whoapp'"))
                     .exitCode,
                 0);
        QCOMPARE(QString::fromUtf8(psql(team_->owner(), QStringLiteral("SELECT paused_by FROM "
                                                                       "app_reconcile WHERE app "
                                                                       "= 'whoapp'"))
                                       .out)
                     .trimmed(),
                 QString());
    }

    void nobodyChangesTheAudit() {
        for (const QString &login : {operator_, team_->owner()}) {
            const auto r = psql(login, QStringLiteral("UPDATE audit_log SET db_user = 'x'"));
            QVERIFY(r.exitCode != 0);
            const auto d = psql(login, QStringLiteral("DELETE FROM audit_log"));
            QVERIFY(d.exitCode != 0);
        }
    }

    void storeAsViewerCannotWriteAndStoreAsOperatorIsNamedByTheServer() {
        QString error;
        core::StoreLocation where{
            home_.filePath(QStringLiteral("desk/slipway.sqlite")), team_->urlAs(viewer_), {}};
        {
            auto store = core::Store::open(where, &error);
            QVERIFY2(store, qPrintable(error));
            QVERIFY(store->team());
            store->audit(10, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            core::AuditEntry e;
            e.action = QStringLiteral("test.viewer");
            e.result = QStringLiteral("ok");
            QVERIFY(!store->appendAudit(e, &error));
            QVERIFY2(error.contains(QLatin1String("permission denied")), qPrintable(error));
        }
        where.teamUrl = team_->urlAs(operator_);
        auto store = core::Store::open(where, &error);
        QVERIFY2(store, qPrintable(error));
        core::AuditEntry e;
        e.action = QStringLiteral("test.operator");
        e.result = QStringLiteral("ok");
        e.osUser = QStringLiteral("someone-else"); // what a client claims
        QVERIFY2(store->appendAudit(e, &error), qPrintable(error));
        const auto entries = store->audit(1, &error);
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries[0].action, QStringLiteral("test.operator"));
        QCOMPARE(entries[0].dbUser, operator_);
    }

    void grantAndRevokeChangeWhatSlipctlMayDo() {
        const QStringList pause = {QStringLiteral("reconcile"), QStringLiteral("pause"),
                                   QStringLiteral("grantsapp"), QStringLiteral("--env"),
                                   QStringLiteral("test")};
        const auto refused = slipctl(pause, team_->urlAs(viewer_));
        QVERIFY(refused.exitCode != 0);
        QVERIFY2(refused.err.contains("permission denied"), said(refused).constData());
        QVERIFY2(refused.err.contains("The team database refused it"), said(refused).constData());
        QCOMPARE(slipctl({QStringLiteral("db"), QStringLiteral("grant"), viewer_,
                          QStringLiteral("operator")},
                         team_->ownerUrl())
                     .exitCode,
                 0);
        const auto allowed = slipctl(pause, team_->urlAs(viewer_));
        QVERIFY2(allowed.exitCode == 0, said(allowed).constData());
        QCOMPARE(slipctl({QStringLiteral("db"), QStringLiteral("revoke"), viewer_,
                          QStringLiteral("operator")},
                         team_->ownerUrl())
                     .exitCode,
                 0);
        QVERIFY(slipctl(pause, team_->urlAs(viewer_)).exitCode != 0);
        // Rights are not the client's to give itself.
        const auto self = slipctl(
            {QStringLiteral("db"), QStringLiteral("grant"), operator_, QStringLiteral("approver")},
            team_->urlAs(operator_));
        QVERIFY(self.exitCode != 0);
        const auto status =
            slipctl({QStringLiteral("db"), QStringLiteral("status")}, team_->urlAs(operator_));
        QVERIFY2(status.exitCode == 0, said(status).constData());
        QVERIFY(status.out.contains(operator_.toUtf8()));
        QVERIFY(status.out.contains("operator"));
        QVERIFY(!status.out.contains("approver"));
    }

    void aScopedOperatorChangesOnlyItsTargets() {
        const QString scoped = team_->createLogin(QStringLiteral("scoped"));
        QVERIFY(!scoped.isEmpty());
        const auto granted = slipctl({QStringLiteral("db"), QStringLiteral("grant"), scoped,
                                      QStringLiteral("operator"), QStringLiteral("--target"),
                                      QStringLiteral("shop/prod"), QStringLiteral("--target"),
                                      QStringLiteral("blog")},
                                     team_->ownerUrl());
        QVERIFY2(granted.exitCode == 0, said(granted).constData());
        const auto pause = [&](const QString &app, const QString &env) {
            return slipctl({QStringLiteral("reconcile"), QStringLiteral("pause"), app,
                            QStringLiteral("--env"), env},
                           team_->urlAs(scoped));
        };
        QVERIFY2(pause(QStringLiteral("shop"), QStringLiteral("prod")).exitCode == 0,
                 said(pause(QStringLiteral("shop"), QStringLiteral("prod"))).constData());
        QCOMPARE(pause(QStringLiteral("blog"), QStringLiteral("anything")).exitCode, 0);
        for (const auto &[app, env] :
             {std::pair{QStringLiteral("shop"), QStringLiteral("test")},
              std::pair{QStringLiteral("other"), QStringLiteral("prod")}}) {
            const auto refused = pause(app, env);
            QVERIFY(refused.exitCode != 0);
            QVERIFY2(refused.err.contains("row-level security"), said(refused).constData());
        }
        // The server itself, with no Slipway in between.
        const auto raw = psql(scoped, QStringLiteral("DELETE FROM app_reconcile WHERE app = "
                                                     "'grantsapp'"));
        QCOMPARE(raw.exitCode, 0);
        QCOMPARE(QString::fromUtf8(psql(team_->owner(), QStringLiteral("SELECT count(*) FROM "
                                                                       "app_reconcile WHERE app "
                                                                       "= 'grantsapp'"))
                                       .out)
                     .trimmed(),
                 QStringLiteral("1")); // its delete matched no row it may change
        QCOMPARE(psql(scoped, QStringLiteral("SELECT count(*) FROM deployments")).exitCode, 0);
        const auto status =
            slipctl({QStringLiteral("db"), QStringLiteral("status")}, team_->urlAs(scoped));
        QVERIFY2(status.out.contains("operator of blog, shop/prod"), said(status).constData());
        QCOMPARE(slipctl({QStringLiteral("db"), QStringLiteral("revoke"), scoped,
                          QStringLiteral("operator"), QStringLiteral("--target"),
                          QStringLiteral("blog")},
                         team_->ownerUrl())
                     .exitCode,
                 0);
        QVERIFY(pause(QStringLiteral("blog"), QStringLiteral("anything")).exitCode != 0);
        QCOMPARE(pause(QStringLiteral("shop"), QStringLiteral("prod")).exitCode, 0);
        const auto viewerTarget =
            slipctl({QStringLiteral("db"), QStringLiteral("grant"), scoped,
                     QStringLiteral("viewer"), QStringLiteral("--target"), QStringLiteral("x")},
                    team_->ownerUrl());
        QVERIFY(viewerTarget.exitCode != 0);
        QVERIFY2(viewerTarget.err.contains("only operator"), said(viewerTarget).constData());
    }

    void aPersonCannotMigrate() {
        const auto r =
            slipctl({QStringLiteral("db"), QStringLiteral("migrate")}, team_->urlAs(operator_));
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains("Cannot migrate"), said(r).constData());
    }

    void aPasswordInTheUrlIsRefused() {
        QString url = team_->urlAs(operator_);
        url.replace(operator_ + QLatin1Char('@'), operator_ + QStringLiteral(":secret@"));
        const auto r = slipctl({QStringLiteral("db"), QStringLiteral("status")}, url);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(".pgpass"), said(r).constData());
        QVERIFY(!r.err.contains("secret"));
    }

    void tlsVerifyFull() {
        const QString ca = qEnvironmentVariable("SLIPWAY_TEST_PG_CA");
        QVERIFY2(QFileInfo::exists(ca), "SLIPWAY_TEST_PG_CA names no file");
        const QString base =
            team_->urlAs(operator_) + QStringLiteral("?sslmode=verify-full&sslrootcert=");
        const auto good = slipctl({QStringLiteral("db"), QStringLiteral("status")}, base + ca);
        QVERIFY2(good.exitCode == 0, said(good).constData());
        // The same server checked against another CA: refused before any password is sent.
        const QString other = QFileInfo(ca).dir().filePath(QStringLiteral("other-ca.pem"));
        const auto bad = slipctl({QStringLiteral("db"), QStringLiteral("status")}, base + other);
        QVERIFY(bad.exitCode != 0);
        QVERIFY2(bad.err.contains("certificate"), said(bad).constData());
    }
};

QTEST_GUILESS_MAIN(TestTeamGrants)
#include "tst_teamgrants.moc"
