// A host has one identity everywhere: the engine's own ID (GET /info). slipctl's records and
// retired rows name the host by it, not by slipctl's `cli:0`; `history` shows the name this
// workstation gives the host, `history --json` the ID and the names. One engine reached at two
// URLs (the private engine's socket and its mutual-TLS listener) is flagged on both by `slipctl
// hosts`, and the Deployer places replicas on it as one host: two replicas both land on the
// engine (named once each), a request for the second URL lands there too, and scaling down
// removes exactly one replica.
#include "core/deploy/deployer.h"
#include "core/deploy/deploymentstore.h"
#include "core/fleet/hostmonitor.h"
#include "core/fleet/inventory.h"
#include "core/store/store.h"
#include "core/store/storethread.h"
#include "tests/support/slipctlrun.h"
#include "tests/support/testenv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace slipway;

namespace {

struct Answer {
    bool done = false;
    bool ok = false;
    QString error;
    core::DeploymentRecord record;
    std::optional<core::RollbackPlan> plan;
};

} // namespace

class TestHostIdentity : public QObject {
    Q_OBJECT

    std::unique_ptr<engine::DockerClient> direct_;
    QString engineId_;
    QString tlsHost_, certs_;
    QStringList apps_;

    QString image(const char *tag) const {
        return test::registry() + QStringLiteral("/slipway/web:") + QLatin1String(tag);
    }

    QString newApp(const char *prefix) {
        apps_.append(QString::fromStdString(test::uniqueName(prefix)));
        return apps_.last();
    }

    std::vector<engine::ContainerSummary> containers(const QString &app, bool all = true) {
        engine::Filters f;
        f["label"] = {"slipway.app=" + app.toStdString()};
        auto r = direct_->containers(all, f).wait();
        return r ? r.value() : std::vector<engine::ContainerSummary>{};
    }

    // The TLS listener with the test certificates, as the docker CLI's -H would take it.
    QProcessEnvironment tlsEnvironment() const {
        QProcessEnvironment env;
        env.insert(QStringLiteral("DOCKER_TLS_VERIFY"), QStringLiteral("1"));
        env.insert(QStringLiteral("DOCKER_CERT_PATH"), certs_);
        return env;
    }

    Answer run(core::Deployer &deployer, const std::function<quint64()> &start) {
        Answer a;
        quint64 request = 0;
        QObject guard;
        connect(&deployer, &core::Deployer::finished, &guard,
                [&](quint64 r, bool ok, const QString &error, const core::DeploymentRecord &rec) {
                    if (r != request)
                        return;
                    a.done = true;
                    a.ok = ok;
                    a.error = error;
                    a.record = rec;
                });
        connect(&deployer, &core::Deployer::planned, &guard,
                [&](quint64 r, const core::RollbackPlan &plan) {
                    if (r != request)
                        return;
                    a.done = a.ok = true;
                    a.plan = plan;
                });
        request = start();
        test::waitFor([&] { return a.done; }, std::chrono::seconds(150));
        return a;
    }

private slots:
    void initTestCase() {
        tlsHost_ = qEnvironmentVariable("SLIPWAY_TEST_DOCKER_TLS_HOST");
        certs_ = qEnvironmentVariable("SLIPWAY_TEST_DOCKER_CERT_PATH");
        if (test::dockerHost().isEmpty() || test::registry().isEmpty() || tlsHost_.isEmpty() ||
            certs_.isEmpty())
            QFAIL(test::missingServicesMessage().constData());
        direct_ = test::makeClient();
        auto info = direct_->info().wait();
        QVERIFY2(info, test::describe(info).constData());
        engineId_ = QString::fromStdString(info.value().id);
        QVERIFY(!engineId_.isEmpty());
    }

    void cleanupTestCase() {
        if (!direct_)
            return;
        for (const QString &app : std::as_const(apps_))
            for (const auto &c : containers(app))
                (void)direct_->removeContainer(c.id, true).wait();
    }

    void slipctlRecordsNameTheEngine() {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString data = home.filePath(QStringLiteral("data"));
        const QString app = newApp("hostid-cli");
        const QStringList where = {QStringLiteral("--host"), test::dockerHost(),
                                   QStringLiteral("--data-dir"), data};
        for (const char *tag : {"1.0.0", "1.1.0"}) {
            const QStringList args = {"deploy",        app,        "--env",     "ci",
                                      "--image",       image(tag), "--publish", "0:8080",
                                      "--undo-window", "600"};
            const auto r = test::runSlipctl(args + where, home.path());
            QVERIFY(r.finished);
            QVERIFY2(r.exitCode == 0, r.err.constData());
        }

        auto r = test::runSlipctl(QStringList{"history", app, "--env", "ci", "--json"} + where,
                                  home.path());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonArray history = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(history.size(), 2);
        for (const auto &v : history) {
            const QJsonObject o = v.toObject();
            QCOMPARE(o["hosts"].toArray(), QJsonArray{engineId_});
            QCOMPARE(o["hostNames"].toArray(), QJsonArray{test::dockerHost()});
        }

        // The replaced replica's row names the engine too.
        {
            auto store = core::Store::open(data + QStringLiteral("/slipway.sqlite"));
            QVERIFY(store);
            const auto retired = core::DeploymentStore(store->database()).retired();
            const qint64 newest = qint64(history[0].toObject()["id"].toDouble());
            int ours = 0;
            for (const auto &rc : retired) {
                if (rc.deploymentId != newest)
                    continue;
                ++ours;
                QCOMPARE(rc.hostId, engineId_);
            }
            QCOMPARE(ours, 1);

            // Another session knows the same engine by the name it saved it under.
            core::HostConfig saved;
            saved.id = core::HostConfig::newUserId();
            saved.name = QStringLiteral("hostid-buildbox");
            saved.url = test::dockerHost();
            QVERIFY(store->saveHost(saved));
        }
        r = test::runSlipctl({"history", app, "--env", "ci", "--data-dir", data}, home.path());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("HOSTS"), r.out.constData());
        QCOMPARE(r.out.count("hostid-buildbox"), 2);
        QVERIFY2(!r.out.contains("cli:0"), r.out.constData());
        QVERIFY2(!r.out.contains(engineId_.toUtf8()), r.out.constData());
    }

    void slipctlFlagsOneEngineAtTwoUrls() {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const auto r =
            test::runSlipctl({"hosts", "--json", "--host", test::dockerHost(), "--host", tlsHost_},
                             home.path(), tlsEnvironment());
        QVERIFY(r.finished);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonArray hosts = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(hosts.size(), 2); // listed twice: flagged, not merged
        const QJsonObject socket = hosts[0].toObject(), listener = hosts[1].toObject();
        QCOMPARE(socket["engineId"].toString(), engineId_);
        QCOMPARE(listener["engineId"].toString(), engineId_);
        QCOMPARE(socket["sameEngineAs"].toArray(), QJsonArray{tlsHost_});
        QCOMPARE(listener["sameEngineAs"].toArray(), QJsonArray{test::dockerHost()});
        QVERIFY2(r.err.contains("same engine as " + tlsHost_.toUtf8()), r.err.constData());
        QVERIFY2(r.err.contains("same engine as " + test::dockerHost().toUtf8()),
                 r.err.constData());
    }

    void placementCountsOneEngineOnce() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto store = std::make_shared<core::StoreThread>(dir.filePath("slipway.sqlite"));
        core::HostConfig socket;
        socket.id = QStringLiteral("cli:socket");
        socket.name = QStringLiteral("socket");
        socket.url = test::dockerHost();
        socket.source = core::HostConfig::Source::CommandLine;
        core::HostConfig listener;
        listener.id = QStringLiteral("cli:listener");
        listener.name = QStringLiteral("listener");
        listener.url = tlsHost_;
        listener.caFile = certs_ + QStringLiteral("/ca.pem");
        listener.certFile = certs_ + QStringLiteral("/cert.pem");
        listener.keyFile = certs_ + QStringLiteral("/key.pem");
        listener.source = core::HostConfig::Source::CommandLine;
        core::HostMonitor::Options options;
        options.overrideHosts = QList<core::HostConfig>{socket, listener};
        options.refreshInterval = std::chrono::hours(1);
        core::HostMonitor hosts(store, options);
        core::Inventory inventory(store);
        inventory.attach(&hosts);
        core::Deployer::Options deployOptions;
        deployOptions.undoWindow = std::chrono::seconds(0);
        core::Deployer deployer(&inventory, &hosts, store, nullptr, deployOptions);
        hosts.start();
        QVERIFY(test::waitFor([&] { return hosts.upCount() == 2; }, std::chrono::seconds(30)));
        QCOMPARE(hosts.status(0).sameEngineAs, QStringList{QStringLiteral("listener")});
        QCOMPARE(hosts.status(1).sameEngineAs, QStringList{QStringLiteral("socket")});

        const QString app = newApp("hostid-twice");
        core::DeployRequest request;
        request.app = app;
        request.env = QStringLiteral("test");
        request.config.image = image("1.0.0");
        request.config.publish = {QStringLiteral("0:8080")};
        request.replicas = 2;
        Answer a = run(deployer, [&] { return deployer.deploy(request); });
        QVERIFY2(a.ok, qPrintable(a.error));
        QCOMPARE(a.record.hosts, (QStringList{engineId_, engineId_}));
        QCOMPARE(int(containers(app, false).size()), 2);

        // Asked for by the monitor's id of the second URL: the same engine.
        request.replicas = 1;
        request.hostIds = {QStringLiteral("cli:listener")};
        request.config.image = image("1.1.0");
        a = run(deployer, [&] { return deployer.deploy(request); });
        QVERIFY2(a.ok, qPrintable(a.error));
        QCOMPARE(a.record.hosts, QStringList{engineId_});

        // The plan answers in the monitor's ids (the first host of the engine), its records in
        // the engine's.
        a = run(deployer, [&] { return deployer.planRollback(app, QStringLiteral("test")); });
        QVERIFY2(a.ok && a.plan, qPrintable(a.error));
        QVERIFY2(a.plan->problem.isEmpty(), qPrintable(a.plan->problem));
        QCOMPARE(a.plan->hostIds, QStringList{QStringLiteral("cli:socket")});
        QCOMPARE(a.plan->from.hosts, QStringList{engineId_});
        QCOMPARE(a.plan->to.hosts, (QStringList{engineId_, engineId_}));

        // Listed once, so scaling finds the one replica there is and adds exactly one.
        a = run(deployer, [&] { return deployer.scale(app, QStringLiteral("test"), 2); });
        QVERIFY2(a.ok, qPrintable(a.error));
        QVERIFY(test::waitFor([&] { return containers(app, false).size() == 2; }));
        a = run(deployer, [&] { return deployer.scale(app, QStringLiteral("test"), 1); });
        QVERIFY2(a.ok, qPrintable(a.error));
        QVERIFY(test::waitFor([&] { return containers(app, false).size() == 1; }));
    }
};

QTEST_GUILESS_MAIN(TestHostIdentity)
#include "tst_hostidentity.moc"
