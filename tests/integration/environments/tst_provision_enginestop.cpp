// The engine stopped in the middle of a provision: the provision fails, and once the engine is
// back the sweep by the environment's UUID leaves nothing of it. It stops the private engine,
// so ctest runs it alone.
#include "engine/dockerclient.h"
#include "tests/integration/environments/provisionfixture.h"

#include <QProcess>

class TestProvisionEngineStop : public ProvisionFixture {
    Q_OBJECT

    static bool script(const QString &action, QByteArray *output) {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        const QString engineScript = qEnvironmentVariable(
            "SLIPWAY_TEST_ENGINE_SCRIPT", QStringLiteral(SLIPWAY_SOURCE_DIR "/scripts/engine.sh"));
        p.start(QStringLiteral("bash"), {engineScript, action});
        const bool finished = p.waitForFinished(180000); // bounded: a hang fails the test
        if (!finished)
            p.kill();
        *output = p.readAll();
        return finished && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    }

    bool engineUp() { return bool(client_->ping(std::chrono::seconds(2)).wait()); }

private slots:
    void initTestCase() {
        if (!setUp())
            QFAIL(test::missingServicesMessage().constData());
    }

    void cleanupTestCase() {
        QByteArray output;
        if (!engineUp() && !script(QStringLiteral("start"), &output))
            qWarning("engine.sh start: %s", output.constData());
        test::waitFor([&] { return engineUp(); }, std::chrono::seconds(60));
        tearDown();
    }

    void engineStoppedMidProvision() {
        const QString name = projectName("provision-stop");
        const EnvironmentIdentity id = identity();
        bool stopped = false;
        QByteArray output;
        // db and queue are up and api is created when its health is waited for.
        OpAnswer up = run([&](Provisioner &p) { return p.provision(shop(name), id); },
                          [&](const ServiceProgress &sp) {
                              if (stopped || sp.service != QLatin1String("api") ||
                                  sp.state != ServiceState::WaitingForHealth)
                                  return;
                              stopped = true;
                              if (!script(QStringLiteral("stop"), &output))
                                  qWarning("engine.sh stop: %s", output.constData());
                          });
        if (!script(QStringLiteral("start"), &output))
            qWarning("engine.sh start: %s", output.constData());
        QVERIFY2(stopped, "api never got to waiting for its health");
        QVERIFY2(up.done, "the provision never answered");
        QVERIFY2(!up.outcome.ok, "the provision succeeded although the engine was stopped");
        QVERIFY(!up.outcome.error.isEmpty());
        QVERIFY(test::waitFor([&] { return engineUp(); }, std::chrono::seconds(60)));

        // What the interrupted provision left is found by its labels and swept.
        OpAnswer swept = run([&](Provisioner &p) { return p.sweep(id); });
        QVERIFY2(swept.done && swept.outcome.ok, qPrintable(swept.outcome.error));
        QCOMPARE(ofEnvironment(id), QStringList());
        QCOMPARE(objects(ComposeLabels::kProject, name), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestProvisionEngineStop)
#include "tst_provision_enginestop.moc"
