// Closing the main window while a deployment runs, offscreen against the private engine: the
// window asks instead of waiting; "Cancel the change" cancels it and quits once the new
// replica is removed (the old version keeps running); "Finish in the background" hides the
// window and quits when the change has ended; "Go back" leaves everything as it was; "Leave it
// to recovery" quits at once, and the next start's recovery removes what the change started.
// The deploy dialog's Cancel cancels a deployment under way the same way. Saves PNGs of the
// question and of the cancelled dialog.
#include "app/slipway/mainwindow.h"
#include "app/slipway/session.h"
#include "core/deploy/deployer.h"
#include "core/deploy/deploymentstore.h"
#include "core/fleet/hostmonitor.h"
#include "core/fleet/inventory.h"
#include "core/store/store.h"
#include "core/store/storethread.h"
#include "resources/translations.h"
#include "tests/support/guitestbase.h"
#include "tests/support/testenv.h"
#include "widgets/applications/deploydialog.h"

#include <QApplication>
#include <QDir>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

using namespace slipway;
using core::DeploymentRecord;

class TestQuitWhileChanging : public test::GuiTestBase {
    Q_OBJECT

    std::unique_ptr<app::Session> session_;
    std::unique_ptr<engine::DockerClient> direct_;
    QString app_;

    QString image(const char *tag) const {
        return test::registry() + QStringLiteral("/slipway/web:") + QLatin1String(tag);
    }

    core::DeployRequest request(const char *tag, const QString &healthCmd) const {
        core::DeployRequest r;
        r.app = app_;
        r.env = QStringLiteral("gui");
        r.config.image = image(tag);
        r.config.publish = {QStringLiteral("0:8080")};
        r.config.healthCmd = healthCmd;
        return r;
    }

    // Starts a deploy and returns once it waits for the new replica's health.
    quint64 startWaitingChange(core::Deployer *deployer, const QString &healthCmd) {
        quint64 id = 0;
        bool waiting = false;
        QObject guard;
        connect(deployer, &core::Deployer::progress, &guard,
                [&](quint64 r, const QString &step, int, int) {
                    if (r == id && step.startsWith(QLatin1String("Waiting")))
                        waiting = true;
                });
        id = deployer->deploy(request("1.1.0", healthCmd));
        if (!test::waitFor([&] { return waiting; }, std::chrono::seconds(60)))
            return 0;
        return id;
    }

    std::vector<engine::ContainerSummary> containers(bool all = true) {
        engine::Filters f;
        f["label"] = {"slipway.app=" + app_.toStdString()};
        auto r = direct_->containers(all, f).wait();
        return r ? r.value() : std::vector<engine::ContainerSummary>{};
    }

    std::optional<DeploymentRecord> record(qint64 id) {
        auto s = core::Store::open(databasePath());
        return s ? core::DeploymentStore(s->database()).record(id) : std::nullopt;
    }

    // The newest deployment of the application, from the database.
    std::optional<DeploymentRecord> latest() {
        auto s = core::Store::open(databasePath());
        if (!s)
            return std::nullopt;
        const auto history = core::DeploymentStore(s->database()).history(app_, "gui");
        return history.isEmpty() ? std::nullopt : std::optional(history.first());
    }

    // Closes `window` and returns the question it asks.
    QMessageBox *closeAndAsk(app::MainWindow &window) {
        window.close();
        QMessageBox *box = nullptr;
        test::waitFor([&] { return (box = window.quitQuestion()) && box->isVisible(); });
        return box;
    }

    static void click(QMessageBox *box, const char *name) {
        auto *button = box->findChild<QPushButton *>(QLatin1String(name));
        QVERIFY2(button, name);
        QTest::mouseClick(button, Qt::LeftButton);
    }

    // The old replica of 1.0.0 alone, running.
    void onlyTheOldReplicaRuns(const std::string &oldId) {
        QVERIFY(test::waitFor([&] { return containers().size() == 1; }, std::chrono::seconds(30)));
        const auto now = containers();
        QCOMPARE(now.front().id, oldId);
        QCOMPARE(QString::fromStdString(now.front().state), QStringLiteral("running"));
    }

    std::string oldId_;

    // Each test function: its own app, with 1.0.0 deployed and serving.
    void initView() override {
        app_ = QString::fromStdString(test::uniqueName("gui-quit"));
        core::HostMonitor::Options options;
        core::HostConfig real;
        real.id = "cli:1";
        real.name = "private engine";
        real.url = test::dockerHost();
        real.source = core::HostConfig::Source::CommandLine;
        options.overrideHosts = QList<core::HostConfig>{real};
        session_ = std::make_unique<app::Session>(store(), options);
        session_->start();
        QVERIFY(test::waitFor([&] { return session_->hosts()->upCount() == 1; },
                              std::chrono::seconds(20)));
        // 1.0.0 serves; every change below replaces it with 1.1.0 and must leave it running.
        bool done = false, ok = false;
        QString error;
        QObject guard;
        quint64 first = 0;
        connect(session_->deployer(), &core::Deployer::finished, &guard,
                [&](quint64 r, bool good, const QString &why, const DeploymentRecord &) {
                    if (r != first)
                        return;
                    done = true;
                    ok = good;
                    error = why;
                });
        first = session_->deployer()->deploy(request("1.0.0", {}));
        QVERIFY(test::waitFor([&] { return done; }, std::chrono::seconds(120)));
        QVERIFY2(ok, qPrintable(error));
        QCOMPARE(int(containers().size()), 1);
        oldId_ = containers().front().id;
    }

    void cleanupView() override {
        if (direct_)
            for (const auto &c : containers())
                (void)direct_->removeContainer(c.id, true).wait();
        session_.reset();
    }

private slots:
    void initTestCase() {
        if (test::dockerHost().isEmpty() || test::registry().isEmpty())
            QFAIL(test::missingServicesMessage().constData());
        qApp->setStyleSheet(resources::styleSheet());
        direct_ = test::makeClient();
    }

    void cancelTheChange() {
        app::MainWindow window(session_.get());
        QObject::disconnect(&window, &app::MainWindow::readyToQuit, qApp, nullptr);
        QSignalSpy quit(&window, &app::MainWindow::readyToQuit);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const quint64 change = startWaitingChange(session_->deployer(), "sleep 100");
        QVERIFY(change);

        QMessageBox *box = closeAndAsk(window);
        QVERIFY(box);
        QVERIFY(window.isVisible()); // nothing decided yet, nothing waited for
        test::save(box, QStringLiteral("quit-while-changing"));
        click(box, "quitCancelChange");
        QVERIFY(test::waitFor([&] { return quit.size() == 1; }, std::chrono::seconds(60)));
        QVERIFY(session_->deployer()->changesRunning().isEmpty());
        const auto cancelled = latest();
        QVERIFY(cancelled);
        QCOMPARE(cancelled->result, DeploymentRecord::Result::Failed);
        QCOMPARE(cancelled->detail, QStringLiteral("Cancelled by the user"));
        onlyTheOldReplicaRuns(oldId_);
    }

    void finishInTheBackground() {
        app::MainWindow window(session_.get());
        QObject::disconnect(&window, &app::MainWindow::readyToQuit, qApp, nullptr);
        QSignalSpy quit(&window, &app::MainWindow::readyToQuit);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // A check that fails: the change ends by itself after a few seconds, failed.
        QVERIFY(startWaitingChange(session_->deployer(), "false"));
        QMessageBox *box = closeAndAsk(window);
        QVERIFY(box);
        click(box, "quitInBackground");
        QVERIFY(!window.isVisible());
        QVERIFY(!session_->deployer()->changesRunning().isEmpty());
        QVERIFY(test::waitFor([&] { return quit.size() == 1; }, std::chrono::seconds(90)));
        QVERIFY(session_->deployer()->changesRunning().isEmpty());
        const auto ended = latest();
        QVERIFY(ended);
        QCOMPARE(ended->result, DeploymentRecord::Result::Failed);
        QVERIFY2(ended->detail.contains("unhealthy"), qPrintable(ended->detail));
        onlyTheOldReplicaRuns(oldId_);
    }

    void deployDialogCancels() {
        widgets::DeployDialog dialog(session_->deployer());
        dialog.setApplication(app_, QStringLiteral("gui"), true);
        core::DeploymentConfig config = request("1.1.0", QStringLiteral("sleep 100")).config;
        dialog.setConfig(config, 1);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        bool waiting = false;
        QObject guard;
        connect(session_->deployer(), &core::Deployer::progress, &guard,
                [&](quint64, const QString &step, int, int) {
                    if (step.startsWith(QLatin1String("Waiting")))
                        waiting = true;
                });
        QTest::mouseClick(dialog.deployButton(), Qt::LeftButton);
        QVERIFY(dialog.isDeploying());
        QVERIFY(test::waitFor([&] { return waiting; }, std::chrono::seconds(60)));
        QCOMPARE(dialog.closeButton()->text(), QStringLiteral("Cancel"));
        QTest::mouseClick(dialog.closeButton(), Qt::LeftButton);
        QVERIFY(dialog.isVisible()); // it stays to tell how the cancel went
        QVERIFY(test::waitFor([&] { return !dialog.isDeploying(); }, std::chrono::seconds(60)));
        QVERIFY2(dialog.error().contains(QStringLiteral("Cancelled by the user")),
                 qPrintable(dialog.error()));
        test::save(&dialog, QStringLiteral("deploy-cancelled"));
        onlyTheOldReplicaRuns(oldId_);
        QTest::mouseClick(dialog.closeButton(), Qt::LeftButton);
        QVERIFY(!dialog.isVisible());
    }

    void goBackThenLeaveItToRecovery() {
        app::MainWindow window(session_.get());
        QObject::disconnect(&window, &app::MainWindow::readyToQuit, qApp, nullptr);
        QSignalSpy quit(&window, &app::MainWindow::readyToQuit);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(startWaitingChange(session_->deployer(), "sleep 100"));

        QMessageBox *box = closeAndAsk(window);
        QVERIFY(box);
        click(box, "quitGoBack");
        QVERIFY(window.isVisible());
        QCOMPARE(quit.size(), 0);
        QCOMPARE(session_->deployer()->changesRunning().size(), 1);

        box = closeAndAsk(window);
        QVERIFY(box);
        click(box, "quitLeaveToRecovery");
        QCOMPARE(quit.size(), 1); // at once: nothing waited for the change
        QVERIFY(!window.isVisible());
        const auto left = latest();
        QVERIFY(left);
        QCOMPARE(left->result, DeploymentRecord::Result::Running);
        QCOMPARE(int(containers().size()), 2);

        // A recovery while the left change still runs in this process (its process has not
        // ended, it holds the application's lock) leaves it alone; the next start, in a new
        // process, is the one that finishes it (tst_deployer covers that recovery).
        core::Deployer next(session_->inventory(), session_->hosts(), store(), nullptr, {});
        bool done = false;
        DeploymentRecord notes;
        QObject guard;
        quint64 request = 0;
        connect(&next, &core::Deployer::finished, &guard,
                [&](quint64 r, bool, const QString &, const DeploymentRecord &rec) {
                    if (r != request)
                        return;
                    done = true;
                    notes = rec;
                });
        request = next.recover();
        QVERIFY(test::waitFor([&] { return done; }, std::chrono::seconds(60)));
        QVERIFY2(!notes.detail.contains(QStringLiteral("#%1 marked interrupted").arg(left->id)),
                 qPrintable(notes.detail));
        QCOMPARE(latest()->result, DeploymentRecord::Result::Running);
        QCOMPARE(int(containers().size()), 2);
    }
};

QTEST_MAIN(TestQuitWhileChanging)
#include "tst_quitwhilechanging.moc"
