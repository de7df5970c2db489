// The take-over dialog offscreen, with the real LockTakeover on the private engine: another
// workstation holds an application's lock; the dialog shows who, since when and its last
// heartbeat; while the holder is alive "Take over" waits for "even though it is alive"; once
// it is stale, clicking it takes the lock (the old holder is fenced), releases it and audits
// it. Saves takeover-dialog-alive.png, takeover-dialog-held.png and
// takeover-dialog-done.png under SLIPWAY_SCREENSHOT_DIR.
#include "core/deploy/deployer.h"
#include "core/deploy/registryversions.h"
#include "core/fleet/hostmonitor.h"
#include "core/fleet/imagecatalog.h"
#include "core/fleet/inventory.h"
#include "core/locks/applock.h"
#include "core/locks/helperimage.h"
#include "core/locks/locktakeover.h"
#include "core/store/store.h"
#include "core/store/storethread.h"
#include "resources/translations.h"
#include "tests/support/guitestbase.h"
#include "tests/support/testenv.h"
#include "widgets/applications/applicationsview.h"
#include "widgets/applications/takeoverdialog.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QtTest>

using namespace slipway;
using test::click;
using test::save;
using widgets::TakeoverDialog;

namespace {

QString text(QWidget *dialog, const char *name) {
    auto *l = dialog->findChild<QLabel *>(QLatin1String(name));
    return l ? l->text() : QString();
}

} // namespace

class TestTakeoverDialog : public test::GuiTestBase {
    Q_OBJECT

    std::shared_ptr<engine::DockerClient> direct_;
    std::unique_ptr<core::HostMonitor> hosts_;
    std::unique_ptr<core::LockTakeover> service_;
    QString app_;

    std::unique_ptr<core::AppLock> hold(const QString &env, int ttl, bool heartbeat) {
        core::AppLock::Options o;
        o.ttl = std::chrono::seconds(ttl);
        o.heartbeat = heartbeat;
        std::optional<core::LockHolder> busy;
        QString error;
        auto lock = core::AppLock::acquire({host()}, app_, env,
                                           {QStringLiteral("store-of-b"), QStringLiteral("bob"),
                                            QStringLiteral("workstation-b"), 777},
                                           o, &busy, &error);
        if (!lock)
            qWarning() << "cannot hold" << app_ << env << error;
        return lock;
    }

    core::DeployHost host() const {
        return {QStringLiteral("lock-engine"), QStringLiteral("lock-engine"), test::dockerHost(),
                direct_, true};
    }

    void initView() override {
        app_ = QString::fromStdString(test::uniqueName("lock-gui"));
        core::HostMonitor::Options options;
        core::HostConfig real;
        real.id = QStringLiteral("cli:1");
        real.name = QStringLiteral("private engine");
        real.url = test::dockerHost();
        real.source = core::HostConfig::Source::CommandLine;
        options.overrideHosts = QList<core::HostConfig>{real};
        options.probeTimeout = std::chrono::seconds(30);
        hosts_ = std::make_unique<core::HostMonitor>(store(), options);
        service_ = std::make_unique<core::LockTakeover>(hosts_.get(), store());
        hosts_->start();
        QVERIFY(test::waitFor([&] { return hosts_->upCount() == 1; }, std::chrono::seconds(30)));
    }

    void cleanupView() override {
        service_.reset();
        if (direct_ && !app_.isEmpty())
            for (const char *env : {"gui", "live", "view"})
                (void)direct_
                    ->removeContainer(
                        core::AppLock::objectName(app_, QLatin1String(env)).toStdString(), true)
                    .wait();
        hosts_.reset();
    }

private slots:
    void initTestCase() {
        if (test::dockerHost().isEmpty())
            QFAIL(test::missingServicesMessage().constData());
        direct_ = test::makeClient();
        QVERIFY(direct_);
        qApp->setStyleSheet(resources::styleSheet());
    }

    void aliveHolderNeedsTheBox() {
        auto held = hold(QStringLiteral("live"), 30, true);
        QVERIFY(held);
        TakeoverDialog dialog(service_.get(), app_, QStringLiteral("live"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(test::waitFor([&] { return dialog.stage() == TakeoverDialog::Stage::Held; },
                              std::chrono::seconds(30)));
        QCOMPARE(text(&dialog, "takeoverWho"), QStringLiteral("bob@workstation-b pid 777"));
        QCOMPARE(text(&dialog, "takeoverStore"), QStringLiteral("store-of-b"));
        QVERIFY(!text(&dialog, "takeoverSince").isEmpty());
        QVERIFY2(text(&dialog, "takeoverState").startsWith(QStringLiteral("alive")),
                 qPrintable(text(&dialog, "takeoverState")));
        QVERIFY(!dialog.takeOverButton()->isEnabled());
        QVERIFY(dialog.forceBox()->isVisible());
        dialog.forceBox()->setChecked(true);
        QVERIFY(dialog.takeOverButton()->isEnabled());
        save(&dialog, QStringLiteral("takeover-dialog-alive"));
        dialog.forceBox()->setChecked(false);
        QVERIFY(!dialog.takeOverButton()->isEnabled());
        QString error;
        QVERIFY(held->holds(host(), &error)); // nothing was taken
    }

    void staleHolderIsTakenOver() {
        auto held = hold(QStringLiteral("gui"), 2, false); // its owner "died" after taking it
        QVERIFY(held);
        QString error;
        TakeoverDialog dialog(service_.get(), app_, QStringLiteral("gui"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));

        // Past its ttl without a heartbeat: read again, it is stale.
        auto *reload = dialog.findChild<QPushButton *>(QStringLiteral("takeoverReloadButton"));
        QVERIFY(test::waitFor(
            [&] {
                if (dialog.stage() == TakeoverDialog::Stage::Held &&
                    text(&dialog, "takeoverState").startsWith(QStringLiteral("stale")))
                    return true;
                if (reload->isEnabled())
                    reload->click();
                QTest::qWait(300);
                return false;
            },
            std::chrono::seconds(20)));
        QVERIFY(dialog.takeOverButton()->isEnabled());
        QVERIFY(!dialog.forceBox()->isVisible());
        save(&dialog, QStringLiteral("takeover-dialog-held"));

        QSignalSpy audited(service_.get(), &core::LockTakeover::auditAppended);
        QSignalSpy took(&dialog, &TakeoverDialog::tookOver);
        click(dialog.takeOverButton());
        QVERIFY(test::waitFor([&] { return dialog.stage() == TakeoverDialog::Stage::TakenOver; },
                              std::chrono::seconds(30)));
        QCOMPARE(took.size(), 1);
        QCOMPARE(took.first().first().toLongLong(), 2);
        auto *message = dialog.findChild<QLabel *>(QStringLiteral("takeoverMessage"));
        QVERIFY(message && message->text().contains(QStringLiteral("bob@workstation-b pid 777")));
        save(&dialog, QStringLiteral("takeover-dialog-done"));

        // The old holder is fenced; the lock was released.
        QVERIFY(!held->holds(host(), &error));
        QVERIFY(!core::AppLock::holder({host()}, app_, QStringLiteral("gui"), &error));
        QVERIFY(test::waitFor([&] { return !audited.isEmpty(); }));
        auto store = core::Store::open(databasePath(), &error);
        QVERIFY2(store, qPrintable(error));
        const auto audit = store->audit(20, &error);
        QVERIFY(!audit.isEmpty());
        QCOMPARE(audit.first().action, QStringLiteral("app.takeover"));
        QCOMPARE(audit.first().target, app_ + QStringLiteral("/gui"));
        QCOMPARE(audit.first().result, QStringLiteral("ok"));
        QVERIFY2(audit.first().detail.contains(QStringLiteral("bob@workstation-b pid 777")),
                 qPrintable(audit.first().detail));
    }

    // The Applications view's "Take over lock…" opens the dialog for the selected application.
    void applicationsViewOpensIt() {
        QString error;
        const QString image = core::HelperImage::ensure(host(), &error);
        QVERIFY2(!image.isEmpty(), qPrintable(error));
        engine::ContainerCreate spec;
        spec.name = test::uniqueName("lock-gui-app");
        spec.image = image.toStdString();
        spec.cmd = {"sleep", "300"};
        spec.networkMode = "none";
        spec.labels = {{"slipway.app", app_.toStdString()}, {"slipway.env", "view"}};
        auto id = direct_->createContainer(spec).wait();
        QVERIFY2(id.ok(), test::describe(id).constData());
        auto removeIt =
            qScopeGuard([&] { (void)direct_->removeContainer(id.value(), true).wait(); });
        QVERIFY(direct_->startContainer(id.value()).wait().ok());
        auto held = hold(QStringLiteral("view"), 30, true);
        QVERIFY(held);

        core::Inventory inventory(store());
        inventory.attach(hosts_.get());
        core::ImageCatalog catalog(hosts_.get());
        core::RegistryVersions versions(&catalog);
        core::Deployer deployer(&inventory, hosts_.get(), store(), nullptr, {});
        widgets::ApplicationsView view(&inventory, &deployer, &versions);
        view.resize(1280, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        auto *action = view.findChild<QAction *>(QStringLiteral("takeoverLockAction"));
        QVERIFY(action);
        QVERIFY(!action->isEnabled()); // no service yet, nothing selected
        view.setLockTakeover(service_.get());
        QVERIFY(test::waitFor([&] { return view.select(app_, QStringLiteral("view")); },
                              std::chrono::seconds(30)));
        QVERIFY(action->isEnabled());
        action->trigger();
        TakeoverDialog *dialog = view.takeoverDialog();
        QVERIFY(dialog);
        QVERIFY(test::waitFor([&] { return dialog->stage() == TakeoverDialog::Stage::Held; },
                              std::chrono::seconds(30)));
        QCOMPARE(text(dialog, "takeoverWho"), QStringLiteral("bob@workstation-b pid 777"));
        save(&view, QStringLiteral("applications-takeover-action"));
        dialog->close();
        view.hide();
    }

    void freeLockHasNothingToTake() {
        TakeoverDialog dialog(service_.get(), app_ + QStringLiteral("-none"),
                              QStringLiteral("gui"));
        dialog.show();
        QVERIFY(test::waitFor([&] { return dialog.stage() == TakeoverDialog::Stage::Free; },
                              std::chrono::seconds(30)));
        QVERIFY(!dialog.takeOverButton()->isEnabled());
        QCOMPARE(text(&dialog, "takeoverState"), QStringLiteral("free"));
    }
};

QTEST_MAIN(TestTakeoverDialog)
#include "tst_takeoverdialog.moc"
