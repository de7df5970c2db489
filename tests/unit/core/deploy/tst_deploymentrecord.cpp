// Deployment records: the configuration survives its JSON round trip, references are pinned
// by digest, publish specs are checked before any call, placement picks the least-loaded hosts,
// and the DeploymentStore keeps records, retention and retired replicas in a real SQLite file
// created by migration 3.
#include "core/deploy/deploymentrecord.h"
#include "core/deploy/deploymentstore.h"
#include "core/deploy/placement.h"
#include "core/deploy/publishspec.h"
#include "core/deploy/reconcilesettings.h"
#include "core/store/store.h"
#include "tests/support/teststore.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace slipway::core;

class TestDeploymentRecord : public QObject {
    Q_OBJECT

    static DeploymentConfig sample() {
        DeploymentConfig c;
        c.image = QStringLiteral("127.0.0.1:5515/slipway/web:1.1.0");
        c.digest = QStringLiteral("sha256:") + QString(64, QLatin1Char('a'));
        c.env = {QStringLiteral("A=1"), QStringLiteral("B=x=y")};
        c.publish = {QStringLiteral("0:8080")};
        c.cmd = {QStringLiteral("httpd"), QStringLiteral("-f")};
        c.healthCmd = QStringLiteral("wget -q -O /dev/null http://127.0.0.1:8080/health");
        c.network = QStringLiteral("backend");
        return c;
    }

    static DeploymentRecord record(const QString &version, DeploymentRecord::Result result) {
        DeploymentRecord r;
        r.app = QStringLiteral("web");
        r.env = QStringLiteral("prod");
        r.version = version;
        r.config = sample();
        r.config.digest = QStringLiteral("sha256:") + QString(64, version.at(0));
        r.replicas = 3;
        r.hosts = {QStringLiteral("h1"), QStringLiteral("h2")};
        r.osUser = QStringLiteral("ops");
        r.startedAt = QDateTime::currentDateTimeUtc();
        r.result = result;
        return r;
    }

private slots:
    void configRoundTrip() {
        const DeploymentConfig c = sample();
        QString error;
        const auto back = DeploymentConfig::fromJson(c.toJson(), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(*back, c);
    }

    // The monitor period and the probe are stored with the deployment; a record written before
    // they existed reads as the default period and no probe, and bad values are refused.
    void monitorAndProbe() {
        DeploymentConfig c = sample();
        c.monitorMs = 0;
        c.probe = QStringLiteral("http://:8080/health");
        QString error;
        auto back = DeploymentConfig::fromJson(c.toJson(), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->monitorMs, 0);
        QCOMPARE(back->probe, c.probe);
        QCOMPARE(*back, c);

        back = DeploymentConfig::fromJson(QStringLiteral("{\"image\":\"web:1\"}"), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->monitorMs, DeploymentConfig::kDefaultMonitorMs);
        QVERIFY(back->probe.isEmpty());

        for (const char *bad :
             {"{\"image\":\"web:1\",\"monitorMs\":-1}", "{\"image\":\"web:1\",\"monitorMs\":\"5\"}",
              "{\"image\":\"web:1\",\"monitorMs\":1.5}",
              "{\"image\":\"web:1\",\"monitorMs\":1e12}"}) {
            error.clear();
            QVERIFY2(!DeploymentConfig::fromJson(QString::fromLatin1(bad), &error), bad);
            QVERIFY2(error.contains(QStringLiteral("monitorMs")), qPrintable(error));
        }
        for (const char *bad : {"{\"image\":\"web:1\",\"probe\":\"ftp://:21\"}",
                                "{\"image\":\"web:1\",\"probe\":7}"}) {
            error.clear();
            QVERIFY2(!DeploymentConfig::fromJson(QString::fromLatin1(bad), &error), bad);
            QVERIFY2(error.contains(QStringLiteral("probe")), qPrintable(error));
        }
    }

    void configRejectsBadJson() {
        QString error;
        QVERIFY(!DeploymentConfig::fromJson(QStringLiteral("[1,2]"), &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(
            !DeploymentConfig::fromJson(QStringLiteral("{\"image\":\"x\",\"env\":[1]}"), &error));
        QVERIFY(!DeploymentConfig::fromJson(QStringLiteral("{\"env\":[]}"), &error));
        QVERIFY(error.contains(QStringLiteral("image")));
    }

    void pinnedReference() {
        DeploymentConfig c = sample();
        QCOMPARE(c.pinnedReference(), QStringLiteral("127.0.0.1:5515/slipway/web@sha256:") +
                                          QString(64, QLatin1Char('a')));
        c.digest.clear();
        QCOMPARE(c.pinnedReference(), c.image); // not resolved yet
        c.image = QStringLiteral("busybox");
        c.digest = QStringLiteral("sha256:") + QString(64, QLatin1Char('b'));
        QVERIFY(c.pinnedReference().endsWith(QStringLiteral("busybox@sha256:") +
                                             QString(64, QLatin1Char('b'))));
    }

    // A local-only image is pinned by its ID: containers are created from the ID itself, and
    // the record keeps that through the database's JSON.
    void pinnedByImageId() {
        DeploymentConfig c = sample();
        c.image = QStringLiteral("slipway-local/web:dev");
        c.digest = QStringLiteral("sha256:") + QString(64, QLatin1Char('c'));
        c.pinnedById = true;
        QCOMPARE(c.pinnedReference(), c.digest);
        QString error;
        const auto back = DeploymentConfig::fromJson(c.toJson(), &error);
        QVERIFY2(back, qPrintable(error));
        QVERIFY(back->pinnedById);
        QCOMPARE(*back, c);
        // Records written before the field existed read as pinned by a registry digest.
        QVERIFY(!DeploymentConfig::fromJson(sample().toJson())->pinnedById);
    }

    void fixedHostPort() {
        DeploymentConfig c = sample();
        QVERIFY(!c.hasFixedHostPort());
        c.publish = {QStringLiteral("8080")};
        QVERIFY(!c.hasFixedHostPort());
        c.publish = {QStringLiteral("127.0.0.1::8080")};
        QVERIFY(!c.hasFixedHostPort());
        c.publish = {QStringLiteral("0:80"), QStringLiteral("127.0.0.1:9090:80/udp")};
        QVERIFY(c.hasFixedHostPort());
    }

    void publishSpecs() {
        auto p = PublishSpec::parse(QStringLiteral("10.0.0.1:8080:80/udp"));
        QVERIFY(p);
        QCOMPARE(p->hostIp, QStringLiteral("10.0.0.1"));
        QCOMPARE(p->hostPort, 8080);
        QCOMPARE(p->containerPort, 80);
        QCOMPARE(p->containerKey(), QStringLiteral("80/udp"));
        p = PublishSpec::parse(QStringLiteral("80"));
        QVERIFY(p);
        QCOMPARE(p->hostIp, QStringLiteral("127.0.0.1")); // never every interface by default
        QVERIFY(!p->fixed());
        QString error;
        for (const char *bad : {"", "x", "0", "70000", "1:2:3:4", "80/sctp", ":99999:80"}) {
            error.clear();
            QVERIFY2(!PublishSpec::parse(QString::fromLatin1(bad), &error), bad);
            QVERIFY2(error.contains(QString::fromLatin1(bad)), qPrintable(error));
        }
        QVERIFY(!PublishSpec::parseAll({QStringLiteral("80"), QStringLiteral("bad")}, &error));
        QVERIFY(error.contains(QStringLiteral("bad")));
    }

    void names() {
        QCOMPARE(DeploymentRecord::kindName(DeploymentRecord::Kind::Rollback),
                 QStringLiteral("rollback"));
        QCOMPARE(DeploymentRecord::resultName(DeploymentRecord::Result::Interrupted),
                 QStringLiteral("interrupted"));
        for (auto k : {DeploymentRecord::Kind::Deploy, DeploymentRecord::Kind::Rollback,
                       DeploymentRecord::Kind::Scale})
            QCOMPARE(DeploymentStore::kindFromName(DeploymentRecord::kindName(k)), k);
        for (auto r : {DeploymentRecord::Result::Running, DeploymentRecord::Result::Ok,
                       DeploymentRecord::Result::Failed, DeploymentRecord::Result::Interrupted})
            QCOMPARE(DeploymentStore::resultFromName(DeploymentRecord::resultName(r)), r);
        QVERIFY(!DeploymentStore::kindFromName(QStringLiteral("bogus")));
    }

    void placementSpreadsByLoad() {
        const QList<HostLoad> hosts = {
            {QStringLiteral("a"), 5, 1}, {QStringLiteral("b"), 1, 1}, {QStringLiteral("c"), 2, 1}};
        QString error;
        auto chosen = Placement::place(hosts, 4, false, {}, &error);
        QVERIFY2(chosen, qPrintable(error));
        // b (1); b and c tie at 2: b is listed first; then c (2 < 3); b and c tie at 3 -> b.
        QCOMPARE(*chosen, (QStringList{QStringLiteral("b"), QStringLiteral("b"),
                                       QStringLiteral("c"), QStringLiteral("b")}));
        chosen = Placement::place(hosts, 2, true, {QStringLiteral("b")}, &error);
        QVERIFY(chosen);
        QCOMPARE(*chosen, (QStringList{QStringLiteral("c"), QStringLiteral("a")}));
        QVERIFY(!Placement::place(hosts, 3, true, {QStringLiteral("b")}, &error));
        QVERIFY(error.contains(QStringLiteral("one replica per host")));
        QVERIFY(!Placement::place({}, 1, false, {}, &error));
    }

    void storeKeepsRecords() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString error;
        auto store = slipway::test::openTestStore(dir, &error, QStringLiteral("db.sqlite"));
        QVERIFY2(store, qPrintable(error));
        QVERIFY(store->schemaVersion() >= 3);
        DeploymentStore s(store->database());

        const qint64 first =
            s.insert(record(QStringLiteral("1.0.0"), DeploymentRecord::Result::Running),
                     QStringLiteral("m:1"), &error);
        QVERIFY2(first > 0, qPrintable(error));
        QVERIFY(!s.current(QStringLiteral("web"), QStringLiteral("prod")));
        QVERIFY(s.finish(first, DeploymentRecord::Result::Ok, {}, {QStringLiteral("h1")}, 1, {},
                         &error));
        const qint64 second =
            s.insert(record(QStringLiteral("2.0.0"), DeploymentRecord::Result::Running),
                     QStringLiteral("m:2"), &error);
        QVERIFY(second > first);

        const auto running = s.running();
        QCOMPARE(running.size(), 1);
        QCOMPARE(running.first().first.id, second);
        QCOMPARE(running.first().second, QStringLiteral("m:2"));

        RetiredContainer rc;
        rc.hostId = QStringLiteral("h1");
        rc.hostUrl = QStringLiteral("unix:///x.sock");
        rc.containerId = QStringLiteral("abc");
        rc.removeAfter = QDateTime::currentDateTimeUtc().addSecs(60);
        QVERIFY(s.finish(second, DeploymentRecord::Result::Failed, QStringLiteral("unhealthy"),
                         {QStringLiteral("h2")}, 2, {rc}, &error));

        const auto current = s.current(QStringLiteral("web"), QStringLiteral("prod"));
        QVERIFY(current);
        QCOMPARE(current->id, first);
        QCOMPARE(current->version, QStringLiteral("1.0.0"));
        QCOMPARE(current->config.env, sample().env);
        QCOMPARE(current->hosts, QStringList{QStringLiteral("h1")});
        QCOMPARE(current->osUser, slipway::test::testWho("ops"));
        QVERIFY(current->finishedAt.isValid());

        const DeploymentHistory h = s.history(QStringLiteral("web"), QStringLiteral("prod"));
        QCOMPARE(h.size(), 2);
        QCOMPARE(h.first().id, second); // newest first
        QCOMPARE(h.first().result, DeploymentRecord::Result::Failed);
        QCOMPARE(h.first().detail, QStringLiteral("unhealthy"));
        QCOMPARE(h.first().replicas, 2);
        QVERIFY(s.history(QStringLiteral("web"), QStringLiteral("dev")).isEmpty());

        const auto results = s.results({first, second, 999});
        QCOMPARE(results.size(), 2);
        QCOMPARE(results.value(first), DeploymentRecord::Result::Ok);

        const auto retired = s.retired();
        QCOMPARE(retired.size(), 1);
        QCOMPARE(retired.first().containerId, QStringLiteral("abc"));
        QCOMPARE(retired.first().hostUrl, QStringLiteral("unix:///x.sock"));
        QCOMPARE(retired.first().deploymentId, second);
        QCOMPARE(retired.first().removeAfter.toSecsSinceEpoch(), rc.removeAfter.toSecsSinceEpoch());
        QVERIFY(s.forgetRetired(retired.first().id));
        QVERIFY(s.retired().isEmpty());

        QCOMPARE(s.retention(QStringLiteral("web"), QStringLiteral("prod"), 5), 5);
        QVERIFY(s.setRetention(QStringLiteral("web"), QStringLiteral("prod"), 2, &error));
        QVERIFY(s.setRetention(QStringLiteral("web"), QStringLiteral("prod"), 3, &error));
        QCOMPARE(s.retention(QStringLiteral("web"), QStringLiteral("prod"), 5), 3);
        QVERIFY(!s.setRetention(QStringLiteral("web"), QStringLiteral("prod"), 0, &error));
        QVERIFY(error.contains(QStringLiteral("0")));

        DeploymentConfig updated = sample();
        updated.digest = QStringLiteral("sha256:") + QString(64, QLatin1Char('c'));
        QVERIFY(s.updateConfig(second, QStringLiteral("2.0.1"), updated, &error));
        QCOMPARE(s.record(second)->config.digest, updated.digest);
        QCOMPARE(s.record(second)->version, QStringLiteral("2.0.1"));
    }

    // Ownership (busy checks, adoption, identities, fencing) and the reconcile loop's settings,
    // on the same store as the records.
    void ownershipAndReconcile() {
        QTemporaryDir dir;
        QString error;
        auto store = slipway::test::openTestStore(dir, &error, QStringLiteral("db.sqlite"));
        QVERIFY2(store, qPrintable(error));
        DeploymentStore s(store->database());
        QCOMPARE(s.storeId(&error), store->storeId());
        QCOMPARE(s.storeId().size(), 36);

        std::optional<DeploymentRecord> busy;
        const auto alive = [](const DeploymentRecord &, const QString &) {
            return true;
        };
        const qint64 running = s.insertUnlessBusy(
            record(QStringLiteral("1.0.0"), DeploymentRecord::Result::Running),
            QStringLiteral("m:1"), alive, &busy, &error, QStringLiteral("lock-1"));
        QVERIFY2(running > 0, qPrintable(error));
        QVERIFY(!busy);
        QCOMPARE(
            s.insertUnlessBusy(record(QStringLiteral("2.0.0"), DeploymentRecord::Result::Running),
                               QStringLiteral("m:2"), alive, &busy, &error),
            qint64(0));
        QVERIFY(busy);
        QCOMPARE(busy->id, running);
        QCOMPARE(s.interruptHolding(QStringLiteral("lock-1"), QStringLiteral("fenced"), &error), 1);
        QCOMPARE(s.record(running)->result, DeploymentRecord::Result::Interrupted);
        QCOMPARE(s.interruptHolding(QStringLiteral("lock-1"), QStringLiteral("again"), &error), 0);

        const qint64 adoption = s.insertAdoption(
            record(QStringLiteral("3.0.0"), DeploymentRecord::Result::Ok), QStringLiteral("m:3"),
            {{QStringLiteral("h1"), QStringLiteral("unix:///a.sock"), QStringLiteral("c1")},
             {QStringLiteral("h2"), QStringLiteral("unix:///b.sock"), QStringLiteral("c2")}},
            &error);
        QVERIFY2(adoption > running, qPrintable(error));
        const QHash<QString, qint64> adopted = s.adopted();
        QCOMPARE(adopted.size(), 2);
        QCOMPARE(adopted.value(QStringLiteral("c2")), adoption);
        // The same container twice is refused by the database, and nothing of it is kept.
        QCOMPARE(s.insertAdoption(record(QStringLiteral("4.0.0"), DeploymentRecord::Result::Ok),
                                  QStringLiteral("m:4"),
                                  {{QStringLiteral("h1"), QStringLiteral("unix:///a.sock"),
                                    QStringLiteral("c1")}},
                                  &error),
                 qint64(0));
        QCOMPARE(s.history(QStringLiteral("web"), QStringLiteral("prod")).size(), 2);

        const QString uid = s.record(adoption)->uid;
        const auto owned = s.byUid({uid, QStringLiteral("not-a-uid")});
        QCOMPARE(owned.size(), 1);
        QCOMPARE(owned.value(uid).id, adoption);
        QCOMPARE(owned.value(uid).result, DeploymentRecord::Result::Ok);

        ReconcileSettings settings(store->database());
        QVERIFY(!settings.pause(QStringLiteral("web"), QStringLiteral("prod"))->paused);
        QVERIFY2(settings.setPaused(QStringLiteral("web"), QStringLiteral("prod"), true,
                                    QStringLiteral("alice"), &error),
                 qPrintable(error));
        const auto paused = settings.pause(QStringLiteral("web"), QStringLiteral("prod"));
        QVERIFY(paused && paused->paused);
        QCOMPARE(paused->pausedBy, slipway::test::testWho("alice"));
        QVERIFY(paused->pausedAt.isValid());
        QCOMPARE(settings.pausedAll().size(), 1);
        QVERIFY(settings.setPaused(QStringLiteral("web"), QStringLiteral("prod"), false,
                                   QStringLiteral("alice"), &error));
        QVERIFY(settings.pausedAll().isEmpty());
        QVERIFY(settings.pause(QStringLiteral("web"), QStringLiteral("prod"))->pausedBy.isEmpty());

        QString desiredError;
        const QList<DesiredReplicas> desired = settings.desired(&desiredError);
        QVERIFY2(desiredError.isEmpty(), qPrintable(desiredError));
        QCOMPARE(desired.size(), 1);
        QCOMPARE(desired.first().deploymentId, adoption);
        QCOMPARE(desired.first().replicas, 3);
    }
};

QTEST_GUILESS_MAIN(TestDeploymentRecord)
#include "tst_deploymentrecord.moc"
