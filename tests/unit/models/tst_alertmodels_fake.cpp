// The Alerts section's models under QAbstractItemModelTester, fed by a real AlertMonitor over
// the scripted engine: the rules model through an edit, an added rule and a removal; the alerts
// model through an exit that fires, its clearing and its acknowledgement. Rows change one by
// one as the monitor announces them, never by a reset.
#include "core/alerts/alertmonitor.h"
#include "core/fleet/hostmonitor.h"
#include "core/fleet/inventory.h"
#include "core/store/storethread.h"
#include "models/alertrulemodel.h"
#include "models/alerttablemodel.h"
#include "tests/support/fakeengine.h"
#include "tests/support/testdata.h"
#include "tests/support/testenv.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <nlohmann/json.hpp>

using namespace slipway;
using core::Alert;
using core::AlertMonitor;
using core::AlertRule;
using models::AlertRuleModel;
using models::AlertTableModel;
using test::FakeEngine;

namespace {

const QString kHost = QStringLiteral("cli:fake");
const std::string kId = std::string(60, 'a') + "0001";

FakeEngine::Reply ping() {
    auto reply = FakeEngine::respond(200, "OK", "text/plain");
    reply.headers.emplace_back("Api-Version", "1.41");
    return reply;
}

std::string eventJson(const std::string &action) {
    static long long nano = QDateTime::currentMSecsSinceEpoch() * 1000000LL;
    nano += 1000;
    return nlohmann::json{{"Type", "container"},
                          {"Action", action},
                          {"Actor", {{"ID", kId}, {"Attributes", {{"name", "c1"}}}}},
                          {"scope", "local"},
                          {"time", nano / 1000000000},
                          {"timeNano", nano}}
               .dump() +
           "\n";
}

} // namespace

class TestAlertModelsFake : public QObject {
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> dir_;
    std::unique_ptr<FakeEngine> engine_;
    std::shared_ptr<FakeEngine::Feed> feed_;
    std::shared_ptr<core::StoreThread> store_;
    std::unique_ptr<core::HostMonitor> hosts_;
    std::unique_ptr<core::Inventory> inventory_;
    std::unique_ptr<AlertMonitor> alerts_;

    // The one container as the engine lists and inspects it.
    void publish(const std::string &state, int exitCode) {
        const std::string status = state == "running"
                                       ? "Up Less than a second"
                                       : "Exited (" + std::to_string(exitCode) + ") 1 second ago";
        const nlohmann::json list = nlohmann::json::array(
            {{{"Id", kId},
              {"Names", {"/c1"}},
              {"Image", "127.0.0.1:5515/slipway/web:1.1.0"},
              {"ImageID", "sha256:" + std::string(64, 'e')},
              {"Command", "httpd"},
              {"Created", 1700000000},
              {"Labels", {{"slipway.app", "shop-web"}, {"slipway.env", "test"}}},
              {"State", state},
              {"Status", status}}});
        const nlohmann::json inspect = {{"Id", kId},
                                        {"Name", "/c1"},
                                        {"RestartCount", 0},
                                        {"State",
                                         {{"Status", state},
                                          {"Running", state == "running"},
                                          {"ExitCode", exitCode},
                                          {"OOMKilled", false}}}};
        engine_->on("/v1.41/containers/" + kId + "/json", FakeEngine::json(200, inspect.dump()));
        engine_->on("/v1.41/containers/json", FakeEngine::json(200, list.dump()));
    }

    qint64 ruleId(AlertRule::Kind kind) const {
        for (const AlertRule &r : alerts_->rules())
            if (r.kind == kind)
                return r.id;
        return 0;
    }

private slots:
    void init() {
        dir_ = std::make_unique<QTemporaryDir>();
        QVERIFY(dir_->isValid());
        engine_ = std::make_unique<FakeEngine>();
        QVERIFY2(engine_->listening(), engine_->errorString().c_str());
        feed_ = std::make_shared<FakeEngine::Feed>();
        engine_->on("/_ping", ping());
        engine_->on(
            "/v1.41/version",
            FakeEngine::json(200, test::requireData("recorded/version.json").toStdString()));
        engine_->on("/v1.41/info",
                    FakeEngine::json(200, test::requireData("recorded/info.json").toStdString()));
        engine_->on("/v1.41/events", FakeEngine::liveStream(feed_));
        publish("running", 0);

        store_ = std::make_shared<core::StoreThread>(dir_->filePath("slipway.sqlite"));
        core::HostMonitor::Options options;
        core::HostConfig host;
        host.id = kHost;
        host.name = QStringLiteral("fake");
        host.url = QString::fromStdString(engine_->url());
        host.source = core::HostConfig::Source::CommandLine;
        options.overrideHosts = QList<core::HostConfig>{host};
        options.refreshInterval = std::chrono::hours(1);
        hosts_ = std::make_unique<core::HostMonitor>(store_, options);
        inventory_ = std::make_unique<core::Inventory>(store_);
        inventory_->attach(hosts_.get());
        AlertMonitor::Options alertOptions;
        alertOptions.tick = std::chrono::milliseconds(100);
        alerts_ = std::make_unique<AlertMonitor>(store_, hosts_.get(), inventory_.get(), nullptr,
                                                 alertOptions);
    }

    void cleanup() {
        alerts_.reset();
        inventory_.reset();
        hosts_.reset();
        store_.reset();
        engine_.reset();
    }

    void rulesEditedAddedAndRemoved() {
        // Made before the monitor has loaded: the seeded rules come in as inserts.
        AlertRuleModel model(alerts_.get());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        hosts_->start();
        alerts_->start();
        QVERIFY(test::waitFor([&] { return alerts_->isLoaded(); }));
        QCOMPARE(model.rowCount(), int(alerts_->rules().size()));
        QVERIFY(model.rowCount() > 0);

        // An edit changes its row in place.
        const qint64 cpu = ruleId(AlertRule::Kind::HostCpu);
        QVERIFY(cpu > 0);
        const int cpuRow = model.rowOf(cpu);
        AlertRule edited = model.rule(cpuRow);
        edited.name = QStringLiteral("CPU, edited");
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(alerts_->saveRule(edited));
        QVERIFY(test::waitFor([&] { return model.rule(cpuRow).name == edited.name; }));
        QVERIFY(!changed.isEmpty());
        const int rows = model.rowCount();

        // A new rule is a row more, at the end.
        AlertRule added = edited;
        added.id = 0;
        added.version = 0;
        added.name = QStringLiteral("CPU, second");
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QVERIFY(alerts_->saveRule(added));
        QVERIFY(test::waitFor([&] { return model.rowCount() == rows + 1; }));
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.rule(rows).name, added.name);
        const qint64 addedId = model.rule(rows).id;
        QVERIFY(addedId > 0 && addedId != cpu);

        // Removing the edited one takes its row out; the others stay.
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QVERIFY(alerts_->removeRule(cpu));
        QVERIFY(test::waitFor([&] { return model.rowCount() == rows; }));
        QCOMPARE(removed.size(), 1);
        QCOMPARE(model.rowOf(cpu), -1);
        QVERIFY(model.rowOf(addedId) >= 0);
        QCOMPARE(resets.size(), 0);
    }

    void alertFiresClearsAndIsAcknowledged() {
        AlertTableModel model(alerts_.get());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        hosts_->start();
        alerts_->start();
        QVERIFY(test::waitFor([&] {
            return alerts_->isLoaded() &&
                   inventory_->hostState(kHost) == core::Inventory::SyncState::Live &&
                   inventory_->containerCount() == 1;
        }));
        QCOMPARE(model.rowCount(), 0);

        // An exit nobody asked for fires: a row at the top.
        publish("exited", 3);
        feed_->push(eventJson("die"));
        QVERIFY2(test::waitFor([&] { return model.rowCount() == 1; }), "nothing fired");
        QCOMPARE(inserted.size(), 1);
        const Alert fired = model.alert(0);
        QCOMPARE(fired.kind, AlertRule::Kind::ContainerExited);
        QVERIFY(fired.firing());
        QCOMPARE(model.index(0, AlertTableModel::StateColumn).data().toString(),
                 AlertTableModel::stateText(fired));

        // Acknowledged once recorded: the same row changes.
        QVERIFY(test::waitFor([&] { return alerts_->alert(fired.serial)->id > 0; }));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(alerts_->acknowledge(fired.serial));
        QVERIFY(test::waitFor(
            [&] { return model.index(0, 0).data(AlertTableModel::AcknowledgedRole).toBool(); }));
        QVERIFY(!changed.isEmpty());
        QCOMPARE(model.rowCount(), 1);

        // Running again, it clears: still the one row, no longer firing.
        publish("running", 0);
        feed_->push(eventJson("start"));
        QVERIFY(test::waitFor([&] { return !model.alert(0).firing(); }));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.rowOf(fired.serial), 0);
        QCOMPARE(resets.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAlertModelsFake)
#include "tst_alertmodels_fake.moc"
