// The wire between `slipctl stats` and a running sampler (core/metrics/warmstats.h): what is
// asked and answered reads back the same, every counter and figure exactly; a malformed or
// oversize line is refused rather than half read; asking where nobody serves is a "no".
#include "core/metrics/warmstats.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace slipway::core;

class TestWarmStats : public QObject {
    Q_OBJECT

private slots:
    void requestRoundTrips() {
        const warmstats::Request request{QStringLiteral("ABCD:EFGH"),
                                         {QStringLiteral("a1"), QStringLiteral("b2")}};
        const QByteArray line = warmstats::encodeRequest(request);
        QVERIFY(line.endsWith('\n'));
        QCOMPARE(line.count('\n'), 1);
        const auto back = warmstats::decodeRequest(line);
        QVERIFY(back);
        QCOMPARE(back->engineId, request.engineId);
        QCOMPARE(back->containerIds, request.containerIds);
    }

    void answerRoundTrips() {
        warmstats::Sample s;
        s.containerId = QStringLiteral("c0ffee");
        s.usage.atMs = 1764900000123;
        s.usage.cpuPercent = 49.87654321;
        s.usage.memoryBytes = 868352;
        s.usage.memoryLimitBytes = 25275305984;
        s.usage.memoryPercent = 0.0034355;
        s.counters.netRx = 806;
        s.counters.netTx = (std::uint64_t(1) << 52) + 3; // large counters stay exact
        s.counters.blockRead = 4096;
        s.counters.blockWrite = 12288;
        s.counters.pids = 7;
        const auto back = warmstats::decodeAnswer(warmstats::encodeAnswer({s}));
        QVERIFY(back);
        QCOMPARE(back->size(), 1);
        const warmstats::Sample &b = back->first();
        QCOMPARE(b.containerId, s.containerId);
        QCOMPARE(b.usage.atMs, s.usage.atMs);
        QCOMPARE(b.usage.cpuPercent, s.usage.cpuPercent); // exact: printed as docker prints it
        QCOMPARE(b.usage.memoryBytes, s.usage.memoryBytes);
        QCOMPARE(b.usage.memoryLimitBytes, s.usage.memoryLimitBytes);
        QCOMPARE(b.usage.memoryPercent, s.usage.memoryPercent);
        QCOMPARE(b.counters.netRx, s.counters.netRx);
        QCOMPARE(b.counters.netTx, s.counters.netTx);
        QCOMPARE(b.counters.blockRead, s.counters.blockRead);
        QCOMPARE(b.counters.blockWrite, s.counters.blockWrite);
        QCOMPARE(b.counters.pids, s.counters.pids);

        const auto none = warmstats::decodeAnswer(warmstats::encodeAnswer({}));
        QVERIFY(none);
        QVERIFY(none->isEmpty());
    }

    void malformedLinesAreRefused_data() {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<bool>("request"); // else an answer
        QTest::newRow("not json") << QByteArray("hello\n") << true;
        QTest::newRow("array") << QByteArray("[1,2]\n") << true;
        QTest::newRow("no engine") << QByteArray("{\"containers\":[]}") << true;
        QTest::newRow("id not text")
            << QByteArray("{\"engineId\":\"e\",\"containers\":[1]}") << true;
        QTest::newRow("answer not json") << QByteArray("{\"containers\":[") << false;
        QTest::newRow("answer without list") << QByteArray("{\"x\":1}") << false;
        QTest::newRow("sample without cpu")
            << QByteArray("{\"containers\":[{\"id\":\"a\",\"memoryBytes\":1}]}") << false;
        QTest::newRow("sample id not text")
            << QByteArray("{\"containers\":[{\"id\":3,\"cpuPercent\":1,\"memoryBytes\":1}]}")
            << false;
        QByteArray huge = "{\"engineId\":\"e\",\"containers\":[\"";
        huge += QByteArray(warmstats::kMaxLine, 'a') + "\"]}";
        QTest::newRow("oversize") << huge << true;
    }

    void malformedLinesAreRefused() {
        QFETCH(QByteArray, line);
        QFETCH(bool, request);
        if (request)
            QVERIFY(!warmstats::decodeRequest(line));
        else
            QVERIFY(!warmstats::decodeAnswer(line));
    }

    void nobodyServingIsANo() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto answer =
            warmstats::ask(warmstats::socketPath(dir.filePath(QStringLiteral("slipway.sqlite"))),
                           {QStringLiteral("e"), {QStringLiteral("a")}}, std::chrono::seconds(5));
        QVERIFY(!answer);
    }

    void socketIsBesideTheDeskDatabase() {
        QCOMPARE(
            warmstats::socketPath(QStringLiteral("/home/u/.local/share/slipway/slipway.sqlite")),
            QStringLiteral("/home/u/.local/share/slipway/slipway.sqlite.stats.sock"));
    }
};

QTEST_GUILESS_MAIN(TestWarmStats)
#include "tst_warmstats.moc"
