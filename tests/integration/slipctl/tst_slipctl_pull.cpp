// `slipctl deploy --pull` and cancelling with a signal, as a user runs them against the
// private engine: an image only the host has deploys with the default policy (no registry is
// asked), `--pull never` refuses an absent image naming image and host and creates nothing, a
// bad policy is refused before any call, and SIGINT during a deploy that waits for health
// cancels it: the new replica is removed, the old one keeps running, exit code 130.
#include "core/store/store.h"
#include "tests/support/testenv.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <signal.h>

using namespace slipway;

namespace {

struct Run {
    int exitCode = -1;
    bool finished = false;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

} // namespace

class TestSlipctlPull : public QObject {
    Q_OBJECT

    QTemporaryDir home_;
    std::unique_ptr<engine::DockerClient> client_;
    QStringList apps_;
    QStringList localTags_;

    void prepare(QProcess &p, const QStringList &args) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"DOCKER_HOST", "DOCKER_TLS_VERIFY", "DOCKER_CERT_PATH",
                                 "DOCKER_CONFIG", "DOCKER_CONTEXT"})
            env.remove(QString::fromLatin1(name));
        env.insert(QStringLiteral("HOME"), home_.path());
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
        p.setProcessEnvironment(env);
        p.setProgram(QStringLiteral(SLIPWAY_SLIPCTL));
        p.setArguments(args + QStringList{QStringLiteral("--host"), test::dockerHost(),
                                          QStringLiteral("--data-dir"), home_.filePath("data")});
    }

    Run slipctl(const QStringList &args) {
        QProcess p;
        prepare(p, args);
        p.start();
        Run r;
        r.finished = p.waitForFinished(120000); // bounded: a hang fails the test
        if (!r.finished)
            p.kill();
        r.exitCode = p.exitCode();
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

    QString image(const char *tag) const {
        return test::registry() + QStringLiteral("/slipway/web:") + QLatin1String(tag);
    }

    QString newApp(const char *prefix) {
        apps_.append(QString::fromStdString(test::uniqueName(prefix)));
        return apps_.last();
    }

    std::vector<engine::ContainerSummary> containers(const QString &app, bool all = true) {
        engine::Filters f;
        f["label"] = {"slipway.app=" + app.toStdString()};
        auto r = client_->containers(all, f).wait();
        return r ? r.value() : std::vector<engine::ContainerSummary>{};
    }

private slots:
    void initTestCase() {
        if (test::dockerHost().isEmpty() || test::registry().isEmpty())
            QFAIL(test::missingServicesMessage().constData());
        QVERIFY(home_.isValid());
        client_ = test::makeClient();
    }

    void cleanupTestCase() {
        if (!client_)
            return;
        for (const QString &app : std::as_const(apps_))
            for (const auto &c : containers(app))
                (void)client_->removeContainer(c.id, true).wait();
        for (const QString &tag : std::as_const(localTags_))
            (void)client_->removeImage(tag.toStdString()).wait(); // untags only
    }

    void refusesABadPolicy() {
        const Run r = slipctl(
            {"deploy", "pull-bad", "--env", "e", "--image", image("1.0.0"), "--pull", "sometimes"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--pull") && r.err.contains("sometimes"), r.err.constData());
        const Run s = slipctl(
            {"scale", "pull-bad", "--env", "e", "--replicas", "2", "--pull-stall-timeout", "soon"});
        QCOMPARE(s.exitCode, 2);
        QVERIFY2(s.err.contains("--pull-stall-timeout"), s.err.constData());
    }

    void localOnlyImageDeploys() {
        const std::string repo = "slipway-local/" + test::uniqueName("cli");
        QVERIFY(client_->tagImage(image("1.0.0").toStdString(), repo, "dev").wait());
        const QString local = QString::fromStdString(repo + ":dev");
        localTags_.append(local);
        const QString app = newApp("cli-pull-local");
        const Run r = slipctl(
            {"deploy", app, "--env", "ci", "--image", local, "--publish", "0:8080", "--json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(!r.err.contains("Pulling"), r.err.constData());
        const QString id =
            QString::fromStdString(client_->inspectImage(local.toStdString()).wait().value().id);
        QCOMPARE(r.json()["digest"].toString(), id);
        QCOMPARE(r.json()["pinned"].toString(), id);
        QCOMPARE(int(containers(app, false).size()), 1);
    }

    void neverRefusesAnAbsentImage() {
        const QString app = newApp("cli-pull-never");
        const QString absent = QStringLiteral("slipway-local/%1:absent")
                                   .arg(QString::fromStdString(test::uniqueName("none")));
        const Run r = slipctl({"deploy", app, "--env", "ci", "--image", absent, "--pull", "never"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(absent.toUtf8()) && r.err.contains(test::dockerHost().toUtf8()),
                 r.err.constData());
        QVERIFY(containers(app).empty());
    }

    void sigintCancelsTheChange() {
        const QString app = newApp("cli-pull-sigint");
        const Run first = slipctl(
            {"deploy", app, "--env", "ci", "--image", image("1.0.0"), "--publish", "0:8080"});
        QVERIFY2(first.exitCode == 0, first.err.constData());
        const auto before = containers(app);
        QCOMPARE(int(before.size()), 1);

        QProcess p;
        prepare(p, {"deploy", app, "--env", "ci", "--image", image("1.1.0"), "--publish", "0:8080",
                    "--health-cmd", "sleep 100"});
        QByteArray err;
        bool sent = false;
        connect(&p, &QProcess::readyReadStandardError, &p, [&] {
            err += p.readAllStandardError();
            if (!sent && err.contains("Waiting for")) {
                sent = true;
                ::kill(pid_t(p.processId()), SIGINT);
            }
        });
        p.start();
        QVERIFY(test::waitFor([&] { return p.state() == QProcess::NotRunning; },
                              std::chrono::seconds(120)));
        err += p.readAllStandardError();
        QVERIFY2(sent, err.constData());
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 130);
        QVERIFY2(err.contains("Cancelled by the user"), err.constData());
        const auto after = containers(app);
        QCOMPARE(int(after.size()), 1);
        QCOMPARE(after.front().id, before.front().id);
        QCOMPARE(QString::fromStdString(after.front().state), QStringLiteral("running"));
    }
};

QTEST_GUILESS_MAIN(TestSlipctlPull)
#include "tst_slipctl_pull.moc"
