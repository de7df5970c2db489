// slipctl --host with the docker CLI's TLS environment: `--host tcp://...` with
// DOCKER_TLS_VERIFY and DOCKER_CERT_PATH reaches the private engine's mutual-TLS listener, as
// `docker -H` does; a plain tcp:// host is used but said plainly on stderr, once per host.
#include "tests/support/localserver.h"
#include "tests/support/processrun.h"
#include "tests/support/testenv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace slipway;

namespace {

using Run = test::ProcessRun;

constexpr const char *kPlainWarning = "plain TCP without TLS";

} // namespace

class TestSlipctlTls : public QObject {
    Q_OBJECT

    QTemporaryDir home;
    QString tlsHost, certs;

    // slipctl with a clean HOME and only the docker variables given.
    Run slipctl(const QStringList &args, const QProcessEnvironment &extra = {}) {
        return test::runProcess(QStringLiteral(SLIPWAY_SLIPCTL), args,
                                test::cleanEnvironment(home.path(), extra),
                                std::chrono::seconds(30));
    }

private slots:
    void initTestCase() {
        tlsHost = qEnvironmentVariable("SLIPWAY_TEST_DOCKER_TLS_HOST");
        certs = qEnvironmentVariable("SLIPWAY_TEST_DOCKER_CERT_PATH");
        if (tlsHost.isEmpty() || certs.isEmpty() || test::dockerHost().isEmpty())
            QFAIL(test::missingServicesMessage().constData());
        QVERIFY(home.isValid());
    }

    void hostOptionTakesTheTlsEnvironment() {
        QProcessEnvironment env;
        env.insert(QStringLiteral("DOCKER_TLS_VERIFY"), QStringLiteral("1"));
        env.insert(QStringLiteral("DOCKER_CERT_PATH"), certs);
        Run r = slipctl({"hosts", "--json", "--host", tlsHost}, env);
        QVERIFY(r.finished);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonArray hosts = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(hosts.size(), 1);
        const QJsonObject h = hosts.first().toObject();
        QCOMPARE(h["up"].toBool(), true);
        QCOMPARE(h["tls"].toBool(), true);
        QCOMPARE(h["tlsVerifyOff"].toBool(), false);
        QCOMPARE(h["apiVersion"].toString(), QStringLiteral("1.41"));
        QVERIFY2(!r.err.contains(kPlainWarning), r.err.constData());

        // DOCKER_TLS (no verification) with the same files: TLS still, verification off.
        QProcessEnvironment noVerify;
        noVerify.insert(QStringLiteral("DOCKER_TLS"), QStringLiteral("1"));
        noVerify.insert(QStringLiteral("DOCKER_CERT_PATH"), certs);
        r = slipctl({"hosts", "--json", "--host", tlsHost}, noVerify);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject n = QJsonDocument::fromJson(r.out).array().first().toObject();
        QCOMPARE(n["tls"].toBool(), true);
        QCOMPARE(n["tlsVerifyOff"].toBool(), true);
    }

    void withoutTheTlsEnvironmentTheHostIsPlainAndSaidSo() {
        // The engine demands a client certificate: plain TCP gets no answer from it.
        Run r = slipctl({"hosts", "--timeout", "3", "--host", tlsHost});
        QVERIFY(r.finished);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(kPlainWarning), r.err.constData());
        QVERIFY2(r.err.contains(tlsHost.toUtf8()), r.err.constData());
    }

    void plainTcpIsUsedButSaidOncePerHost() {
        // A plain-HTTP engine on loopback that answers the ping and nothing else.
        test::LocalServer engine([](const test::LocalServer::Request &r) {
            if (r.target.find("/_ping") != std::string::npos)
                return test::LocalServer::Reply{200, {{"Api-Version", "1.41"}}, "OK"};
            return test::LocalServer::Reply{
                404, {{"Content-Type", "application/json"}}, R"({"message":"page not found"})"};
        });
        QVERIFY(engine.port() > 0);
        const QString url =
            QStringLiteral("tcp://%1").arg(QString::fromStdString(engine.hostPort()));
        Run r = slipctl({"hosts", "--timeout", "5", "--host", url, "--host", url, "--host",
                         test::dockerHost()});
        QVERIFY(r.finished);
        // The host was used, not refused.
        QVERIFY(engine.hits("/") > 0);
        QCOMPARE(r.err.count(kPlainWarning), 1);
        QVERIFY2(r.err.contains("slipctl: warning: " + url.toUtf8() + " is plain TCP without TLS"),
                 r.err.constData());
        QVERIFY2(r.err.contains("root on that host"), r.err.constData());
        // The unix socket is not warned about, and is listed.
        QVERIFY2(r.out.contains("1.41"), r.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestSlipctlTls)
#include "tst_slipctl_tls.moc"
