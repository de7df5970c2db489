// Endpoint::parse, tlsFromCertPath, url() and baseUrl(): what host URLs are accepted and how
// precisely the rest is refused.
#include "engine/endpoint.h"

#include <QtTest>

using slipway::engine::Endpoint;
using slipway::engine::ErrorKind;
using slipway::engine::TlsFiles;

class TestEndpoint : public QObject {
    Q_OBJECT

private slots:
    void parsesGood_data();
    void parsesGood();
    void refusesBad_data();
    void refusesBad();
    void tcpWithTlsFilesIsTls();
    void httpsWithoutFilesUsesSystemCas();
    void unixIgnoresTlsFiles();
    void roundTripsThroughUrl_data();
    void roundTripsThroughUrl();
    void tlsFromCertPath();
    void tlsFromCertPathTrailingSlashAndEmpty();
};

void TestEndpoint::parsesGood_data() {
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("isUnix");
    QTest::addColumn<QString>("socketOrHost");
    QTest::addColumn<int>("port");
    QTest::addColumn<bool>("tls");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("baseUrl");

    QTest::newRow("unix") << "unix:///var/run/docker.sock" << true << "/var/run/docker.sock" << 0
                          << false << "unix:///var/run/docker.sock"
                          << "http://localhost";
    QTest::newRow("bare path") << "/run/user/1000/docker.sock" << true
                               << "/run/user/1000/docker.sock" << 0 << false
                               << "unix:///run/user/1000/docker.sock"
                               << "http://localhost";
    QTest::newRow("surrounding space")
        << "  unix:///tmp/d.sock\n"
        << true << "/tmp/d.sock" << 0 << false << "unix:///tmp/d.sock"
        << "http://localhost";
    QTest::newRow("tcp with port")
        << "tcp://10.0.0.5:2375" << false << "10.0.0.5" << 2375 << false << "tcp://10.0.0.5:2375"
        << "http://10.0.0.5:2375";
    QTest::newRow("tcp default port")
        << "tcp://build-07.example.com" << false << "build-07.example.com" << 2375 << false
        << "tcp://build-07.example.com:2375"
        << "http://build-07.example.com:2375";
    QTest::newRow("tcp trailing slash")
        << "tcp://host:1234/" << false << "host" << 1234 << false << "tcp://host:1234"
        << "http://host:1234";
    QTest::newRow("scheme and host case")
        << "TCP://Docker.Example:2375" << false << "docker.example" << 2375 << false
        << "tcp://docker.example:2375"
        << "http://docker.example:2375";
    QTest::newRow("https default port") << "https://docker.example" << false << "docker.example"
                                        << 2376 << true << "https://docker.example:2376"
                                        << "https://docker.example:2376";
    QTest::newRow("https with port") << "https://127.0.0.1:12376" << false << "127.0.0.1" << 12376
                                     << true << "https://127.0.0.1:12376"
                                     << "https://127.0.0.1:12376";
    QTest::newRow("ipv6") << "tcp://[::1]:2375" << false << "::1" << 2375 << false
                          << "tcp://[::1]:2375"
                          << "http://[::1]:2375";
    QTest::newRow("ipv6 default port")
        << "tcp://[fe80::1:2]" << false << "fe80::1:2" << 2375 << false << "tcp://[fe80::1:2]:2375"
        << "http://[fe80::1:2]:2375";
    QTest::newRow("ipv6 https") << "https://[::1]:9999" << false << "::1" << 9999 << true
                                << "https://[::1]:9999"
                                << "https://[::1]:9999";
    QTest::newRow("highest port") << "tcp://h:65535" << false << "h" << 65535 << false
                                  << "tcp://h:65535"
                                  << "http://h:65535";
}

void TestEndpoint::parsesGood() {
    QFETCH(QString, input);
    QFETCH(bool, isUnix);
    QFETCH(QString, socketOrHost);
    QFETCH(int, port);
    QFETCH(bool, tls);
    QFETCH(QString, url);
    QFETCH(QString, baseUrl);

    auto r = Endpoint::parse(input.toStdString());
    QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
    const Endpoint &e = r.value();
    QCOMPARE(e.kind == Endpoint::Kind::Unix, isUnix);
    if (isUnix)
        QCOMPARE(QString::fromStdString(e.socketPath), socketOrHost);
    else
        QCOMPARE(QString::fromStdString(e.host), socketOrHost);
    QCOMPARE(e.port, port);
    QCOMPARE(e.tls, tls);
    QCOMPARE(QString::fromStdString(e.url()), url);
    QCOMPARE(QString::fromStdString(e.baseUrl()), baseUrl);
}

void TestEndpoint::refusesBad_data() {
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("mentions"); // the part of the message that names the problem

    QTest::newRow("empty") << ""
                           << "empty";
    QTest::newRow("blank") << "   "
                           << "empty";
    QTest::newRow("ssh") << "ssh://user@host"
                         << "ssh://";
    QTest::newRow("npipe") << "npipe:////./pipe/docker_engine"
                           << "npipe://";
    QTest::newRow("fd") << "fd://"
                        << "fd://";
    QTest::newRow("http") << "http://host:2375"
                          << "http://";
    QTest::newRow("unknown scheme") << "ftp://host"
                                    << "unknown scheme \"ftp://\"";
    QTest::newRow("no scheme") << "docker.example:2375"
                               << "expected unix://";
    QTest::newRow("relative path") << "docker.sock"
                                   << "expected unix://";
    QTest::newRow("unix empty") << "unix://"
                                << "missing socket path";
    QTest::newRow("unix relative") << "unix://var/run/docker.sock"
                                   << "must be absolute";
    QTest::newRow("unix too long") << "unix:///" + QString(200, 'x') << "bytes long";
    QTest::newRow("tcp missing host") << "tcp://"
                                      << "missing host";
    QTest::newRow("tcp only port") << "tcp://:2375"
                                   << "missing host";
    QTest::newRow("tcp empty port") << "tcp://host:"
                                    << "missing port";
    QTest::newRow("tcp port letters") << "tcp://host:abc"
                                      << "bad port \"abc\"";
    QTest::newRow("tcp port zero") << "tcp://host:0"
                                   << "bad port \"0\"";
    QTest::newRow("tcp port too big") << "tcp://host:65536"
                                      << "bad port \"65536\"";
    QTest::newRow("tcp port huge") << "tcp://host:99999999999999999999"
                                   << "bad port";
    QTest::newRow("tcp port negative") << "tcp://host:-1"
                                       << "bad port \"-1\"";
    QTest::newRow("tcp path") << "tcp://host:2375/v1.41"
                              << "path";
    QTest::newRow("tcp query") << "tcp://host:2375?x=1"
                               << "query";
    QTest::newRow("tcp userinfo") << "tcp://me@host:2375"
                                  << "user information";
    QTest::newRow("bad host char") << "tcp://ho$t:2375"
                                   << "invalid character '$'";
    QTest::newRow("inner space") << "tcp://ho st:2375"
                                 << "space";
    QTest::newRow("control char") << QString("tcp://host\t1:2375") << "control character";
    QTest::newRow("ipv6 unbracketed") << "tcp://::1:2375"
                                      << "brackets";
    QTest::newRow("ipv6 unclosed") << "tcp://[::1:2375"
                                   << "missing ']'";
    QTest::newRow("ipv6 empty") << "tcp://[]:2375"
                                << "missing host";
    QTest::newRow("ipv6 bogus") << "tcp://[zz::1]:2375"
                                << "not an IPv6 address";
    QTest::newRow("ipv6 junk after") << "tcp://[::1]x"
                                     << "after IPv6 address";
    QTest::newRow("https missing host") << "https://:2376"
                                        << "missing host";
}

void TestEndpoint::refusesBad() {
    QFETCH(QString, input);
    QFETCH(QString, mentions);

    auto r = Endpoint::parse(input.toStdString());
    QVERIFY2(!r.ok(), qPrintable("accepted: " + input));
    QCOMPARE(r.error().kind, ErrorKind::InvalidInput);
    const QString message = QString::fromStdString(r.error().message);
    QVERIFY2(message.contains(mentions), qPrintable(message));
}

void TestEndpoint::tcpWithTlsFilesIsTls() {
    TlsFiles files;
    files.caFile = "/certs/ca.pem";
    files.certFile = "/certs/cert.pem";
    files.keyFile = "/certs/key.pem";
    auto r = Endpoint::parse("tcp://docker.example", files);
    QVERIFY(r.ok());
    QVERIFY(r.value().tls);
    QCOMPARE(r.value().port, 2376);
    QCOMPARE(r.value().tlsFiles.caFile, std::string("/certs/ca.pem"));
    QCOMPARE(r.value().tlsFiles.keyFile, std::string("/certs/key.pem"));
    QCOMPARE(r.value().baseUrl(), std::string("https://docker.example:2376"));

    // The stored form keeps TLS when it is parsed again with the same files.
    auto again = Endpoint::parse(r.value().url(), files);
    QVERIFY(again.ok());
    QVERIFY(again.value().tls);
    QCOMPARE(again.value().port, 2376);
}

void TestEndpoint::httpsWithoutFilesUsesSystemCas() {
    auto r = Endpoint::parse("https://docker.example:443");
    QVERIFY(r.ok());
    QVERIFY(r.value().tls);
    QVERIFY(!r.value().tlsFiles.enabled());
    QVERIFY(r.value().tlsFiles.verifyPeer);
}

void TestEndpoint::unixIgnoresTlsFiles() {
    auto r = Endpoint::parse("unix:///tmp/x.sock", Endpoint::tlsFromCertPath("/certs"));
    QVERIFY(r.ok());
    QVERIFY(!r.value().tls);
    QCOMPARE(r.value().baseUrl(), std::string("http://localhost"));
}

void TestEndpoint::roundTripsThroughUrl_data() {
    QTest::addColumn<QString>("input");
    QTest::newRow("unix") << "/var/run/docker.sock";
    QTest::newRow("tcp") << "tcp://h:1";
    QTest::newRow("https") << "https://h";
    QTest::newRow("ipv6") << "tcp://[2001:db8::7]";
}

void TestEndpoint::roundTripsThroughUrl() {
    QFETCH(QString, input);
    auto first = Endpoint::parse(input.toStdString());
    QVERIFY(first.ok());
    auto second = Endpoint::parse(first.value().url());
    QVERIFY(second.ok());
    QCOMPARE(second.value().url(), first.value().url());
    QCOMPARE(second.value().baseUrl(), first.value().baseUrl());
    QCOMPARE(second.value().tls, first.value().tls);
}

void TestEndpoint::tlsFromCertPath() {
    TlsFiles t = Endpoint::tlsFromCertPath("/home/ops/.docker/prod");
    QCOMPARE(t.caFile, std::string("/home/ops/.docker/prod/ca.pem"));
    QCOMPARE(t.certFile, std::string("/home/ops/.docker/prod/cert.pem"));
    QCOMPARE(t.keyFile, std::string("/home/ops/.docker/prod/key.pem"));
    QVERIFY(t.verifyPeer);
    QVERIFY(t.enabled());

    TlsFiles unverified = Endpoint::tlsFromCertPath("/certs", false);
    QVERIFY(!unverified.verifyPeer);
    QCOMPARE(unverified.caFile, std::string("/certs/ca.pem"));
}

void TestEndpoint::tlsFromCertPathTrailingSlashAndEmpty() {
    QCOMPARE(Endpoint::tlsFromCertPath("/certs//").certFile, std::string("/certs/cert.pem"));
    QCOMPARE(Endpoint::tlsFromCertPath("/").keyFile, std::string("/key.pem"));
    TlsFiles none = Endpoint::tlsFromCertPath("");
    QVERIFY(!none.enabled());
}

QTEST_APPLESS_MAIN(TestEndpoint)
#include "tst_endpoint.moc"
