// ProbeSpec: the probes a deployment may name (tcp://:PORT, http://:PORT/PATH) parse to their
// canonical form; a host, a bad port, another scheme or a path a shell could trip on is refused
// with a message naming the probe.
#include "core/deploy/probespec.h"

#include <QtTest>

using slipway::core::ProbeSpec;

class TestProbeSpec : public QObject {
    Q_OBJECT

private slots:
    void accepted_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("canonical");
        QTest::addColumn<int>("port");
        QTest::newRow("tcp") << "tcp://:5432"
                             << "tcp://:5432" << 5432;
        QTest::newRow("tcp slash") << "tcp://:5432/"
                                   << "tcp://:5432" << 5432;
        QTest::newRow("http") << "http://:8080/health"
                              << "http://:8080/health" << 8080;
        QTest::newRow("http no path") << "http://:80"
                                      << "http://:80/" << 80;
        QTest::newRow("http query") << "http://:8080/h?x=1&y=2"
                                    << "http://:8080/h?x=1&y=2" << 8080;
        QTest::newRow("loopback") << "http://127.0.0.1:8080/h"
                                  << "http://:8080/h" << 8080;
        QTest::newRow("localhost") << "tcp://localhost:1"
                                   << "tcp://:1" << 1;
    }

    void accepted() {
        QFETCH(QString, text);
        QFETCH(QString, canonical);
        QFETCH(int, port);
        QString error;
        const auto spec = ProbeSpec::parse(text, &error);
        QVERIFY2(spec, qPrintable(error));
        QCOMPARE(spec->port, port);
        QCOMPARE(spec->toString(), canonical);
        QCOMPARE(ProbeSpec::parse(spec->toString(), nullptr), spec);
    }

    void refused_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << "";
        QTest::newRow("scheme") << "ftp://:21";
        QTest::newRow("https") << "https://:443/";
        QTest::newRow("no port") << "http://:/x";
        QTest::newRow("no colon") << "tcp://8080";
        QTest::newRow("port 0") << "tcp://:0";
        QTest::newRow("port big") << "tcp://:65536";
        QTest::newRow("port text") << "tcp://:http";
        QTest::newRow("remote host") << "http://example.com:8080/";
        QTest::newRow("tcp path") << "tcp://:8080/health";
        QTest::newRow("space") << "http://:8080/a b";
        QTest::newRow("quote") << "http://:8080/a\"b";
        QTest::newRow("newline") << "http://:8080/a\nb";
        QTest::newRow("non-ascii") << QStringLiteral("http://:8080/\u00e9");
    }

    void refused() {
        QFETCH(QString, text);
        QString error;
        QVERIFY(!ProbeSpec::parse(text, &error));
        QVERIFY2(error.startsWith(QStringLiteral("probe \"")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestProbeSpec)
#include "tst_probespec.moc"
