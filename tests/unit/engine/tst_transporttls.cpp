// Transport over TLS with client certificates, against `openssl s_server` on loopback with
// throwaway certificates from scripts/tls-certs.sh: the right CA, a wrong CA with and without
// verification, and no client certificate where the server requires one.
#include "engine/transport.h"
#include "tests/support/fakeengine.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace std::chrono_literals;
using slipway::engine::Endpoint;
using slipway::engine::ErrorKind;
using slipway::engine::HttpRequest;
using slipway::engine::HttpResponse;
using slipway::engine::Result;
using slipway::engine::TlsFiles;
using slipway::engine::Transport;
using slipway::test::waitFor;

namespace {

// A loopback port nobody uses right now; s_server binds it a moment later.
int freeLoopbackPort() {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len) == 0)
        port = ntohs(addr.sin_port);
    ::close(fd);
    return port;
}

QString describe(const Result<HttpResponse> &r) {
    if (r.ok())
        return QStringLiteral("HTTP %1").arg(r.value().status);
    return QString::fromStdString(r.error().describe());
}

} // namespace

class TestTransportTls : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void clientCertAndCa();
    void wrongCaIsRefused();
    void wrongCaWithoutVerification();
    void missingClientCertIsRefused();
    void missingCaFileIsTransportError();

private:
    Result<HttpResponse> get(const Endpoint &endpoint);
    Endpoint endpoint(const TlsFiles &files) const;
    std::string file(const char *name) const { return certDir.filePath(name).toStdString(); }

    QTemporaryDir certDir;
    QString openssl;
    QProcess server;
    int port = 0;
};

void TestTransportTls::initTestCase() {
    openssl = QStandardPaths::findExecutable("openssl");
    QVERIFY2(!openssl.isEmpty(), "openssl is not installed (needed for test certificates and "
                                 "the TLS server)");
    QVERIFY(certDir.isValid());
    QProcess certs;
    certs.start("bash",
                {QStringLiteral(SLIPWAY_SOURCE_DIR "/scripts/tls-certs.sh"), certDir.path()});
    QVERIFY2(certs.waitForFinished(60000), "tls-certs.sh did not finish");
    QVERIFY2(certs.exitStatus() == QProcess::NormalExit && certs.exitCode() == 0,
             certs.readAllStandardError().constData());
}

void TestTransportTls::init() {
    // A fresh server per test: a failed handshake must not leave state for the next case.
    cleanup();
    port = freeLoopbackPort();
    QVERIFY(port > 0);
    server.setProcessChannelMode(QProcess::MergedChannels);
    server.start(openssl,
                 {"s_server", "-accept", QStringLiteral("127.0.0.1:%1").arg(port), "-cert",
                  certDir.filePath("server-cert.pem"), "-key", certDir.filePath("server-key.pem"),
                  "-CAfile", certDir.filePath("ca.pem"), "-Verify", "1", "-www"});
    QVERIFY2(server.waitForStarted(10000), "openssl s_server did not start");
    QByteArray output;
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (!output.contains("ACCEPT") && std::chrono::steady_clock::now() < deadline &&
           server.state() == QProcess::Running) {
        server.waitForReadyRead(200);
        output += server.readAll();
    }
    QVERIFY2(output.contains("ACCEPT"), output.constData());
}

void TestTransportTls::cleanup() {
    if (server.state() != QProcess::NotRunning) {
        server.kill();
        server.waitForFinished(5000);
    }
}

Endpoint TestTransportTls::endpoint(const TlsFiles &files) const {
    auto r = Endpoint::parse("tcp://127.0.0.1:" + std::to_string(port), files);
    return r.ok() ? r.value() : Endpoint{};
}

Result<HttpResponse> TestTransportTls::get(const Endpoint &endpoint) {
    Transport transport(endpoint);
    HttpRequest request;
    request.target = "/";
    request.timeout = 10s;
    auto r = waitFor(transport.send(request), 20s);
    if (!r)
        return slipway::engine::makeError(ErrorKind::Timeout, "the test gave up waiting");
    return *r;
}

void TestTransportTls::clientCertAndCa() {
    // The DOCKER_CERT_PATH layout, as a user would point Slipway at it.
    Endpoint e = endpoint(Endpoint::tlsFromCertPath(certDir.path().toStdString()));
    QVERIFY(e.tls);
    auto r = get(e);
    QVERIFY2(r.ok(), qPrintable(describe(r)));
    QCOMPARE(r.value().status, 200);
}

void TestTransportTls::wrongCaIsRefused() {
    TlsFiles files = Endpoint::tlsFromCertPath(certDir.path().toStdString());
    files.caFile = file("other-ca.pem");
    auto r = get(endpoint(files));
    QVERIFY2(!r.ok(), "a server certificate from an unknown CA was accepted");
    QCOMPARE(r.error().kind, ErrorKind::Transport);
    QVERIFY2(QString::fromStdString(r.error().message).contains("certificate"),
             r.error().message.c_str());
}

void TestTransportTls::wrongCaWithoutVerification() {
    TlsFiles files = Endpoint::tlsFromCertPath(certDir.path().toStdString(), false);
    files.caFile = file("other-ca.pem");
    auto r = get(endpoint(files));
    QVERIFY2(r.ok(), qPrintable(describe(r)));
    QCOMPARE(r.value().status, 200);
}

void TestTransportTls::missingClientCertIsRefused() {
    TlsFiles files;
    files.caFile = file("ca.pem");
    auto r = get(endpoint(files));
    QVERIFY2(!r.ok(), "the server took a client without a certificate");
    QCOMPARE(r.error().kind, ErrorKind::Transport);
}

void TestTransportTls::missingCaFileIsTransportError() {
    TlsFiles files = Endpoint::tlsFromCertPath(certDir.filePath("nowhere").toStdString());
    auto r = get(endpoint(files));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, ErrorKind::Transport);
    QVERIFY2(QString::fromStdString(r.error().message).contains("nowhere"),
             r.error().message.c_str());
}

QTEST_GUILESS_MAIN(TestTransportTls)
#include "tst_transporttls.moc"
