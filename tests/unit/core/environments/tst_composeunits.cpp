// Compose's units and small formats: durations as Go writes them, byte sizes as docker writes
// them, command lines split as a shell splits them, and the project name rule.
#include "core/environments/composecontext.h"
#include "core/environments/composereader.h"
#include "core/environments/composeunits.h"

#include <QtTest>

using namespace slipway::core::env;

class TestComposeUnits : public QObject {
    Q_OBJECT

private slots:
    void durations() {
        QCOMPARE(parseComposeDuration("1m30s"), 90000);
        QCOMPARE(parseComposeDuration("1h"), 3600000);
        QCOMPARE(parseComposeDuration("1.5s"), 1500);
        QCOMPARE(parseComposeDuration("250ms"), 250);
        QCOMPARE(parseComposeDuration("1500us"), 2); // rounded to the nearest millisecond
        QCOMPARE(parseComposeDuration(" 2S "), 2000);
        QCOMPARE(parseComposeDuration("0s"), 0);
        for (const char *bad : {"", "10", "s", "1x", "1.2.3s", "-1s", "inf", "99999999999h"})
            QVERIFY2(!parseComposeDuration(QString::fromLatin1(bad)), bad);
        QCOMPARE(formatComposeDuration(90000), QStringLiteral("90s"));
        QCOMPARE(formatComposeDuration(1500), QStringLiteral("1500ms"));
        QCOMPARE(formatComposeDuration(0), QStringLiteral("0s"));
        for (qint64 ms : {0LL, 1LL, 999LL, 1000LL, 61500LL, 86400000LL})
            QCOMPARE(parseComposeDuration(formatComposeDuration(ms)), ms);
    }

    void bytes() {
        QCOMPARE(parseComposeBytes("2048"), 2048);
        QCOMPARE(parseComposeBytes("512m"), 512LL << 20);
        QCOMPARE(parseComposeBytes("512MB"), 512LL << 20);
        QCOMPARE(parseComposeBytes("1g"), 1LL << 30);
        QCOMPARE(parseComposeBytes("1.5k"), 1536);
        QCOMPARE(parseComposeBytes("10b"), 10);
        for (const char *bad : {"", "m", "-1m", "1t", "1e3", "nan", "12 potatoes"})
            QVERIFY2(!parseComposeBytes(QString::fromLatin1(bad)), bad);
    }

    void shellWords() {
        QCOMPARE(splitShellWords("a  b\tc"), (QStringList{"a", "b", "c"}));
        QCOMPARE(splitShellWords("sh -c 'echo $HOME; ls'"),
                 (QStringList{"sh", "-c", "echo $HOME; ls"}));
        QCOMPARE(splitShellWords("\"a \\\"b\\\"\" c\\ d ''"), (QStringList{"a \"b\"", "c d", ""}));
        QCOMPARE(splitShellWords(""), QStringList{});
        QVERIFY(!splitShellWords("'open"));
        QVERIFY(!splitShellWords("\"open"));
    }

    void projectNames() {
        QCOMPARE(ComposeReader::normalizeProjectName("My App_2-x"), QStringLiteral("myapp_2-x"));
        QCOMPARE(ComposeReader::normalizeProjectName("!!"), QString());
    }
};

QTEST_GUILESS_MAIN(TestComposeUnits)
#include "tst_composeunits.moc"
