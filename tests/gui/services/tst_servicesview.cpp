// The Services view offscreen on the private engine (a one-node Swarm manager): a 2-replica
// service updated from 1.0.0 to 1.1.0 shows in the table; Roll back asks first, naming both
// specs, and the row comes back to 1.0.0 with a message saying so; Scale… to 3 is followed to
// 3 / 3 running; Update image… lists the other tags of the repository. Saves services.png,
// services-rollback-confirm.png, services-scale.png and services-update.png under
// SLIPWAY_SCREENSHOT_DIR.
#include "core/fleet/hostmonitor.h"
#include "core/fleet/servicecatalog.h"
#include "core/store/storethread.h"
#include "models/servicetablemodel.h"
#include "tests/support/guitestbase.h"
#include "tests/support/testenv.h"
#include "widgets/services/serviceimagedialog.h"
#include "widgets/services/servicesview.h"

#include <QApplication>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QToolBar>
#include <QtTest>

using namespace slipway;
using models::ServiceTableModel;
using test::click;
using test::save;

namespace {

const QString kHost = QStringLiteral("cli:engine");

QWidget *toolButton(QWidget *view, const char *actionName) {
    auto *toolbar = view->findChild<QToolBar *>(QStringLiteral("servicesToolbar"));
    auto *action = view->findChild<QAction *>(QString::fromLatin1(actionName));
    return toolbar && action ? toolbar->widgetForAction(action) : nullptr;
}

} // namespace

class TestServicesView : public test::GuiTestBase {
    Q_OBJECT

    std::unique_ptr<engine::DockerClient> direct_;
    std::unique_ptr<core::HostMonitor> monitor_;
    std::unique_ptr<core::ServiceCatalog> catalog_;
    std::unique_ptr<widgets::ServicesView> view_;
    QString registry_;
    QString name_;
    QString id_;

    QString image(const char *tag) const { return registry_ + "/slipway/web:" + tag; }

    std::optional<core::ServiceRecord> record() const { return catalog_->service(kHost, id_); }

    int proxyRow() const {
        const auto *m = view_->table()->model();
        for (int i = 0; i < m->rowCount(); ++i)
            if (m->index(i, 0).data(ServiceTableModel::ServiceIdRole).toString() == id_)
                return i;
        return -1;
    }

    QString cell(int column) const {
        const int row = proxyRow();
        return row < 0 ? QString() : view_->table()->model()->index(row, column).data().toString();
    }

    void selectRow() {
        QTableView *table = view_->table();
        const QModelIndex index = table->model()->index(proxyRow(), ServiceTableModel::NameColumn);
        QVERIFY(index.isValid());
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(index).center());
        QVERIFY(table->selectionModel()->isRowSelected(index.row(), {}));
    }

    void makeCatalog() {
        core::HostMonitor::Options options;
        core::HostConfig host;
        host.id = kHost;
        host.name = QStringLiteral("private engine");
        host.url = test::dockerHost();
        host.source = core::HostConfig::Source::CommandLine;
        options.overrideHosts = QList<core::HostConfig>{host};
        options.probeTimeout = std::chrono::seconds(30);
        monitor_ = std::make_unique<core::HostMonitor>(store(), options);
        core::ServiceCatalog::Options catalogOptions;
        catalogOptions.busyPoll = std::chrono::milliseconds(250);
        catalog_ = std::make_unique<core::ServiceCatalog>(monitor_.get(), store(), catalogOptions);
        monitor_->start();
        QVERIFY(test::waitFor([&] { return catalog_->isListed(kHost); }, std::chrono::seconds(30)));
    }

    // Waits until the service runs `tag` converged with `replicas`.
    bool settled(const char *tag, int replicas, std::chrono::seconds limit) {
        return test::waitFor(
            [&] {
                const auto r = record();
                return r && r->image == image(tag) && r->desired == replicas && r->converged() &&
                       r->running == replicas;
            },
            limit);
    }

    // The state every test function starts from: 1.1.0 after 1.0.0 (a previous spec to roll
    // back to), two replicas, converged. What a test before changed is undone here.
    void serviceAsEveryTestExpects() {
        QVERIFY(test::waitFor([&] { return record().has_value(); }, std::chrono::seconds(30)));
        QVERIFY(test::waitFor([&] { return record()->converged(); }, std::chrono::seconds(90)));
        QString refused;
        if (record()->desired != 2) {
            QVERIFY2(catalog_->scale(kHost, id_, 2, &refused), qPrintable(refused));
            QVERIFY(test::waitFor([&] { return record()->desired == 2 && record()->converged(); },
                                  std::chrono::seconds(90)));
        }
        if (record()->image != image("1.1.0") || record()->previousImage != image("1.0.0")) {
            if (record()->image != image("1.0.0")) {
                QVERIFY2(catalog_->updateImage(kHost, id_, image("1.0.0"), &refused),
                         qPrintable(refused));
                QVERIFY(settled("1.0.0", 2, std::chrono::seconds(90)));
            }
            QVERIFY2(catalog_->updateImage(kHost, id_, image("1.1.0"), &refused),
                     qPrintable(refused));
        }
        QVERIFY(settled("1.1.0", 2, std::chrono::seconds(90)));
        QCOMPARE(record()->previousImage, image("1.0.0"));
    }

    // A new catalog and view on a new database, over the one service.
    void initView() override {
        makeCatalog();
        if (QTest::currentTestFailed())
            return;
        serviceAsEveryTestExpects();
        if (QTest::currentTestFailed())
            return;
        view_ = std::make_unique<widgets::ServicesView>(catalog_.get());
        QVERIFY(test::showExposed(view_.get(), QSize(1180, 520)));
    }

    void cleanupView() override {
        view_.reset();
        catalog_.reset();
        monitor_.reset();
    }

private slots:
    void initTestCase() {
        if (test::dockerHost().isEmpty() || test::registry().isEmpty())
            QFAIL(test::missingServicesMessage().constData());
        registry_ = test::registry();
        direct_ = test::makeClient();
        QVERIFY(direct_);

        // Looser than the image's own health check, so a busy machine does not fail it.
        name_ = QString::fromStdString(test::uniqueName("svcview-gui"));
        const std::string spec =
            "{\"Name\":\"" + name_.toStdString() +
            "\",\"Labels\":{\"slipway.app\":\"svcview-gui\"},"
            "\"TaskTemplate\":{\"ContainerSpec\":{\"Image\":\"" +
            image("1.0.0").toStdString() +
            "\",\"HealthCheck\":{\"Test\":[\"CMD\",\"wget\",\"-q\",\"-O\",\"/dev/null\","
            "\"http://127.0.0.1:8080/health\"],\"Interval\":1000000000,\"Timeout\":5000000000,"
            "\"Retries\":5,\"StartPeriod\":1000000000}}},"
            "\"Mode\":{\"Replicated\":{\"Replicas\":2}},"
            "\"UpdateConfig\":{\"Parallelism\":1,\"Order\":\"start-first\","
            "\"FailureAction\":\"rollback\"},"
            "\"RollbackConfig\":{\"Parallelism\":1,\"Order\":\"start-first\"}}";
        auto id = direct_->createService(spec).wait();
        QVERIFY2(id.ok(), test::describe(id).constData());
        id_ = QString::fromStdString(id.value());
    }

    void cleanupTestCase() {
        if (direct_ && !id_.isEmpty())
            (void)direct_->removeService(id_.toStdString()).wait();
    }

    void showsTheServiceWithImageAndReplicas() {
        QTRY_VERIFY(proxyRow() >= 0);
        QCOMPARE(cell(ServiceTableModel::NameColumn), name_);
        QCOMPARE(cell(ServiceTableModel::ImageColumn), image("1.1.0"));
        QTRY_COMPARE(cell(ServiceTableModel::ReplicasColumn), QStringLiteral("2 / 2"));
        QCOMPARE(cell(ServiceTableModel::PreviousColumn), image("1.0.0"));
        QCOMPARE(cell(ServiceTableModel::UpdateColumn), QStringLiteral("updated"));
        auto *rollback = toolButton(view_.get(), "rollbackServiceAction");
        QVERIFY(rollback && !rollback->isEnabled()); // nothing selected yet
        save(view_.get(), "services");
    }

    void rollBackAsksFirstThenRollsBack() {
        selectRow();
        click(toolButton(view_.get(), "rollbackServiceAction"));
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = view_->findChild<QMessageBox *>("confirmRollbackBox")) &&
                    box->isVisible());
        const QString asked = box->text() + '\n' + box->informativeText();
        QVERIFY2(asked.contains(name_), qPrintable(asked));
        QVERIFY2(asked.contains(image("1.0.0")) && asked.contains(image("1.1.0")),
                 qPrintable(asked));
        QVERIFY2(asked.contains("starts each old replica"), qPrintable(asked));
        save(box, "services-rollback-confirm");
        click(box->button(QMessageBox::Yes));

        auto *message = view_->messageLabel();
        QTRY_VERIFY(message->isVisible() && message->text().startsWith("Rolling back"));
        QTRY_VERIFY_WITH_TIMEOUT(message->text().contains("rolled back to"), 90000);
        QVERIFY2(message->text().contains(image("1.0.0")), qPrintable(message->text()));
        QCOMPARE(cell(ServiceTableModel::ImageColumn), image("1.0.0"));
        QCOMPARE(cell(ServiceTableModel::UpdateColumn), QStringLiteral("rolled back"));
        QCOMPARE(record()->image, image("1.0.0"));
        auto spec = direct_->inspectService(id_.toStdString()).wait();
        QVERIFY(spec.ok());
        QCOMPARE(QString::fromStdString(spec.value().spec.image), image("1.0.0"));
    }

    void scaleToThree() {
        selectRow();
        click(toolButton(view_.get(), "scaleServiceAction"));
        QDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = view_->findChild<QDialog *>("scaleServiceDialog")) &&
                    dialog->isVisible());
        auto *spin = dialog->findChild<QSpinBox *>("scaleReplicasSpin");
        QVERIFY(spin);
        QCOMPARE(spin->value(), 2);
        spin->selectAll();
        QTest::keyClicks(spin, "3");
        QCOMPARE(spin->value(), 3);
        save(dialog, "services-scale");
        click(dialog->findChild<QPushButton *>("scaleServiceOk"));
        auto *message = view_->messageLabel();
        QTRY_VERIFY_WITH_TIMEOUT(message->text().contains("runs 3 of 3"), 60000);
        QCOMPARE(cell(ServiceTableModel::ReplicasColumn), QStringLiteral("3 / 3"));
        auto spec = direct_->inspectService(id_.toStdString()).wait();
        QVERIFY(spec.ok());
        QCOMPARE(*spec.value().spec.replicas, std::uint64_t(3));
    }

    void updateImageListsTheOtherTags() {
        selectRow();
        click(toolButton(view_.get(), "updateServiceImageAction"));
        widgets::ServiceImageDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = view_->findChild<widgets::ServiceImageDialog *>()) &&
                    dialog->isVisible());
        QListWidget *list = dialog->choiceList();
        QTRY_VERIFY_WITH_TIMEOUT(list->count() >= 4, 20000);
        QStringList texts;
        for (int i = 0; i < list->count(); ++i)
            texts << list->item(i)->text();
        for (const char *tag : {"1.0.0", "1.1.0", "1.2.0", "2.0.0"})
            QVERIFY2(texts.join('\n').contains(image(tag)), qPrintable(texts.join('\n')));
        // The one running now is shown but cannot be chosen; the first other one is.
        QVERIFY(!(list->item(0)->flags() & Qt::ItemIsEnabled));
        QVERIFY(!dialog->imageEdit()->text().isEmpty());
        dialog->imageEdit()->setText("Not A Valid::Reference");
        auto *error = dialog->findChild<QLabel *>("serviceImageError");
        QVERIFY(error && error->isVisible());
        QVERIFY(!dialog->findChild<QPushButton *>("serviceImageUpdate")->isEnabled());
        QListWidgetItem *other = list->item(2);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                          list->visualItemRect(other).center());
        QCOMPARE(dialog->imageEdit()->text(), other->data(Qt::UserRole).toString());
        QVERIFY(!error->isVisible());
        QVERIFY(dialog->findChild<QPushButton *>("serviceImageUpdate")->isEnabled());
        save(dialog, "services-update");
        dialog->reject();
        QTRY_VERIFY(!view_->findChild<widgets::ServiceImageDialog *>());
        save(view_.get(), "services");
    }
};

QTEST_MAIN(TestServicesView)
#include "tst_servicesview.moc"
