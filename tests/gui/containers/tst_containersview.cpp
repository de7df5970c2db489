// The Containers section offscreen against the private engine (SLIPWAY_TEST_DOCKER_HOST) and a
// dead host: a handful of labelled containers made for this run show up in the table; the
// quick filter narrows them by text, state, application, environment, host and label; every
// action is clicked in the toolbar and seen in the table, with the row kept selected; a
// failing start and a refused remove show the daemon's words above the table; remove goes
// through the real confirmation; the details pane and the live log (search, pause,
// timestamps) are checked. Screenshots go to SLIPWAY_SCREENSHOT_DIR.
#include "core/fleet/hostmonitor.h"
#include "core/fleet/inventory.h"
#include "core/fleet/logfollower.h"
#include "core/store/storethread.h"
#include "engine/dockerclient.h"
#include "models/containerfilterproxy.h"
#include "models/containertablemodel.h"
#include "resources/translations.h"
#include "tests/support/fakeengine.h"
#include "tests/support/guitestbase.h"
#include "tests/support/testenv.h"
#include "widgets/containers/containerdetailspane.h"
#include "widgets/containers/containerfilterbar.h"
#include "widgets/containers/containersview.h"
#include "widgets/containers/logview.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTextBlock>
#include <QToolBar>
#include <QToolButton>
#include <QtTest>

using namespace slipway;
using models::ContainerTableModel;
using test::click;
using test::save;
using Action = core::Inventory::Action;

namespace {

const QString kHost = QStringLiteral("cli:1");
const QString kDeadHost = QStringLiteral("cli:2");
const QString kDeadUrl = QStringLiteral("unix:///nonexistent/slipway-dead/docker.sock");

QSet<QString> toSet(const QStringList &list) {
    return QSet<QString>(list.begin(), list.end());
}

} // namespace

class TestContainersView : public test::GuiTestBase {
    Q_OBJECT

    std::shared_ptr<engine::DockerClient> client_;
    std::unique_ptr<core::HostMonitor> monitor_;
    std::unique_ptr<core::Inventory> inventory_;
    std::unique_ptr<widgets::ContainersView> view_;
    QString app_; // this run's application label: only our containers have it
    QString webA_, webB_, worker_, chatty_, broken_;
    QStringList created_;

    QString create(const std::string &name, const std::string &image,
                   const std::vector<std::string> &cmd, const std::string &env,
                   engine::Labels extraLabels, std::vector<std::string> environment, bool start,
                   const std::string &app = {}) {
        engine::ContainerCreate spec;
        spec.name = test::uniqueName(name);
        spec.image = image;
        spec.cmd = cmd;
        spec.env = std::move(environment);
        spec.labels = std::move(extraLabels);
        spec.labels["slipway.app"] = app.empty() ? app_.toStdString() : app;
        spec.labels["slipway.env"] = env;
        spec.labels["slipway.test"] = "containersview";
        auto created = test::waitFor(client_->createContainer(spec), std::chrono::seconds(60));
        if (!created || !created->ok()) {
            qWarning("create %s: %s", spec.name.c_str(),
                     created ? test::describe(*created).constData() : "no answer");
            return {};
        }
        const QString id = QString::fromStdString(created->value());
        created_.append(id);
        if (start) {
            auto started =
                test::waitFor(client_->startContainer(created->value()), std::chrono::seconds(60));
            if (!started || !started->ok())
                return {};
        }
        return id;
    }

    ContainerTableModel *model() const { return view_->model(); }
    QTableView *table() const { return view_->table(); }
    core::ContainerRef record(const QString &id) const { return inventory_->container(kHost, id); }
    QString state(const QString &id) const {
        const auto r = record(id);
        return r ? r->state : QString();
    }
    int shownRow(const QString &id) const {
        const int row = model()->rowOf(kHost, id);
        if (row < 0)
            return -1;
        return view_->proxy()->mapFromSource(model()->index(row, 0)).row();
    }
    // The IDs of the rows the table shows, of this run's containers.
    QStringList shownIds() const {
        QStringList ids;
        QAbstractItemModel *m = table()->model();
        for (int row = 0; row < m->rowCount(); ++row)
            ids.append(m->index(row, 0).data(ContainerTableModel::ContainerIdRole).toString());
        QStringList ours;
        for (const QString &id : ids)
            if (created_.contains(id))
                ours.append(id);
        return ours;
    }
    int shownCount() const { return table()->model()->rowCount(); }
    QStringList selectedIds() const {
        QStringList ids;
        for (const auto &r : view_->selectedContainers())
            ids.append(r->id);
        return ids;
    }

    void clickRow(const QString &id, Qt::KeyboardModifiers modifiers = {}) {
        const int row = shownRow(id);
        QVERIFY2(row >= 0, qPrintable(id + " is not shown"));
        const QModelIndex index = table()->model()->index(row, ContainerTableModel::NameColumn);
        table()->scrollTo(index);
        QTest::mouseClick(table()->viewport(), Qt::LeftButton, modifiers,
                          table()->visualRect(index).center());
    }

    QWidget *toolButton(const char *actionName) const {
        auto *toolbar = view_->findChild<QToolBar *>(QStringLiteral("containersToolbar"));
        auto *action = view_->findChild<QAction *>(QString::fromLatin1(actionName));
        return toolbar && action ? toolbar->widgetForAction(action) : nullptr;
    }

    // Clicks a toolbar action once the table's state has caught up and enabled it.
    void clickAction(const char *actionName) {
        QWidget *button = toolButton(actionName);
        QVERIFY(button);
        QTRY_VERIFY2_WITH_TIMEOUT(button->isEnabled(), actionName, 10000);
        click(button);
    }

    void chooseCombo(QComboBox *combo, const QString &data) {
        const int index = combo->findData(data);
        QVERIFY2(index >= 0, qPrintable(combo->objectName() + " has no " + data));
        // As a user does it: focus and arrow keys through the list.
        combo->setFocus();
        while (combo->currentIndex() < index)
            QTest::keyClick(combo, Qt::Key_Down);
        while (combo->currentIndex() > index)
            QTest::keyClick(combo, Qt::Key_Up);
        QCOMPARE(combo->currentIndex(), index);
    }

    void filterToThisRun() {
        view_->filterBar()->clearFilters();
        auto *text = view_->filterBar()->textEdit();
        QTest::keyClicks(text, app_);
        QTRY_COMPARE(view_->proxy()->text(), app_);
    }

    QMessageBox *confirmBox() const {
        return view_->findChild<QMessageBox *>(QStringLiteral("confirmRemoveContainersBox"));
    }

    // Each test function gets containers of its own (it may stop or remove them), under an
    // application label of its own, and a new view on a new database.
    void initView() override {
        app_ = QString::fromStdString(test::uniqueName("ctrtest"));
        webA_ = create("ctr-web-a", "slipway/web:1.2.0", {}, "staging",
                       {{"team", "ops"}, {"slipway.version", "1.2.0"}},
                       {"GREETING=hello", "DB_PASSWORD=hunter2"}, true);
        webB_ = create("ctr-web-b", "slipway/web:1.1.0", {}, "production",
                       {{"team", "web"}, {"slipway.version", "1.1.0"}}, {}, true);
        worker_ = create("ctr-worker", "slipway/worker:1.0.0", {}, "staging", {}, {}, false);
        chatty_ = create("ctr-chatty", "slipway/base:1",
                         {"sh", "-c",
                          "i=0; while :; do i=$((i+1)); echo \"out-$i\"; sleep 0.15; "
                          "echo \"err-$i\" >&2; sleep 0.15; done"},
                         "staging", {}, {}, true);
        broken_ =
            create("ctr-broken", "slipway/base:1", {"/no/such/binary"}, "staging", {}, {}, false);
        for (const QString &id : {webA_, webB_, worker_, chatty_, broken_})
            QVERIFY2(!id.isEmpty(), "a test container could not be made");

        core::HostMonitor::Options options;
        core::HostConfig real;
        real.id = kHost;
        real.name = QStringLiteral("private engine");
        real.url = test::dockerHost();
        real.source = core::HostConfig::Source::CommandLine;
        core::HostConfig dead = real;
        dead.id = kDeadHost;
        dead.name = QStringLiteral("dead host");
        dead.url = kDeadUrl;
        options.overrideHosts = QList<core::HostConfig>{real, dead};
        monitor_ = std::make_unique<core::HostMonitor>(store(), options);
        inventory_ = std::make_unique<core::Inventory>(store());
        inventory_->attach(monitor_.get());
        view_ = std::make_unique<widgets::ContainersView>(inventory_.get(), monitor_.get());
        QVERIFY(test::showExposed(view_.get(), QSize(1360, 860)));
        monitor_->start();
        QTRY_VERIFY_WITH_TIMEOUT(
            model()->rowOf(kHost, webA_) >= 0 && model()->rowOf(kHost, webB_) >= 0 &&
                model()->rowOf(kHost, worker_) >= 0 && model()->rowOf(kHost, chatty_) >= 0 &&
                model()->rowOf(kHost, broken_) >= 0,
            20000);
    }

    void cleanupView() override {
        view_.reset();
        inventory_.reset();
        monitor_.reset();
        if (client_)
            for (const QString &id : std::as_const(created_))
                (void)test::waitFor(client_->removeContainer(id.toStdString(), true),
                                    std::chrono::seconds(30));
        created_.clear();
    }

private slots:
    void initTestCase() {
        if (test::dockerHost().isEmpty())
            QFAIL(test::missingServicesMessage().constData());
        client_ = test::makeClient();
        QVERIFY(client_);
        qApp->setStyleSheet(resources::styleSheet());
    }

    void theTableShowsThem() {
        QTRY_VERIFY_WITH_TIMEOUT(
            model()->rowOf(kHost, webA_) >= 0 && model()->rowOf(kHost, webB_) >= 0 &&
                model()->rowOf(kHost, worker_) >= 0 && model()->rowOf(kHost, chatty_) >= 0 &&
                model()->rowOf(kHost, broken_) >= 0,
            20000);
        QTRY_COMPARE_WITH_TIMEOUT(state(webA_), QStringLiteral("running"), 10000);
        QCOMPARE(state(worker_), QStringLiteral("created"));
        const auto *m = model();
        const int row = m->rowOf(kHost, webA_);
        QCOMPARE(m->index(row, ContainerTableModel::HostColumn).data().toString(),
                 QStringLiteral("private engine"));
        QCOMPARE(m->index(row, ContainerTableModel::AppColumn).data().toString(), app_);
        QCOMPARE(m->index(row, ContainerTableModel::EnvColumn).data().toString(),
                 QStringLiteral("staging"));
        QCOMPARE(m->index(row, ContainerTableModel::VersionColumn).data().toString(),
                 QStringLiteral("1.2.0"));

        // The dead host is named, with what that means.
        QTRY_VERIFY_WITH_TIMEOUT(view_->syncLabel()->isVisible(), 20000);
        QVERIFY2(view_->syncLabel()->text().contains("dead host"),
                 qPrintable(view_->syncLabel()->text()));
        QVERIFY(view_->syncLabel()->text().contains("unreachable"));

        // Sorted by name; select one of ours so the details show.
        clickRow(webA_);
        QCOMPARE(selectedIds(), QStringList{webA_});
        auto *title = view_->detailsPane()->findChild<QLabel *>("containerTitle");
        QTRY_VERIFY_WITH_TIMEOUT(view_->detailsPane()->details().has_value(), 10000);
        QVERIFY(title->text().contains("ctr-web-a"));
        QVERIFY(view_->countLabel()->text().contains("container"));
        save(view_.get(), "containers");
    }

    void theQuickFilterNarrowsTheRows() {
        auto *bar = view_->filterBar();
        // Other tests share the engine, so "everything" is whatever the model holds now.
        const auto everything = [&] {
            return shownCount() == model()->rowCount() && shownIds().size() == 5;
        };
        QVERIFY(everything());

        // Free text: this run's application name, which only our containers carry.
        filterToThisRun();
        QTRY_COMPARE(shownCount(), 5);
        // "5 of N containers", or "5 containers" when ours are all the engine has right now.
        const QString count = view_->countLabel()->text();
        QVERIFY2(count.startsWith(QStringLiteral("5 of")) ||
                     count == QStringLiteral("5 containers"),
                 qPrintable(count));

        // State.
        chooseCombo(bar->stateCombo(), "running");
        QTRY_COMPARE(shownCount(), 3);
        QCOMPARE(toSet(shownIds()), (QSet<QString>{webA_, webB_, chatty_}));
        chooseCombo(bar->stateCombo(), "created");
        QTRY_COMPARE(shownCount(), 2);

        // Application, from the choices the table offers.
        bar->clearFilters();
        QTRY_VERIFY(everything());
        QTRY_VERIFY_WITH_TIMEOUT(bar->appCombo()->findData(app_) >= 0, 5000);
        chooseCombo(bar->appCombo(), app_);
        QTRY_COMPARE(shownCount(), 5);
        // Environment on top of it.
        QTRY_VERIFY(bar->envCombo()->findData("production") >= 0);
        chooseCombo(bar->envCombo(), "production");
        QTRY_COMPARE(shownIds(), QStringList{webB_});
        QCOMPARE(shownCount(), 1);
        chooseCombo(bar->envCombo(), "staging");
        QTRY_COMPARE(shownCount(), 4);

        // Host: nothing of ours lives on the dead one.
        QTRY_VERIFY(bar->hostCombo()->findData(kDeadHost) >= 0);
        chooseCombo(bar->hostCombo(), kDeadHost);
        QTRY_COMPARE(shownCount(), 0);
        chooseCombo(bar->hostCombo(), kHost);
        QTRY_COMPARE(shownCount(), 4);

        // A label, key=value.
        bar->clearFilters();
        QTest::keyClicks(bar->labelEdit(), "team=ops slipway.app=" + app_);
        QTRY_COMPARE(shownIds(), QStringList{webA_});
        QCOMPARE(shownCount(), 1);
        clickRow(webA_);
        save(view_.get(), "containers-filtered");

        // A word with "=" in the text field matches labels too.
        bar->clearFilters();
        QTest::keyClicks(bar->textEdit(), "team=web " + app_);
        QTRY_COMPARE(shownIds(), QStringList{webB_});

        click(bar->findChild<QToolButton *>("clearFilters"));
        QTRY_VERIFY(everything());
        QVERIFY(bar->textEdit()->text().isEmpty());
    }

    void eachActionIsSeenInTheTableWithTheRowKeptSelected() {
        filterToThisRun();
        QTRY_COMPARE(shownCount(), 5);
        clickRow(webB_);
        QCOMPARE(selectedIds(), QStringList{webB_});
        const auto stillSelected = [&] {
            return selectedIds() == QStringList{webB_} && view_->currentContainer() &&
                   view_->currentContainer()->id == webB_;
        };

        // Stop.
        QVERIFY(toolButton("stopContainersAction")->isEnabled());
        QVERIFY(!toolButton("startContainersAction")->isEnabled());
        clickAction("stopContainersAction");
        QTRY_COMPARE_WITH_TIMEOUT(state(webB_), QStringLiteral("exited"), 20000);
        const int row = shownRow(webB_);
        QTRY_COMPARE(
            table()->model()->index(row, ContainerTableModel::StateColumn).data().toString(),
            QStringLiteral("exited"));
        QVERIFY(stillSelected());
        QVERIFY(!view_->errorLabel()->isVisible());

        // Start.
        QTRY_VERIFY(toolButton("startContainersAction")->isEnabled());
        clickAction("startContainersAction");
        QTRY_COMPARE_WITH_TIMEOUT(state(webB_), QStringLiteral("running"), 20000);
        QVERIFY(stillSelected());

        // Restart: running again, started anew.
        const qint64 before = record(webB_)->stateSince;
        auto inspectBefore = test::waitFor(client_->inspectContainer(webB_.toStdString()));
        QVERIFY(inspectBefore && inspectBefore->ok());
        QTest::qWait(1100); // the engine's start time has whole seconds in the status text
        clickAction("restartContainersAction");
        QTRY_VERIFY_WITH_TIMEOUT(view_->pendingActions() == 0, 30000);
        QVERIFY(!view_->errorLabel()->isVisible());
        auto inspectAfter = test::waitFor(client_->inspectContainer(webB_.toStdString()));
        QVERIFY(inspectAfter && inspectAfter->ok());
        QVERIFY(inspectAfter->value().state.startedAt != inspectBefore->value().state.startedAt);
        QTRY_VERIFY_WITH_TIMEOUT(
            state(webB_) == QLatin1String("running") && record(webB_)->stateSince != before, 20000);
        QVERIFY(stillSelected());

        // Kill: exited with SIGKILL's code.
        clickAction("killContainersAction");
        QTRY_COMPARE_WITH_TIMEOUT(state(webB_), QStringLiteral("exited"), 20000);
        QTRY_COMPARE(record(webB_)->exitCode, 137);
        QVERIFY(stillSelected());

        // Several at once: web-a and web-b selected, started and stopped together.
        clickRow(webA_, Qt::ControlModifier);
        QCOMPARE(toSet(selectedIds()), (QSet<QString>{webA_, webB_}));
        clickAction("startContainersAction"); // only web-b needs it
        QTRY_COMPARE_WITH_TIMEOUT(state(webB_), QStringLiteral("running"), 20000);
        clickAction("stopContainersAction");
        QTRY_VERIFY_WITH_TIMEOUT(state(webA_) == QLatin1String("exited") &&
                                     state(webB_) == QLatin1String("exited"),
                                 30000);
        QCOMPARE(toSet(selectedIds()), (QSet<QString>{webA_, webB_}));
        clickAction("startContainersAction");
        QTRY_VERIFY_WITH_TIMEOUT(state(webA_) == QLatin1String("running") &&
                                     state(webB_) == QLatin1String("running"),
                                 30000);
        QVERIFY(!view_->errorLabel()->isVisible());
    }

    void aFailingStartShowsTheDaemonsWordsInline() {
        filterToThisRun();
        QTRY_COMPARE(shownCount(), 5);
        clickRow(broken_);
        QSignalSpy finished(view_.get(), &widgets::ContainersView::actionsFinished);
        clickAction("startContainersAction");
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 1, 30000);
        QCOMPARE(finished[0][0].toInt(), 1);
        QLabel *error = view_->errorLabel();
        QVERIFY(error->isVisible());
        const QString text = error->text();
        // The container by name, and the daemon's own explanation.
        QVERIFY2(text.contains("ctr-broken"), qPrintable(text));
        QVERIFY2(text.contains("/no/such/binary"), qPrintable(text));
        QVERIFY2(text.contains("no such file or directory"), qPrintable(text));
        save(view_.get(), "containers-error");
        click(view_->findChild<QToolButton *>("dismissErrors"));
        QVERIFY(!error->isVisible());
    }

    void removeAsksFirstAndARunningOneNeedsForce() {
        filterToThisRun();
        QTRY_COMPARE(shownCount(), 5);
        QTRY_COMPARE_WITH_TIMEOUT(state(chatty_), QStringLiteral("running"), 10000);
        clickRow(chatty_);
        clickRow(worker_, Qt::ControlModifier);
        QCOMPARE(selectedIds().size(), 2);

        // Cancel first: nothing goes.
        clickAction("removeContainersAction");
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = confirmBox()) && box->isVisible());
        click(box->button(QMessageBox::Cancel));
        QTRY_VERIFY(!confirmBox());
        QCOMPARE(shownCount(), 5);

        // Again, and confirm without force: the created one goes, the running one is refused.
        clickAction("removeContainersAction");
        QTRY_VERIFY((box = confirmBox()) && box->isVisible());
        const QString listed = box->text() + '\n' + box->informativeText();
        QVERIFY2(listed.contains("2 containers"), qPrintable(listed));
        QVERIFY2(listed.contains("ctr-chatty"), qPrintable(listed));
        QVERIFY2(listed.contains("ctr-worker"), qPrintable(listed));
        QVERIFY2(listed.contains("private engine"), qPrintable(listed));
        auto *force = box->findChild<QCheckBox *>("forceRemoveCheck");
        QVERIFY(force);
        QVERIFY(force->isVisible());
        QVERIFY(!force->isChecked());
        QVERIFY2(force->text().contains("the running container"), qPrintable(force->text()));
        save(box, "containers-remove-confirm");
        QSignalSpy finished(view_.get(), &widgets::ContainersView::actionsFinished);
        click(box->button(QMessageBox::Yes));
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 1, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(model()->rowOf(kHost, worker_) < 0, 20000);
        QVERIFY(model()->rowOf(kHost, chatty_) >= 0);
        const QString text = view_->errorLabel()->text();
        QVERIFY(view_->errorLabel()->isVisible());
        QVERIFY2(text.contains("ctr-chatty"), qPrintable(text));
        QVERIFY2(text.contains("cannot remove a running container"), qPrintable(text));
        // The running one stays selected.
        QCOMPARE(selectedIds(), QStringList{chatty_});
    }

    void theDetailsPaneShowsEnvironmentAndLabels() {
        filterToThisRun();
        QTRY_COMPARE(shownCount(), 5);
        clickRow(webA_);
        widgets::ContainerDetailsPane *pane = view_->detailsPane();
        QTRY_VERIFY_WITH_TIMEOUT(pane->details() && pane->details()->id == webA_, 10000);
        const auto text = [](QTableWidget *t, int row, int column) {
            return t->item(row, column) ? t->item(row, column)->text() : QString();
        };
        const auto find = [&](QTableWidget *t, const QString &key) {
            for (int r = 0; r < t->rowCount(); ++r)
                if (text(t, r, 0) == key)
                    return text(t, r, 1);
            return QStringLiteral("<missing>");
        };
        auto *env = pane->findChild<QTableWidget *>("envTable");
        auto *labels = pane->findChild<QTableWidget *>("labelsTable");
        QCOMPARE(find(env, "GREETING"), QStringLiteral("hello"));
        QCOMPARE(find(env, "DB_PASSWORD"), QStringLiteral("••••••")); // masked...
        QTabWidget *tabs = pane->tabs();
        tabs->setCurrentIndex(widgets::ContainerDetailsPane::EnvironmentTab);
        if (view_->errorLabel()->isVisible()) // the refused remove before: seen, dismissed
            click(view_->findChild<QToolButton *>("dismissErrors"));
        save(view_.get(), "containers-details");
        auto *reveal = pane->findChild<QCheckBox *>("showSecrets");
        QVERIFY(reveal->isVisible());
        // On the box itself: the rest of the row is not part of the button.
        QTest::mouseClick(reveal, Qt::LeftButton, {}, QPoint(8, reveal->height() / 2));
        QVERIFY(reveal->isChecked());
        QCOMPARE(find(env, "DB_PASSWORD"), QStringLiteral("hunter2")); // ...until asked
        QVERIFY(find(env, "PATH") != QLatin1String("<missing>"));
        QCOMPARE(find(labels, "team"), QStringLiteral("ops"));
        QCOMPARE(find(labels, "slipway.app"), app_);
        QCOMPARE(find(labels, "slipway.env"), QStringLiteral("staging"));

        auto *ports = pane->findChild<QLabel *>("value_ports");
        QVERIFY2(ports->text().contains(QStringLiteral("8080/tcp")), qPrintable(ports->text()));
        auto *command = pane->findChild<QLabel *>("value_command");
        QVERIFY2(command->text().contains("busybox httpd"), qPrintable(command->text()));
        auto *restart = pane->findChild<QLabel *>("value_restart");
        QCOMPARE(restart->text(), QStringLiteral("no"));
        auto *networks = pane->findChild<QLabel *>("value_networks");
        QVERIFY2(networks->text().startsWith("bridge: "), qPrintable(networks->text()));

        // The healthcheck's runs, newest first, refreshed as the record changes.
        auto *health = pane->findChild<QTableWidget *>("healthTable");
        // The pane re-reads the container while it is shown, so new runs appear by themselves.
        QTRY_VERIFY_WITH_TIMEOUT(health->rowCount() > 0, 20000);
        QCOMPARE(text(health, 0, 2), QStringLiteral("0"));
        tabs->setCurrentIndex(widgets::ContainerDetailsPane::LabelsTab);
        save(view_.get(), "containers-details-labels");
        tabs->setCurrentIndex(widgets::ContainerDetailsPane::HealthTab);
        save(view_.get(), "containers-details-health");
        tabs->setCurrentIndex(widgets::ContainerDetailsPane::OverviewTab);
        save(view_.get(), "containers-details-overview");
    }

    void logsFollowWithSearchAndPause() {
        filterToThisRun();
        QTRY_COMPARE(shownCount(), 5);
        clickRow(chatty_);
        clickAction("showLogsAction");
        widgets::LogView *logs = view_->logView();
        QVERIFY(logs->isVisible());
        core::LogFollower *follower = view_->logFollower();
        QCOMPARE(follower->containerId(), chatty_);
        QPlainTextEdit *text = logs->textView();
        QTRY_VERIFY_WITH_TIMEOUT(text->document()->blockCount() >= 8, 20000);
        QCOMPARE(follower->state(), core::LogFollower::State::Following);
        QVERIFY(logs->stateLabel()->text().contains("Following"));

        // stdout plain, stderr tinted; timestamps in front.
        const QTextBlock first = text->document()->firstBlock();
        QVERIFY2(first.text().contains("out-") || first.text().contains("err-"),
                 qPrintable(first.text()));
        QVERIFY2(first.text().startsWith(QString::number(QDate::currentDate().year())),
                 qPrintable(first.text()));
        bool sawStderr = false, sawStdout = false;
        for (QTextBlock b = first; b.isValid(); b = b.next()) {
            const bool tinted = b.blockFormat().hasProperty(QTextFormat::BackgroundBrush);
            if (b.text().contains("err-")) {
                QVERIFY2(tinted, qPrintable(b.text()));
                sawStderr = true;
            } else if (b.text().contains("out-")) {
                QVERIFY2(!tinted, qPrintable(b.text()));
                sawStdout = true;
            }
        }
        QVERIFY(sawStderr && sawStdout);

        // Search: every match counted, next/previous move through them.
        QTRY_VERIFY_WITH_TIMEOUT(text->document()->toPlainText().contains("err-3"), 10000);
        QTest::keyClicks(logs->searchEdit(), "err-3");
        QTRY_VERIFY(logs->matchCount() >= 1);
        QTest::keyClick(logs->searchEdit(), Qt::Key_Return);
        QVERIFY(logs->currentMatch() >= 0);
        QCOMPARE(logs->currentMatchText(), QStringLiteral("err-3"));
        QVERIFY(logs->currentMatchLine().endsWith("err-3") ||
                logs->currentMatchLine().contains("err-3"));
        QVERIFY(logs->matchLabel()->text().contains("of"));
        const int matches = logs->matchCount();
        click(logs->findChild<QToolButton *>("logNext"));
        QCOMPARE(logs->currentMatch(), matches > 1 ? 1 : 0);
        click(logs->findChild<QToolButton *>("logPrevious"));
        QCOMPARE(logs->currentMatch(), 0);
        save(view_.get(), "containers-logs");

        // Pause: the view holds still while the follower keeps buffering.
        click(logs->pauseButton());
        QVERIFY(follower->isPaused());
        QCOMPARE(logs->pauseButton()->text(), QStringLiteral("Resume"));
        const int shown = text->document()->blockCount();
        QTRY_VERIFY_WITH_TIMEOUT(follower->pendingCount() >= 3, 20000);
        QCOMPARE(text->document()->blockCount(), shown);
        QTRY_VERIFY(logs->stateLabel()->text().contains("held back"));
        save(view_.get(), "containers-logs-paused");
        click(logs->pauseButton());
        QVERIFY(!follower->isPaused());
        QVERIFY(text->document()->blockCount() > shown);

        // Timestamps off: the lines start with their own text.
        click(logs->timestampsCheck());
        QVERIFY(!logs->timestampsCheck()->isChecked());
        QTRY_VERIFY(text->document()->firstBlock().text().startsWith("out-") ||
                    text->document()->firstBlock().text().startsWith("err-"));
        click(logs->timestampsCheck());
        QVERIFY(text->document()->firstBlock().text().startsWith(
            QString::number(QDate::currentDate().year())));

        // Clear empties the view; new lines keep coming.
        click(logs->findChild<QToolButton *>("logClear"));
        QVERIFY(text->document()->toPlainText().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!text->document()->toPlainText().isEmpty(), 10000);

        // Killed, the stream ends; started again, the log follows on by itself.
        clickAction("killContainersAction");
        QTRY_COMPARE_WITH_TIMEOUT(follower->state(), core::LogFollower::State::Ended, 20000);
        QTRY_VERIFY(logs->stateLabel()->text().contains("not running"));
        clickAction("startContainersAction");
        const auto restartedLine = [&] {
            for (QTextBlock b = text->document()->firstBlock(); b.isValid(); b = b.next())
                if (b.text().endsWith(QLatin1String("  out-1")))
                    return true;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(restartedLine(), 20000);
        QCOMPARE(follower->state(), core::LogFollower::State::Following);

        // Leaving the tab stops the stream.
        view_->detailsPane()->tabs()->setCurrentIndex(widgets::ContainerDetailsPane::OverviewTab);
        QCOMPARE(follower->state(), core::LogFollower::State::Idle);
    }

    void removeWithForceThroughTheDialog() {
        filterToThisRun();
        QTRY_COMPARE(shownCount(), 5);
        clickRow(chatty_);
        QCOMPARE(selectedIds(), QStringList{chatty_});
        clickAction("removeContainersAction");
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = confirmBox()) && box->isVisible());
        auto *force = box->findChild<QCheckBox *>("forceRemoveCheck");
        QVERIFY(force);
        QTest::mouseClick(force, Qt::LeftButton, {}, QPoint(8, force->height() / 2));
        QVERIFY(force->isChecked());
        click(box->button(QMessageBox::Yes));
        QTRY_VERIFY_WITH_TIMEOUT(model()->rowOf(kHost, chatty_) < 0, 20000);
        QTRY_COMPARE(shownCount(), 4);
        QVERIFY(!view_->errorLabel()->isVisible());
        auto gone = test::waitFor(client_->inspectContainer(chatty_.toStdString()));
        QVERIFY(gone && !gone->ok());
    }

    // The translators it installs go at cleanup().
    void chineseTranslation() {
        QVERIFY(resources::installTranslations(QLocale(QLocale::Chinese, QLocale::China)));
        widgets::ContainersView view(inventory_.get(), monitor_.get());
        view.resize(1360, 860);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(view.action(Action::Start)->text(), QString::fromUtf8("启动"));
        QCOMPARE(view.action(Action::Remove)->text(), QString::fromUtf8("删除…"));
        QCOMPARE(view.filterBar()->stateCombo()->itemText(0), QString::fromUtf8("任意状态"));
        QTRY_VERIFY(view.syncLabel()->text().startsWith(QString::fromUtf8("无法连接主机")));
        view.filterBar()->textEdit()->setText(app_);
        QTRY_COMPARE(view.table()->model()->rowCount(), 5);
        const int row = view.model()->rowOf(kHost, webA_);
        view.table()->selectRow(view.proxy()->mapFromSource(view.model()->index(row, 0)).row());
        QTRY_VERIFY_WITH_TIMEOUT(view.detailsPane()->details().has_value(), 10000);
        QCOMPARE(view.detailsPane()->tabs()->tabText(0), QString::fromUtf8("概览"));
        save(&view, "zh_CN-containers");
    }
};

QTEST_MAIN(TestContainersView)
#include "tst_containersview.moc"
