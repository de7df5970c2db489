// The deploy dialog's environment rows offscreen, with the real Deployer on the private engine
// (issue 11): a name like DB_PASSWORD is marked secret by itself and its value hidden as it is
// typed; another row can be marked secret by hand. The deployed container gets both values;
// the record, the history model and the database file get neither; a form filled from the
// record has their keys only, hidden and empty. Saves deploy-dialog-secret.png under
// SLIPWAY_SCREENSHOT_DIR.
#include "core/deploy/deployer.h"
#include "core/fleet/hostmonitor.h"
#include "core/fleet/inventory.h"
#include "core/store/storethread.h"
#include "models/deploymenthistorymodel.h"
#include "resources/translations.h"
#include "tests/support/guitestbase.h"
#include "tests/support/testenv.h"
#include "widgets/applications/deploydialog.h"
#include "widgets/applications/envvarsedit.h"

#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

using namespace slipway;
using test::click;
using test::save;
using widgets::DeployDialog;
using widgets::EnvVarsEdit;

namespace {

const QString kPassword = QStringLiteral("gui-pw-51c0de-never-stored");
const QString kUrl = QStringLiteral("postgres://shop:gui-url-pw@db:5432/shop");

} // namespace

class TestDeployDialog : public test::GuiTestBase {
    Q_OBJECT

    std::unique_ptr<engine::DockerClient> direct_;
    std::unique_ptr<core::HostMonitor> hosts_;
    std::unique_ptr<core::Inventory> inventory_;
    std::unique_ptr<core::Deployer> deployer_;
    QString app_;

    void initView() override {
        app_ = QString::fromStdString(test::uniqueName("guisecret"));
        core::HostMonitor::Options options;
        core::HostConfig real;
        real.id = QStringLiteral("cli:1");
        real.name = QStringLiteral("private engine");
        real.url = test::dockerHost();
        real.source = core::HostConfig::Source::CommandLine;
        options.overrideHosts = QList<core::HostConfig>{real};
        options.probeTimeout = std::chrono::seconds(30);
        hosts_ = std::make_unique<core::HostMonitor>(store(), options);
        inventory_ = std::make_unique<core::Inventory>(store());
        inventory_->attach(hosts_.get());
        core::Deployer::Options deployOptions;
        deployOptions.healthTimeout = std::chrono::seconds(90);
        deployer_ = std::make_unique<core::Deployer>(inventory_.get(), hosts_.get(), store(),
                                                     nullptr, deployOptions);
        hosts_->start();
        QVERIFY(test::waitFor([&] { return hosts_->upCount() == 1; }, std::chrono::seconds(30)));
    }

    void cleanupView() override {
        deployer_.reset();
        if (direct_ && !app_.isEmpty()) {
            auto list =
                direct_->containers(true, {{"label", {"slipway.app=" + app_.toStdString()}}})
                    .wait();
            if (list)
                for (const auto &c : list.value())
                    (void)direct_->removeContainer(c.id, true).wait();
        }
        inventory_.reset();
        hosts_.reset();
    }

private slots:
    void initTestCase() {
        if (test::dockerHost().isEmpty() || test::registry().isEmpty())
            QFAIL(test::missingServicesMessage().constData());
        direct_ = test::makeClient();
        QVERIFY(direct_);
        qApp->setStyleSheet(resources::styleSheet());
        // Neither value may come from this process's environment.
        qunsetenv("DB_PASSWORD");
        qunsetenv("DATABASE_URL");
    }

    void secretRowsAreHiddenAndNeverStored() {
        DeployDialog dialog(deployer_.get());
        dialog.setApplication(app_, QStringLiteral("guitest"), false);
        dialog.imageEdit()->setText(test::registry() + QStringLiteral("/slipway/web:1.0.0"));
        auto *publish = dialog.findChild<QLineEdit *>(QStringLiteral("deployPublishEdit"));
        QVERIFY(publish);
        publish->setText(QStringLiteral("127.0.0.1:0:8080"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        EnvVarsEdit *vars = dialog.envVarsEdit();
        QVERIFY(vars);

        // A plain variable stays plain.
        click(vars->addButton());
        QCOMPARE(vars->rowCount(), 1);
        QTest::keyClicks(vars->keyEdit(0), QStringLiteral("GREETING"));
        QTest::keyClicks(vars->valueEdit(0), QStringLiteral("hi"));
        QVERIFY(!vars->secretBox(0)->isChecked());
        QCOMPARE(vars->valueEdit(0)->echoMode(), QLineEdit::Normal);

        // A name with PASSWORD in it is a secret by itself, and cannot be made plain.
        click(vars->addButton());
        QTest::keyClicks(vars->keyEdit(1), QStringLiteral("DB_PASSWORD"));
        QVERIFY(vars->secretBox(1)->isChecked());
        QVERIFY(!vars->secretBox(1)->isEnabled());
        QCOMPARE(vars->valueEdit(1)->echoMode(), QLineEdit::Password);
        QTest::keyClicks(vars->valueEdit(1), kPassword);

        // Any other can be marked secret by hand.
        click(vars->addButton());
        QTest::keyClicks(vars->keyEdit(2), QStringLiteral("DATABASE_URL"));
        QVERIFY(!vars->secretBox(2)->isChecked());
        QCOMPARE(vars->valueEdit(2)->echoMode(), QLineEdit::Normal);
        QTRY_VERIFY(vars->secretBox(2)->isVisible()); // a new row is shown by the event loop
        click(vars->secretBox(2));
        QVERIFY(vars->secretBox(2)->isChecked());
        QCOMPARE(vars->valueEdit(2)->echoMode(), QLineEdit::Password);
        vars->valueEdit(2)->setText(kUrl);
        QVERIFY(!vars->valueEdit(1)->displayText().contains(kPassword));
        save(&dialog, QStringLiteral("deploy-dialog-secret"));

        QString problem;
        const auto request = dialog.request(&problem);
        QVERIFY2(request, qPrintable(problem));
        QCOMPARE(request->config.secret,
                 (QStringList{QStringLiteral("DB_PASSWORD"), QStringLiteral("DATABASE_URL")}));

        QSignalSpy deployed(&dialog, &DeployDialog::deployed);
        click(dialog.deployButton());
        QVERIFY2(test::waitFor([&] { return !deployed.isEmpty() || !dialog.error().isEmpty(); },
                               std::chrono::seconds(150)),
                 "the deployment did not finish");
        QVERIFY2(dialog.error().isEmpty(), qPrintable(dialog.error()));
        const auto record = deployed.first().first().value<core::DeploymentRecord>();
        QCOMPARE(record.config.env, QStringList{QStringLiteral("GREETING=hi")});
        QCOMPARE(record.config.maskedEnv(),
                 (QStringList{QStringLiteral("GREETING=hi"), QStringLiteral("DB_PASSWORD=******"),
                              QStringLiteral("DATABASE_URL=******")}));

        // The container has both values.
        auto list =
            direct_->containers(false, {{"label", {"slipway.app=" + app_.toStdString()}}}).wait();
        QVERIFY(list);
        QCOMPARE(int(list.value().size()), 1);
        auto inspected = direct_->inspectContainer(list.value().front().id).wait();
        QVERIFY(inspected);
        QStringList env;
        for (const auto &e : inspected.value().env)
            env.append(QString::fromStdString(e));
        QVERIFY2(env.contains(QStringLiteral("DB_PASSWORD=") + kPassword),
                 qPrintable(env.join(' ')));
        QVERIFY(env.contains(QStringLiteral("DATABASE_URL=") + kUrl));

        // The history shows keys, masked.
        models::DeploymentHistoryModel history;
        history.setHistory({record});
        const QModelIndex version = history.index(0, models::DeploymentHistoryModel::VersionColumn);
        QCOMPARE(history.data(version, models::DeploymentHistoryModel::EnvRole).toStringList(),
                 record.config.maskedEnv());
        const QString tip = history.data(version, Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QStringLiteral("DB_PASSWORD=******")), qPrintable(tip));
        QVERIFY(!tip.contains(kPassword) && !tip.contains(kUrl));

        // No byte of the database holds either value.
        QByteArray bytes;
        for (const QString &suffix :
             {QString(), QStringLiteral("-journal"), QStringLiteral("-wal")}) {
            QFile f(databasePath() + suffix);
            if (f.open(QIODevice::ReadOnly))
                bytes += f.readAll();
        }
        QVERIFY(!bytes.isEmpty());
        QVERIFY(!bytes.contains(kPassword.toUtf8()));
        QVERIFY(!bytes.contains("gui-url-pw"));

        // A form filled from the record: the secrets' keys, hidden and empty.
        DeployDialog again(deployer_.get());
        again.setApplication(app_, QStringLiteral("guitest"), true);
        again.setConfig(record.config, 1);
        EnvVarsEdit *back = again.envVarsEdit();
        QCOMPARE(back->rowCount(), 3);
        QCOMPARE(back->keyEdit(1)->text(), QStringLiteral("DB_PASSWORD"));
        QVERIFY(back->valueEdit(1)->text().isEmpty());
        QCOMPARE(back->valueEdit(1)->echoMode(), QLineEdit::Password);
        QCOMPARE(back->keyEdit(2)->text(), QStringLiteral("DATABASE_URL"));
        QVERIFY(back->secretBox(2)->isChecked());
        QVERIFY(back->valueEdit(2)->text().isEmpty());
        const auto resend = again.request(&problem);
        QVERIFY2(resend, qPrintable(problem));
        QCOMPARE(resend->config.env, QStringList{QStringLiteral("GREETING=hi")});
        QCOMPARE(resend->config.secret, record.config.secret);
    }
};

QTEST_MAIN(TestDeployDialog)
#include "tst_deploydialog.moc"
