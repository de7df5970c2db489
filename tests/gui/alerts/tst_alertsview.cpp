// The Alerts section offscreen against the private engine (SLIPWAY_TEST_DOCKER_HOST) and a
// host whose socket does not exist: the seeded rules are listed; the unreachable rule is edited
// in the dialog (bad input refused there first); the dead host and an unhealthy container fire
// and show up in the table; the firing alert is acknowledged with the toolbar button; a rule is
// switched off with its check box and removed through the confirmation; the notifier, without
// a tray offscreen, counts the message it would show. Screenshots go to SLIPWAY_SCREENSHOT_DIR.
#include "core/alerts/alertmonitor.h"
#include "core/fleet/hostmonitor.h"
#include "core/fleet/inventory.h"
#include "core/store/store.h"
#include "core/store/storethread.h"
#include "engine/dockerclient.h"
#include "models/alertrulemodel.h"
#include "models/alerttablemodel.h"
#include "tests/support/fakeengine.h"
#include "tests/support/guitestbase.h"
#include "tests/support/testenv.h"
#include "widgets/alerts/alertnotifier.h"
#include "widgets/alerts/alertruledialog.h"
#include "widgets/alerts/alertsview.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QToolBar>
#include <QtTest>

using namespace slipway;
using core::AlertRule;
using models::AlertRuleModel;
using models::AlertTableModel;
using test::click;
using test::save;
using Kind = AlertRule::Kind;

namespace {

const QString kHost = QStringLiteral("cli:1");
const QString kDeadHost = QStringLiteral("cli:2");

} // namespace

class TestAlertsView : public test::GuiTestBase {
    Q_OBJECT

    std::unique_ptr<engine::DockerClient> direct_;
    std::unique_ptr<core::HostMonitor> hosts_;
    std::unique_ptr<core::Inventory> inventory_;
    std::unique_ptr<core::AlertMonitor> monitor_;
    std::unique_ptr<widgets::AlertsView> view_;
    std::unique_ptr<widgets::AlertNotifier> notifier_;
    std::string sick_;

    AlertRuleModel *rules() const { return view_->ruleModel(); }
    AlertTableModel *alerts() const { return view_->alertModel(); }

    QWidget *button(const char *action) const {
        for (QToolBar *bar : view_->findChildren<QToolBar *>())
            for (QAction *a : bar->actions())
                if (a->objectName() == QLatin1String(action))
                    return bar->widgetForAction(a);
        return nullptr;
    }

    int ruleRow(Kind kind) const {
        for (int row = 0; row < rules()->rowCount(); ++row)
            if (rules()->rule(row).kind == kind)
                return row;
        return -1;
    }

    // The table row (as the view shows it) of the alert firing from `kind` on `targetKey`.
    int alertRow(Kind kind, const QString &targetKey) const {
        QAbstractItemModel *m = view_->alertsTable()->model();
        for (int row = 0; row < m->rowCount(); ++row) {
            const auto serial = m->index(row, 0).data(AlertTableModel::SerialRole).toULongLong();
            const auto a = monitor_->alert(serial);
            if (a && a->firing() && a->kind == kind && a->targetKey == targetKey)
                return row;
        }
        return -1;
    }

    widgets::AlertRuleDialog *dialog() const {
        return view_->findChild<widgets::AlertRuleDialog *>(QStringLiteral("alertRuleDialog"));
    }

    // A new database with the seeded rules, and the view over it.
    void initView() override {
        core::HostMonitor::Options options;
        core::HostConfig host;
        host.id = kHost;
        host.name = QStringLiteral("private engine");
        host.url = test::dockerHost();
        host.source = core::HostConfig::Source::CommandLine;
        core::HostConfig dead = host;
        dead.id = kDeadHost;
        dead.name = QStringLiteral("build-07");
        dead.url = QStringLiteral("unix:///nonexistent/slipway-dead/docker.sock");
        options.overrideHosts = QList<core::HostConfig>{host, dead};
        options.refreshInterval = std::chrono::milliseconds(1000);
        hosts_ = std::make_unique<core::HostMonitor>(store(), options);
        inventory_ = std::make_unique<core::Inventory>(store());
        inventory_->attach(hosts_.get());
        core::AlertMonitor::Options alertOptions;
        alertOptions.tick = std::chrono::milliseconds(250);
        monitor_ = std::make_unique<core::AlertMonitor>(store(), hosts_.get(), inventory_.get(),
                                                        nullptr, alertOptions);
        view_ = std::make_unique<widgets::AlertsView>(monitor_.get(), nullptr);
        notifier_ = std::make_unique<widgets::AlertNotifier>(monitor_.get(), QIcon());
        view_->resize(1180, 720);
        view_->show();
        hosts_->start();
        monitor_->start();
        QVERIFY(test::waitFor([&] { return monitor_->isLoaded(); }));
    }

    void cleanupView() override {
        notifier_.reset();
        view_.reset();
        monitor_.reset();
        inventory_.reset();
        hosts_.reset();
    }

    // The unreachable rule under another name, firing after a second.
    void fastUnreachableRule() {
        AlertRule rule = rules()->rule(ruleRow(Kind::HostUnreachable));
        rule.name = QStringLiteral("Build host down");
        rule.forSeconds = 1;
        QVERIFY(monitor_->saveRule(rule));
        QVERIFY(test::waitFor(
            [&] { return rules()->rule(ruleRow(Kind::HostUnreachable)).name == rule.name; }));
    }

private slots:
    // The sick container is read by every test function and changed by none.
    void initTestCase() {
        if (test::dockerHost().isEmpty())
            QFAIL(test::missingServicesMessage().constData());
        direct_ = test::makeClient();

        // A container whose health check always fails, for a realistic table.
        engine::ContainerCreate spec;
        spec.name = test::uniqueName("alertsview-sick");
        spec.image = "slipway/web:2.0.0";
        spec.labels = {{"slipway.app", "alertsview"}, {"slipway.env", "test"}};
        auto created = test::waitFor(direct_->createContainer(spec), std::chrono::seconds(60));
        QVERIFY(created && created->ok());
        sick_ = created->value();
        auto started = test::waitFor(direct_->startContainer(sick_), std::chrono::seconds(60));
        QVERIFY(started && started->ok());
    }

    void cleanupTestCase() {
        if (!sick_.empty())
            test::waitFor(direct_->removeContainer(sick_, true), std::chrono::seconds(30));
    }

    void seededRulesAreListed() {
        QCOMPARE(rules()->rowCount(), 6);
        for (Kind k : AlertRule::kinds())
            QVERIFY2(ruleRow(k) >= 0, qPrintable(AlertRule::kindKey(k)));
        const int cpu = ruleRow(Kind::HostCpu);
        QCOMPARE(rules()->index(cpu, AlertRuleModel::ConditionColumn).data().toString(),
                 QStringLiteral("CPU over 90 % for 5 min"));
        QCOMPARE(rules()->index(cpu, AlertRuleModel::EnabledColumn).data(Qt::CheckStateRole),
                 QVariant(Qt::Checked));
    }

    void editRuleInDialog() {
        const int row = ruleRow(Kind::HostUnreachable);
        view_->rulesTable()->selectRow(row);
        click(button("editRuleAction"));
        QVERIFY(test::waitFor([&] { return dialog() && dialog()->isVisible(); }));
        widgets::AlertRuleDialog *d = dialog();
        auto *forField = d->findChild<QSpinBox *>(QStringLiteral("ruleFor"));
        auto *name = d->findChild<QLineEdit *>(QStringLiteral("ruleName"));
        QVERIFY(forField && forField->isVisible());
        // Fields a host-down rule does not have are hidden.
        QVERIFY(!d->findChild<QWidget *>(QStringLiteral("ruleThreshold"))->isVisible());
        QVERIFY(!d->findChild<QWidget *>(QStringLiteral("ruleCount"))->isVisible());
        auto *buttons = d->findChild<QDialogButtonBox *>(QStringLiteral("ruleButtons"));
        QPushButton *saveButton = buttons->button(QDialogButtonBox::Save);

        // No name: refused in the dialog, nothing saved.
        name->clear();
        click(saveButton);
        auto *error = d->findChild<QLabel *>(QStringLiteral("ruleError"));
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains("name"), qPrintable(error->text()));
        QVERIFY(d->isVisible());

        QTest::keyClicks(name, "Build host down");
        forField->setValue(1);
        save(d, QStringLiteral("alertruledialog"));
        click(saveButton);
        QVERIFY(test::waitFor([&] { return dialog() == nullptr; }));
        const AlertRule saved = rules()->rule(row);
        QCOMPARE(saved.name, QStringLiteral("Build host down"));
        QCOMPARE(saved.forSeconds, 1);
        QCOMPARE(saved.version, 2);
        QCOMPARE(rules()->index(row, AlertRuleModel::ConditionColumn).data().toString(),
                 QStringLiteral("Unreachable for 1 s"));
    }

    void firingAlertIsShownAndAcknowledged() {
        fastUnreachableRule();
        if (QTest::currentTestFailed())
            return;
        const QString deadKey = core::Alert::hostKey(kDeadHost);
        QVERIFY2(test::waitFor([&] { return alertRow(Kind::HostUnreachable, deadKey) >= 0; },
                               std::chrono::seconds(30)),
                 "the dead host did not fire");
        const QString sickKey = core::Alert::containerKey(kHost, QString::fromStdString(sick_));
        QVERIFY2(test::waitFor([&] { return alertRow(Kind::ContainerUnhealthy, sickKey) >= 0; },
                               std::chrono::seconds(60)),
                 "the unhealthy container did not fire");
        QAbstractItemModel *m = view_->alertsTable()->model();
        int row = alertRow(Kind::HostUnreachable, deadKey);
        QCOMPARE(m->index(row, AlertTableModel::RuleColumn).data().toString(),
                 QStringLiteral("Build host down"));
        QCOMPARE(m->index(row, AlertTableModel::TargetColumn).data().toString(),
                 QStringLiteral("build-07"));
        QCOMPARE(m->index(row, AlertTableModel::StateColumn).data().toString(),
                 QStringLiteral("Firing"));
        QVERIFY(!m->index(row, AlertTableModel::FiredColumn).data().toString().isEmpty());
        auto *summary = view_->findChild<QLabel *>(QStringLiteral("alertsSummary"));
        QVERIFY2(summary->text().contains("firing"), qPrintable(summary->text()));

        // The notifier has no tray offscreen and says so, but still knows what it would show.
        QVERIFY(!notifier_->hasTray());
        QVERIFY(test::waitFor([&] { return notifier_->messageCount() > 0; }));
        QVERIFY(!notifier_->lastTitle().isEmpty());

        // Acknowledge is offered once the alert is recorded.
        QVERIFY(test::waitFor([&] {
            row = alertRow(Kind::HostUnreachable, deadKey);
            const auto serial = m->index(row, 0).data(AlertTableModel::SerialRole).toULongLong();
            return monitor_->alert(serial)->id > 0;
        }));
        view_->alertsTable()->selectRow(row);
        const int unacknowledged = monitor_->unacknowledgedCount();
        QSignalSpy answered(monitor_.get(), &core::AlertMonitor::requestFinished);
        click(button("acknowledgeAlertAction"));
        QVERIFY2(test::waitFor([&] { return !answered.isEmpty(); }, std::chrono::seconds(30)),
                 "acknowledging got no answer");
        QVERIFY2(answered.first().at(1).toBool(), qPrintable(answered.first().at(2).toString()));
        auto *message = view_->findChild<QLabel *>(QStringLiteral("alertsMessage"));
        QVERIFY2(test::waitFor(
                     [&] {
                         row = alertRow(Kind::HostUnreachable, deadKey);
                         return m->index(row, 0).data(AlertTableModel::AcknowledgedRole).toBool();
                     },
                     std::chrono::seconds(30)),
                 qPrintable(message->text()));
        QCOMPARE(m->index(row, AlertTableModel::StateColumn).data().toString(),
                 QStringLiteral("Firing, acknowledged"));
        QVERIFY(m->index(row, AlertTableModel::AcknowledgedColumn)
                    .data()
                    .toString()
                    .startsWith(core::Store::currentOsUser()));
        QCOMPARE(monitor_->unacknowledgedCount(), unacknowledged - 1);
        QVERIFY(!button("acknowledgeAlertAction")->isEnabled());
        view_->alertsTable()->selectRow(alertRow(Kind::ContainerUnhealthy, sickKey));
        save(view_.get(), QStringLiteral("alerts"));
    }

    void disableAndRemoveRule() {
        // Switching the unhealthy rule off clears its alert.
        const QString sickKey = core::Alert::containerKey(kHost, QString::fromStdString(sick_));
        const int row = ruleRow(Kind::ContainerUnhealthy);
        const qint64 id = rules()->rule(row).id;
        QVERIFY2(test::waitFor([&] { return monitor_->firing(id, sickKey).has_value(); },
                               std::chrono::seconds(60)),
                 "the unhealthy container did not fire");
        QVERIFY(rules()->setData(rules()->index(row, AlertRuleModel::EnabledColumn), Qt::Unchecked,
                                 Qt::CheckStateRole));
        QVERIFY(test::waitFor(
            [&] { return !rules()->rule(ruleRow(Kind::ContainerUnhealthy)).enabled; }));
        QVERIFY(test::waitFor([&] { return !monitor_->firing(id, sickKey); }));

        view_->rulesTable()->selectRow(ruleRow(Kind::ContainerUnhealthy));
        click(button("removeRuleAction"));
        QMessageBox *box = nullptr;
        QVERIFY(test::waitFor([&] {
            box = view_->findChild<QMessageBox *>(QStringLiteral("confirmRemoveRuleBox"));
            return box && box->isVisible();
        }));
        click(box->button(QMessageBox::Yes));
        QVERIFY(test::waitFor([&] { return rules()->rowCount() == 5; }));
        QCOMPARE(ruleRow(Kind::ContainerUnhealthy), -1);
    }
};

QTEST_MAIN(TestAlertsView)
#include "tst_alertsview.moc"
