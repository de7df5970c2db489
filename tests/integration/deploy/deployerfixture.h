// DeployerFixture: the Deployer of one database against the private engine and registry, with
// the helpers tst_deployer and tst_deployer_enginestop share (run an operation until it
// answers, deploy a test image, read replicas and their versions, stop the engine mid-way).
#pragma once

#include "core/deploy/deployer.h"
#include "core/deploy/deploymentstore.h"
#include "core/fleet/hostmonitor.h"
#include "core/fleet/inventory.h"
#include "core/store/store.h"
#include "core/store/storethread.h"
#include "tests/support/testenv.h"

#include <QProcess>
#include <QScopeGuard>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QtTest>
#include <mutex>

using namespace slipway;
using core::DeploymentRecord;

namespace {

const QString kHost = QStringLiteral("private");

struct Answer {
    bool done = false;
    bool ok = false;
    QString error;
    DeploymentRecord record;
    std::optional<core::RollbackPlan> plan;
    std::optional<core::DeploymentHistory> history;
    QStringList steps;
};

} // namespace

class DeployerFixture : public QObject {
protected:
    QTemporaryDir dir_;
    std::unique_ptr<engine::DockerClient> direct_;
    std::shared_ptr<core::StoreThread> store_;
    std::unique_ptr<core::HostMonitor> monitor_;
    std::unique_ptr<core::Inventory> inventory_;
    std::unique_ptr<core::Deployer> deployer_;
    QStringList apps_;

    QString image(const char *tag) const {
        return test::registry() + QStringLiteral("/slipway/web:") + QLatin1String(tag);
    }

    QString newApp(const char *prefix) {
        const QString app = QString::fromStdString(test::uniqueName(prefix));
        apps_.append(app);
        return app;
    }

    // Starts an operation and processes events until its answer; `onStep` sees each progress.
    Answer run(const std::function<quint64()> &start,
               const std::function<void(const QString &)> &onStep = {},
               std::chrono::milliseconds timeout = std::chrono::seconds(120)) {
        Answer a;
        quint64 request = 0;
        QObject guard;
        connect(deployer_.get(), &core::Deployer::progress, &guard,
                [&](quint64 r, const QString &step, int, int) {
                    if (r != request)
                        return;
                    a.steps.append(step);
                    if (onStep)
                        onStep(step);
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
        connect(deployer_.get(), &core::Deployer::historyLoaded, &guard,
                [&](quint64 r, const core::DeploymentHistory &history) {
                    if (r != request)
                        return;
                    a.done = a.ok = true;
                    a.history = history;
                });
        request = start();
        test::waitFor([&] { return a.done; }, timeout);
        return a;
    }

    Answer deploy(const QString &app, const char *tag, int replicas,
                  const QString &healthCmd = {}) {
        core::DeployRequest r;
        r.app = app;
        r.env = QStringLiteral("test");
        r.config.image = image(tag);
        r.config.publish = {QStringLiteral("0:8080")};
        r.config.healthCmd = healthCmd;
        r.replicas = replicas;
        return run([&] { return deployer_->deploy(r); });
    }

    std::vector<engine::ContainerSummary> containers(const QString &app, bool all = true) {
        engine::Filters f;
        f["label"] = {"slipway.app=" + app.toStdString()};
        auto r = direct_->containers(all, f).wait();
        return r ? r.value() : std::vector<engine::ContainerSummary>{};
    }

    static QString label(const engine::ContainerSummary &c, const char *key) {
        auto it = c.labels.find(key);
        return it == c.labels.end() ? QString() : QString::fromStdString(it->second);
    }

    // GET /version of every running replica of `app`, through its published port.
    QStringList versions(const QString &app) {
        QStringList out;
        for (const auto &c : containers(app, false)) {
            for (const auto &p : c.ports) {
                if (p.publicPort == 0)
                    continue;
                // A few tries: on a loaded machine one request through the published port can
                // miss its 5 s while the replica serves.
                QString version;
                for (int attempt = 0; attempt < 3 && version.isEmpty(); ++attempt) {
                    QProcess curl;
                    curl.start(QStringLiteral("curl"),
                               {QStringLiteral("-sf"), QStringLiteral("-m"), QStringLiteral("5"),
                                QStringLiteral("http://127.0.0.1:%1/version").arg(p.publicPort)});
                    curl.waitForFinished(10000);
                    version = QString::fromUtf8(curl.readAllStandardOutput()).trimmed();
                }
                out.append(version);
            }
        }
        out.sort();
        return out;
    }

    QString imageId(const QString &reference) {
        auto r = direct_->inspectImage(reference.toStdString()).wait();
        return r ? QString::fromStdString(r.value().id) : QString();
    }

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

    bool hostUp() const {
        const int i = monitor_->indexOf(kHost);
        return i >= 0 && monitor_->status(i).state == core::HostStatus::State::Up;
    }

    std::optional<DeploymentRecord> record(qint64 id) {
        auto s = core::Store::open(dir_.filePath(QStringLiteral("db.sqlite")));
        return s ? core::DeploymentStore(s->database()).record(id) : std::nullopt;
    }

    // Stops the engine as soon as `trigger` shows up in the progress of `start`, starts it
    // again while the operation runs (a failed change waits, up to its health timeout, for an
    // engine that is away before it gives the old version back), and recovers. Returns the
    // interrupted operation's answer.
    Answer interrupt(const std::function<quint64()> &start, const QString &trigger) {
        bool stopped = false;
        QByteArray output;
        Answer a = run(start, [&](const QString &step) {
            if (!stopped && step.startsWith(trigger)) {
                stopped = true;
                if (!script(QStringLiteral("stop"), &output))
                    qWarning("engine.sh stop: %s", output.constData());
                if (!script(QStringLiteral("start"), &output))
                    qWarning("engine.sh start: %s", output.constData());
            }
        });
        if (!script(QStringLiteral("start"), &output))
            qWarning("engine.sh start: %s", output.constData());
        test::waitFor([&] { return hostUp(); }, std::chrono::seconds(60));
        monitor_->refresh();
        test::waitFor([&] { return hostUp(); }, std::chrono::seconds(30));
        if (!stopped)
            a.error = QStringLiteral("the step \"%1\" never came").arg(trigger);
        return a;
    }

    void setUp() {
        if (test::dockerHost().isEmpty() || test::registry().isEmpty())
            QFAIL(test::missingServicesMessage().constData());
        QVERIFY(dir_.isValid());
        direct_ = test::makeClient();
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
        inventory_ = std::make_unique<core::Inventory>(store_);
        inventory_->attach(monitor_.get());
        core::Deployer::Options deployerOptions;
        deployerOptions.healthTimeout = std::chrono::seconds(30);
        deployerOptions.undoWindow = std::chrono::seconds(2);
        deployer_ = std::make_unique<core::Deployer>(inventory_.get(), monitor_.get(), store_,
                                                     nullptr, deployerOptions);
        monitor_->start();
        QVERIFY(test::waitFor([&] { return hostUp(); }, std::chrono::seconds(20)));
    }

    void tearDown() {
        for (const QString &app : std::as_const(apps_))
            for (const auto &c : containers(app))
                (void)direct_->removeContainer(c.id, true).wait();
        deployer_.reset();
        inventory_.reset();
        monitor_.reset();
    }
};
