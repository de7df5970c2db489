// The monitor period and probe fields of the deploy and rollback dialogs, offscreen, with the
// real Deployer on the private engine. The deploy dialog refuses a bad probe as it is typed and
// puts both fields into its request; a version that dies after 3 s fails inside the monitor
// period and the dialog says why. The rollback dialog shows the target's recorded monitor and
// probe, refuses a bad probe before confirming, and the rollback runs with what the fields say.
// Saves deploy-dialog-health.png and rollback-dialog-health.png under SLIPWAY_SCREENSHOT_DIR.
#include "core/deploy/deployer.h"
#include "core/fleet/hostmonitor.h"
#include "core/fleet/inventory.h"
#include "core/store/storethread.h"
#include "resources/translations.h"
#include "tests/support/guitestbase.h"
#include "tests/support/processrun.h"
#include "tests/support/testenv.h"
#include "widgets/applications/deploydialog.h"
#include "widgets/applications/healthfields.h"
#include "widgets/applications/rollbackdialog.h"

#include <QApplication>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace slipway;
using test::click;
using test::save;
using widgets::DeployDialog;
using widgets::RollbackDialog;

class TestHealthFields : public test::GuiTestBase {
    Q_OBJECT

    QTemporaryDir cliHome_; // the docker CLI's HOME
    std::unique_ptr<engine::DockerClient> direct_;
    std::unique_ptr<core::HostMonitor> hosts_;
    std::unique_ptr<core::Inventory> inventory_;
    std::unique_ptr<core::Deployer> deployer_;
    QString prefix_;
    QStringList apps_;
    QString dies_; // a local image that exits 3 s after it starts

    QString web(const char *tag) const {
        return test::registry() + QStringLiteral("/slipway/web:") + QLatin1String(tag);
    }

    std::vector<engine::ContainerSummary> replicas(const QString &app) {
        auto r =
            direct_->containers(true, {{"label", {"slipway.app=" + app.toStdString()}}}).wait();
        return r ? r.value() : std::vector<engine::ContainerSummary>{};
    }

    // Deploys through the Deployer and waits for its answer.
    bool deploy(const QString &app, const QString &image, int monitorMs) {
        core::DeployRequest request;
        request.app = app;
        request.env = QStringLiteral("guitest");
        request.config.image = image;
        request.config.monitorMs = monitorMs;
        request.replicas = 1;
        QSignalSpy finished(deployer_.get(), &core::Deployer::finished);
        const quint64 id = deployer_->deploy(request);
        bool ok = false;
        test::waitFor(
            [&] {
                for (const auto &args : finished)
                    if (args.at(0).toULongLong() == id) {
                        ok = args.at(1).toBool();
                        return true;
                    }
                return false;
            },
            std::chrono::seconds(120));
        return ok;
    }

    void initView() override {
        core::HostMonitor::Options options;
        core::HostConfig real;
        real.id = QStringLiteral("cli:1");
        real.name = QStringLiteral("private engine");
        real.url = test::dockerHost();
        real.source = core::HostConfig::Source::CommandLine;
        options.overrideHosts = QList<core::HostConfig>{real};
        options.probeTimeout = std::chrono::seconds(30);
        hosts_ = std::make_unique<core::HostMonitor>(store(), options);
        inventory_ = std::make_unique<core::Inventory>(store());
        inventory_->attach(hosts_.get());
        core::Deployer::Options deployOptions;
        deployOptions.healthTimeout = std::chrono::seconds(60);
        deployOptions.undoWindow = std::chrono::milliseconds(0);
        deployer_ = std::make_unique<core::Deployer>(inventory_.get(), hosts_.get(), store(),
                                                     nullptr, deployOptions);
        hosts_->start();
        QVERIFY(test::waitFor([&] { return hosts_->upCount() == 1; }, std::chrono::seconds(30)));
    }

    void cleanupView() override {
        deployer_.reset();
        if (direct_)
            for (const QString &app : std::as_const(apps_))
                for (const auto &c : replicas(app))
                    (void)direct_->removeContainer(c.id, true).wait();
        apps_.clear();
        inventory_.reset();
        hosts_.reset();
    }

private slots:
    // The image that dies is made once; every test function deploys apps of its own.
    void initTestCase() {
        if (test::dockerHost().isEmpty() || test::registry().isEmpty())
            QFAIL(test::missingServicesMessage().constData());
        direct_ = test::makeClient();
        QVERIFY(direct_);
        QVERIFY(cliHome_.isValid());
        qApp->setStyleSheet(resources::styleSheet());
        prefix_ = QString::fromStdString(test::uniqueName("health-gui"));

        QProcessEnvironment extra;
        extra.insert(QStringLiteral("DOCKER_HOST"), test::dockerHost());
        const auto env = test::cleanEnvironment(cliHome_.path(), extra);
        const QString source = prefix_ + QStringLiteral("-src");
        dies_ = prefix_ + QStringLiteral("-dies:1");
        QCOMPARE(
            test::runProcess("docker", {"create", "--name", source, "slipway/base:1", "true"}, env)
                .exitCode,
            0);
        const auto committed = test::runProcess(
            "docker",
            {"commit", "--change", R"(CMD ["sh", "-c", "sleep 3; exit 1"])", source, dies_}, env);
        test::runProcess("docker", {"rm", "-f", source}, env);
        QVERIFY2(committed.exitCode == 0, committed.err.constData());
    }

    void cleanupTestCase() {
        if (direct_ && !dies_.isEmpty())
            (void)direct_->removeImage(dies_.toStdString(), true).wait();
    }

    void deployDialog() {
        const QString app = prefix_ + QStringLiteral("-d");
        apps_.append(app);
        DeployDialog dialog(deployer_.get());
        dialog.setApplication(app, QStringLiteral("guitest"), false);
        dialog.imageEdit()->setText(dies_);
        QDoubleSpinBox *monitor = dialog.healthFields()->monitorSpin();
        QLineEdit *probe = dialog.healthFields()->probeEdit();
        QCOMPARE(monitor->objectName(), QStringLiteral("deployMonitorSpin"));
        QCOMPARE(monitor->value(), 5.0); // Swarm's default
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));

        QTest::keyClicks(probe, QStringLiteral("http://example.com:8080/"));
        QVERIFY(!dialog.deployButton()->isEnabled());
        QVERIFY2(dialog.problemLabel()->text().startsWith(QStringLiteral("Probe:")),
                 qPrintable(dialog.problemLabel()->text()));
        probe->setText(QStringLiteral("tcp://:8080"));
        monitor->setValue(2.5);
        QVERIFY(dialog.deployButton()->isEnabled());
        QString why;
        auto request = dialog.request(&why);
        QVERIFY2(request, qPrintable(why));
        QCOMPARE(request->config.monitorMs, 2500);
        QCOMPARE(request->config.probe, QStringLiteral("tcp://:8080"));
        probe->clear();
        monitor->setValue(5);
        save(&dialog, QStringLiteral("deploy-dialog-health"));

        // The version dies 3 s after it starts: within the monitor period.
        dialog.deployButton()->click();
        QVERIFY2(test::waitFor([&] { return !dialog.isDeploying(); }, std::chrono::seconds(90)),
                 "the deployment did not finish");
        QVERIFY2(dialog.error().contains(QStringLiteral("restarted")) ||
                     dialog.error().contains(QStringLiteral("not running")),
                 qPrintable(dialog.error()));
        QVERIFY(replicas(app).empty());
        save(&dialog, QStringLiteral("deploy-dialog-health-failed"));
    }

    void rollbackDialog() {
        const QString app = prefix_ + QStringLiteral("-r");
        apps_.append(app);
        QVERIFY(deploy(app, web("1.0.0"), 2000));
        QVERIFY(deploy(app, web("1.1.0"), 5000));

        RollbackDialog dialog(deployer_.get(), inventory_.get(), app, QStringLiteral("guitest"), 0);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(test::waitFor([&] { return dialog.stage() != RollbackDialog::Stage::Planning; },
                              std::chrono::seconds(30)));
        QCOMPARE(dialog.stage(), RollbackDialog::Stage::Ready);
        QDoubleSpinBox *monitor = dialog.healthFields()->monitorSpin();
        QLineEdit *probe = dialog.healthFields()->probeEdit();
        QCOMPARE(monitor->value(), 2.0); // what 1.0.0 was deployed with
        QVERIFY(monitor->isEnabled() && probe->isEnabled());

        probe->setText(QStringLiteral("tcp://:0"));
        QVERIFY(!dialog.confirmButton()->isEnabled());
        probe->setText(QStringLiteral("http://:8080/health"));
        QVERIFY(dialog.confirmButton()->isEnabled());
        monitor->setValue(1);
        save(&dialog, QStringLiteral("rollback-dialog-health"));

        QSignalSpy rolledBack(&dialog, &RollbackDialog::rolledBack);
        dialog.confirmButton()->click();
        QVERIFY(!probe->isEnabled());
        QVERIFY2(test::waitFor([&] { return !rolledBack.isEmpty() || !dialog.error().isEmpty(); },
                               std::chrono::seconds(90)),
                 "the rollback did not finish");
        QVERIFY2(dialog.error().isEmpty(), qPrintable(dialog.error()));
        const auto record = rolledBack.first().first().value<core::DeploymentRecord>();
        QCOMPARE(record.version, QStringLiteral("1.0.0"));
        QCOMPARE(record.config.monitorMs, 1000);
        QCOMPARE(record.config.probe, QStringLiteral("http://:8080/health"));
    }
};

QTEST_MAIN(TestHealthFields)
#include "tst_healthfields.moc"
