// docker-compose 1.29 sees a provisioned environment as its own project: `ps` on the Compose
// file written by hand for the same template lists every replica, and `down -v` leaves no
// container, network or volume with the project's label.
#include "engine/dockerclient.h"
#include "tests/integration/environments/provisionfixture.h"
#include "tests/support/processrun.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>

class TestProvisionCompose : public ProvisionFixture {
    Q_OBJECT

    QTemporaryDir home_;

    test::ProcessRun compose(const QStringList &args) {
        QProcessEnvironment extra;
        extra.insert(QStringLiteral("DOCKER_HOST"), test::dockerHost());
        return test::runProcess(QStringLiteral("docker-compose"), args,
                                test::cleanEnvironment(home_.path(), extra),
                                std::chrono::seconds(120));
    }

private slots:
    void initTestCase() {
        if (!setUp())
            QFAIL(test::missingServicesMessage().constData());
        if (QStandardPaths::findExecutable(QStringLiteral("docker-compose")).isEmpty())
            QFAIL("docker-compose is not installed (Debian's docker-compose, scripts/deps.sh)");
        QVERIFY(home_.isValid());
    }

    void cleanupTestCase() { tearDown(); }

    void composeSeesAndRemovesTheEnvironment() {
        const QString name = projectName("provision-compose");
        const EnvironmentIdentity id = identity();
        OpAnswer up = run([&](Provisioner &p) { return p.provision(shop(name), id); });
        QVERIFY2(up.done && up.outcome.ok, qPrintable(up.outcome.error));

        const QString file = home_.filePath(QStringLiteral("docker-compose.yml"));
        QFile source(QStringLiteral(SLIPWAY_TEST_DATA "/environments/provision-shop.yml"));
        QVERIFY(source.open(QIODevice::ReadOnly));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(source.readAll().replace("REGISTRY", test::registry().toUtf8()));
        f.close();

        // Compose shows the engine's health, whose first probe comes one interval after the
        // start (the provisioner ran the test itself at once): asked again until it has.
        QString listed;
        for (int attempt = 0; attempt < 30 && !listed.contains(QStringLiteral("(healthy)"));
             ++attempt) {
            if (attempt > 0)
                QTest::qWait(1000);
            const test::ProcessRun ps = compose({"-f", file, "-p", name, "ps"});
            QVERIFY2(ps.finished && ps.exitCode == 0, ps.err.constData());
            listed = QString::fromUtf8(ps.out);
        }
        for (const QString &c : {"_api_1", "_db_1", "_queue_1", "_web_1", "_worker_1", "_worker_2"})
            QVERIFY2(listed.contains(name + c), qPrintable(listed));
        QVERIFY2(listed.contains(QStringLiteral("(healthy)")), qPrintable(listed));

        const test::ProcessRun down = compose({"-p", name, "-f", file, "down", "-v"});
        QVERIFY2(down.finished && down.exitCode == 0, down.err.constData());
        QCOMPARE(objects(ComposeLabels::kProject, name), QStringList());
        QCOMPARE(ofEnvironment(id), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestProvisionCompose)
#include "tst_provision_compose.moc"
