// Deploying from a registry that demands credentials, as a user does: the test starts its own
// Debian docker-registry with a bcrypt htpasswd file on a free 127.0.0.1 port, pushes an image
// into it with the docker CLI, removes it from the private engine, then runs the real
// `slipctl deploy` with a temporary DOCKER_CONFIG: credentials from `auths`, then from a
// credential helper (credHelpers), succeed; none, or wrong ones, fail in the engine's and the
// registry's own words. The registry is stopped at the end whatever happens.
#include "tests/support/processrun.h"
#include "tests/support/testenv.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <arpa/inet.h>
#include <csignal>
#include <netinet/in.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace slipway;

namespace {

constexpr const char *kUser = "slipway-ci";
constexpr const char *kPassword = "s3cret-Passw0rd";

using Run = test::ProcessRun;

// A port nobody listens on now (the kernel's pick, released again).
int freePort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
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

bool answers(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(quint16(port));
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0;
    ::close(fd);
    return ok;
}

bool writeFile(const QString &path, const QByteArray &content,
               QFile::Permissions permissions = QFile::ReadOwner | QFile::WriteOwner) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(content) != content.size())
        return false;
    f.close();
    return f.setPermissions(permissions);
}

} // namespace

class TestRegistryAuth : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QProcess registry_; // its destructor stops it too, should cleanupTestCase not run
    QString address_;   // 127.0.0.1:<port>
    QString image_;     // <address>/slipway-creds/web:1.0.0
    std::unique_ptr<engine::DockerClient> client_;
    QString app_;

    QString path(const QString &name) const { return dir_.filePath(name); }

    // A DOCKER_CONFIG directory holding `json` as its config.json.
    QString dockerConfig(const QString &name, const QByteArray &json) {
        QDir().mkpath(path(name));
        return writeFile(path(name) + QStringLiteral("/config.json"), json) ? path(name)
                                                                            : QString();
    }

    QByteArray authsFor(const QString &user, const QString &password) const {
        const QByteArray auth = (user + u':' + password).toUtf8().toBase64();
        return "{\"auths\": {\"" + address_.toUtf8() + "\": {\"auth\": \"" + auth + "\"}}}";
    }

    Run run(const QString &program, const QStringList &args, const QProcessEnvironment &extra) {
        return test::runProcess(program, args,
                                test::cleanEnvironment(path(QStringLiteral("home")), extra));
    }

    Run deploy(const QString &app, const QString &config, const QString &extraPath = {}) {
        QProcessEnvironment env;
        env.insert(QStringLiteral("DOCKER_CONFIG"), config);
        if (!extraPath.isEmpty())
            env.insert(QStringLiteral("PATH"), extraPath + u':' + qEnvironmentVariable("PATH"));
        return run(QStringLiteral(SLIPWAY_SLIPCTL),
                   {"deploy", app, "--env", "ci", "--image", image_, "--json", "--host",
                    test::dockerHost(), "--data-dir", path(QStringLiteral("data"))},
                   env);
    }

    int containers(const QString &app) {
        engine::Filters f;
        f["label"] = {"slipway.app=" + app.toStdString()};
        auto r = client_->containers(true, f).wait();
        return r ? int(r.value().size()) : -1;
    }

    // Removes what deploy created and the image, so the next deploy must pull it again.
    void forget() {
        engine::Filters f;
        f["label"] = {"slipway.app"};
        if (auto all = client_->containers(true, f).wait()) {
            for (const auto &c : all.value()) {
                auto label = c.labels.find("slipway.app");
                if (label != c.labels.end() &&
                    QString::fromStdString(label->second).startsWith(app_))
                    (void)client_->removeContainer(c.id, true).wait();
            }
        }
        (void)client_->removeImage(image_.toStdString()).wait();
    }

private slots:
    void initTestCase() {
        if (test::dockerHost().isEmpty())
            QFAIL(test::missingServicesMessage().constData());
        QVERIFY(dir_.isValid());
        client_ = test::makeClient();
        app_ = QString::fromStdString(test::uniqueName("regauth"));

        // The bcrypt password file, as the registry's htpasswd auth requires.
        const QString htpasswd = QStandardPaths::findExecutable(QStringLiteral("htpasswd"));
        if (htpasswd.isEmpty())
            QFAIL("htpasswd not found: install apache2-utils (scripts/deps.sh installs it)");
        const Run hash = run(htpasswd, {"-Bbn", kUser, kPassword}, {});
        QVERIFY2(hash.finished && hash.exitCode == 0, hash.err.constData());
        QVERIFY(writeFile(path(QStringLiteral("htpasswd")), hash.out));

        const int port = freePort();
        QVERIFY(port > 0);
        address_ = QStringLiteral("127.0.0.1:%1").arg(port);
        image_ = address_ + QStringLiteral("/slipway-creds/web:1.0.0");
        const QString config =
            QStringLiteral("version: 0.1\n"
                           "log:\n  level: warn\n"
                           "storage:\n  filesystem:\n    rootdirectory: %1\n"
                           "http:\n  addr: %2\n"
                           "auth:\n  htpasswd:\n    realm: slipway-test\n"
                           "    path: %3\n")
                .arg(path(QStringLiteral("storage")), address_, path(QStringLiteral("htpasswd")));
        QVERIFY(writeFile(path(QStringLiteral("registry.yml")), config.toUtf8()));
        // Should this test die without cleaning up, the registry dies with it.
        registry_.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
        registry_.setProcessChannelMode(QProcess::MergedChannels);
        registry_.start(QStringLiteral("/usr/bin/docker-registry"),
                        {QStringLiteral("serve"), path(QStringLiteral("registry.yml"))});
        QVERIFY2(registry_.waitForStarted(10000), qPrintable(registry_.errorString()));
        QVERIFY2(test::waitFor([port] { return answers(port); }, std::chrono::seconds(20)),
                 registry_.readAll().constData());

        // The image goes in with the docker CLI and credentials of its own.
        auto tagged = client_
                          ->tagImage("slipway/web:1.0.0",
                                     (address_ + "/slipway-creds/web").toStdString(), "1.0.0")
                          .wait();
        QVERIFY2(tagged.ok(), test::describe(tagged).constData());
        const QString pushConfig = dockerConfig(QStringLiteral("push"), authsFor(kUser, kPassword));
        Run push = run(QStringLiteral("/usr/bin/docker"),
                       {"--host", test::dockerHost(), "--config", pushConfig, "push", image_}, {});
        QVERIFY2(push.exitCode == 0, push.err.constData());
        forget();
        QVERIFY(!client_->inspectImage(image_.toStdString()).wait().ok());
    }

    void cleanupTestCase() {
        if (client_)
            forget();
        registry_.kill();
        registry_.waitForFinished(10000);
    }

    void withoutCredentialsTheEngineSaysSo() {
        const QString app = app_ + QStringLiteral("-none");
        Run r = deploy(app, dockerConfig(QStringLiteral("none"), "{}"));
        QVERIFY(r.finished);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("no basic auth credentials") || r.out.contains("no basic auth"),
                 r.err.constData());
        QCOMPARE(containers(app), 0);
    }

    void wrongCredentialsAreRefusedInTheRegistrysWords() {
        const QString app = app_ + QStringLiteral("-wrong");
        Run r = deploy(app, dockerConfig(QStringLiteral("wrong"), authsFor(kUser, "nope")));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2((r.err + r.out).contains("unauthorized: authentication required"),
                 r.err.constData());
        QCOMPARE(containers(app), 0);
    }

    void credentialsFromAuths() {
        const QString app = app_ + QStringLiteral("-auths");
        Run r = deploy(app, dockerConfig(QStringLiteral("auths"), authsFor(kUser, kPassword)));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject answer = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(answer["ok"].toBool(), true);
        QVERIFY(answer["digest"].toString().startsWith(QStringLiteral("sha256:")));
        QCOMPARE(containers(app), 1);
        forget();
    }

    void credentialsFromAHelper() {
        const QString bin = path(QStringLiteral("bin"));
        QDir().mkpath(bin);
        const QString asked = path(QStringLiteral("helper-asked.log"));
        const QByteArray script = "#!/bin/sh\n"
                                  "read -r server\n"
                                  "printf '%s\\n' \"$server\" >>'" +
                                  asked.toUtf8() +
                                  "'\n"
                                  "[ \"$1\" = get ] || exit 2\n"
                                  "printf '{\"ServerURL\":\"%s\",\"Username\":\"" +
                                  kUser + "\",\"Secret\":\"" + kPassword + "\"}\\n' \"$server\"\n";
        QVERIFY(writeFile(bin + QStringLiteral("/docker-credential-slipwaytest"), script,
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        const QString config =
            dockerConfig(QStringLiteral("helper"),
                         "{\"credHelpers\": {\"" + address_.toUtf8() + "\": \"slipwaytest\"}}");
        const QString app = app_ + QStringLiteral("-helper");
        Run r = deploy(app, config, bin);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(containers(app), 1);
        QFile log(asked);
        QVERIFY(log.open(QIODevice::ReadOnly));
        QVERIFY2(log.readAll().contains(address_.toUtf8() + '\n'), "the helper was not asked");
        forget();

        // A helper that is not there: the error names it.
        const QString missing =
            dockerConfig(QStringLiteral("missing"), "{\"credHelpers\": {\"" + address_.toUtf8() +
                                                        "\": \"slipwaynosuchhelper\"}}");
        r = deploy(app, missing);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("docker-credential-slipwaynosuchhelper was not found on PATH"),
                 r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestRegistryAuth)
#include "tst_registryauth.moc"
