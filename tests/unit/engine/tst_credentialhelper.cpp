// Credential helpers as the docker CLI runs them, against a fake docker-credential-slipwaytest
// (a shell script this test writes into a temporary directory put first on PATH): the server
// address on stdin, credentials and identity tokens from its JSON, "not found", a failure in
// its own words, a missing helper, a helper that hangs, an answer that is not JSON; and the
// whole resolution from config.json (credHelpers, credsStore, auths) to the X-Registry-Auth
// header value.
#include "engine/credentialhelper.h"
#include "engine/registryauth.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace std::chrono_literals;
using slipway::engine::CredentialOptions;
using slipway::engine::credentialsFromHelper;
using slipway::engine::ErrorKind;
using slipway::engine::registryAuthFor;
using slipway::engine::resolveCredentials;

namespace {

// What each server address makes the fake helper do.
constexpr const char *kHelper = R"(#!/bin/sh
read -r server
printf '%s\n' "$server" >>"$(dirname "$0")/asked.log"
case "$server" in
ok.example) printf '{"ServerURL":"%s","Username":"alice","Secret":"s3cret"}\n' "$server" ;;
token.example) printf '{"ServerURL":"%s","Username":"<token>","Secret":"refresh-1"}\n' "$server" ;;
https://index.docker.io/v1/) printf '{"ServerURL":"%s","Username":"hub","Secret":"hubpw"}' "$server" ;;
fail.example) echo "gpg: decryption failed: No secret key"; exit 3 ;;
hang.example) exec sleep 30 ;;
garbage.example) echo "hello there" ;;
*) echo "credentials not found in native keychain"; exit 1 ;;
esac
)";

QJsonObject decodeAuth(const std::string &header) {
    const QByteArray json =
        QByteArray::fromBase64(QByteArray::fromStdString(header), QByteArray::Base64UrlEncoding);
    return QJsonDocument::fromJson(json).object();
}

} // namespace

class TestCredentialHelper : public QObject {
    Q_OBJECT

    QTemporaryDir dir;
    QByteArray oldPath;

    QStringList asked() {
        QFile log(dir.filePath(QStringLiteral("asked.log")));
        if (!log.open(QIODevice::ReadOnly))
            return {};
        return QString::fromUtf8(log.readAll()).split(u'\n', Qt::SkipEmptyParts);
    }

    std::string writeConfig(const QByteArray &json) {
        const QString path = dir.filePath(QStringLiteral("config.json"));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        f.write(json);
        return path.toStdString();
    }

private slots:
    void initTestCase() {
        QVERIFY(dir.isValid());
        QFile script(dir.filePath(QStringLiteral("docker-credential-slipwaytest")));
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write(kHelper);
        script.close();
        QVERIFY(script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        oldPath = qgetenv("PATH");
        qputenv("PATH", dir.path().toLocal8Bit() + ':' + oldPath);
    }

    void cleanupTestCase() { qputenv("PATH", oldPath); }

    void credentials() {
        auto r = credentialsFromHelper("slipwaytest", "ok.example");
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        QVERIFY(r.value().has_value());
        QCOMPARE(r.value()->username, std::string("alice"));
        QCOMPARE(r.value()->password, std::string("s3cret"));
        QVERIFY(r.value()->identityToken.empty());
        // The address came on stdin, exactly.
        QCOMPARE(asked().last(), QStringLiteral("ok.example"));
    }

    void identityToken() {
        auto r = credentialsFromHelper("slipwaytest", "token.example");
        QVERIFY(r.ok() && r.value());
        QCOMPARE(r.value()->identityToken, std::string("refresh-1"));
        QVERIFY(r.value()->username.empty());
        QVERIFY(r.value()->password.empty());
    }

    void notFoundIsNone() {
        auto r = credentialsFromHelper("slipwaytest", "nothing.example");
        QVERIFY(r.ok());
        QVERIFY(!r.value());
    }

    void failuresNameTheHelper() {
        auto failed = credentialsFromHelper("slipwaytest", "fail.example");
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().kind, ErrorKind::InvalidInput);
        const std::string &m = failed.error().message;
        QVERIFY2(m.find("docker-credential-slipwaytest") != std::string::npos, m.c_str());
        QVERIFY2(m.find("exit code 3") != std::string::npos, m.c_str());
        QVERIFY2(m.find("gpg: decryption failed: No secret key") != std::string::npos, m.c_str());

        auto missing = credentialsFromHelper("slipwaynosuch", "ok.example");
        QVERIFY(!missing.ok());
        QVERIFY2(missing.error().message.find("docker-credential-slipwaynosuch was not found on "
                                              "PATH") != std::string::npos,
                 missing.error().message.c_str());

        auto garbage = credentialsFromHelper("slipwaytest", "garbage.example");
        QVERIFY(!garbage.ok());
        QVERIFY2(garbage.error().message.find("hello there") != std::string::npos,
                 garbage.error().message.c_str());

        // A name that would be a path is refused before anything runs.
        auto path = credentialsFromHelper("../../bin/sh", "ok.example");
        QVERIFY(!path.ok());
        QVERIFY(path.error().message.find("not a helper name") != std::string::npos);
        auto newline = credentialsFromHelper("slipwaytest", "a\nb");
        QVERIFY(!newline.ok());
    }

    void aHangingHelperIsStopped() {
        auto r = credentialsFromHelper("slipwaytest", "hang.example", 300ms);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.find("docker-credential-slipwaytest: no answer for "
                                        "hang.example within 300 ms") != std::string::npos,
                 r.error().message.c_str());
    }

    void resolvedFromConfig() {
        CredentialOptions options;
        options.configPath = writeConfig(R"({
            "auths": {"file.example": {"auth": "Ym9iOnB3"}, "ok.example": {}},
            "credHelpers": {"ok.example": "slipwaytest", "token.example": "slipwaytest",
                            "broken.example": "slipwaynosuch"},
            "credsStore": "slipwaytest"})");
        auto helper = resolveCredentials("ok.example", options);
        QVERIFY(helper.ok() && helper.value());
        QCOMPARE(helper.value()->password, std::string("s3cret"));
        auto file = resolveCredentials("file.example", options);
        QVERIFY(file.ok() && file.value());
        QCOMPARE(file.value()->username, std::string("bob"));
        // Docker Hub goes to the store under the address the docker CLI uses for it.
        auto hub = resolveCredentials("", options);
        QVERIFY(hub.ok() && hub.value());
        QCOMPARE(hub.value()->username, std::string("hub"));
        QCOMPARE(asked().last(), QStringLiteral("https://index.docker.io/v1/"));
        auto none = resolveCredentials("public.example", options);
        QVERIFY(none.ok() && !none.value());

        auto broken = resolveCredentials("broken.example", options);
        QVERIFY(!broken.ok());
        const std::string &m = broken.error().message;
        QVERIFY2(m.find("docker-credential-slipwaynosuch") != std::string::npos, m.c_str());
        QVERIFY2(m.find("credHelpers in " + options.configPath) != std::string::npos, m.c_str());

        auto bad = resolveCredentials("x", CredentialOptions{writeConfig("{"), 10s});
        QVERIFY(!bad.ok());
        QVERIFY(bad.error().message.find("config.json") != std::string::npos);
    }

    void registryAuthHeader() {
        CredentialOptions options;
        options.configPath = writeConfig(R"({
            "auths": {"file.example:5000": {"username": "carol", "password": "p+w/="}},
            "credHelpers": {"ok.example": "slipwaytest", "token.example": "slipwaytest"}})");
        auto basic = registryAuthFor("ok.example/team/app:1.0", options);
        QVERIFY(basic.ok());
        QJsonObject o = decodeAuth(basic.value());
        QCOMPARE(o.value("username").toString(), QStringLiteral("alice"));
        QCOMPARE(o.value("password").toString(), QStringLiteral("s3cret"));
        QCOMPARE(o.value("serveraddress").toString(), QStringLiteral("ok.example"));

        auto file =
            registryAuthFor("file.example:5000/app@sha256:" + std::string(64, 'a'), options);
        QVERIFY(file.ok());
        // base64url: no '+' or '/' that a header or the engine would take otherwise.
        QVERIFY(file.value().find_first_of("+/") == std::string::npos);
        o = decodeAuth(file.value());
        QCOMPARE(o.value("password").toString(), QStringLiteral("p+w/="));
        QCOMPARE(o.value("serveraddress").toString(), QStringLiteral("file.example:5000"));

        auto token = registryAuthFor("token.example/app:2", options);
        QVERIFY(token.ok());
        o = decodeAuth(token.value());
        QCOMPARE(o.value("identitytoken").toString(), QStringLiteral("refresh-1"));
        QVERIFY(!o.contains("password"));

        auto anonymous = registryAuthFor("nginx:1.25", options);
        QVERIFY(anonymous.ok());
        QVERIFY(anonymous.value().empty());
        QVERIFY(!registryAuthFor("Bad::Ref", options).ok());
    }
};

QTEST_GUILESS_MAIN(TestCredentialHelper)
#include "tst_credentialhelper.moc"
