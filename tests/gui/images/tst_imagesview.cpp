// The Images section of the real main window, offscreen, on the private engine and registry:
// clicks to Images, filters, selects an image and sees its layers, opens Pull…, types a bad
// reference (refused inline as it is typed), pulls a missing tag (the engine's error inline),
// pulls a good one and watches the bar reach the end, toggles dangling images, and removes an
// unused tag through the real confirm dialog. Saves images.png, images-pull.png,
// images-remove-confirm.png (and a few more) under SLIPWAY_SCREENSHOT_DIR.
#include "app/slipway/mainwindow.h"
#include "app/slipway/session.h"
#include "core/fleet/hostmonitor.h"
#include "core/fleet/imagecatalog.h"
#include "core/store/auditlog.h"
#include "core/store/storethread.h"
#include "models/imagefilterproxy.h"
#include "models/imagetablemodel.h"
#include "resources/translations.h"
#include "tests/support/guitestbase.h"
#include "tests/support/testenv.h"
#include "widgets/images/imagedetails.h"
#include "widgets/images/imagesview.h"
#include "widgets/images/pulldialog.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTableWidget>
#include <QToolBar>
#include <QtTest>

using namespace slipway;
using models::ImageTableModel;
using test::click;
using test::save;

namespace {

QWidget *toolButton(QWidget *view, const char *actionName) {
    auto *toolbar = view->findChild<QToolBar *>(QStringLiteral("imagesToolbar"));
    auto *action = view->findChild<QAction *>(QString::fromLatin1(actionName));
    return toolbar && action ? toolbar->widgetForAction(action) : nullptr;
}

// The proxy rows whose reference is `reference`.
int proxyRowOf(QTableView *table, const QString &reference) {
    const auto *m = table->model();
    for (int i = 0; i < m->rowCount(); ++i)
        if (m->index(i, 0).data(ImageTableModel::ReferenceRole).toString() == reference)
            return i;
    return -1;
}

void clickRow(QTableView *table, int row, Qt::KeyboardModifiers modifiers = {}) {
    const QModelIndex index = table->model()->index(row, ImageTableModel::TagColumn);
    table->scrollTo(index);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, modifiers,
                      table->visualRect(index).center());
}

} // namespace

class TestImagesView : public test::GuiTestBase {
    Q_OBJECT

    std::unique_ptr<engine::DockerClient> direct_;
    std::unique_ptr<app::Session> session_;
    core::HostMonitor *hosts_ = nullptr;
    core::AuditLog *audit_ = nullptr;
    std::unique_ptr<app::MainWindow> window_;
    std::string scratchRepo_; // a tag of its own, on an image no container uses
    const std::string scratchTag_ = "remove-me";

    widgets::ImagesView *view() const { return window_->imagesView(); }

    // A scratch tag of this test function's own, and a new window on a new database.
    void initView() override {
        scratchRepo_ = test::uniqueName("slipway-guitest/images");
        auto tagged = direct_->tagImage("slipway/base:1", scratchRepo_, scratchTag_).wait();
        QVERIFY2(tagged.ok(), test::describe(tagged).constData());
        core::HostMonitor::Options options;
        core::HostConfig real;
        real.id = "cli:1";
        real.name = "private engine";
        real.url = test::dockerHost();
        real.source = core::HostConfig::Source::CommandLine;
        options.overrideHosts = QList<core::HostConfig>{real};
        session_ = std::make_unique<app::Session>(store(), options);
        hosts_ = session_->hosts();
        audit_ = session_->audit();
        window_ = std::make_unique<app::MainWindow>(session_.get());
        QVERIFY(test::showExposed(window_.get(), QSize(1280, 800)));
        session_->start();
    }

    void cleanupView() override {
        if (direct_ && !scratchRepo_.empty())
            (void)direct_->removeImage(scratchRepo_ + ":" + scratchTag_).wait();
        scratchRepo_.clear();
        window_.reset();
        session_.reset();
    }

private slots:
    void initTestCase() {
        if (test::dockerHost().isEmpty() || test::registry().isEmpty())
            QFAIL(test::missingServicesMessage().constData());
        direct_ = test::makeClient();
        QVERIFY2(direct_, "SLIPWAY_TEST_DOCKER_HOST is not a valid engine URL");
        qApp->setStyleSheet(resources::styleSheet());
    }

    void imagesByClickFilterAndDetails() {
        QListWidget *nav = window_->navigation();
        const QRect rect = nav->visualItemRect(nav->item(app::MainWindow::Images));
        QTest::mouseClick(nav->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(window_->currentSection(), app::MainWindow::Images);
        QCOMPARE(window_->sections()->currentWidget(), view());
        QVERIFY(view()->isVisible());

        QTableView *table = view()->table();
        QTRY_VERIFY_WITH_TIMEOUT(proxyRowOf(table, "slipway/web:1.0.0") >= 0, 20000);
        const int all = table->model()->rowCount();
        QVERIFY(all >= 12);

        // Free text: every word must match. ":1." and not "1.", which the registry's address
        // (127.0.0.1) in the other tags of any image would match.
        QLineEdit *filter = view()->filterEdit();
        QVERIFY(filter->isVisible());
        QTest::keyClicks(filter, "slipway/web :1.");
        QTRY_VERIFY(table->model()->rowCount() < all);
        for (int i = 0; i < table->model()->rowCount(); ++i) {
            const QString ref =
                table->model()->index(i, 0).data(ImageTableModel::ReferenceRole).toString();
            QVERIFY2(ref.contains("slipway/web:1."), qPrintable(ref));
        }
        QVERIFY(proxyRowOf(table, "slipway/web:1.0.0") >= 0);
        QVERIFY(proxyRowOf(table, "slipway/web:2.0.0") < 0);
        QVERIFY(proxyRowOf(table, "slipway/worker:1.0.0") < 0);

        // Select one: the details pane fills in, then the layers arrive from the engine.
        const int row = proxyRowOf(table, test::registry() + "/slipway/web:1.0.0");
        QVERIFY(row >= 0);
        clickRow(table, row);
        QCOMPARE(table->currentIndex().row(), row);
        widgets::ImageDetailsPane *details = view()->details();
        auto inspected = direct_->inspectImage("slipway/web:1.0.0").wait();
        QVERIFY(inspected.ok());
        QTRY_COMPARE(details->findChild<QLabel *>("imageValue_id")->text(),
                     QString::fromStdString(inspected.value().id));
        QTRY_VERIFY_WITH_TIMEOUT(details->history()->rowCount() >= 2, 15000);
        QVERIFY(!details->history()->item(0, 0)->text().isEmpty());
        QVERIFY(
            details->findChild<QLabel *>("imageValue_tags")->text().contains("slipway/web:1.0.0"));
        QVERIFY(details->findChild<QLabel *>("imageValue_labels")->text().contains("slipway-web"));
        QVERIFY(!details->findChild<QLabel *>("imageValue_platform")->text().isEmpty());
        QVERIFY(!details->findChild<QLabel *>("imageDetailsStatus")->isVisible());
        auto *summary = view()->findChild<QLabel *>("imagesSummary");
        QVERIFY2(summary->text().contains("shown"), qPrintable(summary->text()));
        save(window_.get(), "images");

        // Several selected: the pane says how many.
        clickRow(table, row == 0 ? 1 : 0, Qt::ControlModifier);
        QCOMPARE(table->selectionModel()->selectedRows().size(), 2);
        QTRY_VERIFY(details->findChild<QLabel *>("imageTitle")->text().startsWith("2 images"));
        filter->clear();
        QTRY_COMPARE(table->model()->rowCount(), all);
    }

    void pullDialog() {
        // The dialog offers the hosts that are up.
        QVERIFY(test::waitFor([&] { return hosts_->upCount() == 1; }, std::chrono::seconds(30)));
        window_->showSection(app::MainWindow::Images);
        click(toolButton(view(), "pullImageAction"));
        QPointer<widgets::PullDialog> dialog;
        QTRY_VERIFY((dialog = view()->findChild<widgets::PullDialog *>()) && dialog->isVisible());
        auto *host = dialog->findChild<QComboBox *>("pullHostCombo");
        auto *edit = dialog->findChild<QLineEdit *>("pullReferenceEdit");
        auto *hint = dialog->findChild<QLabel *>("pullReferenceHint");
        auto *pull = dialog->findChild<QPushButton *>("pullButton");
        auto *cancel = dialog->findChild<QPushButton *>("cancelButton");
        auto *bar = dialog->findChild<QProgressBar *>("pullProgressBar");
        auto *error = dialog->findChild<QLabel *>("pullErrorLabel");
        auto *result = dialog->findChild<QLabel *>("pullResultLabel");
        auto *status = dialog->findChild<QLabel *>("pullStatusLabel");
        QVERIFY(host && edit && hint && pull && cancel && bar && error && result && status);
        QCOMPARE(host->currentData().toString(), QStringLiteral("cli:1"));
        QVERIFY(!pull->isEnabled()); // nothing typed

        // A bad reference: refused as it is typed, with ImageReference's own words.
        const QString registry = test::registry();
        QTest::keyClicks(edit, registry + "/Slipway/web:1.0.0");
        QVERIFY(hint->isVisible());
        QVERIFY2(hint->text().contains("\"Slipway\" must be lowercase"), qPrintable(hint->text()));
        QVERIFY(!pull->isEnabled());
        save(dialog, "images-pull-bad-reference");

        // A tag the registry does not have: the engine's error, inline.
        edit->clear();
        const QString missing = registry + "/slipway/web:0.0.0-gui-missing";
        QTest::keyClicks(edit, missing);
        QVERIFY2(hint->text().startsWith("Will pull"), qPrintable(hint->text()));
        click(pull);
        QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 30000);
        QVERIFY2(error->text().contains("manifest unknown") || error->text().contains("not found"),
                 qPrintable(error->text()));
        QVERIFY(!dialog->isPulling());
        save(dialog, "images-pull-error");

        // A good one: the bar reaches the end.
        edit->clear();
        const QString good = registry + "/slipway/worker:1.0.0";
        QTest::keyClicks(edit, good);
        QVERIFY(pull->isEnabled());
        click(pull);
        QVERIFY(!error->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(result->isVisible(), 60000);
        QCOMPARE(bar->maximum(), 1000);
        QCOMPARE(bar->value(), bar->maximum());
        QVERIFY2(result->text().contains(good), qPrintable(result->text()));
        QVERIFY(!status->text().isEmpty());
        QCOMPARE(cancel->text(), QStringLiteral("Close"));
        save(dialog, "images-pull");
        click(cancel);
        QTRY_VERIFY(!dialog);
    }

    void danglingToggle() {
        window_->showSection(app::MainWindow::Images);
        QTableView *table = view()->table();
        QTRY_VERIFY_WITH_TIMEOUT(table->model()->rowCount() > 0, 20000);
        auto *check = view()->findChild<QCheckBox *>("showDanglingCheck");
        QVERIFY(check && check->isChecked());
        QTest::mouseClick(check, Qt::LeftButton, {}, QPoint(8, check->height() / 2));
        QVERIFY(!check->isChecked());
        QVERIFY(!view()->proxy()->showDangling());
        for (int i = 0; i < table->model()->rowCount(); ++i)
            QVERIFY(!table->model()->index(i, 0).data(ImageTableModel::DanglingRole).toBool());
        QTest::mouseClick(check, Qt::LeftButton, {}, QPoint(8, check->height() / 2));
        QVERIFY(check->isChecked());
    }

    void removeAnUnusedTagThroughTheConfirmDialog() {
        window_->showSection(app::MainWindow::Images);
        QTableView *table = view()->table();
        const QString ref = QString::fromStdString(scratchRepo_ + ":" + scratchTag_);
        QLineEdit *filter = view()->filterEdit();
        filter->clear();
        QTest::keyClicks(filter, QString::fromStdString(scratchRepo_));
        QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 1, 20000);
        QCOMPARE(table->model()->index(0, 0).data(ImageTableModel::ReferenceRole).toString(), ref);
        clickRow(table, 0);

        click(toolButton(view(), "removeImageAction"));
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = view()->findChild<QMessageBox *>("confirmRemoveImagesBox")) &&
                    box->isVisible());
        const QString asked = box->text() + '\n' + box->informativeText();
        QVERIFY2(asked.contains(ref), qPrintable(asked));              // names the image...
        QVERIFY2(asked.contains("private engine"), qPrintable(asked)); // ...and the host
        save(box, "images-remove-confirm");
        click(box->button(QMessageBox::Yes));

        auto *message = view()->findChild<QLabel *>("imagesMessage");
        QTRY_VERIFY_WITH_TIMEOUT(message->isVisible(), 20000);
        QVERIFY2(message->text().startsWith("Removed"), qPrintable(message->text()));
        QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 0, 20000);
        QCOMPARE(direct_->inspectImage(ref.toStdString()).wait().error().httpStatus, 404);
        // The base image itself is still there under its own name.
        QVERIFY(direct_->inspectImage("slipway/base:1").wait().ok());
        save(window_.get(), "images-removed");
        filter->clear();
    }

    void actionsAreInTheAuditLog() {
        // A pull and a removal of this test's own, through the session's catalog.
        QVERIFY(test::waitFor([&] { return hosts_->upCount() == 1; }, std::chrono::seconds(30)));
        core::ImageCatalog *images = session_->images();
        QSignalSpy pulled(images, &core::ImageCatalog::pullFinished);
        QSignalSpy removed(images, &core::ImageCatalog::removeFinished);
        QString refused;
        QVERIFY2(images->pull(QStringLiteral("cli:1"),
                              test::registry() + QStringLiteral("/slipway/worker:1.0.0"), &refused),
                 qPrintable(refused));
        QVERIFY(test::waitFor([&] { return !pulled.isEmpty(); }, std::chrono::seconds(60)));
        QVERIFY2(pulled.first().at(1).toBool(), qPrintable(pulled.first().at(2).toString()));
        QVERIFY(images->remove(QStringLiteral("cli:1"),
                               QString::fromStdString(scratchRepo_ + ":" + scratchTag_)));
        QVERIFY(test::waitFor([&] { return !removed.isEmpty(); }, std::chrono::seconds(60)));
        QVERIFY2(removed.first().at(1).toBool(), qPrintable(removed.first().at(2).toString()));

        window_->showSection(app::MainWindow::Audit);
        QAbstractItemModel *m = nullptr;
        QTableView *audit = window_->findChild<QTableView *>("auditTable");
        if (audit)
            m = audit->model();
        QVERIFY2(m, "the audit view has its table");
        const auto actions = [&] {
            QStringList a;
            for (int i = 0; i < m->rowCount(); ++i)
                for (int c = 0; c < m->columnCount(); ++c)
                    a << m->index(i, c).data().toString();
            return a;
        };
        QTRY_VERIFY_WITH_TIMEOUT(actions().contains("image.remove"), 10000);
        QVERIFY(actions().contains("image.pull"));
        window_->showSection(app::MainWindow::Images);
    }

    // The translators it installs go at cleanup(), with the window.
    void chineseTranslation() {
        QVERIFY(resources::installTranslations(QLocale(QLocale::Chinese, QLocale::China)));
        app::MainWindow window(session_.get());
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showSection(app::MainWindow::Images);
        QTableView *table = window.imagesView()->table();
        QTRY_VERIFY_WITH_TIMEOUT(table->model()->rowCount() > 0, 20000);
        QCOMPARE(table->model()
                     ->headerData(ImageTableModel::RepositoryColumn, Qt::Horizontal)
                     .toString(),
                 QString::fromUtf8("仓库"));
        clickRow(table, 0);
        QTRY_VERIFY_WITH_TIMEOUT(window.imagesView()->details()->history()->rowCount() > 0, 15000);
        save(&window, "zh_CN-images");
    }
};

QTEST_MAIN(TestImagesView)
#include "tst_imagesview.moc"
