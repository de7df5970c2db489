// ReplicaDrain against the private engine: an old replica whose health check keeps Docker's
// default cadence (30 s x 3) cannot turn unhealthy within the drain timeout, so the drain does
// not wait for it at all and says so; one whose check ignores the marker is waited for only as
// long as its check could take, not the whole timeout; one that honours it is drained.
#include "core/deploy/replicadrain.h"
#include "tests/support/testenv.h"

#include <QtTest>

using namespace slipway;
using namespace std::chrono_literals;

class TestReplicaDrainEngine : public QObject {
    Q_OBJECT

    std::shared_ptr<engine::DockerClient> client_;
    core::DeployHost host_;
    std::vector<std::string> created_;

    // A running replica-like container of slipway/base:1 carrying the drain label.
    QString start(const std::string &suffix, std::vector<std::string> test, int intervalS,
                  int retries, QString *name) {
        engine::ContainerCreate spec;
        spec.name = test::uniqueName("health-drain-" + suffix);
        spec.image = "slipway/base:1";
        spec.cmd = {"sh", "-c", "exec sleep 600"};
        spec.labels[core::ReplicaDrain::kLabel] = "1";
        engine::HealthConfig h;
        h.test = std::move(test);
        h.intervalNs = std::int64_t(intervalS) * 1'000'000'000;
        h.timeoutNs = h.intervalNs;
        h.retries = retries;
        spec.healthcheck = h;
        auto id = client_->createContainer(spec);
        auto created = id.wait();
        if (!created)
            return {};
        created_.push_back(created.value());
        if (!client_->startContainer(created.value()).wait())
            return {};
        *name = QString::fromStdString(spec.name);
        return QString::fromStdString(created.value());
    }

    QString health(const QString &id) {
        auto r = client_->inspectContainer(id.toStdString()).wait();
        if (!r || !r.value().state.health)
            return {};
        return QString::fromStdString(r.value().state.health->status);
    }

private slots:
    void initTestCase() {
        if (test::dockerHost().isEmpty())
            QFAIL(test::missingServicesMessage().constData());
        client_ = test::makeClient();
        host_.id = host_.name = QStringLiteral("local");
        host_.url = test::dockerHost();
        host_.client = client_;
        host_.local = true;
    }

    void cleanupTestCase() {
        for (const std::string &id : created_)
            (void)client_->removeContainer(id, true).wait();
    }

    void defaultCadenceIsNotWaitedFor() {
        QString name;
        const QString id =
            start("slow", core::ReplicaDrain::wrapHealthTest({"CMD-SHELL", "true"}), 0, 0, &name);
        QVERIFY(!id.isEmpty());
        std::atomic<bool> cancelled{false};
        const QString note =
            core::ReplicaDrain::drain({{host_, id, name}}, {10s, 0ms}, cancelled, {});
        QVERIFY2(note.contains(name), qPrintable(note));
        QVERIFY2(note.contains(QStringLiteral("longer than the drain timeout of 10 s")),
                 qPrintable(note));
        QVERIFY2(!note.contains(QStringLiteral("still healthy")), qPrintable(note));
    }

    void waitsNoLongerThanItsCheckCan() {
        QString name;
        // Ignores the marker: it never turns unhealthy; 1 s interval and timeout, 1 retry.
        const QString id = start("deaf", {"CMD-SHELL", "true"}, 1, 1, &name);
        QVERIFY(!id.isEmpty());
        std::atomic<bool> cancelled{false};
        const QString note =
            core::ReplicaDrain::drain({{host_, id, name}}, {20s, 0ms}, cancelled, {});
        const auto limit = core::ReplicaDrain::timeToUnhealthy(
            engine::HealthConfig{{}, 1'000'000'000, 1'000'000'000, 0, 1}, {});
        QVERIFY2(note.contains(name), qPrintable(note));
        QVERIFY2(
            note.contains(QStringLiteral("still healthy after %1 s").arg(limit.count() / 1000)),
            qPrintable(note));
    }

    void honouringReplicaIsDrained() {
        QString name;
        const QString id =
            start("ok", core::ReplicaDrain::wrapHealthTest({"CMD-SHELL", "true"}), 1, 1, &name);
        QVERIFY(!id.isEmpty());
        QVERIFY(test::waitFor([&] { return health(id) == QLatin1String("healthy"); }, 15s));
        std::atomic<bool> cancelled{false};
        const QString note =
            core::ReplicaDrain::drain({{host_, id, name}}, {20s, 0ms}, cancelled, {});
        QVERIFY2(note.isEmpty(), qPrintable(note));
        QCOMPARE(health(id), QStringLiteral("unhealthy"));
    }
};

QTEST_GUILESS_MAIN(TestReplicaDrainEngine)
#include "tst_replicadrain.moc"
