// ContainerTableModel and ContainerFilterProxy: row-level signals only (never a reset),
// selections and persistent indexes that survive updates, every filter, and the model over a
// live Inventory whose engine drops its stream. QAbstractItemModelTester watches throughout.
#include "core/fleet/hostmonitor.h"
#include "core/fleet/inventory.h"
#include "core/fleet/statustext.h"
#include "core/metrics/metrics.h"
#include "core/store/storethread.h"
#include "engine/dockerclient.h"
#include "models/containerfilterproxy.h"
#include "models/containertablemodel.h"
#include "tests/support/fakeengine.h"
#include "tests/support/testenv.h"

#include <QAbstractItemModelTester>
#include <QGuiApplication>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <nlohmann/json.hpp>

using namespace slipway;
using core::ContainerList;
using core::ContainerRecord;
using core::ContainerRef;
using models::ContainerFilterProxy;
using Model = models::ContainerTableModel;

namespace {

ContainerRef make(const QString &host, const QString &id, const QString &name,
                  const QString &state = QStringLiteral("running"), const QString &app = {},
                  const QString &env = {}, core::LabelList labels = {}) {
    auto r = std::make_shared<ContainerRecord>();
    r->hostId = host;
    r->id = id;
    r->name = name;
    r->image = QStringLiteral("127.0.0.1:5515/slipway/web:1.1.0");
    r->version = QStringLiteral("1.1.0");
    r->state = state;
    r->status = state == u"running" ? QStringLiteral("Up 5 minutes")
                                    : QStringLiteral("Exited (0) 1 hour ago");
    r->stateSince = QDateTime::currentSecsSinceEpoch() - (state == u"running" ? 300 : 3600);
    r->exitCode = state == u"running" ? -1 : 0;
    r->app = app;
    r->env = env;
    std::sort(labels.begin(), labels.end());
    r->labels = labels;
    r->created = 1700000000 + id.size();
    return r;
}

ContainerRef withState(const ContainerRef &r, const QString &state, bool stale = false) {
    auto c = std::make_shared<ContainerRecord>(*r);
    c->state = state;
    c->stale = stale;
    return c;
}

QStringList column(const QAbstractItemModel &m, int col) {
    QStringList out;
    for (int i = 0; i < m.rowCount(); ++i)
        out << m.index(i, col).data().toString();
    return out;
}

struct Fixture {
    Model model;
    ContainerFilterProxy proxy;
    QAbstractItemModelTester modelTester{&model,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest};
    QAbstractItemModelTester proxyTester{&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest};
    QSignalSpy resets{&model, &QAbstractItemModel::modelReset};
    QSignalSpy proxyResets{&proxy, &QAbstractItemModel::modelReset};
    ContainerList records;

    Fixture() {
        model.setUptimeRefreshInterval(std::chrono::milliseconds(0));
        proxy.setSourceModel(&model);
        proxy.sort(Model::NameColumn);
        const QString h1 = QStringLiteral("h1"), h2 = QStringLiteral("h2");
        records = {
            make(h1, "a1", "web-1", "running", "shop-web", "production",
                 {{"slipway.app", "shop-web"}, {"tier", "front"}}),
            make(h1, "a2", "web-2", "exited", "shop-web", "staging",
                 {{"slipway.app", "shop-web"}, {"tier", "front"}}),
            make(h2, "b1", "worker-1", "running", "shop-worker", "production",
                 {{"slipway.app", "shop-worker"}, {"tier", "back"}}),
            make(h2, "b2", "db", "running", "", "", {{"com.docker.compose.project", "infra"}}),
        };
        model.insertContainers(records);
        proxyResets.clear(); // setting the source is the proxy's one reset; none after it
    }
};

} // namespace

class TestContainerTableModel : public QObject {
    Q_OBJECT

private slots:
    void rowsAndColumns() {
        Fixture f;
        QCOMPARE(f.model.rowCount(), 4);
        QCOMPARE(f.model.columnCount(), int(Model::ColumnCount));
        QCOMPARE(f.model.index(0, Model::HostColumn).data().toString(), QStringLiteral("h1"));
        QCOMPARE(f.model.index(0, Model::NameColumn).data().toString(), QStringLiteral("web-1"));
        QCOMPARE(f.model.index(0, Model::AppColumn).data().toString(), QStringLiteral("shop-web"));
        QCOMPARE(f.model.index(0, Model::EnvColumn).data().toString(),
                 QStringLiteral("production"));
        QCOMPARE(f.model.index(0, Model::VersionColumn).data().toString(), QStringLiteral("1.1.0"));
        QCOMPARE(f.model.index(0, Model::StatusColumn).data().toString(),
                 QStringLiteral("Up 5 minutes"));
        QCOMPARE(f.model.index(1, Model::StatusColumn).data().toString(),
                 QStringLiteral("Exited (0) about an hour ago"));
        QVERIFY(f.model.index(0, Model::CpuColumn).data().isNull());
        QVERIFY(f.model.index(0, Model::MemoryColumn).data().isNull());
        QCOMPARE(f.model.index(0, 0).data(Model::ContainerIdRole).toString(), QStringLiteral("a1"));
        QCOMPARE(f.model.index(0, 0).data(Model::HostIdRole).toString(), QStringLiteral("h1"));
        QVERIFY(f.model.index(0, 0).data(Model::LabelsRole).toStringList().contains("tier=front"));
        QCOMPARE(f.model.index(0, Model::StatusColumn).data(Model::SortRole).toLongLong(),
                 f.records[0]->stateSince);
        QCOMPARE(f.model.headerData(Model::AppColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Application"));
        QCOMPARE(f.model.rowOf("h2", "b1"), 2);
        QCOMPARE(f.model.record(2), f.records[2]); // the same record, not a copy
    }

    void updatesAreRowLevel() {
        Fixture f;
        QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
        QSignalSpy removed(&f.model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy layout(&f.model, &QAbstractItemModel::layoutChanged);

        f.model.changeContainers({withState(f.records[1], "running")});
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 1);
        QCOMPARE(f.model.index(1, Model::StateColumn).data().toString(), QStringLiteral("running"));

        f.model.insertContainers({make("h2", "b3", "cache")});
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(f.model.rowCount(), 5);

        // A container seen twice stays one row.
        f.model.insertContainers({make("h2", "b3", "cache")});
        QCOMPARE(f.model.rowCount(), 5);

        // Scattered removals: one signal per contiguous run, rows found again afterwards.
        f.model.removeContainers({f.records[0], f.records[2]});
        QCOMPARE(removed.size(), 2);
        QCOMPARE(f.model.rowCount(), 3);
        QCOMPARE(column(f.model, Model::NameColumn), QStringList({"web-2", "db", "cache"}));
        QCOMPARE(f.model.rowOf("h2", "b3"), 2);
        QCOMPARE(f.model.rowOf("h1", "a1"), -1);

        // Several rows going stale at once: one dataChanged for the run, greyed.
        f.model.changeContainers({withState(f.model.record(0), "running", true),
                                  withState(f.model.record(1), "running", true)});
        QCOMPARE(changed.size(), 3);
        QVERIFY(f.model.index(0, 0).data(Qt::ForegroundRole).isValid());
        QVERIFY(f.model.index(0, 0).data(Model::StaleRole).toBool());
        QVERIFY(!f.model.index(2, 0).data(Qt::ForegroundRole).isValid());

        f.model.refreshUptime();
        QCOMPARE(changed.last().at(0).toModelIndex().column(), int(Model::StatusColumn));

        QCOMPARE(f.resets.size(), 0);
        QCOMPARE(f.proxyResets.size(), 0);
        QCOMPARE(layout.size(), 0);
    }

    void selectionAndPersistentIndexesSurvive() {
        Fixture f;
        QItemSelectionModel selection(&f.proxy);
        const int workerRow = [&] {
            for (int i = 0; i < f.proxy.rowCount(); ++i)
                if (f.proxy.index(i, 0).data(Model::ContainerIdRole) == QStringLiteral("b1"))
                    return i;
            return -1;
        }();
        QVERIFY(workerRow >= 0);
        selection.select(f.proxy.index(workerRow, 0),
                         QItemSelectionModel::Select | QItemSelectionModel::Rows);
        const QPersistentModelIndex persistent(f.model.index(f.model.rowOf("h2", "b1"), 0));

        // Rows before it go, rows come, it changes itself, a neighbour moves in the sort.
        f.model.removeContainers({f.records[0]});
        f.model.insertContainers({make("h1", "a0", "aaa-first"), make("h2", "b9", "zzz")});
        f.model.changeContainers({withState(f.records[2], "exited")});
        auto renamed = std::make_shared<ContainerRecord>(*f.records[3]);
        renamed->name = QStringLiteral("zz-db");
        f.model.changeContainers({renamed});

        QVERIFY(persistent.isValid());
        QCOMPARE(persistent.data(Model::ContainerIdRole).toString(), QStringLiteral("b1"));
        QCOMPARE(persistent.sibling(persistent.row(), Model::StateColumn).data().toString(),
                 QStringLiteral("exited"));
        const QModelIndexList rows = selection.selectedRows();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().data(Model::ContainerIdRole).toString(), QStringLiteral("b1"));
        // The proxy kept its order, by name, through all of it.
        QCOMPARE(column(f.proxy, Model::NameColumn),
                 QStringList({"aaa-first", "web-2", "worker-1", "zz-db", "zzz"}));
        QCOMPARE(f.resets.size(), 0);
        QCOMPARE(f.proxyResets.size(), 0);
    }

    void proxyFilters() {
        Fixture f;
        QSignalSpy proxyRemoved(&f.proxy, &QAbstractItemModel::rowsRemoved);
        f.proxy.setStates({"running"});
        QCOMPARE(column(f.proxy, Model::NameColumn), QStringList({"db", "web-1", "worker-1"}));
        f.proxy.setHostIds({"h2"});
        QCOMPARE(column(f.proxy, Model::NameColumn), QStringList({"db", "worker-1"}));
        f.proxy.setApplications({"shop-worker"});
        QCOMPARE(column(f.proxy, Model::NameColumn), QStringList({"worker-1"}));
        f.proxy.clearFilters();
        QCOMPARE(f.proxy.rowCount(), 4);

        f.proxy.setEnvironments({"production"});
        QCOMPARE(column(f.proxy, Model::NameColumn), QStringList({"web-1", "worker-1"}));
        f.proxy.clearFilters();

        f.proxy.setLabelFilters({"tier=front"});
        QCOMPARE(column(f.proxy, Model::NameColumn), QStringList({"web-1", "web-2"}));
        f.proxy.setLabelFilters({"com.docker.compose.project"});
        QCOMPARE(column(f.proxy, Model::NameColumn), QStringList({"db"}));
        f.proxy.setLabelFilters({"tier=front", "slipway.app=shop-worker"});
        QCOMPARE(f.proxy.rowCount(), 0);
        f.proxy.clearFilters();

        // Free text: every word somewhere; "key=value" words against labels; ID prefixes.
        f.proxy.setText(QStringLiteral("WEB staging"));
        QCOMPARE(column(f.proxy, Model::NameColumn), QStringList({"web-2"}));
        f.proxy.setText(QStringLiteral("tier=back"));
        QCOMPARE(column(f.proxy, Model::NameColumn), QStringList({"worker-1"}));
        f.proxy.setText(QStringLiteral("infra"));
        QCOMPARE(column(f.proxy, Model::NameColumn), QStringList({"db"}));
        f.proxy.setText(QStringLiteral("b2"));
        QCOMPARE(column(f.proxy, Model::NameColumn), QStringList({"db"}));
        f.proxy.setText(QString());

        // Filters follow changes in the rows: a container that stops leaves "running".
        f.proxy.setStates({"running"});
        const int before = f.proxy.rowCount();
        f.model.changeContainers({withState(f.records[0], "exited")});
        QCOMPARE(f.proxy.rowCount(), before - 1);
        QVERIFY(!proxyRemoved.isEmpty());
        f.model.changeContainers({withState(f.records[0], "running")});
        QCOMPARE(f.proxy.rowCount(), before);
        QCOMPARE(f.proxyResets.size(), 0);
    }

    void sortsByRawValues() {
        Fixture f;
        f.proxy.sort(Model::StatusColumn, Qt::AscendingOrder);
        // Earliest start first: the exited one's state began an hour ago.
        QCOMPARE(f.proxy.index(0, 0).data(Model::ContainerIdRole).toString(), QStringLiteral("a2"));
        f.proxy.sort(Model::HostColumn, Qt::DescendingOrder);
        QCOMPARE(f.proxy.index(0, Model::HostColumn).data().toString(), QStringLiteral("h2"));
    }

    void statusWords() {
        using core::StatusText;
        QCOMPARE(StatusText::parseDuration(u"Less than a second"), 0);
        QCOMPARE(StatusText::parseDuration(u"About an hour"), 3600);
        QCOMPARE(StatusText::parseDuration(u"3 weeks"), 3 * 7 * 86400);
        QCOMPARE(StatusText::parse(u"Up 2 minutes (healthy)").secondsAgo, 120);
        QCOMPARE(StatusText::parse(u"Exited (137) 5 seconds ago").exitCode, 137);
        QCOMPARE(StatusText::parse(u"Exited (137) 5 seconds ago").secondsAgo, 5);
        QCOMPARE(StatusText::parse(u"Created").secondsAgo, -1);
        QCOMPARE(ContainerRecord::healthFromStatus(u"Up 1 second (health: starting)"),
                 QStringLiteral("starting"));
        QCOMPARE(ContainerRecord::healthFromStatus(u"Up 1 hour (unhealthy)"),
                 QStringLiteral("unhealthy"));
        QCOMPARE(ContainerRecord::tagOf(u"127.0.0.1:5515/slipway/web"), QStringLiteral("latest"));
        QCOMPARE(ContainerRecord::tagOf(u"127.0.0.1:5515/slipway/web:2.0.0"),
                 QStringLiteral("2.0.0"));
        QCOMPARE(ContainerRecord::tagOf(u"sha256:abcd"), QString());
        QCOMPARE(ContainerRecord::tagOf(u"web@sha256:abcd"), QString());

        ContainerRecord r;
        r.state = QStringLiteral("running");
        r.health = QStringLiteral("healthy");
        r.stateSince = 1000;
        QCOMPARE(StatusText::describe(r, 1000 + 7200), QStringLiteral("Up 2 hours (healthy)"));
        r.state = QStringLiteral("exited");
        r.exitCode = 1;
        r.health.clear();
        QCOMPARE(StatusText::describe(r, 1000 + 45), QStringLiteral("Exited (1) 45 seconds ago"));
        r.stateSince = 0;
        r.status = QStringLiteral("Created");
        QCOMPARE(StatusText::describe(r, 5000), QStringLiteral("Created"));
    }

    // The whole path: an engine, the Inventory, the model and the proxy; the stream drops,
    // rows go grey and come back, and no container ever has two rows.
    void followsALiveInventory() {
        test::FakeEngine engine;
        QVERIFY(engine.listening());
        auto ping = test::FakeEngine::respond(200, "OK", "text/plain");
        ping.headers.emplace_back("Api-Version", "1.41");
        engine.on("/_ping", ping);
        const auto list = [](std::vector<std::pair<std::string, std::string>> cs) {
            nlohmann::json j = nlohmann::json::array();
            for (const auto &[id, state] : cs)
                j.push_back(
                    {{"Id", std::string(60, '0') + id},
                     {"Names", {"/n" + id}},
                     {"Image", "slipway/web:1.0.0"},
                     {"ImageID", "sha256:1"},
                     {"Created", 1},
                     {"State", state},
                     {"Status", state == "running" ? "Up 1 second" : "Exited (0) 1 second ago"},
                     {"Labels", {{"slipway.app", "web"}}}});
            return test::FakeEngine::json(200, j.dump());
        };
        engine.on("/v1.41/containers/json", list({{"0001", "running"}, {"0002", "running"}}));
        // The delay comes before each piece, so a piece (white space, which the stream skips)
        // makes the drop wait until the list has landed; with none it drops at once.
        engine.on("/v1.41/events",
                  test::FakeEngine::streamThenDrop({"\n"}, std::chrono::milliseconds(1500)));
        auto client =
            std::make_shared<engine::DockerClient>(engine::Endpoint::parse(engine.url()).value());

        core::Inventory::Options options;
        options.firstRetry = std::chrono::milliseconds(100);
        options.maxRetry = std::chrono::milliseconds(200);
        core::Inventory inv(nullptr, options);
        Model model(&inv);
        ContainerFilterProxy proxy;
        proxy.setSourceModel(&model);
        proxy.sort(Model::NameColumn);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(
            &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        bool sawGrey = false;
        connect(&model, &QAbstractItemModel::dataChanged, this, [&](const QModelIndex &tl) {
            if (tl.data(Model::StaleRole).toBool())
                sawGrey = true;
        });
        inv.addHost("h", "Host H", engine.url().c_str(), client);
        QVERIFY(test::waitFor([&] { return model.rowCount() == 2; }));
        QCOMPARE(model.index(0, Model::HostColumn).data().toString(), QStringLiteral("Host H"));
        QVERIFY(test::waitFor([&] { return sawGrey; }));

        engine.on("/v1.41/containers/json",
                  list({{"0002", "exited"}, {"0003", "running"}, {"0004", "created"}}));
        auto open = test::FakeEngine::stream({});
        open.ending = test::FakeEngine::Reply::Ending::Stall; // a healthy stream stays open
        engine.on("/v1.41/events", open);
        QVERIFY(test::waitFor([&] {
            return model.rowCount() == 3 && model.rowOf("h", QString(60, '0') + "0002") >= 0 &&
                   !model.index(model.rowOf("h", QString(60, '0') + "0002"), 0)
                        .data(Model::StaleRole)
                        .toBool() &&
                   model.index(model.rowOf("h", QString(60, '0') + "0002"), Model::StateColumn)
                           .data()
                           .toString() == QStringLiteral("exited");
        }));
        QCOMPARE(column(proxy, Model::NameColumn), QStringList({"n0002", "n0003", "n0004"}));
        QCOMPARE(resets.size(), 0);
        engine.stop();
    }

    // CPU % and memory from Metrics over a scripted engine: two readings per container give
    // the figures as `docker stats` would; rows change in place (those two columns only) and
    // the proxy sorts by the number, not the text.
    void fillsUsageFromMetrics() {
        test::FakeEngine engine;
        QVERIFY(engine.listening());
        auto ping = test::FakeEngine::respond(200, "OK", "text/plain");
        ping.headers.emplace_back("Api-Version", "1.41");
        engine.on("/_ping", ping);
        engine.on("/v1.41/version", test::FakeEngine::json(200, "{\"Version\":\"20.10.24\","
                                                                "\"ApiVersion\":\"1.41\"}"));
        engine.on("/v1.41/info",
                  test::FakeEngine::json(200, "{\"NCPU\":2,\"MemTotal\":8589934592}"));
        const QString a = QString(60, '0') + "000a", b = QString(60, '0') + "000b";
        nlohmann::json list = nlohmann::json::array();
        for (const QString &id : {a, b})
            list.push_back({{"Id", id.toStdString()},
                            {"Names", {"/n" + id.right(1).toStdString()}},
                            {"Image", "slipway/web:1.0.0"},
                            {"ImageID", "sha256:1"},
                            {"Created", 1},
                            {"State", "running"},
                            {"Status", "Up 1 second"},
                            {"Labels", {{"slipway.app", "web"}}}});
        engine.on("/v1.41/containers/json", test::FakeEngine::json(200, list.dump()));
        auto open = test::FakeEngine::stream({});
        open.ending = test::FakeEngine::Reply::Ending::Stall;
        engine.on("/v1.41/events", open);
        // One reading: `second` a collector tick after the first, cpu in ns of one core.
        const auto stats = [](int second, std::uint64_t cpu, std::uint64_t usage) {
            const nlohmann::json j = {
                {"read", "2026-11-27T10:00:0" + std::to_string(second) + ".000000000Z"},
                {"cpu_stats",
                 {{"cpu_usage", {{"total_usage", cpu}}},
                  {"system_cpu_usage", 1000000000000ULL + std::uint64_t(second) * 2000000000ULL},
                  {"online_cpus", 2}}},
                {"memory_stats",
                 {{"usage", usage},
                  {"limit", 1ULL << 30},
                  {"stats", {{"inactive_file", 1 << 20}}}}}};
            return test::FakeEngine::json(200, j.dump());
        };
        const std::string pathA = "/v1.41/containers/" + a.toStdString() + "/stats";
        const std::string pathB = "/v1.41/containers/" + b.toStdString() + "/stats";
        engine.on(pathA, stats(1, 0, 81 << 20));
        engine.on(pathB, stats(1, 0, 11 << 20));

        QTemporaryDir dir;
        auto store = std::make_shared<core::StoreThread>(dir.filePath("db.sqlite"));
        core::HostMonitor::Options hostOptions;
        core::HostConfig host;
        host.id = QStringLiteral("h");
        host.name = QStringLiteral("Host H");
        host.url = QString::fromStdString(engine.url());
        host.source = core::HostConfig::Source::CommandLine;
        hostOptions.overrideHosts = QList<core::HostConfig>{host};
        core::HostMonitor monitor(store, hostOptions);
        core::Inventory inv;
        inv.attach(&monitor);
        Model model(&inv);
        ContainerFilterProxy proxy;
        proxy.setSourceModel(&model);
        proxy.sort(Model::CpuColumn, Qt::DescendingOrder);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        monitor.start();
        QVERIFY(test::waitFor([&] { return model.rowCount() == 2 && monitor.upCount() == 1; }));

        core::Metrics::Options options;
        options.interval = std::chrono::milliseconds(200);
        core::Metrics metrics(&inv, &monitor, options);
        model.setMetrics(&metrics);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QList<std::pair<int, int>> changedColumns;
        connect(&model, &QAbstractItemModel::dataChanged, this,
                [&](const QModelIndex &tl, const QModelIndex &br) {
                    changedColumns.append({tl.column(), br.column()});
                });
        metrics.start();
        QVERIFY(test::waitFor([&] { return engine.hits(pathA) >= 1 && engine.hits(pathB) >= 1; }));
        QVERIFY(model.index(model.rowOf("h", a), Model::CpuColumn).data().isNull());
        // The next tick: a used half a core, b a quarter, over 1 s (2 s of host CPU time).
        engine.on(pathA, stats(2, 500000000, 81 << 20));
        engine.on(pathB, stats(2, 250000000, 11 << 20));
        QVERIFY(test::waitFor([&] {
            return !model.index(model.rowOf("h", b), Model::CpuColumn).data().isNull() &&
                   !model.index(model.rowOf("h", a), Model::CpuColumn).data().isNull();
        }));
        const int rowA = model.rowOf("h", a);
        QCOMPARE(model.index(rowA, Model::CpuColumn).data().toString(), QStringLiteral("50.0 %"));
        QCOMPARE(model.index(rowA, Model::MemoryColumn).data().toString(),
                 QStringLiteral("80.0 MiB")); // net of the 1 MiB inactive_file
        QCOMPARE(model.index(rowA, Model::CpuColumn).data(Model::SortRole).toDouble(), 50.0);
        QCOMPARE(model.index(model.rowOf("h", b), Model::CpuColumn).data().toString(),
                 QStringLiteral("25.0 %"));
        QCOMPARE(column(proxy, Model::NameColumn), QStringList({"na", "nb"}));
        proxy.sort(Model::MemoryColumn, Qt::AscendingOrder);
        QCOMPARE(column(proxy, Model::NameColumn), QStringList({"nb", "na"}));
        QVERIFY(!changedColumns.isEmpty());
        for (const auto &[first, last] : std::as_const(changedColumns)) {
            QCOMPARE(first, int(Model::CpuColumn));
            QCOMPARE(last, int(Model::MemoryColumn));
        }
        QCOMPARE(resets.size(), 0);

        // Without Metrics the columns are empty again.
        metrics.stop();
        model.setMetrics(nullptr);
        QVERIFY(model.index(rowA, Model::CpuColumn).data().isNull());
        engine.stop();
    }
};

int main(int argc, char **argv) {
    // The model greys stale rows with the palette, which needs a QGuiApplication.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    TestContainerTableModel test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_containertablemodel.moc"
