// A deployment slipctl recorded, seen in the GUI: slipctl (`--host`, so to it the engine is
// `cli:0`) deploys into a database, the Applications section opens that database with the same
// engine saved under a name of its own, and the history's Hosts column shows that name, found
// by the engine's ID the record holds. An old record's raw host ids show as they are. Saves
// applications-history-hosts.png under SLIPWAY_SCREENSHOT_DIR.
#include "core/deploy/deployer.h"
#include "core/deploy/registryversions.h"
#include "core/fleet/hostmonitor.h"
#include "core/fleet/imagecatalog.h"
#include "core/fleet/inventory.h"
#include "core/store/storethread.h"
#include "models/deploymenthistorymodel.h"
#include "tests/support/guitestbase.h"
#include "tests/support/slipctlrun.h"
#include "tests/support/testenv.h"
#include "widgets/applications/applicationsview.h"

#include <QApplication>
#include <QTableView>
#include <QtTest>

using namespace slipway;
using models::DeploymentHistoryModel;

namespace {

const QString kDeskName = QStringLiteral("hostid desk engine");

} // namespace

class TestHistoryHosts : public test::GuiTestBase {
    Q_OBJECT

    std::unique_ptr<engine::DockerClient> direct_;
    QString app_;
    const QString env_ = QStringLiteral("guihist");

    void initView() override { app_ = QString::fromStdString(test::uniqueName("hostid-gui")); }
    void cleanupView() override {
        if (direct_ && !app_.isEmpty())
            removeContainers();
    }

    void removeContainers() {
        auto list =
            direct_->containers(true, {{"label", {"slipway.app=" + app_.toStdString()}}}).wait();
        if (list)
            for (const auto &c : list.value())
                (void)direct_->removeContainer(c.id, true).wait();
    }

private slots:
    void initTestCase() {
        if (test::dockerHost().isEmpty() || test::registry().isEmpty())
            QFAIL(test::missingServicesMessage().constData());
        direct_ = test::makeClient();
    }

    void historyNamesTheHostSlipctlDeployedTo() {
        const QString data = home() + QStringLiteral("/slipctl-data");
        const auto r = test::runSlipctl(
            {"deploy", app_, "--env", env_, "--image", test::registry() + "/slipway/web:1.0.0",
             "--publish", "0:8080", "--host", test::dockerHost(), "--data-dir", data},
            home());
        QVERIFY(r.finished);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        auto info = direct_->info().wait();
        QVERIFY2(info, test::describe(info).constData());
        const QString engineId = QString::fromStdString(info.value().id);

        auto store = std::make_shared<core::StoreThread>(data + QStringLiteral("/slipway.sqlite"));
        core::HostMonitor::Options options;
        core::HostConfig desk;
        desk.id = QStringLiteral("gui:desk");
        desk.name = kDeskName;
        desk.url = test::dockerHost();
        desk.source = core::HostConfig::Source::CommandLine;
        options.overrideHosts = QList<core::HostConfig>{desk};
        options.probeTimeout = std::chrono::seconds(30);
        core::HostMonitor hosts(store, options);
        core::Inventory inventory(store);
        inventory.attach(&hosts);
        core::ImageCatalog catalog(&hosts);
        core::RegistryVersions versions(&catalog);
        core::Deployer deployer(&inventory, &hosts, store, nullptr, {});
        {
            widgets::ApplicationsView view(&inventory, &deployer, &versions);
            view.resize(1280, 800);
            view.show();
            QVERIFY(QTest::qWaitForWindowExposed(&view));
            hosts.start();
            QVERIFY(
                test::waitFor([&] { return view.select(app_, env_); }, std::chrono::seconds(60)));
            DeploymentHistoryModel *history = view.historyModel();
            QVERIFY(
                test::waitFor([&] { return history->rowCount() == 1; }, std::chrono::seconds(30)));
            QCOMPARE(history->record(0).hosts, QStringList{engineId});
            const QModelIndex hostsCell = history->index(0, DeploymentHistoryModel::HostsColumn);
            QVERIFY2(test::waitFor([&] { return hostsCell.data().toString() == kDeskName; }),
                     qPrintable(hostsCell.data().toString()));
            test::save(&view, QStringLiteral("applications-history-hosts"));

            // A record from before hosts were named by their engine: its ids as they are.
            DeploymentHistoryModel old(&inventory);
            core::DeploymentRecord r0 = history->record(0);
            r0.id = 999999;
            r0.hosts = {QStringLiteral("cli:0"), engineId};
            old.setHistory({r0});
            QCOMPARE(old.index(0, DeploymentHistoryModel::HostsColumn).data().toString(),
                     QStringLiteral("cli:0, ") + kDeskName);
        }
    }
};

QTEST_MAIN(TestHistoryHosts)
#include "tst_historyhosts.moc"
