// The Applications view offscreen with the Reconciler's desired counts: a deployment that wants
// two replicas while one runs reads "degraded 1/2" (never "healthy"), a crash-looping replica
// "restarting (5 restarts)"; the "Pause reconcile" toggle pauses it for the database (who and
// when in its tooltip and the Health column, an audit entry) and resumes it. No engine: the
// containers are given to the model as the inventory would. Saves applications-degraded.png,
// applications-restarting.png and applications-reconcile-paused.png.
#include "core/deploy/deployer.h"
#include "core/deploy/deploymentstore.h"
#include "core/deploy/reconciler.h"
#include "core/deploy/registryversions.h"
#include "core/fleet/hostmonitor.h"
#include "core/fleet/imagecatalog.h"
#include "core/fleet/inventory.h"
#include "core/store/store.h"
#include "core/store/storethread.h"
#include "models/applicationtablemodel.h"
#include "resources/translations.h"
#include "tests/support/guitestbase.h"
#include "tests/support/testenv.h"
#include "widgets/applications/applicationsview.h"

#include <QApplication>
#include <QPushButton>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QUuid>
#include <QtTest>

using namespace slipway;
using test::save;
using Model = models::ApplicationTableModel;

namespace {

core::ContainerRef make(const QString &app, const QString &id, const QString &state,
                        const QString &health = {}) {
    auto r = std::make_shared<core::ContainerRecord>();
    r->hostId = QStringLiteral("h1");
    r->id = id;
    r->name = app + QStringLiteral("-t-1-") + id;
    r->image = QStringLiteral("127.0.0.1:5515/slipway/web:1.0.0@sha256:") + QString(64, u'c');
    r->version = QStringLiteral("1.0.0");
    r->state = state;
    r->health = health;
    r->status = state == u"running" ? QStringLiteral("Up 3 minutes") : QStringLiteral("Exited");
    r->app = app;
    r->env = QStringLiteral("t");
    r->labels = {{QStringLiteral("slipway.app"), app},
                 {QStringLiteral("slipway.deployment"), QStringLiteral("1")},
                 {QStringLiteral("slipway.env"), QStringLiteral("t")}};
    r->created = 1700000000;
    return r;
}

} // namespace

class TestApplicationsDesired : public test::GuiTestBase {
    Q_OBJECT

    std::unique_ptr<core::HostMonitor> hosts_;
    std::unique_ptr<core::Inventory> inventory_;
    std::unique_ptr<core::ImageCatalog> catalog_;
    std::unique_ptr<core::RegistryVersions> versions_;
    std::unique_ptr<core::Deployer> deployer_;
    std::unique_ptr<core::Reconciler> reconciler_;
    std::unique_ptr<widgets::ApplicationsView> view_;
    const QString degraded_ = QStringLiteral("reconcileG");
    const QString looping_ = QStringLiteral("reconcileL");

    Model *model() const { return view_->model(); }
    int row(const QString &app) const { return model()->rowOf(app, QStringLiteral("t")); }
    QString health(const QString &app) const {
        return model()->index(row(app), Model::HealthColumn).data().toString();
    }

    // The records are written before the window opens the database, as slipctl would have.
    void initView() override {
        const QString path = databasePath();
        {
            // What slipctl (or this window) recorded: deployments that want two replicas.
            auto store = core::Store::open(path);
            QVERIFY(store);
            core::DeploymentStore records(store->database());
            for (const QString &app : {degraded_, looping_}) {
                core::DeploymentRecord r;
                r.app = app;
                r.env = QStringLiteral("t");
                r.version = QStringLiteral("1.0.0");
                r.config.image = QStringLiteral("127.0.0.1:5515/slipway/web:1.0.0");
                r.replicas = 2;
                r.result = core::DeploymentRecord::Result::Ok;
                r.startedAt = r.finishedAt = QDateTime::currentDateTimeUtc();
                QString error;
                const qint64 id = records.insert(r, QStringLiteral("test:1"), &error);
                QVERIFY2(id > 0, qPrintable(error));
                // Each record's own identity (migration 5), where insert() leaves it empty.
                QSqlQuery uid(store->database());
                QVERIFY(uid.prepare(
                    QStringLiteral("UPDATE deployments SET uid = ? WHERE id = ? AND uid = ''")));
                uid.addBindValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
                uid.addBindValue(id);
                QVERIFY2(uid.exec(), qPrintable(uid.lastError().text()));
            }
        }
        auto database = store();
        core::HostMonitor::Options options;
        options.overrideHosts = QList<core::HostConfig>{};
        hosts_ = std::make_unique<core::HostMonitor>(database, options);
        inventory_ = std::make_unique<core::Inventory>(database);
        inventory_->attach(hosts_.get());
        catalog_ = std::make_unique<core::ImageCatalog>(hosts_.get());
        versions_ = std::make_unique<core::RegistryVersions>(catalog_.get());
        deployer_ = std::make_unique<core::Deployer>(inventory_.get(), hosts_.get(), database,
                                                     nullptr, core::Deployer::Options{});
        core::Reconciler::Options ro;
        ro.interval = std::chrono::milliseconds(200);
        reconciler_ = std::make_unique<core::Reconciler>(inventory_.get(), hosts_.get(),
                                                         deployer_.get(), database, ro);
        view_ = std::make_unique<widgets::ApplicationsView>(inventory_.get(), deployer_.get(),
                                                            versions_.get());
        view_->setReconciler(reconciler_.get());
        view_->resize(1280, 720);
        view_->show();
        QVERIFY(QTest::qWaitForWindowExposed(view_.get()));
        hosts_->start();
        reconciler_->start();
    }

    void cleanupView() override {
        view_.reset();
        reconciler_.reset();
        deployer_.reset();
        versions_.reset();
        catalog_.reset();
        inventory_.reset();
        hosts_.reset();
    }

    // Two replicas wanted, one there and healthy.
    void oneOfTwo() {
        model()->insertContainers({make(degraded_, "g1", "running", "healthy")});
        // Until the records are in, the one replica there is all there is.
        QVERIFY(test::waitFor(
            [&] { return model()->index(row(degraded_), 0).data(Model::DesiredRole) == 2; }));
    }

private slots:
    void initTestCase() { qApp->setStyleSheet(resources::styleSheet()); }

    void degradedNeverHealthy() {
        oneOfTwo();
        QCOMPARE(health(degraded_), QStringLiteral("degraded 1/2"));
        QCOMPARE(model()->index(row(degraded_), Model::ReplicasColumn).data().toString(),
                 QStringLiteral("1/2"));
        QVERIFY(view_->select(degraded_, QStringLiteral("t")));
        save(view_.get(), QStringLiteral("applications-degraded"));
    }

    void crashLoopShowsRestarting() {
        model()->insertContainers(
            {make(looping_, "l1", "running"), make(looping_, "l2", "restarting")});
        model()->setRestarts(QStringLiteral("h1"), QStringLiteral("l2"), 5);
        QCOMPARE(health(looping_), QStringLiteral("restarting (5 restarts)"));
        QVERIFY(view_->select(looping_, QStringLiteral("t")));
        save(view_.get(), QStringLiteral("applications-restarting"));
    }

    void pauseToggle() {
        oneOfTwo();
        QVERIFY(view_->select(degraded_, QStringLiteral("t")));
        QPushButton *pause = view_->pauseReconcileButton();
        QVERIFY(test::waitFor([&] { return pause->isEnabled(); }));
        QVERIFY(!pause->isChecked());
        view_->tabs()->setCurrentIndex(widgets::ApplicationsView::ReplicasTab);
        QTest::mouseClick(pause, Qt::LeftButton);
        QVERIFY(test::waitFor(
            [&] { return model()->index(row(degraded_), 0).data(Model::PausedRole).toBool(); }));
        QVERIFY(test::waitFor([&] { return pause->isEnabled() && pause->isChecked(); }));
        QCOMPARE(health(degraded_), QStringLiteral("degraded 1/2 · reconcile paused"));
        QVERIFY2(pause->toolTip().contains(core::Store::currentOsUser()),
                 qPrintable(pause->toolTip()));
        save(view_.get(), QStringLiteral("applications-reconcile-paused"));
        {
            auto store = core::Store::open(databasePath());
            QVERIFY(store);
            const auto audit = store->audit(10);
            QVERIFY(!audit.isEmpty());
            QCOMPARE(audit.first().action, QStringLiteral("app.reconcile.pause"));
            QCOMPARE(audit.first().target, degraded_ + QStringLiteral("/t"));
        }
        QTest::mouseClick(pause, Qt::LeftButton);
        QVERIFY(test::waitFor(
            [&] { return !model()->index(row(degraded_), 0).data(Model::PausedRole).toBool(); }));
        QCOMPARE(health(degraded_), QStringLiteral("degraded 1/2"));
    }
};

QTEST_MAIN(TestApplicationsDesired)
#include "tst_applicationsdesired.moc"
