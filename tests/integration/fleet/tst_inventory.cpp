// The Inventory against the private engine: containers created, started, stopped and removed
// through the API show up in it within a bounded wait; then the engine is stopped and started
// again: the host goes unreachable with its containers kept as stale, and
// recovers by itself with exactly the engine's containers, none twice. Restarting the engine
// disturbs other tests, so ctest runs this one alone (RUN_SERIAL).
#include "core/fleet/hostmonitor.h"
#include "core/fleet/inventory.h"
#include "core/store/storethread.h"
#include "engine/dockerclient.h"
#include "tests/support/fakeengine.h"
#include "tests/support/testenv.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace slipway;
using core::Inventory;
using SyncState = Inventory::SyncState;

namespace {

const QString kHost = QStringLiteral("cli:inventory-test");

} // namespace

class TestInventory : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::shared_ptr<core::StoreThread> store_;
    std::unique_ptr<core::HostMonitor> monitor_;
    std::unique_ptr<Inventory> inventory_;
    std::unique_ptr<engine::DockerClient> direct_; // the test's own hands on the engine
    std::vector<std::string> created_;

    std::string create(const std::string &name) {
        engine::ContainerCreate spec;
        spec.name = name;
        spec.image = "slipway/worker:1.0.0";
        spec.labels = {{"slipway.app", "inventory-test"}, {"slipway.env", "test"}};
        auto r = test::waitFor(direct_->createContainer(spec), std::chrono::seconds(60));
        if (!r || !r->ok())
            return {};
        created_.push_back(r->value());
        return r->value();
    }

    core::ContainerRef record(const std::string &id) const {
        return inventory_->container(kHost, QString::fromStdString(id));
    }
    bool held(const std::string &id) const { return record(id) != nullptr; }
    QString state(const std::string &id) const {
        const auto r = record(id);
        return r ? r->state : QString();
    }
    // Every container the inventory holds, by row-level signals: what a model would show.
    QMap<QString, core::ContainerRef> rows_;
    int duplicateInserts_ = 0;

    // Waits (bounded) for `condition` and reports how long the table took to follow.
    bool follows(const char *what, const std::function<bool()> &condition) {
        QElapsedTimer t;
        t.start();
        const bool ok = test::waitFor(condition, std::chrono::seconds(10));
        qInfo("%s: the inventory followed in %lld ms", what, t.elapsed());
        return ok;
    }

    // The rows (as the signals built them) and the engine's own list agree, none twice.
    bool matchesEngine(QByteArray *why) {
        auto listed = test::waitFor(direct_->containers(true), std::chrono::seconds(30));
        if (!listed || !listed->ok()) {
            *why = "the engine could not be listed";
            return false;
        }
        QSet<QString> engineIds;
        for (const auto &c : listed->value())
            engineIds.insert(QString::fromStdString(c.id));
        QSet<QString> rows;
        for (const auto &r : std::as_const(rows_)) {
            if (r->stale) {
                *why = "a row is still stale";
                return false;
            }
            rows.insert(r->id);
        }
        if (duplicateInserts_ > 0 || rows_.size() != inventory_->containerCount()) {
            *why = "a container was inserted twice";
            return false;
        }
        if (rows != engineIds) {
            *why = QByteArray::number(rows.size()) + " rows, the engine has " +
                   QByteArray::number(engineIds.size());
            return false;
        }
        return true;
    }

    static bool script(const QString &action, QByteArray *output) {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        // SLIPWAY_TEST_ENGINE_SCRIPT: another script with engine.sh's stop/start, for a
        // machine whose engine needs more care around a restart.
        const QString engineScript = qEnvironmentVariable(
            "SLIPWAY_TEST_ENGINE_SCRIPT", QStringLiteral(SLIPWAY_SOURCE_DIR "/scripts/engine.sh"));
        p.start(QStringLiteral("bash"), {engineScript, action});
        const bool finished = p.waitForFinished(180000); // bounded: a hang fails the test
        if (!finished)
            p.kill();
        *output = p.readAll();
        return finished && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    }

private slots:
    void initTestCase() {
        if (test::dockerHost().isEmpty())
            QFAIL(test::missingServicesMessage().constData());
        QVERIFY(dir_.isValid());
        direct_ = test::makeClient();
        QVERIFY(direct_);
        store_ = std::make_shared<core::StoreThread>(dir_.filePath(QStringLiteral("db.sqlite")));
        core::HostMonitor::Options options;
        core::HostConfig host;
        host.id = kHost;
        host.name = QStringLiteral("private engine");
        host.url = test::dockerHost();
        host.source = core::HostConfig::Source::CommandLine;
        options.overrideHosts = QList<core::HostConfig>{host};
        options.refreshInterval = std::chrono::milliseconds(1000);
        monitor_ = std::make_unique<core::HostMonitor>(store_, options);
        core::Inventory::Options inventoryOptions;
        inventoryOptions.maxRetry = std::chrono::milliseconds(4000); // recover soon in a test
        inventory_ = std::make_unique<Inventory>(store_, inventoryOptions);
        inventory_->attach(monitor_.get());
        connect(inventory_.get(), &Inventory::containersInserted, this,
                [this](const core::ContainerList &list) {
                    for (const auto &r : list) {
                        if (rows_.contains(r->id))
                            ++duplicateInserts_;
                        rows_.insert(r->id, r);
                    }
                });
        connect(inventory_.get(), &Inventory::containersChanged, this,
                [this](const core::ContainerList &list) {
                    for (const auto &r : list)
                        rows_.insert(r->id, r);
                });
        connect(inventory_.get(), &Inventory::containersRemoved, this,
                [this](const core::ContainerList &list) {
                    for (const auto &r : list)
                        rows_.remove(r->id);
                });
        monitor_->start();
        QVERIFY(test::waitFor([&] { return inventory_->hostState(kHost) == SyncState::Live; },
                              std::chrono::seconds(30)));
        QByteArray why;
        QVERIFY2(matchesEngine(&why), why.constData());
    }

    void cleanupTestCase() {
        for (const auto &id : created_)
            (void)test::waitFor(direct_->removeContainer(id, true), std::chrono::seconds(60));
        inventory_.reset();
        monitor_.reset();
        store_.reset();
    }

    void followsCreateStartStopRemove() {
        const std::string id = create(test::uniqueName("inv-it-life"));
        QVERIFY(!id.empty());
        QVERIFY(follows("create", [&] { return state(id) == QStringLiteral("created"); }));
        const auto r = record(id);
        QCOMPARE(r->app, QStringLiteral("inventory-test"));
        QCOMPARE(r->env, QStringLiteral("test"));
        QCOMPARE(r->version, QStringLiteral("1.0.0"));
        QCOMPARE(r->name.left(11), QStringLiteral("inv-it-life"));

        auto started = test::waitFor(direct_->startContainer(id), std::chrono::seconds(60));
        QVERIFY(started && started->ok());
        QVERIFY(follows("start", [&] { return state(id) == QStringLiteral("running"); }));

        auto stopped = test::waitFor(direct_->stopContainer(id, 5), std::chrono::seconds(60));
        QVERIFY(stopped && stopped->ok());
        QVERIFY(follows("stop", [&] { return state(id) == QStringLiteral("exited"); }));

        // An action through the Inventory: the engine's own error for a bad one.
        bool done = false;
        QString error;
        inventory_->perform(Inventory::Action::Restart, kHost, QStringLiteral("no-such-container"),
                            [&](bool ok, const QString &e) {
                                done = true;
                                error = ok ? QString() : e;
                            });
        QVERIFY(test::waitFor([&] { return done; }));
        QVERIFY2(error.contains(QStringLiteral("No such container")), qPrintable(error));
        done = false;
        inventory_->perform(Inventory::Action::Start, kHost, QString::fromStdString(id),
                            [&](bool ok, const QString &e) {
                                done = true;
                                error = ok ? QString() : e;
                            });
        QVERIFY(test::waitFor([&] { return done; }));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(follows("start (action)", [&] { return state(id) == QStringLiteral("running"); }));

        auto removed = test::waitFor(direct_->removeContainer(id, true), std::chrono::seconds(60));
        QVERIFY(removed && removed->ok());
        QVERIFY(follows("remove", [&] { return !held(id); }));
        QByteArray why;
        QVERIFY2(matchesEngine(&why), why.constData());
    }

    void survivesAnEngineRestart() {
        if (qEnvironmentVariableIsSet("SLIPWAY_SKIP_ENGINE_RESTART"))
            QSKIP("SLIPWAY_SKIP_ENGINE_RESTART is set");
        const std::string kept = create(test::uniqueName("inv-it-kept"));
        QVERIFY(!kept.empty());
        QVERIFY(follows("create", [&] { return held(kept); }));
        const int rowsBefore = inventory_->containerCount();

        QByteArray output;
        QVERIFY2(script(QStringLiteral("stop"), &output), output.constData());
        QVERIFY(
            test::waitFor([&] { return inventory_->hostState(kHost) == SyncState::Unreachable; },
                          std::chrono::seconds(30)));
        // Unreachable: every last known container still there, stale (greyed by the model).
        for (const auto &r : inventory_->containers())
            QVERIFY(r->stale);
        for (const auto &r : std::as_const(rows_))
            QVERIFY(r->stale);
        QCOMPARE(inventory_->containerCount(), rowsBefore);
        QCOMPARE(rows_.size(), rowsBefore);
        QVERIFY(!inventory_->hostError(kHost).isEmpty());

        QVERIFY2(script(QStringLiteral("start"), &output), output.constData());
        QVERIFY(test::waitFor([&] { return inventory_->hostState(kHost) == SyncState::Live; },
                              std::chrono::seconds(60)));
        QByteArray why;
        QVERIFY(test::waitFor([&] { return matchesEngine(&why); }, std::chrono::seconds(20)));
        QVERIFY2(matchesEngine(&why), why.constData());
        QVERIFY(held(kept));
        QCOMPARE(state(kept), QStringLiteral("created"));

        // And it is live again: a new container shows up.
        const std::string after = create(test::uniqueName("inv-it-after"));
        QVERIFY(!after.empty());
        QVERIFY(follows("create after restart", [&] { return held(after); }));
    }
};

QTEST_GUILESS_MAIN(TestInventory)
#include "tst_inventory.moc"
