// What "healthy" means to `slipctl deploy` and `rollback`, run as a user runs them against the
// private engine. A version that dies a few seconds after it starts fails the change within the
// monitor period: the replicas it was to replace keep running, the new ones are removed. A probe
// is sent from inside each replica, so a published port that docker-proxy answers while nothing
// listens behind it is not taken for a ready application; probe containers never stay behind.
// Bad --monitor and --probe values are refused before any call.
#include "core/deploy/replicaprobe.h"
#include "tests/support/slipctlrun.h"
#include "tests/support/testenv.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace slipway;

class TestSlipctlHealth : public QObject {
    Q_OBJECT

    QTemporaryDir home_;
    std::unique_ptr<engine::DockerClient> client_;
    QString prefix_;     // of every application and image this test makes
    QStringList images_; // made here, removed at the end
    QStringList apps_;

    test::ProcessRun slipctl(const QStringList &args) {
        return test::runSlipctl(args + QStringList{QStringLiteral("--host"), test::dockerHost()},
                                home_.path(), {}, std::chrono::seconds(120));
    }

    // The same engine as a remote host would be reached: TCP with TLS, so nothing it publishes
    // is taken to be on this machine's 127.0.0.1.
    test::ProcessRun slipctlRemote(const QStringList &args) {
        QProcessEnvironment env;
        env.insert(QStringLiteral("DOCKER_TLS_VERIFY"), QStringLiteral("1"));
        env.insert(QStringLiteral("DOCKER_CERT_PATH"),
                   qEnvironmentVariable("SLIPWAY_TEST_DOCKER_CERT_PATH"));
        return test::runSlipctl(
            args + QStringList{QStringLiteral("--host"),
                               qEnvironmentVariable("SLIPWAY_TEST_DOCKER_TLS_HOST")},
            home_.path(), env, std::chrono::seconds(120));
    }

    test::ProcessRun docker(const QStringList &args) {
        QProcessEnvironment extra;
        extra.insert(QStringLiteral("DOCKER_HOST"), test::dockerHost());
        return test::runProcess(QStringLiteral("docker"), args,
                                test::cleanEnvironment(home_.path(), extra),
                                std::chrono::seconds(60));
    }

    // A local-only image on slipway/base:1 with `changes` (Dockerfile lines) applied.
    QString makeImage(const QString &name, const QStringList &changes) {
        const QString source = prefix_ + QStringLiteral("-src-") + name;
        const QString ref = prefix_ + QStringLiteral("-") + name + QStringLiteral(":1");
        auto created = docker({"create", "--name", source, "slipway/base:1", "true"});
        if (created.exitCode != 0)
            return {};
        QStringList commit{QStringLiteral("commit")};
        for (const QString &c : changes)
            commit << QStringLiteral("--change") << c;
        commit << source << ref;
        const auto committed = docker(commit);
        docker({"rm", "-f", source});
        if (committed.exitCode != 0)
            return {};
        images_.append(ref);
        return ref;
    }

    std::vector<engine::ContainerSummary> replicas(const QString &app, bool all = true) {
        engine::Filters f;
        f["label"] = {"slipway.app=" + app.toStdString()};
        auto r = client_->containers(all, f).wait();
        return r ? r.value() : std::vector<engine::ContainerSummary>{};
    }

    std::vector<engine::ContainerSummary> probes() {
        engine::Filters f;
        f["label"] = {core::ReplicaProbe::kLabel};
        auto r = client_->containers(true, f).wait();
        std::vector<engine::ContainerSummary> ours;
        for (const auto &c : r ? r.value() : std::vector<engine::ContainerSummary>{})
            for (const auto &n : c.names)
                if (QString::fromStdString(n).contains(prefix_))
                    ours.push_back(c);
        return ours;
    }

    QString app(const char *name) {
        apps_.append(prefix_ + QLatin1Char('-') + QLatin1String(name));
        return apps_.last();
    }

    QString web(const char *tag) const {
        return test::registry() + QStringLiteral("/slipway/web:") + QLatin1String(tag);
    }

private slots:
    void initTestCase() {
        if (test::dockerHost().isEmpty() || test::registry().isEmpty())
            QFAIL(test::missingServicesMessage().constData());
        QVERIFY(home_.isValid());
        client_ = test::makeClient();
        prefix_ = QString::fromStdString(test::uniqueName("health"));
    }

    void cleanupTestCase() {
        if (!client_)
            return;
        for (const QString &a : std::as_const(apps_))
            for (const auto &c : replicas(a))
                (void)client_->removeContainer(c.id, true).wait();
        for (const auto &c : probes())
            (void)client_->removeContainer(c.id, true).wait();
        for (const QString &i : std::as_const(images_))
            (void)client_->removeImage(i.toStdString(), true).wait();
    }

    void badOptionsAreRefused() {
        const QString a = app("bad");
        for (const QStringList &extra :
             {QStringList{"--monitor", "-1"}, QStringList{"--monitor", "nan"},
              QStringList{"--probe", "http://example.com:8080/"},
              QStringList{"--probe", "ftp://:21"}, QStringList{"--probe", "tcp://:0"},
              QStringList{"--probe", "http://:8080/a b"}}) {
            const auto r =
                slipctl(QStringList{"deploy", a, "--env", "t", "--image", web("1.0.0")} + extra);
            QVERIFY(r.finished);
            QVERIFY2(r.exitCode == 2, qPrintable(extra.join(' ') + ": " + r.err));
            QVERIFY2(r.err.contains(extra[0].mid(2).toUtf8()), r.err.constData());
        }
        QVERIFY(replicas(a).empty());
    }

    // Two healthy replicas, then a version that exits 3 s after it starts (restarted by its
    // restart policy): the deploy fails inside the monitor period, the old replicas serve on.
    void versionThatDiesFails() {
        const QString dies =
            makeImage(QStringLiteral("dies"), {R"(CMD ["sh", "-c", "sleep 3; exit 1"])"});
        QVERIFY(!dies.isEmpty());
        const QString a = app("dies");
        auto r = slipctl({"deploy", a, "--env", "t", "--image", web("1.0.0"), "--replicas", "2"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const auto before = replicas(a);
        QCOMPARE(int(before.size()), 2);

        r = slipctl({"deploy", a, "--env", "t", "--image", dies, "--replicas", "2"});
        QVERIFY(r.finished);
        QVERIFY2(r.exitCode == 1, r.out + r.err);
        QVERIFY2(r.err.contains("restarted") || r.err.contains("not running"), r.err.constData());
        const auto after = replicas(a);
        QCOMPARE(int(after.size()), 2); // the new ones are removed
        for (const auto &c : after) {
            QVERIFY2(c.state == "running", c.state.c_str());
            QCOMPARE(c.labels.at("slipway.version"), std::string("1.0.0"));
        }

        // --monitor 0 is Slipway before the monitor: running for a moment is healthy.
        r = slipctl({"deploy", a, "--env", "t", "--image", dies, "--replicas", "1", "--monitor",
                     "0", "--undo-window", "0"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    // Nothing listens in the replica; docker-proxy accepts on its published port all the same.
    void probeIsSentFromInside() {
        const QString deaf =
            makeImage(QStringLiteral("deaf"), {R"(CMD ["sh", "-c", "exec sleep 600"])"});
        QVERIFY(!deaf.isEmpty());
        const QString a = app("deaf");
        auto r = slipctl({"deploy", a, "--env", "t", "--image", deaf, "--publish", "0:8080",
                          "--health-timeout", "6"});
        QVERIFY(r.finished);
        QVERIFY2(r.exitCode == 1, r.out + r.err);
        QVERIFY2(r.err.contains("tcp://:8080"), r.err.constData());
        QVERIFY(replicas(a).empty());
        QVERIFY(probes().empty());
    }

    // Before, a host reached over TCP got no probe at all: running for a moment was ready.
    void probeOnRemoteHost() {
        if (qEnvironmentVariable("SLIPWAY_TEST_DOCKER_TLS_HOST").isEmpty())
            QFAIL(test::missingServicesMessage().constData());
        const QString deaf =
            makeImage(QStringLiteral("deaf-remote"), {R"(CMD ["sh", "-c", "exec sleep 600"])"});
        QVERIFY(!deaf.isEmpty());
        const QString a = app("remote");
        auto r = slipctlRemote({"deploy", a, "--env", "t", "--image", deaf, "--publish", "0:8080",
                                "--health-timeout", "6"});
        QVERIFY(r.finished);
        QVERIFY2(r.exitCode == 1, r.out + r.err);
        QVERIFY2(r.err.contains("tcp://:8080"), r.err.constData());
        QVERIFY(replicas(a).empty());

        r = slipctlRemote({"deploy", a, "--env", "t", "--image", web("1.0.0"), "--probe",
                           "tcp://:8080", "--monitor", "1"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(int(replicas(a).size()), 1);
        QVERIFY(probes().empty());
    }

    void probeGiven() {
        const QString a = app("probe");
        auto r = slipctl({"deploy", a, "--env", "t", "--image", web("1.0.0"), "--probe",
                          "http://:8080/nothere", "--health-timeout", "6"});
        QVERIFY(r.finished);
        QVERIFY2(r.exitCode == 1, r.out + r.err);
        QVERIFY2(r.err.contains("http://:8080/nothere"), r.err.constData());
        QVERIFY2(r.err.contains("404"), r.err.constData());
        QVERIFY(replicas(a).empty());

        r = slipctl({"deploy", a, "--env", "t", "--image", web("1.0.0"), "--probe",
                     "http://:8080/health", "--json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(int(replicas(a).size()), 1);
        QVERIFY(probes().empty());
        // Stored with the deployment: a rollback to it probes the same way.
        QVERIFY2(r.out.contains("http://:8080/health"), r.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestSlipctlHealth)
#include "tst_slipctl_health.moc"
