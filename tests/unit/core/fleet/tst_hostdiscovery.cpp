// HostDiscovery against environments and docker config trees made up on the spot.
#include "core/fleet/hostdiscovery.h"
#include "core/fleet/hostendpoint.h"
#include "core/fleet/plaintcp.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace slipway::core;

namespace {

void writeFile(const QString &path, const QByteArray &content) {
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    QFile f(path);
    QVERIFY2(f.open(QIODevice::WriteOnly), qPrintable(f.errorString()));
    f.write(content);
}

// A context as `docker context create` lays it out.
void writeContext(const QString &configDir, const QString &name, const QString &host,
                  bool skipVerify, bool withTls) {
    const QString dir = HostDiscovery::contextDirName(name);
    writeFile(configDir + "/contexts/meta/" + dir + "/meta.json",
              QStringLiteral(
                  "{\"Name\":\"%1\",\"Metadata\":{},\"Endpoints\":{\"docker\":{\"Host\":\"%2\","
                  "\"SkipTLSVerify\":%3}}}")
                  .arg(name, host, skipVerify ? "true" : "false")
                  .toUtf8());
    if (withTls) {
        for (const char *file : {"ca.pem", "cert.pem", "key.pem"})
            writeFile(configDir + "/contexts/tls/" + dir + "/docker/" + file, "pem");
    }
}

} // namespace

class TestHostDiscovery : public QObject {
    Q_OBJECT

private slots:
    void contextDirNameIsSha256OfTheName() {
        // sha256("default"), as the docker CLI names the directory.
        QCOMPARE(
            HostDiscovery::contextDirName("default"),
            QStringLiteral("37a8eec1ce19687d132fe29051dca629d164e2c4958ba141d5f4133a33f0688f"));
    }

    void noDockerHostMeansNothing() {
        QProcessEnvironment env;
        QVERIFY(!HostDiscovery::fromEnvironment(env));
        env.insert("DOCKER_HOST", "  ");
        QVERIFY(!HostDiscovery::fromEnvironment(env));
    }

    void plainDockerHost() {
        QProcessEnvironment env;
        env.insert("DOCKER_HOST", "tcp://10.1.2.3:2375");
        const auto host = HostDiscovery::fromEnvironment(env);
        QVERIFY(host);
        QCOMPARE(host->id, QStringLiteral("env"));
        QCOMPARE(host->url, QStringLiteral("tcp://10.1.2.3:2375"));
        QCOMPARE(host->source, HostConfig::Source::Environment);
        QVERIFY(host->caFile.isEmpty());
        QVERIFY(host->verifyTls);
    }

    void tlsVerifyWithCertPath() {
        QTemporaryDir certs;
        for (const char *file : {"ca.pem", "cert.pem", "key.pem"})
            writeFile(certs.filePath(file), "pem");
        QProcessEnvironment env;
        env.insert("DOCKER_HOST", "tcp://build-07:2376");
        env.insert("DOCKER_TLS_VERIFY", "1");
        env.insert("DOCKER_CERT_PATH", certs.path());
        const auto host = HostDiscovery::fromEnvironment(env);
        QVERIFY(host);
        QCOMPARE(host->caFile, certs.filePath("ca.pem"));
        QCOMPARE(host->certFile, certs.filePath("cert.pem"));
        QCOMPARE(host->keyFile, certs.filePath("key.pem"));
        QVERIFY(host->verifyTls);
    }

    // --host takes the TLS variables as `docker -H` does; a unix socket is left alone, and
    // plain tcp:// stays plain (and is marked so).
    void commandLineHostsTakeTheTlsEnvironment() {
        QTemporaryDir certs;
        for (const char *file : {"ca.pem", "cert.pem", "key.pem"})
            writeFile(certs.filePath(file), "pem");
        QProcessEnvironment env;
        env.insert("DOCKER_TLS_VERIFY", "1");
        env.insert("DOCKER_CERT_PATH", certs.path());
        const auto hosts = HostDiscovery::fromCommandLine(
            {"tcp://build-07:2376", " unix:///run/docker.sock "}, env);
        QCOMPARE(hosts.size(), 2);
        QCOMPARE(hosts[0].id, QStringLiteral("cli:0"));
        QCOMPARE(hosts[0].source, HostConfig::Source::CommandLine);
        QCOMPARE(hosts[0].caFile, certs.filePath("ca.pem"));
        QCOMPARE(hosts[0].keyFile, certs.filePath("key.pem"));
        QVERIFY(hosts[0].verifyTls);
        QVERIFY(!isPlainTcp(hosts[0]));
        QCOMPARE(hosts[1].url, QStringLiteral("unix:///run/docker.sock"));
        QVERIFY(hosts[1].caFile.isEmpty());
        QVERIFY(hostEndpoint(hosts[1]));

        const auto plain = HostDiscovery::fromCommandLine({"tcp://build-07:2375"}, {});
        QVERIFY(plain[0].caFile.isEmpty());
        QVERIFY(isPlainTcp(plain[0]));
        QVERIFY(plainTcpWarning(plain[0]).contains("tcp://build-07:2375"));
        QVERIFY(!isPlainTcp(hosts[1]));
    }

    void tlsVerifyDefaultsToTheDockerConfigDir() {
        QTemporaryDir home;
        for (const char *file : {"ca.pem", "cert.pem", "key.pem"})
            writeFile(home.filePath(QStringLiteral(".docker/") + file), "pem");
        QProcessEnvironment env;
        env.insert("HOME", home.path());
        env.insert("DOCKER_HOST", "tcp://build-07:2376");
        env.insert("DOCKER_TLS_VERIFY", "1");
        const auto host = HostDiscovery::fromEnvironment(env);
        QVERIFY(host);
        QCOMPARE(host->caFile, home.filePath(".docker/ca.pem"));
        QCOMPARE(host->keyFile, home.filePath(".docker/key.pem"));
    }

    void tlsWithoutVerifyAndWithoutFiles() {
        QTemporaryDir empty;
        QProcessEnvironment env;
        env.insert("DOCKER_HOST", "tcp://build-07:2376");
        env.insert("DOCKER_TLS", "1");
        env.insert("DOCKER_CERT_PATH", empty.path());
        const auto host = HostDiscovery::fromEnvironment(env);
        QVERIFY(host);
        QVERIFY(!host->verifyTls);
        QVERIFY(host->caFile.isEmpty());
        // Still TLS, as the docker CLI would do it.
        QCOMPARE(host->url, QStringLiteral("https://build-07:2376"));
    }

    void dockerConfigDir() {
        QProcessEnvironment env;
        env.insert("HOME", "/home/ops");
        QCOMPARE(HostDiscovery::dockerConfigDir(env), QStringLiteral("/home/ops/.docker"));
        env.insert("DOCKER_CONFIG", "/etc/docker-cli");
        QCOMPARE(HostDiscovery::dockerConfigDir(env), QStringLiteral("/etc/docker-cli"));
    }

    void contexts() {
        QTemporaryDir config;
        writeContext(config.path(), "prod-eu", "tcp://prod-eu.example:2376", false, true);
        writeContext(config.path(), "lab", "unix:///run/lab/docker.sock", true, false);
        QStringList problems;
        const QList<HostConfig> hosts = HostDiscovery::fromDockerContexts(config.path(), &problems);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));
        QCOMPARE(hosts.size(), 2);
        const auto byName = [&](const QString &name) {
            for (const HostConfig &h : hosts)
                if (h.name == name)
                    return h;
            return HostConfig{};
        };
        const HostConfig prod = byName("prod-eu");
        QCOMPARE(prod.id, QStringLiteral("context:prod-eu"));
        QCOMPARE(prod.url, QStringLiteral("tcp://prod-eu.example:2376"));
        QCOMPARE(prod.source, HostConfig::Source::DockerContext);
        QVERIFY(prod.verifyTls);
        const QString tlsDir = config.path() + "/contexts/tls/" +
                               HostDiscovery::contextDirName("prod-eu") + "/docker/";
        QCOMPARE(prod.caFile, tlsDir + "ca.pem");
        QCOMPARE(prod.certFile, tlsDir + "cert.pem");
        QCOMPARE(prod.keyFile, tlsDir + "key.pem");
        const HostConfig lab = byName("lab");
        QCOMPARE(lab.url, QStringLiteral("unix:///run/lab/docker.sock"));
        QVERIFY(!lab.verifyTls);
        QVERIFY(lab.caFile.isEmpty());
    }

    void badContextsAreSkippedAndNamed() {
        QTemporaryDir config;
        writeContext(config.path(), "good", "tcp://good:2375", false, false);
        const QString meta = config.path() + "/contexts/meta/";
        writeFile(meta + "garbage/meta.json", "{not json");
        writeFile(meta + "noname/meta.json",
                  "{\"Endpoints\":{\"docker\":{\"Host\":\"tcp://x:1\"}}}");
        writeFile(meta + "nohost/meta.json", "{\"Name\":\"k8s-only\",\"Endpoints\":{}}");
        QVERIFY(QDir().mkpath(meta + "empty"));
        QStringList problems;
        const QList<HostConfig> hosts = HostDiscovery::fromDockerContexts(config.path(), &problems);
        QCOMPARE(hosts.size(), 1);
        QCOMPARE(hosts[0].name, QStringLiteral("good"));
        QCOMPARE(problems.size(), 4);
        const QString all = problems.join('\n');
        QVERIFY2(all.contains("garbage/meta.json") && all.contains("not a JSON object"),
                 qPrintable(all));
        QVERIFY2(all.contains("has no \"Name\""), qPrintable(all));
        QVERIFY2(all.contains("k8s-only") && all.contains("Endpoints.docker.Host"),
                 qPrintable(all));
        QVERIFY2(all.contains("empty/meta.json"), qPrintable(all));
    }

    void missingConfigDirIsNoContexts() {
        QStringList problems;
        QVERIFY(HostDiscovery::fromDockerContexts("/nonexistent/slipway", &problems).isEmpty());
        QVERIFY(problems.isEmpty());
    }

    void localSocket() {
        QTemporaryDir dir;
        QVERIFY(!HostDiscovery::localSocket(dir.filePath("docker.sock")));
        writeFile(dir.filePath("docker.sock"), ""); // a stand-in: only existence is checked
        const auto host = HostDiscovery::localSocket(dir.filePath("docker.sock"));
        QVERIFY(host);
        QCOMPARE(host->id, QStringLiteral("local"));
        QCOMPARE(host->url, "unix://" + dir.filePath("docker.sock"));
        QCOMPARE(host->source, HostConfig::Source::LocalSocket);
    }

    void endpointValidation_data() {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("ca");
        QTest::addColumn<QString>("cert");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("expected"); // part of the error, empty for valid
        QTest::newRow("unix") << "unix:///run/docker.sock"
                              << ""
                              << ""
                              << ""
                              << "";
        QTest::newRow("tcp") << "tcp://10.0.0.5:2375"
                             << ""
                             << ""
                             << ""
                             << "";
        QTest::newRow("empty") << "  "
                               << ""
                               << ""
                               << ""
                               << "No URL given";
        QTest::newRow("tls on unix") << "unix:///run/docker.sock"
                                     << "/x/ca.pem"
                                     << ""
                                     << ""
                                     << "is a unix socket";
        QTest::newRow("cert without key") << "tcp://h:2376"
                                          << ""
                                          << "/x/cert.pem"
                                          << ""
                                          << "needs its private key";
        QTest::newRow("key without cert") << "tcp://h:2376"
                                          << ""
                                          << ""
                                          << "/x/key.pem"
                                          << "needs its client certificate";
        QTest::newRow("missing ca") << "tcp://h:2376"
                                    << "/nonexistent/ca.pem"
                                    << ""
                                    << ""
                                    << "\"/nonexistent/ca.pem\" does not exist";
    }

    void endpointValidation() {
        QFETCH(QString, url);
        QFETCH(QString, ca);
        QFETCH(QString, cert);
        QFETCH(QString, key);
        QFETCH(QString, expected);
        HostConfig h;
        h.url = url;
        h.caFile = ca;
        h.certFile = cert;
        h.keyFile = key;
        const auto endpoint = hostEndpoint(h);
        if (expected.isEmpty()) {
            QVERIFY2(endpoint.ok(), endpoint.ok() ? "" : endpoint.error().message.c_str());
            return;
        }
        QVERIFY(!endpoint.ok());
        QCOMPARE(endpoint.error().kind, slipway::engine::ErrorKind::InvalidInput);
        QVERIFY2(QString::fromStdString(endpoint.error().message).contains(expected),
                 endpoint.error().message.c_str());
    }

    void endpointWithRealTlsFiles() {
        QTemporaryDir dir;
        for (const char *file : {"ca.pem", "cert.pem", "key.pem"})
            writeFile(dir.filePath(file), "pem");
        HostConfig h;
        h.url = "tcp://h:2376";
        h.caFile = dir.filePath("ca.pem");
        h.certFile = dir.filePath("cert.pem");
        h.keyFile = dir.filePath("key.pem");
        h.verifyTls = false;
        const auto endpoint = hostEndpoint(h);
        QVERIFY2(endpoint.ok(), endpoint.ok() ? "" : endpoint.error().message.c_str());
        QVERIFY(endpoint.value().tls);
        QVERIFY(!endpoint.value().tlsFiles.verifyPeer);
        // A directory is not a certificate.
        h.caFile = dir.path();
        QVERIFY(!hostEndpoint(h).ok());
        QVERIFY(hostEndpoint(h, HostConfig::FileCheck::Skip).ok());
    }
};

QTEST_GUILESS_MAIN(TestHostDiscovery)
#include "tst_hostdiscovery.moc"
