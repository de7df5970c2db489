// ApplicationTableModel against the desired state: an application running fewer replicas than
// its deployment wants reads "degraded 1/2", never "healthy" (a replica killed, and one removed
// that the containers alone no longer show); a crash-looping replica reads "restarting (N
// restarts)", not "running (no health check)"; a paused reconcile is said with who paused it.
// Row-level signals only; QAbstractItemModelTester watches throughout.
#include "core/fleet/inventory.h"
#include "models/applicationtablemodel.h"

#include <QAbstractItemModelTester>
#include <QGuiApplication>
#include <QSignalSpy>
#include <QtTest>

using namespace slipway;
using core::ContainerRecord;
using core::ContainerRef;
using Model = models::ApplicationTableModel;

namespace {

ContainerRef make(const QString &id, const QString &state, const QString &health = {},
                  const QString &app = QStringLiteral("reconcileM"),
                  const QString &env = QStringLiteral("t")) {
    auto r = std::make_shared<ContainerRecord>();
    r->hostId = QStringLiteral("h1");
    r->id = id;
    r->name = app + QLatin1Char('-') + id;
    r->image = QStringLiteral("127.0.0.1:5515/slipway/web:1.0.0@sha256:") + QString(64, u'a');
    r->version = QStringLiteral("1.0.0");
    r->state = state;
    r->health = health;
    r->app = app;
    r->env = env;
    r->labels = {{QStringLiteral("slipway.app"), app},
                 {QStringLiteral("slipway.deployment"), QStringLiteral("7")},
                 {QStringLiteral("slipway.env"), env}};
    r->created = 1700000000;
    return r;
}

QString health(const Model &m, int row) {
    return m.index(row, Model::HealthColumn).data().toString();
}

QString replicas(const Model &m, int row) {
    return m.index(row, Model::ReplicasColumn).data().toString();
}

} // namespace

class TestApplicationTableModelDesired : public QObject {
    Q_OBJECT

private slots:
    void killedReplicaIsDegraded() {
        core::Inventory inventory;
        Model model(&inventory);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.insertContainers({make("a", "running", "healthy"), make("b", "running", "healthy")});
        QCOMPARE(health(model, 0), QStringLiteral("healthy"));
        QCOMPARE(replicas(model, 0), QStringLiteral("2/2"));

        // docker kill: one exited, the other healthy.
        model.changeContainers({make("b", "exited")});
        QCOMPARE(health(model, 0), QStringLiteral("degraded 1/2"));
        QCOMPARE(model.index(0, 0).data(Model::HealthRole).toString(), QStringLiteral("degraded"));
        QCOMPARE(replicas(model, 0), QStringLiteral("1/2"));
        QCOMPARE(resets.size(), 0);
    }

    void removedReplicaIsDegradedWithTheDesiredCount() {
        core::Inventory inventory;
        Model model(&inventory);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.insertContainers({make("a", "running", "healthy"), make("b", "running", "healthy")});
        Model::Desired desired;
        desired.replicas = 2;
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setDesired(QStringLiteral("reconcileM"), QStringLiteral("t"), desired);
        QCOMPARE(health(model, 0), QStringLiteral("healthy")); // nothing missing
        QCOMPARE(changed.size(), 1);                           // its row, not a reset
        model.setDesired(QStringLiteral("reconcileM"), QStringLiteral("t"), desired);
        QCOMPARE(changed.size(), 1); // the same again: nothing

        // docker rm -f: the containers alone say 1/1; the deployment wants 2.
        model.removeContainers({make("b", "running")});
        QCOMPARE(health(model, 0), QStringLiteral("degraded 1/2"));
        QCOMPARE(replicas(model, 0), QStringLiteral("1/2"));
        QCOMPARE(model.index(0, 0).data(Model::DesiredRole).toInt(), 2);
        QVERIFY(model.index(0, Model::ReplicasColumn).data(Qt::ForegroundRole).isValid());

        // The replacement comes: healthy again.
        model.insertContainers({make("c", "running", "healthy")});
        QCOMPARE(health(model, 0), QStringLiteral("healthy"));
        QCOMPARE(replicas(model, 0), QStringLiteral("2/2"));

        // Known no more: the containers alone decide again.
        model.setDesired(QStringLiteral("reconcileM"), QStringLiteral("t"), std::nullopt);
        QCOMPARE(model.index(0, 0).data(Model::DesiredRole).toInt(), 0);
    }

    void crashLoopIsRestartingWithItsCount() {
        core::Inventory inventory;
        Model model(&inventory);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        // No health check: it used to read "running (no health check)" between its crashes.
        model.insertContainers({make("a", "running"), make("b", "restarting")});
        QCOMPARE(health(model, 0), QStringLiteral("restarting"));
        model.setRestarts(QStringLiteral("h1"), QStringLiteral("b"), 4);
        QCOMPARE(health(model, 0), QStringLiteral("restarting (4 restarts)"));
        QCOMPARE(model.index(0, 0).data(Model::RestartsRole).toInt(), 4);
        // Up for a moment between two crashes: still a crash loop while its count is known.
        model.changeContainers({make("b", "running")});
        QCOMPARE(health(model, 0), QStringLiteral("restarting (4 restarts)"));
        model.setRestarts(QStringLiteral("h1"), QStringLiteral("b"), 1);
        QCOMPARE(health(model, 0), QStringLiteral("restarting (1 restart)"));
        // The loop is over.
        model.setRestarts(QStringLiteral("h1"), QStringLiteral("b"), 0);
        QCOMPARE(health(model, 0), QStringLiteral("running (no health check)"));
        // A removed container forgets its count.
        model.setRestarts(QStringLiteral("h1"), QStringLiteral("b"), 3);
        model.removeContainers({make("b", "running")});
        model.insertContainers({make("b", "running")});
        QCOMPARE(health(model, 0), QStringLiteral("running (no health check)"));
    }

    void pausedSaysWhoPausedIt() {
        core::Inventory inventory;
        Model model(&inventory);
        model.insertContainers({make("a", "running", "healthy"), make("b", "exited")});
        Model::Desired desired;
        desired.replicas = 2;
        desired.paused = true;
        desired.pausedBy = QStringLiteral("alice");
        desired.pausedAt = QDateTime(QDate(2026, 12, 4), QTime(18, 0), QTimeZone::utc());
        model.setDesired(QStringLiteral("reconcileM"), QStringLiteral("t"), desired);
        QCOMPARE(health(model, 0), QStringLiteral("degraded 1/2 · reconcile paused"));
        QVERIFY(model.index(0, 0).data(Model::PausedRole).toBool());
        const QString tip = model.index(0, Model::HealthColumn).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QStringLiteral("alice")), qPrintable(tip));
    }
};

int main(int argc, char **argv) {
    // The model reads the palette, so it needs a QGuiApplication, and ctest has no display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    TestApplicationTableModelDesired test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_applicationtablemodel_desired.moc"
