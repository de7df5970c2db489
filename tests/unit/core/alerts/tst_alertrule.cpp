// AlertRule: kind keys survive a round trip, input is checked with precise messages, the
// condition reads as people say it, and the defaults are the ones the issue asks for.
#include "core/alerts/alert.h"
#include "core/alerts/alertrule.h"
#include "core/store/migrations.h"

#include <QtTest>

using namespace slipway::core;
using Kind = AlertRule::Kind;

class TestAlertRule : public QObject {
    Q_OBJECT

private slots:
    void kindKeysRoundTrip() {
        QSet<QString> keys;
        for (Kind k : AlertRule::kinds()) {
            const QString key = AlertRule::kindKey(k);
            QVERIFY(!key.isEmpty());
            keys.insert(key);
            QCOMPARE(AlertRule::kindFromKey(key), std::optional<Kind>(k));
            QVERIFY(!AlertRule::kindName(k).isEmpty());
        }
        QCOMPARE(keys.size(), AlertRule::kinds().size());
        QVERIFY(!AlertRule::kindFromKey(QStringLiteral("host.disk")).has_value());
    }

    void defaults() {
        const QList<AlertRule> rules = AlertRule::defaults();
        QCOMPARE(rules.size(), 6);
        for (const AlertRule &r : rules) {
            QVERIFY2(r.validationError().isEmpty(), qPrintable(r.validationError()));
            QVERIFY(r.enabled);
        }
        QCOMPARE(rules[0].kind, Kind::HostCpu);
        QCOMPARE(rules[0].threshold, 90.0);
        QCOMPARE(rules[0].forSeconds, 300);
        QCOMPARE(rules[1].kind, Kind::HostMemory);
        QCOMPARE(rules[1].forSeconds, 300);
        QCOMPARE(rules[2].kind, Kind::HostUnreachable);
        QCOMPARE(rules[4].kind, Kind::ContainerRestarting);
        QCOMPARE(rules[4].count, 3);
        QCOMPARE(rules[4].windowSeconds, 600);
    }

    void validation_data() {
        QTest::addColumn<AlertRule>("rule");
        QTest::addColumn<QString>("mentions");
        AlertRule ok = AlertRule::preset(Kind::HostCpu);
        ok.name = QStringLiteral("cpu");
        AlertRule r = ok;
        r.name = QStringLiteral("  ");
        QTest::newRow("no name") << r << QStringLiteral("name");
        r = ok;
        r.threshold = 100;
        QTest::newRow("threshold 100") << r << QStringLiteral("threshold");
        r.threshold = 0;
        QTest::newRow("threshold 0") << r << QStringLiteral("threshold");
        r = ok;
        r.forSeconds = -1;
        QTest::newRow("negative duration") << r << QStringLiteral("duration");
        r = AlertRule::preset(Kind::ContainerRestarting);
        r.name = QStringLiteral("loop");
        r.count = 0;
        QTest::newRow("no restarts") << r << QStringLiteral("restarts");
        r.count = 3;
        r.windowSeconds = 0;
        QTest::newRow("no window") << r << QStringLiteral("window");
    }

    void validation() {
        QFETCH(AlertRule, rule);
        QFETCH(QString, mentions);
        QVERIFY2(rule.validationError().contains(mentions, Qt::CaseInsensitive),
                 qPrintable(rule.validationError()));
    }

    void thresholdIgnoredWhereUnused() {
        // An unhealthy rule has no threshold: whatever the field holds does not matter.
        AlertRule r = AlertRule::preset(Kind::ContainerUnhealthy);
        r.name = QStringLiteral("sick");
        r.threshold = 1000;
        r.count = 0;
        QVERIFY(r.validationError().isEmpty());
        QVERIFY(!r.usesThreshold() && !r.usesCount() && !r.usesDuration());
        QVERIFY(!r.targetsHosts());
    }

    void conditionText() {
        AlertRule cpu = AlertRule::preset(Kind::HostCpu);
        QCOMPARE(cpu.condition(), QStringLiteral("CPU over 90 % for 5 min"));
        cpu.forSeconds = 0;
        QCOMPARE(cpu.condition(), QStringLiteral("CPU over 90 %"));
        AlertRule loop = AlertRule::preset(Kind::ContainerRestarting);
        QCOMPARE(loop.condition(), QStringLiteral("Restarted 3 time(s) within 10 min"));
        QCOMPARE(AlertRule::formatSeconds(90), QStringLiteral("90 s"));
        QCOMPARE(AlertRule::formatSeconds(7200), QStringLiteral("2 h"));
    }

    void targetKeys() {
        QCOMPARE(Alert::hostKey(QStringLiteral("cli:1")), QStringLiteral("host:cli:1"));
        QCOMPARE(Alert::containerKey(QStringLiteral("cli:1"), QStringLiteral("abc")),
                 QStringLiteral("container:cli:1/abc"));
        Alert a;
        QVERIFY(a.firing());
        QVERIFY(!a.acknowledged());
    }

    void migrationSpeaksBothDialects() {
        const Migration sqlite = alertsMigration(SqlDialect::Sqlite);
        const Migration postgres = alertsMigration(SqlDialect::Postgres);
        QCOMPARE(sqlite.version, 2);
        QCOMPARE(postgres.version, 2);
        QVERIFY(sqlite.statements.join(' ').contains("AUTOINCREMENT"));
        QVERIFY(!postgres.statements.join(' ').contains("AUTOINCREMENT"));
        QVERIFY(postgres.statements.join(' ').contains("BIGSERIAL"));
        // The defaults are seeded by the migration itself, once.
        QCOMPARE(sqlite.statements.filter("INSERT INTO alert_rules").size(), 6);
        QCOMPARE(postgres.statements.filter("INSERT INTO alert_rules").size(), 6);
    }
};

QTEST_GUILESS_MAIN(TestAlertRule)
#include "tst_alertrule.moc"
