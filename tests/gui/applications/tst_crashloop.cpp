// A crash-looping replica on the private engine (restart policy always, a command that exits
// after a second): the Reconciler reads the engine's RestartCount, and the Applications model
// that follows it reads "restarting (N restarts)", never "running (no health check)".
#include "core/deploy/deployer.h"
#include "core/deploy/reconciler.h"
#include "core/fleet/hostmonitor.h"
#include "core/fleet/inventory.h"
#include "core/store/storethread.h"
#include "models/applicationtablemodel.h"
#include "tests/support/guitestbase.h"
#include "tests/support/testenv.h"

#include <QtTest>

using namespace slipway;
using Model = models::ApplicationTableModel;

class TestCrashLoop : public test::GuiTestBase {
    Q_OBJECT

    std::unique_ptr<engine::DockerClient> direct_;
    std::string id_;

    void cleanupView() override {
        if (direct_ && !id_.empty())
            (void)direct_->removeContainer(id_, true).wait();
        id_.clear();
    }

private slots:
    void initTestCase() {
        if (test::dockerHost().isEmpty() || test::registry().isEmpty())
            QFAIL(test::missingServicesMessage().constData());
        direct_ = test::makeClient();
    }

    void restartingWithItsCount() {
        auto store = this->store();
        core::HostMonitor::Options options;
        core::HostConfig real;
        real.id = QStringLiteral("cli:1");
        real.name = QStringLiteral("private engine");
        real.url = test::dockerHost();
        real.source = core::HostConfig::Source::CommandLine;
        options.overrideHosts = QList<core::HostConfig>{real};
        core::HostMonitor hosts(store, options);
        core::Inventory inventory(store);
        inventory.attach(&hosts);
        core::Deployer deployer(&inventory, &hosts, store, nullptr, {});
        core::Reconciler reconciler(&inventory, &hosts, &deployer, store);
        Model model(&inventory);
        model.follow(&reconciler);
        hosts.start();
        reconciler.start();
        QVERIFY(test::waitFor([&] { return hosts.upCount() == 1; }, std::chrono::seconds(20)));

        const QString app = QString::fromStdString(test::uniqueName("reconcileLoop"));
        engine::ContainerCreate spec;
        spec.name = app.toStdString();
        spec.image = (test::registry() + QStringLiteral("/slipway/web:1.0.0")).toStdString();
        spec.cmd = {"sh", "-c", "sleep 1; exit 3"};
        spec.labels["slipway.app"] = app.toStdString();
        spec.labels["slipway.env"] = "t";
        spec.restartPolicy.name = "always";
        const auto created = direct_->createContainer(spec).wait();
        QVERIFY2(created, test::describe(created).constData());
        id_ = created.value();
        const auto started = direct_->startContainer(id_).wait();
        QVERIFY2(started, test::describe(started).constData());

        // The engine backs off 100 ms, 200 ms, 400 ms, ... between restarts.
        QVERIFY2(test::waitFor(
                     [&] {
                         const int row = model.rowOf(app, QStringLiteral("t"));
                         return row >= 0 &&
                                model.index(row, 0).data(Model::RestartsRole).toInt() >= 2;
                     },
                     std::chrono::seconds(40)),
                 qPrintable(model.index(model.rowOf(app, QStringLiteral("t")), Model::HealthColumn)
                                .data()
                                .toString()));
        const int row = model.rowOf(app, QStringLiteral("t"));
        const QString health = model.index(row, Model::HealthColumn).data().toString();
        QVERIFY2(health.startsWith(QStringLiteral("restarting (")) &&
                     health.endsWith(QStringLiteral(" restarts)")),
                 qPrintable(health));
        QCOMPARE(reconciler.restarts(QStringLiteral("cli:1"), QString::fromStdString(id_)),
                 model.index(row, 0).data(Model::RestartsRole).toInt());
    }
};

QTEST_MAIN(TestCrashLoop)
#include "tst_crashloop.moc"
