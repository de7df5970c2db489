// The Dashboard section offscreen against the private engine (SLIPWAY_TEST_DOCKER_HOST), a
// dead host, and the real Metrics sampler: a container burning a core, an idle one of the
// same application and one whose health check always fails show up in the tiles, the host
// bars and the top lists; a click on a top container and on a top application opens its
// live charts, which are checked for points, units and time axes over every span.
// Screenshots go to SLIPWAY_SCREENSHOT_DIR.
#include "core/fleet/hostmonitor.h"
#include "core/fleet/inventory.h"
#include "core/metrics/metrics.h"
#include "core/store/storethread.h"
#include "engine/dockerclient.h"
#include "models/topusagemodel.h"
#include "resources/translations.h"
#include "tests/support/fakeengine.h"
#include "tests/support/guitestbase.h"
#include "tests/support/testenv.h"
#include "widgets/common/segmentedcontrol.h"
#include "widgets/dashboard/appusageview.h"
#include "widgets/dashboard/containerusageview.h"
#include "widgets/dashboard/dashboardview.h"
#include "widgets/dashboard/hostloadbars.h"
#include "widgets/dashboard/topusagelist.h"
#include "widgets/dashboard/usagechart.h"
#include "widgets/dashboard/usagetile.h"

#include <QApplication>
#include <QDateTimeAxis>
#include <QLabel>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QValueAxis>
#include <QtTest>

using namespace slipway;
using models::TopUsageModel;
using test::click;
using test::save;
using widgets::UsageChart;

namespace {

const QString kHost = QStringLiteral("cli:1");
const QString kDeadHost = QStringLiteral("cli:2");
const QString kApp = QStringLiteral("burner");
const QString kEnv = QStringLiteral("test");

// The time window a chart shows, in seconds.
qint64 windowSeconds(UsageChart *chart) {
    return chart->timeAxis()->min().secsTo(chart->timeAxis()->max());
}

} // namespace

class TestDashboard : public test::GuiTestBase {
    Q_OBJECT

    std::shared_ptr<engine::DockerClient> client_;
    std::unique_ptr<core::HostMonitor> monitor_;
    std::unique_ptr<core::Inventory> inventory_;
    std::unique_ptr<core::Metrics> metrics_;
    std::unique_ptr<widgets::DashboardView> view_;
    QString burner_, idle_, sick_;
    QString burnerName_, idleName_;
    QStringList created_;

    QString run(const std::string &name, const std::string &image,
                const std::vector<std::string> &cmd, const QString &app, QString *fullName) {
        engine::ContainerCreate spec;
        spec.name = test::uniqueName(name);
        spec.image = image;
        spec.cmd = cmd;
        spec.labels = {{"slipway.app", app.toStdString()},
                       {"slipway.env", kEnv.toStdString()},
                       {"slipway.test", "dashboard"}};
        auto created = test::waitFor(client_->createContainer(spec), std::chrono::seconds(60));
        if (!created || !created->ok()) {
            qWarning("create %s: %s", spec.name.c_str(),
                     created ? test::describe(*created).constData() : "no answer");
            return {};
        }
        created_.append(QString::fromStdString(created->value()));
        if (fullName)
            *fullName = QString::fromStdString(spec.name);
        auto started =
            test::waitFor(client_->startContainer(created->value()), std::chrono::seconds(60));
        return started && started->ok() ? QString::fromStdString(created->value()) : QString();
    }

    widgets::TopUsageList *topContainers() const { return view_->topContainers(); }
    widgets::TopUsageList *topApps() const { return view_->topApps(); }
    QString key(const QString &containerId) const { return kHost + '/' + containerId; }

    void clickRow(QTableView *table, int row) {
        QVERIFY(row >= 0);
        const QModelIndex index = table->model()->index(row, TopUsageModel::NameColumn);
        table->scrollTo(index);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(index).center());
    }

    void clickSpan(widgets::SegmentedControl *control, const char *name) {
        auto *button = control->findChild<QToolButton *>(QString::fromLatin1(name));
        click(button);
        QVERIFY(button->isChecked());
    }

    // A chart's value axis names its quantity and unit, the time axis reads HH:mm.
    void checkAxes(UsageChart *chart, const QString &quantity, const QStringList &units) {
        QVERIFY(chart);
        const QString title = chart->valueAxisTitle();
        bool unitShown = false;
        for (const QString &unit : units)
            unitShown = unitShown || title == QStringLiteral("%1 (%2)").arg(quantity, unit);
        QVERIFY2(unitShown, qPrintable(title));
        QCOMPARE(chart->timeFormat(), QStringLiteral("HH:mm"));
        QCOMPARE(chart->timeAxisTitle(), QStringLiteral("Time (HH:mm)"));
        QVERIFY(chart->valueAxis()->max() > chart->valueAxis()->min());
    }

    // A new sampler and view per test function, on the containers initTestCase() started.
    void initView() override {
        core::HostMonitor::Options options;
        core::HostConfig real;
        real.id = kHost;
        real.name = QStringLiteral("private engine");
        real.url = test::dockerHost();
        real.source = core::HostConfig::Source::CommandLine;
        core::HostConfig dead = real;
        dead.id = kDeadHost;
        dead.name = QStringLiteral("dead host");
        dead.url = QStringLiteral("unix:///nonexistent/slipway-dead/docker.sock");
        options.overrideHosts = QList<core::HostConfig>{real, dead};
        monitor_ = std::make_unique<core::HostMonitor>(store(), options);
        inventory_ = std::make_unique<core::Inventory>(store());
        inventory_->attach(monitor_.get());
        core::Metrics::Options mo;
        mo.interval = std::chrono::milliseconds(500);
        metrics_ = std::make_unique<core::Metrics>(inventory_.get(), monitor_.get(), mo);

        view_ = std::make_unique<widgets::DashboardView>(metrics_.get(), inventory_.get(),
                                                         monitor_.get());
        // The section's room in a 1280 x 800 main window.
        QVERIFY(test::showExposed(view_.get(), QSize(1074, 770)));
        monitor_->start();
        metrics_->start();
    }

    void cleanupView() override {
        view_.reset();
        if (metrics_)
            metrics_->stop();
        metrics_.reset();
        inventory_.reset();
        monitor_.reset();
    }

private slots:
    // The containers are read by every test function and changed by none.
    void initTestCase() {
        if (test::dockerHost().isEmpty())
            QFAIL(test::missingServicesMessage().constData());
        client_ = test::makeClient();
        QVERIFY(client_);
        qApp->setStyleSheet(resources::styleSheet());

        burner_ = run("dash-burner", "slipway/base:1", {"sh", "-c", "while :; do :; done"}, kApp,
                      &burnerName_);
        idle_ = run("dash-idle", "slipway/base:1", {"sleep", "3600"}, kApp, &idleName_);
        // slipway/web:2.0.0's health check always fails: something that needs attention.
        sick_ = run("dash-sick", "slipway/web:2.0.0", {}, QStringLiteral("sickly"), nullptr);
        QVERIFY2(!burner_.isEmpty() && !idle_.isEmpty() && !sick_.isEmpty(),
                 "a test container could not be started");
    }

    void cleanupTestCase() {
        if (client_)
            for (const QString &id : std::as_const(created_))
                (void)test::waitFor(client_->removeContainer(id.toStdString(), true),
                                    std::chrono::seconds(30));
    }

    void tilesShowTheFleet() {
        // One host answers, the dead one is named.
        QTRY_COMPARE_WITH_TIMEOUT(view_->hostsTile()->value(), QStringLiteral("1 / 2"), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(view_->hostsTile()->caption().contains("dead host"), 20000);
        QVERIFY(view_->hostsTile()->caption().startsWith("down:"));

        // Containers: ours are running, counted among everything on the engine.
        QTRY_VERIFY_WITH_TIMEOUT(
            inventory_->container(kHost, burner_) && inventory_->container(kHost, idle_), 20000);
        const auto running = [&] {
            int n = 0;
            for (const auto &c : inventory_->containers())
                n += c->state == QLatin1String("running");
            return QStringLiteral("%1 / %2").arg(n).arg(inventory_->containerCount());
        };
        QTRY_COMPARE_WITH_TIMEOUT(view_->containersTile()->value(), running(), 10000);

        // The failing health check turns up in the unhealthy tile, by name.
        QTRY_VERIFY_WITH_TIMEOUT(view_->unhealthyTile()->value().toInt() >= 1, 60000);
        QVERIFY(view_->unhealthyTile()->caption() != QLatin1String("every health check passes"));

        // Cluster figures once Metrics has measured a round.
        QTRY_VERIFY_WITH_TIMEOUT(view_->cpuTile()->value().endsWith(QLatin1String(" %")), 30000);
        QVERIFY(view_->memoryTile()->value().endsWith(QLatin1String(" %")));
        QVERIFY2(view_->cpuTile()->caption().contains("core"),
                 qPrintable(view_->cpuTile()->caption()));
        QTRY_VERIFY2_WITH_TIMEOUT(view_->memoryTile()->caption().contains(" of ") &&
                                      view_->memoryTile()->caption().endsWith("iB"),
                                  qPrintable(view_->memoryTile()->caption()), 30000);
        // A busy loop is a core's worth of the host: never an idle fleet.
        QTRY_VERIFY_WITH_TIMEOUT(metrics_->clusterUsage().cpuPercent > 5, 30000);

        // One bar per host, the dead one unreachable; the spread is shown in points.
        QTRY_COMPARE_WITH_TIMEOUT(view_->hostBars()->hosts().size(), 2, 20000);
        int reachable = 0;
        for (const auto &h : view_->hostBars()->hosts())
            reachable += h.reachable;
        QCOMPARE(reachable, 1);
        QVERIFY2(view_->imbalanceLabel()->text().contains("pts"),
                 qPrintable(view_->imbalanceLabel()->text()));
        QVERIFY(view_->updatedLabel()->text().startsWith("Updated"));
    }

    void topListsRankTheBurner() {
        auto *containers = topContainers()->model();
        QTRY_VERIFY_WITH_TIMEOUT(containers->rowOf(key(burner_)) >= 0, 30000);
        // A busy loop outranks its idle sibling (how much of a core it gets depends on the
        // machine's load); its figure reads as a percentage.
        QTRY_VERIFY_WITH_TIMEOUT(
            containers->row(containers->rowOf(key(burner_))).latest.cpuPercent >
                metrics_->containerUsage(kHost, idle_).value_or(core::UsagePoint{}).cpuPercent,
            30000);
        const int row = containers->rowOf(key(burner_));
        QCOMPARE(containers->index(row, TopUsageModel::NameColumn).data().toString(), burnerName_);
        QCOMPARE(containers->index(row, TopUsageModel::DetailColumn).data().toString(),
                 QStringLiteral("private engine"));
        QVERIFY(containers->index(row, TopUsageModel::CpuColumn)
                    .data()
                    .toString()
                    .endsWith(QLatin1String(" %")));
        const int idleRow = containers->rowOf(key(idle_));
        QVERIFY(idleRow < 0 || idleRow > row);

        auto *apps = topApps()->model();
        const QString appKey = kApp + '/' + kEnv;
        QTRY_VERIFY_WITH_TIMEOUT(apps->rowOf(appKey) >= 0, 30000);
        QVERIFY(apps->row(apps->rowOf(appKey)).containers >= 2);
        QVERIFY(apps->index(apps->rowOf(appKey), TopUsageModel::DetailColumn)
                    .data()
                    .toString()
                    .startsWith(kEnv));

        // By memory: the same lists, ranked by bytes.
        click(topContainers()->measureControl()->segment(1));
        QCOMPARE(topContainers()->measure(), core::UsageMeasure::Memory);
        QTRY_VERIFY_WITH_TIMEOUT(containers->rowCount() > 0, 10000);
        for (int r = 1; r < containers->rowCount(); ++r)
            QVERIFY(containers->row(r - 1).latest.memoryBytes >=
                    containers->row(r).latest.memoryBytes);
        QVERIFY(containers->index(0, TopUsageModel::MemoryColumn)
                    .data()
                    .toString()
                    .contains(QLatin1String("iB")));
        click(topApps()->measureControl()->segment(1));
        QCOMPARE(topApps()->measure(), core::UsageMeasure::Memory);
        click(topContainers()->measureControl()->segment(0));
        click(topApps()->measureControl()->segment(0));
        QTRY_VERIFY_WITH_TIMEOUT(containers->rowOf(key(burner_)) >= 0, 10000);
    }

    void clusterChartOverEverySpan() {
        UsageChart *chart = view_->clusterChart();
        QTRY_VERIFY_WITH_TIMEOUT(chart->pointCount(0) >= 3 && chart->pointCount(1) >= 3, 30000);
        QVERIFY(!chart->emptyLabel()->isVisible());
        QCOMPARE(chart->seriesCount(), 2);
        QVERIFY(chart->seriesName(0).startsWith("CPU"));
        QVERIFY(chart->seriesName(1).startsWith("Memory"));
        checkAxes(chart, QStringLiteral("Used"), {QStringLiteral("%")});
        QVERIFY(chart->valueAxis()->max() <= 100);
        QCOMPARE(windowSeconds(chart), 15 * 60);
        save(view_.get(), "dashboard");

        auto *spans = view_->clusterSpanControl();
        clickSpan(spans, "span1h");
        QCOMPARE(windowSeconds(chart), 60 * 60);
        // The minute still filling is the last point of the coarse series.
        QVERIFY(chart->pointCount(0) >= 1);
        save(view_.get(), "dashboard-1h");
        clickSpan(spans, "span24h");
        QCOMPARE(windowSeconds(chart), 24 * 60 * 60);
        QVERIFY(chart->pointCount(0) >= 1);
        checkAxes(chart, QStringLiteral("Used"), {QStringLiteral("%")});
        clickSpan(spans, "span15m");
        QCOMPARE(windowSeconds(chart), 15 * 60);
        QVERIFY(chart->pointCount(0) >= 3);
    }

    void clickingAHostNamesIt() {
        QSignalSpy spy(view_.get(), &widgets::DashboardView::hostActivated);
        widgets::HostLoadBars *bars = view_->hostBars();
        QTRY_COMPARE_WITH_TIMEOUT(bars->hosts().size(), 2, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(view_->hostsTile()->value(), QStringLiteral("1 / 2"), 20000);
        int row = -1;
        for (int i = 0; i < bars->hosts().size(); ++i)
            if (bars->hosts()[i].hostId == kHost)
                row = i;
        QVERIFY(row >= 0);
        QTest::mouseClick(bars, Qt::LeftButton, {}, bars->rowRect(row).center());
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), kHost);
        // The hosts tile leads to the host that is down.
        click(view_->hostsTile());
        QCOMPARE(spy.count(), 2);
        QCOMPARE(spy.at(1).at(0).toString(), kDeadHost);
    }

    void topContainerOpensItsCharts() {
        auto *model = topContainers()->model();
        QTRY_VERIFY_WITH_TIMEOUT(model->rowOf(key(burner_)) >= 0, 10000);
        clickRow(topContainers()->table(), model->rowOf(key(burner_)));
        widgets::ContainerUsageView *detail = view_->containerView();
        QCOMPARE(view_->pages()->currentWidget(), detail);
        QCOMPARE(detail->containerId(), burner_);
        QCOMPARE(detail->titleLabel()->text(), burnerName_);
        QVERIFY2(detail->subtitleLabel()->text().contains("private engine"),
                 qPrintable(detail->subtitleLabel()->text()));
        QVERIFY(detail->subtitleLabel()->text().contains("slipway/base:1"));

        // History from before the click, and live points after it.
        QTRY_VERIFY_WITH_TIMEOUT(detail->cpuChart()->pointCount(0) >= 3, 20000);
        // Rates are gathered from the click on: a few rounds.
        QTRY_VERIFY_WITH_TIMEOUT(detail->networkChart()->pointCount(0) >= 2, 60000);
        QVERIFY(detail->memoryChart()->pointCount(0) >= 3);
        QCOMPARE(detail->networkChart()->seriesCount(), 2);
        QVERIFY(detail->diskChart()->pointCount(0) >= 2);
        checkAxes(detail->cpuChart(), QStringLiteral("CPU"), {QStringLiteral("%")});
        checkAxes(detail->memoryChart(), QStringLiteral("Memory"),
                  {QStringLiteral("B"), QStringLiteral("KiB"), QStringLiteral("MiB")});
        checkAxes(detail->networkChart(), QStringLiteral("Network"),
                  {QStringLiteral("KiB/s"), QStringLiteral("MiB/s")});
        checkAxes(detail->diskChart(), QStringLiteral("Disk I/O"),
                  {QStringLiteral("KiB/s"), QStringLiteral("MiB/s")});
        // A busy loop: most of a core, on a scale that shows it.
        QTRY_VERIFY_WITH_TIMEOUT(detail->cpuTile()->value().endsWith(QLatin1String(" %")), 10000);
        QVERIFY2(detail->cpuTile()->caption().contains("core"),
                 qPrintable(detail->cpuTile()->caption()));
        QVERIFY(detail->memoryTile()->value().contains("iB"));
        QVERIFY(detail->networkTile()->value().contains("/s"));
        save(view_.get(), "container-usage");

        clickSpan(detail->spanControl(), "span1h");
        QCOMPARE(windowSeconds(detail->cpuChart()), 60 * 60);
        QVERIFY(detail->cpuChart()->pointCount(0) >= 1);
        clickSpan(detail->spanControl(), "span24h");
        QCOMPARE(windowSeconds(detail->memoryChart()), 24 * 60 * 60);
        QVERIFY(detail->memoryChart()->pointCount(0) >= 1);
        save(view_.get(), "container-usage-24h");
        clickSpan(detail->spanControl(), "span15m");
        QCOMPARE(windowSeconds(detail->networkChart()), 15 * 60);

        click(detail->backButton());
        QVERIFY(view_->isOverviewShown());
    }

    void topApplicationOpensItsCharts() {
        auto *model = topApps()->model();
        const QString appKey = kApp + '/' + kEnv;
        QTRY_VERIFY_WITH_TIMEOUT(model->rowOf(appKey) >= 0, 10000);
        clickRow(topApps()->table(), model->rowOf(appKey));
        widgets::AppUsageView *detail = view_->appView();
        QCOMPARE(view_->pages()->currentWidget(), detail);
        QCOMPARE(detail->app(), kApp);
        QCOMPARE(detail->env(), kEnv);
        QCOMPARE(detail->titleLabel()->text(), kApp);
        QVERIFY2(detail->subtitleLabel()->text().contains("environment test"),
                 qPrintable(detail->subtitleLabel()->text()));

        // Its containers, the busy one first.
        auto *containers = detail->containersList()->model();
        QTRY_VERIFY_WITH_TIMEOUT(
            containers->rowOf(key(burner_)) >= 0 && containers->rowOf(key(idle_)) >= 0, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(containers->rowOf(key(burner_)) < containers->rowOf(key(idle_)),
                                 10000);
        QTRY_VERIFY_WITH_TIMEOUT(detail->cpuChart()->pointCount(0) >= 3, 20000);
        QVERIFY(detail->memoryChart()->pointCount(0) >= 3);
        QVERIFY(detail->networkChart()->pointCount(0) >= 3);
        QVERIFY(detail->networkChart()->pointCount(1) >= 3);
        checkAxes(detail->cpuChart(), QStringLiteral("CPU"), {QStringLiteral("%")});
        checkAxes(detail->memoryChart(), QStringLiteral("Memory"),
                  {QStringLiteral("KiB"), QStringLiteral("MiB")});
        checkAxes(detail->networkChart(), QStringLiteral("Network"),
                  {QStringLiteral("KiB/s"), QStringLiteral("MiB/s")});
        QTRY_VERIFY_WITH_TIMEOUT(detail->cpuTile()->value().endsWith(QLatin1String(" %")), 10000);
        save(view_.get(), "app-usage");

        clickSpan(detail->spanControl(), "span24h");
        QCOMPARE(windowSeconds(detail->cpuChart()), 24 * 60 * 60);
        QVERIFY(detail->cpuChart()->pointCount(0) >= 1);
        clickSpan(detail->spanControl(), "span15m");

        // One of its containers opens that container; back returns to the application.
        clickRow(detail->containersList()->table(), containers->rowOf(key(idle_)));
        QCOMPARE(view_->pages()->currentWidget(), view_->containerView());
        QCOMPARE(view_->containerView()->titleLabel()->text(), idleName_);
        click(view_->containerView()->backButton());
        QCOMPARE(view_->pages()->currentWidget(), detail);
        click(detail->backButton());
        QVERIFY(view_->isOverviewShown());
    }

    void unhealthyTileOpensTheSickContainer() {
        QTRY_VERIFY_WITH_TIMEOUT(view_->unhealthyTile()->value().toInt() >= 1, 30000);
        click(view_->unhealthyTile());
        QCOMPARE(view_->pages()->currentWidget(), view_->containerView());
        const auto record = inventory_->container(view_->containerView()->hostId(),
                                                  view_->containerView()->containerId());
        QVERIFY(record);
        QCOMPARE(record->health, QStringLiteral("unhealthy"));
        QVERIFY(view_->containerView()->subtitleLabel()->text().contains("unhealthy"));
        view_->showOverview();
        QVERIFY(view_->isOverviewShown());
    }

    void topListsUpdateRowByRow() {
        // A refresh never resets the model: the table keeps its rows between rounds.
        auto *model = topContainers()->model();
        QSignalSpy resets(model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(model, &QAbstractItemModel::dataChanged);
        QSignalSpy rounds(metrics_.get(), &core::Metrics::sampled);
        QVERIFY(rounds.wait(60000));
        QVERIFY(rounds.wait(60000));
        QTRY_VERIFY(changes.count() >= 1);
        QCOMPARE(resets.count(), 0);
    }
};

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
