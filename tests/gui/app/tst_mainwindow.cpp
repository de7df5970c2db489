// The main window offscreen against the private engine (SLIPWAY_TEST_DOCKER_HOST) and one
// dead host: clicks through every section, checks the Hosts table against the engine's own
// answer, adds and removes a host through the real dialog, and saves a screenshot of each
// view to SLIPWAY_SCREENSHOT_DIR. Every test function gets a new window on a new database.
#include "app/slipway/mainwindow.h"
#include "app/slipway/session.h"
#include "core/fleet/hostmonitor.h"
#include "core/store/auditlog.h"
#include "core/store/storethread.h"
#include "models/hosttablemodel.h"
#include "resources/translations.h"
#include "tests/support/guitestbase.h"
#include "tests/support/testenv.h"
#include "widgets/audit/auditview.h"
#include "widgets/hosts/hostdialog.h"
#include "widgets/hosts/hostsview.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QToolBar>
#include <QtTest>

using namespace slipway;
using models::HostTableModel;
using test::click;
using test::save;
using State = core::HostStatus::State;

namespace {

const QString kDeadUrl = QStringLiteral("unix:///nonexistent/slipway-dead/docker.sock");

QWidget *toolButton(QWidget *view, const char *actionName) {
    auto *toolbar = view->findChild<QToolBar *>(QStringLiteral("hostsToolbar"));
    auto *action = view->findChild<QAction *>(QString::fromLatin1(actionName));
    return toolbar && action ? toolbar->widgetForAction(action) : nullptr;
}

} // namespace

class TestMainWindow : public test::GuiTestBase {
    Q_OBJECT

    void initView() override {
        core::HostMonitor::Options options;
        core::HostConfig real;
        real.id = "cli:1";
        real.name = "private engine";
        real.url = test::dockerHost();
        real.source = core::HostConfig::Source::CommandLine;
        core::HostConfig dead = real;
        dead.id = "cli:2";
        dead.name = "dead host";
        dead.url = kDeadUrl;
        options.overrideHosts = QList<core::HostConfig>{real, dead};
        session_ = std::make_unique<app::Session>(store(), options);
        hosts_ = session_->hosts();
        audit_ = session_->audit();
        window_ = std::make_unique<app::MainWindow>(session_.get());
        window_->resize(1280, 800);
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
        session_->start();
    }

    void cleanupView() override {
        window_.reset();
        session_.reset();
    }

private slots:
    void initTestCase() {
        if (test::dockerHost().isEmpty())
            QFAIL(test::missingServicesMessage().constData());
        auto client = test::makeClient();
        QVERIFY2(client, "SLIPWAY_TEST_DOCKER_HOST is not a valid engine URL");
        auto version = client->version().wait();
        QVERIFY2(version.ok(), test::describe(version).constData());
        engineVersion_ = QString::fromStdString(version.value().version);
        qApp->setStyleSheet(resources::styleSheet());
    }

    void titleAndSections() {
        QCOMPARE(window_->windowTitle(), QStringLiteral("Slipway"));
        QCOMPARE(window_->navigation()->count(), int(app::MainWindow::SectionCount));
        QCOMPARE(window_->currentSection(), app::MainWindow::Dashboard);
    }

    void hostsShowTheRealEngineAndTheDeadOne() {
        window_->showSection(app::MainWindow::Hosts); // the window opens on the Dashboard
        HostTableModel *model = window_->hostsView()->model();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(model->status(0).state, State::Up, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(model->status(1).state, State::Down, 15000);

        QTableView *table = window_->hostsView()->table();
        QCOMPARE(table->model(), model);
        const auto text = [&](int row, int column) {
            return table->model()->index(row, column).data().toString();
        };
        QCOMPARE(text(0, HostTableModel::StatusColumn), QStringLiteral("Up"));
        QCOMPARE(text(0, HostTableModel::EngineColumn), engineVersion_);
        QVERIFY(!text(0, HostTableModel::ApiColumn).isEmpty());
        QVERIFY(!text(0, HostTableModel::OsColumn).isEmpty());
        QCOMPARE(text(1, HostTableModel::StatusColumn), QStringLiteral("Down"));
        QCOMPARE(text(1, HostTableModel::UrlColumn), kDeadUrl);
        const QString reason =
            table->model()->index(1, 0).data(HostTableModel::ErrorRole).toString();
        QVERIFY2(!reason.isEmpty(), "a down host says why");
        QTRY_COMPARE(window_->hostsSummary()->text(), QStringLiteral("Hosts: 1 of 2 up"));

        // The details pane for the engine that answers...
        table->selectRow(0);
        auto *details = window_->hostsView()->findChild<QWidget *>("hostDetails");
        QVERIFY(details);
        QTRY_COMPARE(details->findChild<QLabel *>("value_engine")->text(), engineVersion_);
        save(window_.get(), "hosts");
        // ...and for the dead one, with the reason in view.
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                          table->visualRect(table->model()->index(1, 1)).center());
        QCOMPARE(table->currentIndex().row(), 1);
        auto *error = details->findChild<QLabel *>("hostError");
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(reason), qPrintable(error->text()));
        save(window_.get(), "hosts-dead-selected");
    }

    void addAndRemoveAHostThroughTheDialog() {
        HostTableModel *model = window_->hostsView()->model();
        window_->showSection(app::MainWindow::Hosts);
        click(toolButton(window_->hostsView(), "addHostAction"));
        QPointer<widgets::HostDialog> dialog;
        QTRY_VERIFY((dialog = window_->findChild<widgets::HostDialog *>()) && dialog->isVisible());
        auto *name = dialog->findChild<QLineEdit *>("nameEdit");
        auto *url = dialog->findChild<QLineEdit *>("urlEdit");
        auto *result = dialog->findChild<QLabel *>("resultLabel");
        auto *save_ = dialog->findChild<QPushButton *>("saveButton");
        auto *test = dialog->findChild<QPushButton *>("testButton");

        // Nothing typed: refused with what is missing.
        click(save_);
        QVERIFY(result->isVisible());
        QVERIFY2(result->text().contains("name"), qPrintable(result->text()));

        QTest::keyClicks(name, "scratch engine");
        QTest::keyClicks(url, "tcp://no-port-here:");
        click(save_);
        QVERIFY(result->isVisible());
        const QString badUrl = result->text();
        QVERIFY2(!badUrl.isEmpty(), "a bad URL is refused");
        save(dialog, "host-dialog-error");

        // Verification off shows its warning.
        auto *verify = dialog->findChild<QCheckBox *>("verifyCheck");
        auto *warning = dialog->findChild<QLabel *>("tlsWarning");
        QVERIFY(!warning->isVisible());
        // On the box itself: the rest of the row is not part of the button.
        const QPoint onBox(8, verify->height() / 2);
        QTest::mouseClick(verify, Qt::LeftButton, {}, onBox);
        QVERIFY(!verify->isChecked());
        QVERIFY(warning->isVisible());
        save(dialog, "host-dialog-no-verify");
        QTest::mouseClick(verify, Qt::LeftButton, {}, onBox);
        QVERIFY(!warning->isVisible());

        url->clear();
        QTest::keyClicks(url, test::dockerHost());
        click(test);
        QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith("Connected"), 15000);
        QVERIFY2(result->text().contains(engineVersion_), qPrintable(result->text()));
        save(dialog, "host-dialog-tested");

        click(save_);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog || !dialog->isVisible(), 10000); // closed, maybe deleted
        QTRY_COMPARE(model->rowCount(), 3);
        int added = -1;
        for (int i = 0; i < model->rowCount(); ++i)
            if (model->host(i).name == "scratch engine")
                added = i;
        QVERIFY(added >= 0);
        QTRY_COMPARE_WITH_TIMEOUT(model->status(added).state, State::Up, 15000);
        QTRY_COMPARE(window_->hostsSummary()->text(), QStringLiteral("Hosts: 2 of 3 up"));

        // Edit it: the dialog comes up filled in, and the row changes in place.
        QTableView *table = window_->hostsView()->table();
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                          table->visualRect(model->index(added, 1)).center());
        QCOMPARE(table->currentIndex().row(), added);
        QTRY_VERIFY(!dialog); // the add dialog deleted itself on close
        click(toolButton(window_->hostsView(), "editHostAction"));
        QPointer<widgets::HostDialog> edit;
        QTRY_VERIFY((edit = window_->findChild<widgets::HostDialog *>()) && edit->isVisible());
        auto *editName = edit->findChild<QLineEdit *>("nameEdit");
        QCOMPARE(editName->text(), QStringLiteral("scratch engine"));
        QCOMPARE(edit->findChild<QLineEdit *>("urlEdit")->text(), test::dockerHost());
        editName->selectAll();
        QTest::keyClicks(editName, "scratch engine 2");
        click(edit->findChild<QPushButton *>("saveButton"));
        QTRY_VERIFY_WITH_TIMEOUT(!edit, 10000);
        QTRY_COMPARE(model->host(added).name, QStringLiteral("scratch engine 2"));
        QCOMPARE(model->rowCount(), 3);

        // Test connection from the toolbar reports in the details pane.
        click(toolButton(window_->hostsView(), "testHostAction"));
        auto *note = window_->hostsView()->findChild<QLabel *>("hostNote");
        QTRY_VERIFY_WITH_TIMEOUT(note->text().startsWith("Connection test passed"), 15000);

        // Remove asks first, naming the host.
        click(toolButton(window_->hostsView(), "removeHostAction"));
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = window_->findChild<QMessageBox *>("confirmRemoveBox")) &&
                    box->isVisible());
        QVERIFY2(box->text().contains("scratch engine 2"), qPrintable(box->text()));
        save(box, "host-remove-confirm");
        click(box->button(QMessageBox::Yes));
        QTRY_COMPARE(model->rowCount(), 2);
        for (int i = 0; i < model->rowCount(); ++i)
            QVERIFY(!model->host(i).name.startsWith("scratch engine"));
    }

    void everySectionByClick() {
        // Three host changes of this test's own, for the Audit section to show.
        core::HostConfig scratch;
        scratch.name = QStringLiteral("scratch engine");
        scratch.url = kDeadUrl;
        HostTableModel *model = window_->hostsView()->model();
        const auto rowNamed = [&](const QString &name) {
            for (int i = 0; i < model->rowCount(); ++i)
                if (model->host(i).name == name)
                    return i;
            return -1;
        };
        QVERIFY(hosts_->addHost(scratch));
        QTRY_VERIFY(rowNamed(scratch.name) >= 0);
        scratch = model->host(rowNamed(scratch.name));
        scratch.name = QStringLiteral("scratch engine 2");
        QVERIFY(hosts_->updateHost(scratch));
        QTRY_VERIFY(rowNamed(scratch.name) >= 0);
        QVERIFY(hosts_->removeHost(scratch.id));
        QTRY_COMPARE(model->rowCount(), 2);

        QListWidget *nav = window_->navigation();
        for (int i = 0; i < nav->count(); ++i) {
            const QRect rect = nav->visualItemRect(nav->item(i));
            QTest::mouseClick(nav->viewport(), Qt::LeftButton, {}, rect.center());
            QCOMPARE(window_->sections()->currentIndex(), i);
            QVERIFY(window_->sections()->currentWidget()->isVisible());
            const auto section = app::MainWindow::Section(i);
            if (section == app::MainWindow::Hosts)
                QTRY_COMPARE(window_->hostsView()->model()->status(0).state, State::Up);
            if (section == app::MainWindow::Audit) {
                // The add, edit and remove above, from the database (beside the built-in
                // templates' seeding).
                const auto *m = window_->auditView()->table()->model();
                const auto hostActions = [m] {
                    QStringList actions;
                    for (int row = 0; row < m->rowCount(); ++row)
                        if (m->index(row, 2).data().toString().startsWith("host."))
                            actions << m->index(row, 2).data().toString();
                    return actions;
                };
                QTRY_COMPARE(hostActions(), QStringList({"host.remove", "host.edit", "host.add"}));
            }
            save(window_.get(), QStringLiteral("section-%1-%2")
                                    .arg(i)
                                    .arg(app::MainWindow::sectionName(section).toLower()));
        }
    }

    // The translators it installs go at cleanup(), with the window.
    void chineseTranslation() {
        QVERIFY2(resources::installTranslations(QLocale(QLocale::Chinese, QLocale::China)),
                 "the zh_CN translation is compiled in");
        app::MainWindow window(session_.get());
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.navigation()->item(app::MainWindow::Hosts)->text(),
                 QString::fromUtf8("主机"));
        HostTableModel *model = window.hostsView()->model();
        QTRY_COMPARE(model->index(0, HostTableModel::StatusColumn).data().toString(),
                     QString::fromUtf8("在线"));
        window.hostsView()->table()->selectRow(1);
        QTRY_COMPARE(window.hostsSummary()->text(), QString::fromUtf8("主机：2 台中 1 台在线"));
        save(&window, "zh_CN-hosts");
        window.showSection(app::MainWindow::Releases);
        save(&window, "zh_CN-releases");
    }

private:
    QString engineVersion_;
    std::unique_ptr<app::Session> session_;
    core::HostMonitor *hosts_ = nullptr;
    core::AuditLog *audit_ = nullptr;
    std::unique_ptr<app::MainWindow> window_;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
