// `slipctl rollback` where there is nothing to roll back: an application never deployed, and
// one with a single version. It is refused with a message that says so, exit code 1, before
// any plan is printed (no "from (), deployment #0"), in text and in JSON; nothing is started.
#include "tests/support/testenv.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace slipway;

namespace {

struct Run {
    int exitCode = -1;
    bool finished = false;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestSlipctlRollback : public QObject {
    Q_OBJECT

    QTemporaryDir home_;
    std::unique_ptr<engine::DockerClient> client_;
    QString app_;

    Run slipctl(const QStringList &args) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"DOCKER_HOST", "DOCKER_TLS_VERIFY", "DOCKER_CERT_PATH",
                                 "DOCKER_CONFIG", "DOCKER_CONTEXT"})
            env.remove(QString::fromLatin1(name));
        env.insert(QStringLiteral("HOME"), home_.path());
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(SLIPWAY_SLIPCTL),
                args + QStringList{QStringLiteral("--host"), test::dockerHost(),
                                   QStringLiteral("--data-dir"), home_.filePath("data")});
        Run r;
        r.finished = p.waitForFinished(120000); // bounded: a hang fails the test
        if (!r.finished)
            p.kill();
        r.exitCode = p.exitCode();
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

    std::vector<engine::ContainerSummary> containers() {
        engine::Filters f;
        f["label"] = {"slipway.app=" + app_.toStdString()};
        auto r = client_->containers(true, f).wait();
        return r ? r.value() : std::vector<engine::ContainerSummary>{};
    }

    // No trace of a plan anywhere in what was printed.
    static void checkNoPlan(const Run &r) {
        for (const QByteArray &text : {r.out, r.err}) {
            QVERIFY2(!text.contains("Roll back"), text.constData());
            QVERIFY2(!text.contains("deployment #"), text.constData());
            QVERIFY2(!text.contains(" from "), text.constData());
            QVERIFY2(!text.contains("replica(s) on"), text.constData());
            QVERIFY2(!text.contains("\"plan\""), text.constData());
        }
    }

private slots:
    void initTestCase() {
        if (test::dockerHost().isEmpty() || test::registry().isEmpty())
            QFAIL(test::missingServicesMessage().constData());
        QVERIFY(home_.isValid());
        client_ = test::makeClient();
        app_ = QString::fromStdString(test::uniqueName("slipctl-rb"));
    }

    void cleanupTestCase() {
        if (!client_)
            return;
        for (const auto &c : containers())
            (void)client_->removeContainer(c.id, true).wait();
    }

    void neverDeployed() {
        Run r = slipctl({"rollback", app_, "--env", "ci"});
        QVERIFY(r.finished);
        QCOMPARE(r.exitCode, 1);
        checkNoPlan(r);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.startsWith("slipctl: "), r.err.constData());
        QVERIFY2(r.err.contains("has never been deployed"), r.err.constData());
        QVERIFY2(r.err.contains(app_.toUtf8()), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1); // the reason, and nothing before it

        r = slipctl({"rollback", app_, "--env", "ci", "--json"});
        QCOMPARE(r.exitCode, 1);
        checkNoPlan(r);
        const QJsonObject answer = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(answer["ok"].toBool(true), false);
        QVERIFY2(answer["error"].toString().contains("has never been deployed"), r.out.constData());

        r = slipctl({"rollback", app_, "--env", "ci", "--dry-run"});
        QCOMPARE(r.exitCode, 1);
        checkNoPlan(r);
        QVERIFY(containers().empty());
    }

    void nothingEarlier() {
        const QString image = test::registry() + QStringLiteral("/slipway/web:1.0.0");
        Run r = slipctl({"deploy", app_, "--env", "ci", "--image", image, "--replicas", "1",
                         "--publish", "0:8080"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const auto before = containers();
        QCOMPARE(int(before.size()), 1);

        r = slipctl({"rollback", app_, "--env", "ci"});
        QCOMPARE(r.exitCode, 1);
        checkNoPlan(r);
        QVERIFY2(r.err.contains("no earlier version"), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);
        const auto after = containers();
        QCOMPARE(int(after.size()), 1);
        QCOMPARE(after.front().id, before.front().id);
    }
};

QTEST_GUILESS_MAIN(TestSlipctlRollback)
#include "tst_slipctl_rollback.moc"
