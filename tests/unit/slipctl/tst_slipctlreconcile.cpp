// `slipctl reconcile pause|resume|status APP --env ENV` as a user runs it: no engine is needed,
// only the database (HOME's). Bad input is refused with exit 2 and a line naming the problem;
// pause says who paused it, status and --json read it back, resume clears it.
#include "tests/support/slipctlrun.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace slipway;

class TestSlipctlReconcile : public QObject {
    Q_OBJECT

    QTemporaryDir home_;

    test::SlipctlRun slipctl(const QStringList &args) {
        return test::runSlipctl(args, home_.path());
    }

private slots:
    void initTestCase() { QVERIFY(home_.isValid()); }

    void refusesBadInput_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("word");
        QTest::addRow("no action") << QStringList{"reconcile", "web", "--env", "t"} << "action";
        QTest::addRow("bad action")
            << QStringList{"reconcile", "frob", "web", "--env", "t"} << "frob";
        QTest::addRow("no env") << QStringList{"reconcile", "pause", "web"} << "--env";
        QTest::addRow("bad name") << QStringList{"reconcile", "pause", "bad name", "--env", "t"}
                                  << "bad name";
        QTest::addRow("bad version")
            << QStringList{"reconcile", "pause", "web", "--env", "t", "--if-version", "x"}
            << "--if-version";
    }

    void refusesBadInput() {
        QFETCH(QStringList, args);
        QFETCH(QString, word);
        const auto r = slipctl(args);
        QVERIFY(r.finished);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(word.toUtf8()), r.err.constData());
    }

    void pauseStatusResume() {
        auto r = slipctl({"reconcile", "status", "reconcileS", "--env", "t", "--json"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value("paused").toBool(true), false);

        r = slipctl({"reconcile", "pause", "reconcileS", "--env", "t"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("paused"), r.out.constData());
        r = slipctl({"reconcile", "status", "reconcileS", "--env", "t", "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject paused = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(paused.value("paused").toBool(), true);
        QVERIFY(!paused.value("pausedBy").toString().isEmpty());
        QVERIFY(!paused.value("pausedAt").toString().isEmpty());
        // Another environment of the same application is not paused.
        r = slipctl({"reconcile", "status", "reconcileS", "--env", "u", "--json"});
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value("paused").toBool(true), false);

        r = slipctl({"reconcile", "resume", "reconcileS", "--env", "t"});
        QCOMPARE(r.exitCode, 0);
        r = slipctl({"reconcile", "status", "reconcileS", "--env", "t", "--json"});
        const QJsonObject resumed = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(resumed.value("paused").toBool(true), false);
        QCOMPARE(resumed.value("pausedBy").toString(), QString());
    }

    // A script that read the setting changes it only if nobody else did since.
    void ifVersionRefusesAStaleReading() {
        auto r = slipctl({"reconcile", "status", "reconcileV", "--env", "t", "--json"});
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value("version").toInt(-1), 0);
        r = slipctl({"reconcile", "pause", "reconcileV", "--env", "t", "--if-version", "0"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        // Someone else's resume, from the same reading, loses and is told the current state.
        r = slipctl({"reconcile", "resume", "reconcileV", "--env", "t", "--if-version", "0"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("changed by someone else meanwhile (now: paused by"),
                 r.err.constData());
        r = slipctl({"reconcile", "status", "reconcileV", "--env", "t", "--json"});
        const QJsonObject now = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(now.value("paused").toBool(), true);
        QCOMPARE(now.value("version").toInt(), 1);
        r = slipctl({"reconcile", "resume", "reconcileV", "--env", "t", "--if-version", "1"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestSlipctlReconcile)
#include "tst_slipctlreconcile.moc"
