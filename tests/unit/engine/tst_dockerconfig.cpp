// DockerConfig: credentials from config.json's `auths` (base64 `auth`, username/password,
// identity tokens, keys with or without scheme and path, Docker Hub's many names), the
// credential helper or store named instead of credentials, and files that are not a docker
// config.
#include "engine/dockerconfig.h"

#include <QTemporaryDir>
#include <QtTest>
#include <fstream>

using slipway::engine::DockerConfig;
using slipway::engine::ErrorKind;

class TestDockerConfig : public QObject {
    Q_OBJECT

private slots:
    void base64() {
        using slipway::engine::decodeBase64;
        using slipway::engine::encodeBase64;
        QCOMPARE(encodeBase64("alice:s3cret"), std::string("YWxpY2U6czNjcmV0"));
        QCOMPARE(encodeBase64("a"), std::string("YQ=="));
        QCOMPARE(encodeBase64("ab"), std::string("YWI="));
        QCOMPARE(*decodeBase64("YWxpY2U6czNjcmV0"), std::string("alice:s3cret"));
        QCOMPARE(*decodeBase64("YQ=="), std::string("a"));
        QCOMPARE(*decodeBase64("YWI"), std::string("ab"));
        QVERIFY(!decodeBase64("YW*x"));
        QVERIFY(!decodeBase64("Y"));
    }

    void auths() {
        auto config =
            DockerConfig::parse("{\"auths\": {"
                                "\"https://index.docker.io/v1/\": {\"auth\": \"aHViOmh1YnB3\"},"
                                "\"127.0.0.1:5515\": {\"username\": \"ci\", \"password\": \"pw\"},"
                                "\"https://Registry.Example.com/v2/\": {\"auth\": "
                                "\"YWxpY2U6czNjcmV0OndpdGg6Y29sb25z\"},"
                                "\"empty.example.com\": {}"
                                "}}");
        QVERIFY(config.ok());
        auto hub = config.value().lookup("docker.io");
        QVERIFY(hub.credentials);
        QCOMPARE(hub.credentials->username, std::string("hub"));
        QCOMPARE(hub.credentials->password, std::string("hubpw"));
        QCOMPARE(config.value().lookup("").credentials.has_value(), true);
        auto local = config.value().lookup("127.0.0.1:5515");
        QCOMPARE(local.credentials->username, std::string("ci"));
        QCOMPARE(local.credentials->password, std::string("pw"));
        auto named = config.value().lookup("registry.example.com");
        QCOMPARE(named.credentials->username, std::string("alice"));
        QCOMPARE(named.credentials->password, std::string("s3cret:with:colons"));
        QVERIFY(!config.value().lookup("empty.example.com").credentials);
        QVERIFY(config.value().lookup("empty.example.com").helper.empty());
        QVERIFY(!config.value().lookup("other.example.com").credentials);
    }

    void helpersAreNamed() {
        auto config = DockerConfig::parse(
            "{\"auths\": {\"ghcr.io\": {}, \"own.example.com\": {\"auth\": \"dTpw\"}},"
            " \"credsStore\": \"desktop\", \"credHelpers\": {\"gcr.io\": \"gcloud\"}}");
        QVERIFY(config.ok());
        auto gcr = config.value().lookup("gcr.io");
        QVERIFY(!gcr.credentials);
        QCOMPARE(gcr.helper, std::string("gcloud"));
        QCOMPARE(gcr.helperSource, std::string("credHelpers"));
        auto ghcr = config.value().lookup("ghcr.io");
        QVERIFY(!ghcr.credentials);
        QCOMPARE(ghcr.helper, std::string("desktop"));
        QCOMPARE(ghcr.helperSource, std::string("credsStore"));
        // Credentials in the file itself are still used.
        auto own = config.value().lookup("own.example.com");
        QVERIFY(own.credentials);
        QVERIFY(own.helper.empty());
        QCOMPARE(own.credentials->username, std::string("u"));

        auto token = DockerConfig::parse("{\"auths\": {\"r.io\": {\"identitytoken\": \"x\"}}}");
        QVERIFY(token.ok());
        QVERIFY(token.value().lookup("r.io").credentials);
        QCOMPARE(token.value().lookup("r.io").credentials->identityToken, std::string("x"));
        QVERIFY(token.value().lookup("r.io").credentials->username.empty());

        QCOMPARE(DockerConfig::helperServerAddress(""), std::string("https://index.docker.io/v1/"));
        QCOMPARE(DockerConfig::helperServerAddress("Registry-1.Docker.io"),
                 std::string("https://index.docker.io/v1/"));
        QCOMPARE(DockerConfig::helperServerAddress("127.0.0.1:5515"),
                 std::string("127.0.0.1:5515"));
    }

    void refused() {
        QCOMPARE(DockerConfig::parse("not json").error().kind, ErrorKind::Parse);
        QCOMPARE(DockerConfig::parse("[]").error().kind, ErrorKind::Parse);
        QCOMPARE(DockerConfig::parse("{\"auths\": []}").error().kind, ErrorKind::Parse);
        auto bad = DockerConfig::parse("{\"auths\": {\"r.io\": {\"auth\": \"!!\"}}}");
        QVERIFY(!bad.ok());
        QVERIFY(bad.error().message.find("r.io") != std::string::npos);
        auto noColon = DockerConfig::parse("{\"auths\": {\"r.io\": {\"auth\": \"YWJj\"}}}");
        QVERIFY(!noColon.ok());
        QVERIFY(noColon.error().message.find("user:password") != std::string::npos);
    }

    void files() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.filePath("config.json").toStdString();
        auto missing = DockerConfig::load(path);
        QVERIFY(missing.ok());
        QVERIFY(missing.value().empty());
        std::ofstream(path) << "{\"auths\": {\"r.io\": {\"auth\": \"dTpwdw==\"}}}";
        auto loaded = DockerConfig::load(path);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded.value().lookup("r.io").credentials->password, std::string("pw"));
        std::ofstream(path) << "{";
        auto broken = DockerConfig::load(path);
        QVERIFY(!broken.ok());
        QVERIFY(broken.error().message.find(path) != std::string::npos);

        qputenv("DOCKER_CONFIG", dir.path().toLocal8Bit());
        QCOMPARE(DockerConfig::defaultPath(), path);
        qunsetenv("DOCKER_CONFIG");
        qputenv("HOME", "/home/someone");
        QCOMPARE(DockerConfig::defaultPath(), std::string("/home/someone/.docker/config.json"));
    }
};

QTEST_GUILESS_MAIN(TestDockerConfig)
#include "tst_dockerconfig.moc"
