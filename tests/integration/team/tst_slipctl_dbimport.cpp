// `slipctl db import`: a desk's SQLite history (a deployment, an environment, a kind variable,
// audit rows) moved into an empty team database, which takes the desk's store identity; a
// second import is refused, and so are a bad URL and a server that does not answer.
#include "core/deploy/deploymentstore.h"
#include "core/environments/environmentstore.h"
#include "core/environments/kindstore.h"
#include "core/environments/templatestore.h"
#include "core/store/store.h"
#include "tests/support/slipctlrun.h"
#include "tests/support/teamdatabase.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace slipway::core;
using namespace slipway::core::env;
using slipway::test::TeamDatabase;

namespace {

struct Desk {
    QString storeId;
    QString deploymentUid;
    qint64 deploymentId = 0;
    QString environmentId;
};

// A desk that deployed once, provisioned an environment, set a kind variable and audited it.
bool makeDesk(const QString &dataDir, Desk *desk, QString *error) {
    auto store = Store::open(dataDir + "/slipway.sqlite", error);
    if (!store)
        return false;
    desk->storeId = store->storeId(error);
    DeploymentStore deployments(store->database());
    DeploymentRecord r;
    r.app = "web";
    r.env = "prod";
    r.version = "1.0";
    r.config.image = "web:1";
    r.replicas = 2;
    r.osUser = "alice";
    r.startedAt = QDateTime::currentDateTimeUtc();
    desk->deploymentId = deployments.insert(r, "m:1", error);
    if (desk->deploymentId <= 0 ||
        !deployments.finish(desk->deploymentId, DeploymentRecord::Result::Ok, {}, {"h1"}, 2, {},
                            error))
        return false;
    desk->deploymentUid = deployments.record(desk->deploymentId)->uid;
    TemplateContent c;
    c.files.insert(c.composeFile, "services:\n  web:\n    image: web:${TAG}\n");
    if (!TemplateStore(store->database()).save("shop", c, error))
        return false;
    KindVariable v;
    v.key = "TAG";
    v.value = "1.0";
    if (!KindStore(store->database()).setVariable("shop", "test", v, error))
        return false;
    EnvironmentRecord e;
    e.name = "import-env";
    e.templateName = "shop";
    e.templateVersion = 1;
    e.kind = "test";
    e.hostId = "h1";
    e.hostUrl = "unix:///run/import.sock";
    e.osUser = "alice";
    const auto begun = EnvironmentStore(store->database()).begin(e, error);
    if (!begun)
        return false;
    desk->environmentId = begun->id;
    AuditEntry a;
    a.action = "app.deploy";
    a.target = "web/prod 1.0";
    a.result = "ok";
    a.osUser = "alice";
    return store->appendAudit(a, error);
}

} // namespace

class TestSlipctlDbImport : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        if (!TeamDatabase::available())
            QFAIL(TeamDatabase::missingMessage().constData());
    }

    void importMovesTheHistory() {
        QTemporaryDir home;
        const QString dataDir = home.filePath("desk");
        Desk desk;
        QString error;
        QVERIFY2(makeDesk(dataDir, &desk, &error), qPrintable(error));
        TeamDatabase team;
        QVERIFY2(team.ok(), qPrintable(team.error()));
        QString teamId;
        {
            auto owner =
                Store::open(StoreLocation{home.filePath("owner.sqlite"), team.ownerUrl(), {}},
                            &error, Store::Access::Migrate);
            QVERIFY2(owner, qPrintable(error));
            teamId = owner->storeId();
            QVERIFY(teamId != desk.storeId);
        }
        // The owner may have granted a scoped operator already: that is no record to refuse.
        QVERIFY2(team.exec("INSERT INTO team_targets (role_name, app, env) VALUES ('someone', "
                           "'web', '')"),
                 qPrintable(team.error()));

        const auto run = slipway::test::runSlipctl(
            {"db", "import", "--data-dir", dataDir, "--database", team.ownerUrl()}, home.path());
        QVERIFY2(run.finished && run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.contains(desk.storeId.toUtf8()), run.out.constData());

        auto store =
            Store::open(StoreLocation{home.filePath("reader.sqlite"), team.ownerUrl(), {}}, &error);
        QVERIFY2(store, qPrintable(error));
        QCOMPARE(store->storeId(), desk.storeId);
        DeploymentStore deployments(store->database());
        const DeploymentHistory history = deployments.history("web", "prod");
        QCOMPARE(history.size(), 1);
        QCOMPARE(history.first().id, desk.deploymentId);
        QCOMPARE(history.first().uid, desk.deploymentUid);
        QCOMPARE(history.first().osUser, QStringLiteral("alice"));
        QCOMPARE(history.first().result, DeploymentRecord::Result::Ok);
        const auto env = EnvironmentStore(store->database()).record(desk.environmentId);
        QVERIFY(env);
        QCOMPARE(env->name, QStringLiteral("import-env"));
        QCOMPARE(env->osUser, QStringLiteral("alice")); // the desk's who, not the importer's
        const QList<KindVariable> vars = KindStore(store->database()).variables("shop", "test");
        QCOMPARE(vars.size(), 1);
        QCOMPARE(vars.first().value, QStringLiteral("1.0"));
        // The template's files (BLOB on the desk, BYTEA on the server) byte for byte.
        const auto shop = TemplateStore(store->database()).version("shop");
        QVERIFY(shop);
        QCOMPARE(shop->content.files.value(shop->content.composeFile),
                 QByteArray("services:\n  web:\n    image: web:${TAG}\n"));

        // The desk's audit keeps its OS user; the import is audited, by the server's role.
        const QList<AuditEntry> audit = store->audit(100);
        bool deployAudited = false, importAudited = false;
        for (const AuditEntry &a : audit) {
            deployAudited = deployAudited || (a.action == "app.deploy" && a.osUser == "alice");
            if (a.action == "db.import") {
                importAudited = true;
                QVERIFY2(a.detail.contains(desk.storeId), qPrintable(a.detail));
                QVERIFY(!a.dbUser.isEmpty());
            }
        }
        QVERIFY(deployAudited);
        QVERIFY(importAudited);

        // The server's ids go on after the imported ones.
        DeploymentRecord next = history.first();
        next.uid.clear();
        QVERIFY2(deployments.insert(next, "m:2", &error) > desk.deploymentId, qPrintable(error));

        // Twice is refused, naming what is there; nothing changes.
        const auto again = slipway::test::runSlipctl(
            {"db", "import", "--data-dir", dataDir, "--database", team.ownerUrl()}, home.path());
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains("already has records") && again.err.contains("deployments"),
                 again.err.constData());
        QCOMPARE(deployments.history("web", "prod").size(), 2);
    }

    void badTargetsAreClearErrors() {
        QTemporaryDir home;
        const QString dataDir = home.filePath("desk");
        Desk desk;
        QString error;
        QVERIFY2(makeDesk(dataDir, &desk, &error), qPrintable(error));

        auto run = slipway::test::runSlipctl({"db", "import", "--data-dir", dataDir, "--database",
                                              "postgresql://u:secret@127.0.0.1/x"},
                                             home.path());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("password") && !run.err.contains("secret"), run.err.constData());

        // Nothing listens on port 1 of loopback.
        run = slipway::test::runSlipctl(
            {"db", "import", "--data-dir", dataDir, "--database", "postgresql://127.0.0.1:1/x"},
            home.path());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("Cannot connect"), run.err.constData());

        run = slipway::test::runSlipctl({"db", "import", "--data-dir", home.filePath("nothing"),
                                         "--database", "postgresql://127.0.0.1:1/x"},
                                        home.path());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("no desk database"), run.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestSlipctlDbImport)
#include "tst_slipctl_dbimport.moc"
