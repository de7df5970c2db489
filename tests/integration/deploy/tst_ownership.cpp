// Two workstations on one fleet: separate slipctl processes, each with a HOME (and so a
// database) of its own, against the private engine. What one store deploys is never stopped,
// removed or collided with by the other; replicas of an earlier Slipway (a number in their
// labels, no store) are adopted explicitly before a store changes them.
#include "engine/dockerclient.h"
#include "tests/support/slipctlrun.h"
#include "tests/support/testenv.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace slipway;

class TestOwnership : public QObject {
    Q_OBJECT

    QTemporaryDir homeA_;
    QTemporaryDir homeB_;
    std::unique_ptr<engine::DockerClient> client_;
    QStringList apps_;

    test::SlipctlRun slipctl(const QTemporaryDir &home, QStringList args) {
        args << QStringLiteral("--host") << test::dockerHost();
        return test::runSlipctl(args, home.path(), {}, std::chrono::seconds(180));
    }

    QString app(const char *prefix) {
        apps_.append(QString::fromStdString(test::uniqueName(prefix)));
        return apps_.last();
    }

    QString image(const char *tag) const {
        return test::registry() + QStringLiteral("/slipway/web:") + QLatin1String(tag);
    }

    std::vector<engine::ContainerSummary> containers(const QString &app, bool all = true) {
        engine::Filters f;
        f["label"] = {"slipway.app=" + app.toStdString()};
        auto r = client_->containers(all, f).wait();
        return r ? r.value() : std::vector<engine::ContainerSummary>{};
    }

    QStringList ids(const QString &app, bool all = true) {
        QStringList out;
        for (const auto &c : containers(app, all))
            out.append(QString::fromStdString(c.id));
        out.sort();
        return out;
    }

    // A replica as an earlier Slipway started it: its deployment number and no store.
    QString legacyReplica(const QString &app, const QString &env, const QString &name) {
        engine::ContainerCreate spec;
        spec.name = name.toStdString();
        spec.image = image("1.0.0").toStdString();
        spec.labels["slipway.app"] = app.toStdString();
        spec.labels["slipway.env"] = env.toStdString();
        spec.labels["slipway.version"] = "1.0.0";
        spec.labels["slipway.deployment"] = "1";
        spec.restartPolicy.name = "unless-stopped";
        auto created = client_->createContainer(spec).wait();
        if (!created || !client_->startContainer(created.value()).wait())
            return {};
        return QString::fromStdString(created.value());
    }

private slots:
    void initTestCase() {
        if (test::dockerHost().isEmpty() || test::registry().isEmpty())
            QFAIL(test::missingServicesMessage().constData());
        QVERIFY(homeA_.isValid() && homeB_.isValid());
        client_ = test::makeClient();
    }

    void cleanupTestCase() {
        if (!client_)
            return;
        for (const QString &a : std::as_const(apps_))
            for (const auto &c : containers(a))
                (void)client_->removeContainer(c.id, true).wait();
    }

    // The first scenario: B's recovery after B's own failed #1 removed A's healthy #1.
    void recoveryLeavesAnotherStoresReplicas() {
        const QString shop = app("own-shop");
        const QString bad = app("own-bad");
        auto r = slipctl(homeA_, {"deploy", shop, "--env", "prod", "--image", image("1.0.0"),
                                  "--replicas", "2"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QStringList shopReplicas = ids(shop, false);
        QCOMPARE(shopReplicas.size(), 2);

        // web:2.0.0 never turns healthy: B's first deployment fails.
        r = slipctl(homeB_, {"deploy", bad, "--env", "prod", "--image", image("2.0.0"),
                             "--health-timeout", "5"});
        QVERIFY(r.finished);
        QVERIFY2(r.exitCode != 0, r.out.constData());
        // Any command runs recovery first.
        r = slipctl(homeB_, {"history", bad, "--env", "prod"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(!r.err.contains("removed"), r.err.constData());
        QCOMPARE(ids(shop, false), shopReplicas);
    }

    // Numbers repeat across databases; names may not: B's first deploy of an application A
    // deployed before (and whose replicas are stopped) does not collide with A's names.
    void namesDoNotCollide() {
        const QString a = app("own-names");
        auto r = slipctl(homeA_, {"deploy", a, "--env", "t", "--image", image("1.0.0")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QStringList fromA = ids(a);
        QCOMPARE(fromA.size(), 1);
        QVERIFY(client_->stopContainer(fromA.first().toStdString(), 5).wait());

        r = slipctl(homeB_, {"deploy", a, "--env", "t", "--image", image("1.0.0")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(int(containers(a, false).size()), 1);
        // A's stopped replica is still there: B never removes what it does not own.
        QVERIFY(ids(a).contains(fromA.first()));
        QCOMPARE(ids(a).size(), 2);
    }

    // While A's replicas run, B may not change app/env, and is told who owns them.
    void anotherStoresRunningReplicasAreRefused() {
        const QString a = app("own-refuse");
        auto r = slipctl(homeA_,
                         {"deploy", a, "--env", "t", "--image", image("1.0.0"), "--replicas", "2"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QStringList fromA = ids(a, false);
        for (const QStringList &args :
             {QStringList{"deploy", a, "--env", "t", "--image", image("1.1.0")},
              QStringList{"scale", a, "--env", "t", "--replicas", "1"},
              QStringList{"undo", a, "--env", "t"}}) {
            r = slipctl(homeB_, args);
            QVERIFY(r.finished);
            QVERIFY2(r.exitCode != 0, r.out.constData());
            // scale and undo find nothing of B's own first.
            if (args.first() == QLatin1String("deploy"))
                QVERIFY2(r.err.contains("another Slipway database"), r.err.constData());
        }
        QCOMPARE(ids(a, false), fromA);
        // A itself still changes it.
        r = slipctl(homeA_, {"scale", a, "--env", "t", "--replicas", "1"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(int(containers(a, false).size()), 1);
    }

    // Replicas from before global identities: refused until adopted, then retired normally.
    void legacyReplicasAreAdoptedThenRetired() {
        const QString a = app("own-legacy");
        const QString legacy = legacyReplica(a, QStringLiteral("t"), a + QStringLiteral("-t-1-1"));
        QVERIFY(!legacy.isEmpty());

        auto r = slipctl(homeB_, {"deploy", a, "--env", "t", "--image", image("1.1.0")});
        QVERIFY(r.finished);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("adopt"), r.err.constData());
        QCOMPARE(ids(a), QStringList{legacy});

        r = slipctl(homeB_, {"adopt", a, "--env", "t", "--json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject adopted = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(adopted["kind"].toString(), QStringLiteral("adopt"));
        QCOMPARE(adopted["version"].toString(), QStringLiteral("1.0.0"));
        // Adopting twice finds nothing left.
        r = slipctl(homeB_, {"adopt", a, "--env", "t"});
        QCOMPARE(r.exitCode, 1);
        // A (another database) still may not touch it.
        r = slipctl(homeA_, {"deploy", a, "--env", "t", "--image", image("1.1.0")});
        QCOMPARE(r.exitCode, 1);

        r = slipctl(homeB_,
                    {"deploy", a, "--env", "t", "--image", image("1.1.0"), "--undo-window", "1"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const auto now = containers(a);
        QCOMPARE(int(now.size()), 1);
        QVERIFY(QString::fromStdString(now.front().id) != legacy); // retired, then removed
        QCOMPARE(QString::fromStdString(now.front().labels.at("slipway.version")),
                 QStringLiteral("1.1.0"));

        r = slipctl(homeB_, {"history", a, "--env", "t", "--json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("\"adopt\""), r.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestOwnership)
#include "tst_ownership.moc"
