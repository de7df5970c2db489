// slipctl's numeric options and its two limits, run as a user runs the binary against the
// scripted engine: a bad number is refused (exit 2, one line naming the option and the value)
// before any engine is asked; --connect-timeout bounds reaching a host, not a slow list;
// --timeout bounds the whole command.
#include "tests/support/fakeengine.h"
#include "tests/support/slipctlrun.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace slipway;
using test::FakeEngine;

namespace {

using Run = test::SlipctlRun;

FakeEngine::Reply ping() {
    auto reply = FakeEngine::respond(200, "OK", "text/plain");
    reply.headers.emplace_back("Api-Version", "1.41");
    return reply;
}

} // namespace

class TestSlipctlOptions : public QObject {
    Q_OBJECT

    QTemporaryDir home_;

    Run slipctl(const QStringList &args) { return test::runSlipctl(args, home_.path()); }

private slots:
    void initTestCase() { QVERIFY(home_.isValid()); }

    void badNumbersAreRefusedFirst_data() {
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("value");
        const QStringList deploy{"deploy", "web", "--env", "test", "--image", "busybox:1"};
        const QStringList scale{"scale", "web", "--env", "test", "--replicas", "2"};
        const QStringList rollback{"rollback", "web", "--env", "test"};
        const QStringList undo{"undo", "web", "--env", "test"};
        const QStringList history{"history", "web", "--env", "test"};
        const QStringList timeouts{"abc", "", "nan", "inf", "-inf", "-1", "0", "1e30", "86401"};
        // Each kind of bad value on two commands, a few on the others: a process per row.
        const QStringList some{"abc", "nan", "0", "1e30"};
        for (const QStringList &command :
             {QStringList{"hosts"}, QStringList{"ps"}, QStringList{"images"}, QStringList{"stats"},
              history, deploy, scale, rollback, undo}) {
            const bool every = command.first() == "hosts" || command.first() == "deploy";
            for (const char *option : {"timeout", "connect-timeout"})
                for (const QString &value : every ? timeouts : some)
                    QTest::addRow("%s --%s '%s'", qPrintable(command.first()), option,
                                  qPrintable(value))
                        << command << QString::fromLatin1(option) << value;
        }
        for (const QStringList &command : {deploy, scale, rollback, undo})
            for (const QString &value : command.first() == "deploy" ? timeouts : some)
                QTest::addRow("%s --health-timeout '%s'", qPrintable(command.first()),
                              qPrintable(value))
                    << command << QStringLiteral("health-timeout") << value;
        for (const QStringList &command : {deploy, rollback, undo})
            for (const char *value : {"abc", "nan", "inf", "-1", "1e30", "86401"})
                QTest::addRow("%s --undo-window '%s'", qPrintable(command.first()), value)
                    << command << QStringLiteral("undo-window") << QString::fromLatin1(value);
        for (const char *option : {"period-seconds", "retry-seconds", "stats-interval-seconds"})
            for (const char *value : {"abc", "0", "-1", "nan", "86401"})
                QTest::addRow("agent --%s '%s'", option, value)
                    << QStringList{"agent"} << QString::fromLatin1(option)
                    << QString::fromLatin1(value);
        for (const QStringList &command : {deploy, scale})
            for (const char *value : {"abc", "", "0", "-3", "2.5", "1e30", "nan", "100000"})
                QTest::addRow("%s --replicas '%s'", qPrintable(command.first()), value)
                    << command << QStringLiteral("replicas") << QString::fromLatin1(value);
    }

    void badNumbersAreRefusedFirst() {
        QFETCH(QStringList, command);
        QFETCH(QString, option);
        QFETCH(QString, value);
        FakeEngine engine;
        QVERIFY2(engine.listening(), engine.errorString().c_str());
        engine.on("/_ping", ping());
        QTemporaryDir data;
        QStringList args = command;
        args << QStringLiteral("--%1=%2").arg(option, value) << "--host"
             << QString::fromStdString(engine.url()) << "--data-dir" << data.path();
        const Run r = slipctl(args);
        QVERIFY(r.finished);
        QCOMPARE(r.exitCode, 2);
        const QList<QByteArray> lines = r.err.trimmed().split('\n');
        QCOMPARE(lines.size(), 1);
        const QByteArray expected = QStringLiteral("--%1 \"%2\"").arg(option, value).toUtf8();
        QVERIFY2(lines.first().contains(expected), r.err.constData());
        QVERIFY(r.out.isEmpty());
        QVERIFY2(engine.received().empty(), "an engine was asked before the refusal");
        QVERIFY(QDir(data.path()).isEmpty()); // nor was the database opened
    }

    void goodNumbersAreTaken() {
        FakeEngine engine;
        engine.on("/_ping", ping());
        engine.on("/v1.41/containers/json", FakeEngine::json(200, "[]"));
        const Run r = slipctl({"ps", "--timeout", "86400", "--connect-timeout", "0.5", "--host",
                               QString::fromStdString(engine.url())});
        QVERIFY(r.finished);
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    // --connect-timeout bounds reaching a host: an engine that does not answer its ping
    // fails within it, named with the limit.
    void connectTimeoutBoundsReachingAHost() {
        FakeEngine engine;
        engine.on("/_ping", FakeEngine::stall());
        for (const char *command : {"hosts", "ps"}) {
            const Run r = slipctl({command, "--connect-timeout", "1", "--host",
                                   QString::fromStdString(engine.url())});
            QVERIFY(r.finished);
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains("within 1 s"), r.err.constData());
        }
    }

    // ... and not the calls after that: a list slower than it still lands.
    void aSlowListOutlastsTheConnectTimeout() {
        FakeEngine engine;
        engine.on("/_ping", ping());
        auto slow = FakeEngine::json(200, "[]");
        slow.delay = std::chrono::milliseconds(2500);
        engine.on("/v1.41/containers/json", slow);
        const Run r = slipctl(
            {"ps", "--connect-timeout", "1", "--host", QString::fromStdString(engine.url())});
        QVERIFY(r.finished);
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    // --timeout is the whole command: past it slipctl cancels and exits 1, saying so.
    void timeoutBoundsTheWholeCommand() {
        FakeEngine engine;
        engine.on("/_ping", ping());
        engine.on("/v1.41/containers/json", FakeEngine::stall());
        engine.on("/v1.41/images/json", FakeEngine::stall());
        for (const char *command : {"ps", "images"}) {
            const Run r = slipctl(
                {command, "--timeout", "1", "--host", QString::fromStdString(engine.url())});
            QVERIFY(r.finished);
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains("did not finish within --timeout 1 s"), r.err.constData());
        }
    }
};

QTEST_GUILESS_MAIN(TestSlipctlOptions)
#include "tst_slipctloptions.moc"
