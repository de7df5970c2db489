// The Deployer's pull policy and cancel against the private engine and registry: an image
// only the host has (tagged to a local-only name, never pushed) deploys with the default
// policy, pinned by its ID, without asking any registry, and can be rolled back to; the policy
// "never" refuses an image the host lacks, naming image and host, and creates nothing; the
// policy "always" pulls from the registry even though the host has the image, "missing" does
// not; a deploy cancelled while it waits for health removes its new replica and leaves the old
// version serving, recorded as cancelled by the user. A second, scripted host that has no
// image and can pull none (and, empty, is the least loaded) is never chosen for them.
#include "core/deploy/deployer.h"
#include "core/deploy/deploymentstore.h"
#include "core/fleet/hostmonitor.h"
#include "core/fleet/inventory.h"
#include "core/store/store.h"
#include "core/store/storethread.h"
#include "tests/support/fakeengine.h"
#include "tests/support/testdata.h"
#include "tests/support/testenv.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace slipway;
using core::DeploymentRecord;

namespace {

const QString kHost = QStringLiteral("private");
const QString kEmpty = QStringLiteral("empty");

struct Answer {
    bool done = false;
    bool ok = false;
    QString error;
    DeploymentRecord record;
    std::optional<core::RollbackPlan> plan;
    QStringList steps;
};

} // namespace

class TestDeployerPull : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    test::FakeEngine empty_; // answers, lists no container, has no image, pulls nothing
    std::unique_ptr<engine::DockerClient> direct_;
    std::shared_ptr<core::StoreThread> store_;
    std::unique_ptr<core::HostMonitor> monitor_;
    std::unique_ptr<core::Inventory> inventory_;
    std::unique_ptr<core::Deployer> deployer_;
    QStringList apps_;
    QStringList localTags_;

    QString image(const char *tag) const {
        return test::registry() + QStringLiteral("/slipway/web:") + QLatin1String(tag);
    }

    QString newApp(const char *prefix) {
        const QString app = QString::fromStdString(test::uniqueName(prefix));
        apps_.append(app);
        return app;
    }

    // `image("1.0.0")` under a name no registry has: "slipway-local/<unique>:dev".
    QString localOnlyImage() {
        const std::string repo = "slipway-local/" + test::uniqueName("web");
        auto tagged = direct_->tagImage(image("1.0.0").toStdString(), repo, "dev").wait();
        if (!tagged)
            return {};
        localTags_.append(QString::fromStdString(repo + ":dev"));
        return localTags_.last();
    }

    Answer run(const std::function<quint64()> &start,
               const std::function<void(quint64, const QString &)> &onStep = {}) {
        Answer a;
        quint64 request = 0;
        QObject guard;
        connect(deployer_.get(), &core::Deployer::progress, &guard,
                [&](quint64 r, const QString &step, int, int) {
                    if (r != request)
                        return;
                    a.steps.append(step);
                    if (onStep)
                        onStep(r, step);
                });
        connect(deployer_.get(), &core::Deployer::finished, &guard,
                [&](quint64 r, bool ok, const QString &error, const DeploymentRecord &rec) {
                    if (r != request)
                        return;
                    a.done = true;
                    a.ok = ok;
                    a.error = error;
                    a.record = rec;
                });
        connect(deployer_.get(), &core::Deployer::planned, &guard,
                [&](quint64 r, const core::RollbackPlan &plan) {
                    if (r != request)
                        return;
                    a.done = a.ok = true;
                    a.plan = plan;
                });
        request = start();
        test::waitFor([&] { return a.done; }, std::chrono::seconds(120));
        return a;
    }

    Answer deploy(const QString &app, const QString &ref, core::PullPolicy pull,
                  const QString &healthCmd = {},
                  const std::function<void(quint64, const QString &)> &onStep = {}) {
        core::DeployRequest r;
        r.app = app;
        r.env = QStringLiteral("test");
        r.config.image = ref;
        r.config.publish = {QStringLiteral("0:8080")};
        r.config.healthCmd = healthCmd;
        r.pull = pull;
        return run([&] { return deployer_->deploy(r); }, onStep);
    }

    std::vector<engine::ContainerSummary> containers(const QString &app, bool all = true) {
        engine::Filters f;
        f["label"] = {"slipway.app=" + app.toStdString()};
        auto r = direct_->containers(all, f).wait();
        return r ? r.value() : std::vector<engine::ContainerSummary>{};
    }

    QStringList versions(const QString &app) {
        QStringList out;
        for (const auto &c : containers(app, false)) {
            for (const auto &p : c.ports) {
                if (p.publicPort == 0)
                    continue;
                QProcess curl;
                curl.start(QStringLiteral("curl"),
                           {QStringLiteral("-sf"), QStringLiteral("-m"), QStringLiteral("5"),
                            QStringLiteral("http://127.0.0.1:%1/version").arg(p.publicPort)});
                curl.waitForFinished(10000);
                out.append(QString::fromUtf8(curl.readAllStandardOutput()).trimmed());
            }
        }
        out.sort();
        return out;
    }

    static bool pulled(const Answer &a) {
        for (const QString &s : a.steps)
            if (s.startsWith(QLatin1String("Pulling")))
                return true;
        return false;
    }

    std::optional<DeploymentRecord> record(qint64 id) {
        auto s = core::Store::open(dir_.filePath(QStringLiteral("db.sqlite")));
        return s ? core::DeploymentStore(s->database()).record(id) : std::nullopt;
    }

private slots:
    void initTestCase() {
        if (test::dockerHost().isEmpty() || test::registry().isEmpty())
            QFAIL(test::missingServicesMessage().constData());
        QVERIFY(dir_.isValid());
        direct_ = test::makeClient();
        store_ = std::make_shared<core::StoreThread>(dir_.filePath(QStringLiteral("db.sqlite")));
        QVERIFY(empty_.listening());
        auto ping = test::FakeEngine::respond(200, "OK", "text/plain");
        ping.headers.emplace_back("Api-Version", "1.41");
        empty_.on("/_ping", ping);
        empty_.on(
            "/v1.41/version",
            test::FakeEngine::json(200, test::requireData("recorded/version.json").toStdString()));
        empty_.on("/v1.41/info", test::FakeEngine::json(
                                     200, test::requireData("recorded/info.json").toStdString()));
        empty_.on("/v1.41/containers/json", test::FakeEngine::json(200, "[]"));
        auto events = test::FakeEngine::stream({});
        events.ending = test::FakeEngine::Reply::Ending::Stall;
        empty_.on("/v1.41/events", events);

        core::HostMonitor::Options options;
        core::HostConfig host;
        host.id = kHost;
        host.name = QStringLiteral("private engine");
        host.url = test::dockerHost();
        host.source = core::HostConfig::Source::CommandLine;
        core::HostConfig empty = host;
        empty.id = kEmpty;
        empty.name = QStringLiteral("empty host");
        empty.url = QString::fromStdString(empty_.url());
        options.overrideHosts = QList<core::HostConfig>{host, empty};
        monitor_ = std::make_unique<core::HostMonitor>(store_, options);
        inventory_ = std::make_unique<core::Inventory>(store_);
        inventory_->attach(monitor_.get());
        core::Deployer::Options deployerOptions;
        deployerOptions.healthTimeout = std::chrono::seconds(60);
        deployerOptions.undoWindow = std::chrono::seconds(2);
        deployer_ = std::make_unique<core::Deployer>(inventory_.get(), monitor_.get(), store_,
                                                     nullptr, deployerOptions);
        monitor_->start();
        QVERIFY(test::waitFor([&] { return monitor_->upCount() == 2; }, std::chrono::seconds(20)));
        // The test images are on the engine already (scripts/images.sh pulls them).
        QVERIFY(direct_->inspectImage(image("1.0.0").toStdString()).wait());
    }

    void cleanupTestCase() {
        deployer_.reset();
        for (const QString &app : std::as_const(apps_))
            for (const auto &c : containers(app))
                (void)direct_->removeContainer(c.id, true).wait();
        for (const QString &tag : std::as_const(localTags_))
            (void)direct_->removeImage(tag.toStdString()).wait(); // untags only
        inventory_.reset();
        monitor_.reset();
    }

    void localOnlyImageDeploysPinnedById() {
        const QString local = localOnlyImage();
        QVERIFY(!local.isEmpty());
        const QString app = newApp("pull-local");
        const Answer a = deploy(app, local, core::PullPolicy::Missing);
        QVERIFY2(a.ok, qPrintable(a.error));
        QVERIFY2(!pulled(a), qPrintable(a.steps.join(u'\n')));
        const auto inspected = direct_->inspectImage(local.toStdString()).wait();
        QVERIFY(inspected);
        const QString id = QString::fromStdString(inspected.value().id);
        QVERIFY(a.record.config.pinnedById);
        QCOMPARE(a.record.config.digest, id);
        QCOMPARE(a.record.config.pinnedReference(), id);
        QCOMPARE(a.record.version, QStringLiteral("dev"));
        const auto running = containers(app, false);
        QCOMPARE(int(running.size()), 1);
        QCOMPARE(QString::fromStdString(running.front().imageId), id);
        QCOMPARE(versions(app), QStringList{QStringLiteral("1.0.0")});
        // Stored as it ran: a rollback point that is restorable where the host has the ID.
        const auto stored = record(a.record.id);
        QVERIFY(stored);
        QVERIFY(stored->config.pinnedById);

        // Then a registry version, and back to the local-only one: from the ID, no pull.
        const Answer next = deploy(app, image("1.1.0"), core::PullPolicy::Missing);
        QVERIFY2(next.ok, qPrintable(next.error));
        QCOMPARE(versions(app), QStringList{QStringLiteral("1.1.0")});
        const Answer plan =
            run([&] { return deployer_->planRollback(app, QStringLiteral("test")); });
        QVERIFY2(plan.ok && plan.plan, qPrintable(plan.error));
        QVERIFY2(plan.plan->problem.isEmpty(), qPrintable(plan.plan->problem));
        QCOMPARE(plan.plan->to.id, a.record.id);
        const Answer back = run([&] { return deployer_->rollback(*plan.plan); });
        QVERIFY2(back.ok, qPrintable(back.error));
        QVERIFY(!pulled(back));
        QCOMPARE(versions(app), QStringList{QStringLiteral("1.0.0")});
        for (const auto &c : containers(app, false))
            QCOMPARE(QString::fromStdString(c.imageId), id);
    }

    void hostsWithoutTheImageAreNotChosen() {
        const QString local = localOnlyImage();
        QVERIFY(!local.isEmpty());
        const QString app = newApp("pull-hosts");
        // The empty host is the least loaded, but has not the image and cannot pull it.
        const Answer a = deploy(app, local, core::PullPolicy::Missing);
        QVERIFY2(a.ok, qPrintable(a.error));
        // Named by the engine's own ID, as every workstation names it.
        const auto info = direct_->info().wait();
        QVERIFY2(info, test::describe(info).constData());
        QCOMPARE(a.record.hosts, QStringList{QString::fromStdString(info.value().id)});
        QVERIFY(a.record.config.pinnedById);
        // Asked for by name, it tries to pull there (as docker run would) and fails, naming it.
        core::DeployRequest r;
        r.app = app;
        r.env = QStringLiteral("test");
        r.config.image = local;
        r.hostIds = {kEmpty};
        const Answer there = run([&] { return deployer_->deploy(r); });
        QVERIFY(!there.ok);
        QVERIFY2(there.error.contains(QStringLiteral("empty host")), qPrintable(there.error));
        QCOMPARE(empty_.hits("/v1.41/containers/create"), 0);
    }

    void neverRefusesAnAbsentImage() {
        const QString app = newApp("pull-never");
        const QString absent = QStringLiteral("slipway-local/%1:absent")
                                   .arg(QString::fromStdString(test::uniqueName("none")));
        const Answer a = deploy(app, absent, core::PullPolicy::Never);
        QVERIFY(!a.ok);
        QVERIFY2(a.error.contains(absent) && a.error.contains(QStringLiteral("private engine")) &&
                     a.error.contains(QStringLiteral("never")),
                 qPrintable(a.error));
        QVERIFY(!pulled(a));
        QVERIFY(containers(app).empty());
        QCOMPARE(a.record.result, DeploymentRecord::Result::Failed);
    }

    void alwaysPullsMissingDoesNot() {
        const QString app = newApp("pull-always");
        const Answer always = deploy(app, image("1.0.0"), core::PullPolicy::Always);
        QVERIFY2(always.ok, qPrintable(always.error));
        QVERIFY2(pulled(always), qPrintable(always.steps.join(u'\n')));
        QVERIFY(!always.record.config.pinnedById);
        const auto inspected = direct_->inspectImage(image("1.0.0").toStdString()).wait();
        QVERIFY(inspected);
        const std::string expected = test::registry().toStdString() + "/slipway/web@" +
                                     always.record.config.digest.toStdString();
        const auto &digests = inspected.value().repoDigests;
        QVERIFY(std::find(digests.begin(), digests.end(), expected) != digests.end());

        // The host has 1.1.0: the default uses it as it is.
        const Answer missing = deploy(app, image("1.1.0"), core::PullPolicy::Missing);
        QVERIFY2(missing.ok, qPrintable(missing.error));
        QVERIFY2(!pulled(missing), qPrintable(missing.steps.join(u'\n')));
        QVERIFY(missing.record.config.digest.startsWith(QStringLiteral("sha256:")));
        QVERIFY(!missing.record.config.pinnedById);
    }

    void cancelWhileWaitingForHealth() {
        const QString app = newApp("pull-cancel");
        const Answer first = deploy(app, image("1.0.0"), core::PullPolicy::Missing);
        QVERIFY2(first.ok, qPrintable(first.error));
        const auto before = containers(app);
        QCOMPARE(int(before.size()), 1);

        // A health check that never answers in time: the deploy waits until cancelled.
        bool cancelled = false;
        const Answer second =
            deploy(app, image("1.1.0"), core::PullPolicy::Missing, QStringLiteral("sleep 100"),
                   [&](quint64 request, const QString &step) {
                       if (!cancelled && step.startsWith(QLatin1String("Waiting"))) {
                           cancelled = true;
                           deployer_->cancel(request);
                       }
                   });
        QVERIFY(cancelled);
        QVERIFY(!second.ok);
        QCOMPARE(second.error, QStringLiteral("Cancelled by the user"));
        QCOMPARE(second.record.result, DeploymentRecord::Result::Failed);
        const auto stored = record(second.record.id);
        QVERIFY(stored);
        QCOMPARE(stored->result, DeploymentRecord::Result::Failed);
        QCOMPARE(stored->detail, QStringLiteral("Cancelled by the user"));
        // No new container is left; the old one runs on, untouched.
        const auto after = containers(app);
        QCOMPARE(int(after.size()), 1);
        QCOMPARE(after.front().id, before.front().id);
        QCOMPARE(QString::fromStdString(after.front().state), QStringLiteral("running"));
        QCOMPARE(versions(app), QStringList{QStringLiteral("1.0.0")});
        QVERIFY(deployer_->changesRunning().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDeployerPull)
#include "tst_deployer_pull.moc"
