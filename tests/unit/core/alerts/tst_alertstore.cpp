// AlertStore on a real SQLite file (and a team database in the integration_pg_ run): the seeded
// default rules, rule edits with optimistic locking, alerts fired once per rule and target,
// cleared, acknowledged once, and read back after the database is reopened.
#include "core/alerts/alertstore.h"
#include "core/store/store.h"
#include "tests/support/teststore.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace slipway::core;
using Kind = AlertRule::Kind;

namespace {

Alert cpuAlert(qint64 ruleId, const QString &host) {
    Alert a;
    a.ruleId = ruleId;
    a.kind = Kind::HostCpu;
    a.ruleName = QStringLiteral("Host CPU");
    a.targetKey = Alert::hostKey(host);
    a.target = host;
    a.hostId = host;
    a.firedAt = QDateTime::currentDateTimeUtc();
    a.detail = QStringLiteral("CPU 97 % for 5 min (over 90 %)");
    return a;
}

} // namespace

class TestAlertStore : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::unique_ptr<Store> store_;

    static QString file() { return QStringLiteral("alerts.sqlite"); }

private slots:
    void init() {
        store_.reset();
        slipway::test::discardTestStore(dir_, file());
        QString error;
        store_ = slipway::test::openTestStore(dir_, &error, file());
        QVERIFY2(store_, qPrintable(error));
    }

    void defaultsAreSeeded() {
        QVERIFY(store_->schemaVersion() >= 2);
        QString error;
        const QList<AlertRule> rules = AlertStore(*store_).rules(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(rules.size(), 6);
        QList<Kind> kinds;
        for (const AlertRule &r : rules) {
            kinds.append(r.kind);
            QVERIFY(r.id > 0);
            QVERIFY(r.enabled);
            QCOMPARE(r.version, 1);
        }
        QCOMPARE(kinds, AlertRule::kinds());
        QCOMPARE(rules[0].threshold, 90.0);
        QCOMPARE(rules[0].forSeconds, 300);
        QCOMPARE(rules[4].count, 3);
        QCOMPARE(rules[4].windowSeconds, 600);
    }

    void addEditRemoveRule() {
        AlertStore alerts(*store_);
        AlertRule r = AlertRule::preset(Kind::HostMemory);
        r.name = QStringLiteral("Memory tight");
        r.threshold = 80;
        QString error;
        auto added = alerts.saveRule(r, &error);
        QVERIFY2(added, qPrintable(error));
        QVERIFY(added->id > 0);
        QCOMPARE(added->version, 1);
        QCOMPARE(added->threshold, 80.0);

        AlertRule edit = *added;
        edit.threshold = 95.5;
        edit.enabled = false;
        auto edited = alerts.saveRule(edit, &error);
        QVERIFY2(edited, qPrintable(error));
        QCOMPARE(edited->version, 2);
        QCOMPARE(edited->threshold, 95.5);
        QVERIFY(!edited->enabled);

        // A second editor still holding version 1 is refused, and told why.
        AlertRule stale = *added;
        stale.name = QStringLiteral("other desk");
        QVERIFY(!alerts.saveRule(stale, &error));
        QVERIFY2(error.contains("changed by someone else meanwhile (now: Memory over 95.5 %"),
                 qPrintable(error));
        QCOMPARE(alerts.rule(added->id)->name, QStringLiteral("Memory tight"));

        AlertRule bad = *edited;
        bad.threshold = 150;
        QVERIFY(!alerts.saveRule(bad, &error));
        QVERIFY2(error.contains("threshold"), qPrintable(error));

        QVERIFY2(alerts.removeRule(added->id, &error), qPrintable(error));
        QVERIFY(!alerts.rule(added->id));
        QVERIFY(!alerts.removeRule(added->id, &error));
        QVERIFY2(error.contains(QString::number(added->id)), qPrintable(error));
        QCOMPARE(alerts.rules().size(), 6);
    }

    void fireClearAcknowledge() {
        AlertStore alerts(*store_);
        const qint64 cpuRule = alerts.rules().first().id;
        QString error;
        auto fired = alerts.fire(cpuAlert(cpuRule, "h1"), &error);
        QVERIFY2(fired, qPrintable(error));
        QVERIFY(fired->id > 0);
        QVERIFY(fired->firing());

        // The same condition again (another workstation, or after a restart) is the same row.
        Alert again = cpuAlert(cpuRule, "h1");
        again.firedAt = again.firedAt.addSecs(30);
        auto adopted = alerts.fire(again, &error);
        QVERIFY2(adopted, qPrintable(error));
        QCOMPARE(adopted->id, fired->id);
        QCOMPARE(adopted->firedAt, fired->firedAt);
        auto other = alerts.fire(cpuAlert(cpuRule, "h2"), &error);
        QVERIFY(other && other->id != fired->id);
        QCOMPARE(alerts.openAlerts().size(), 2);

        auto acked = alerts.acknowledge(fired->id, "alice", {}, &error);
        QVERIFY2(acked, qPrintable(error));
        QCOMPARE(acked->acknowledgedBy, slipway::test::testWho("alice"));
        QVERIFY(acked->acknowledged());
        QVERIFY(!alerts.acknowledge(fired->id, "bob", {}, &error));
        QVERIFY2(error.contains(slipway::test::testWho("alice")), qPrintable(error));
        QCOMPARE(alerts.alert(fired->id)->acknowledgedBy, slipway::test::testWho("alice"));

        QVERIFY(alerts.clear(cpuRule, Alert::hostKey("h1"), {}, "CPU back to 12 %", &error));
        const Alert cleared = *alerts.alert(fired->id);
        QVERIFY(!cleared.firing());
        QVERIFY2(cleared.detail.endsWith("CPU back to 12 %"), qPrintable(cleared.detail));
        QVERIFY(cleared.detail.startsWith("CPU 97 %"));
        // Clearing what is already closed is no error and changes nothing.
        QVERIFY(alerts.clear(cpuRule, Alert::hostKey("h1"), {}, "again", &error));
        QCOMPARE(alerts.alert(fired->id)->detail, cleared.detail);
        QCOMPARE(alerts.openAlerts().size(), 1);

        // Firing again after a clear is a new alert.
        auto refired = alerts.fire(cpuAlert(cpuRule, "h1"), &error);
        QVERIFY(refired && refired->id > other->id);
        QVERIFY(!refired->acknowledged());
    }

    void recentAndReopen() {
        const qint64 cpuRule = AlertStore(*store_).rules().first().id;
        {
            AlertStore alerts(*store_);
            for (int i = 0; i < 5; ++i) {
                const QString host = QStringLiteral("host%1").arg(i);
                QVERIFY(alerts.fire(cpuAlert(cpuRule, host)));
                if (i < 4)
                    QVERIFY(alerts.clear(cpuRule, Alert::hostKey(host), {}, "gone"));
            }
        }
        store_.reset();
        QString error;
        store_ = slipway::test::openTestStore(dir_, &error, file());
        QVERIFY2(store_, qPrintable(error));
        AlertStore alerts(*store_);
        // Every open one and the newest cleared ones, newest first.
        const QList<Alert> recent = alerts.recentAlerts(2, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(recent.size(), 3);
        QCOMPARE(recent[0].target, QStringLiteral("host4"));
        QVERIFY(recent[0].firing());
        QCOMPARE(recent[1].target, QStringLiteral("host3"));
        QCOMPARE(recent[2].target, QStringLiteral("host2"));
        QVERIFY(!recent[1].firing());
        QCOMPARE(recent[0].kind, Kind::HostCpu);
        QCOMPARE(recent[0].ruleName, QStringLiteral("Host CPU"));
        QVERIFY(recent[0].firedAt.isValid());
        QCOMPARE(recent[0].firedAt.timeSpec(), Qt::UTC);
    }
};

QTEST_GUILESS_MAIN(TestAlertStore)
#include "tst_alertstore.moc"
