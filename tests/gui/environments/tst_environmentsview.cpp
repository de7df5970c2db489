// The Environments section against the private engine: a template imported into the catalog,
// provisioned through the Provision dialog, watched service by service in My environments,
// recycled with a click; screenshots of the catalog, a provision in progress and My
// environments. Every test function gets a new window on a new database.
#include "app/slipway/mainwindow.h"
#include "app/slipway/session.h"
#include "core/environments/environments.h"
#include "core/fleet/hostmonitor.h"
#include "models/environmentservicemodel.h"
#include "models/environmenttablemodel.h"
#include "resources/translations.h"
#include "tests/support/guitestbase.h"
#include "tests/support/testenv.h"
#include "widgets/common/sectiontable.h"
#include "widgets/environments/environmentsview.h"
#include "widgets/environments/kindvariablesdialog.h"
#include "widgets/environments/myenvironmentspage.h"
#include "widgets/environments/provisiondialog.h"
#include "widgets/environments/templatecatalogpage.h"
#include "widgets/environments/templateversionsdialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace slipway;
using core::env::EnvironmentRecord;
using models::EnvironmentTableModel;
using test::click;
using test::save;

namespace {

const QString kTemplate = QStringLiteral("guienv-web");

// Containers, networks and volumes on the engine labelled with the environment's UUID.
int leftovers(engine::DockerClient &client, const QString &environmentId) {
    const engine::Filters f{{"label", {"slipway.environment=" + environmentId.toStdString()}}};
    auto containers = client.containers(true, f).wait();
    auto networks = client.networks(f).wait();
    if (!containers.ok() || !networks.ok())
        return -1;
    return int(containers.value().size() + networks.value().size());
}

} // namespace

class TestEnvironmentsView : public test::GuiTestBase {
    Q_OBJECT

    void initView() override {
        core::HostMonitor::Options options;
        core::HostConfig real;
        real.id = "cli:1";
        real.name = "private engine";
        real.url = test::dockerHost();
        real.source = core::HostConfig::Source::CommandLine;
        options.overrideHosts = QList<core::HostConfig>{real};
        session_ = std::make_unique<app::Session>(store(), options);
        window_ = std::make_unique<app::MainWindow>(session_.get());
        window_->resize(1280, 800);
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
        session_->start();
        window_->showSection(app::MainWindow::Environments);
        view_ = window_->environmentsView();
        QVERIFY(view_);
    }

    void cleanupView() override {
        view_ = nullptr;
        window_.reset();
        session_.reset();
    }

    // Imports the test template and selects it in the catalog.
    bool importTemplate() {
        core::env::Environments *envs = session_->environments();
        QSignalSpy imported(envs, &core::env::Environments::templateImported);
        envs->importTemplate(kTemplate, QStringLiteral(SLIPWAY_TEST_DATA) +
                                            QStringLiteral("/environments/guiweb/compose.yaml"));
        if (!imported.wait(20000) || !imported.first().at(1).toBool()) {
            qWarning() << "import failed:"
                       << (imported.isEmpty() ? QVariant() : imported.first().at(2));
            return false;
        }
        view_->catalog()->selectTemplate(kTemplate);
        return QTest::qWaitFor(
            [&] { return view_->catalog()->details().version.name == kTemplate; }, 20000);
    }

private slots:
    void initTestCase() {
        if (test::dockerHost().isEmpty() || test::registry().isEmpty())
            QFAIL(test::missingServicesMessage().constData());
        qApp->setStyleSheet(resources::styleSheet());
    }

    void catalogShowsBuiltinsAndAnImportedTemplate() {
        auto *table = view_->catalog()->table();
        // The built-in templates are seeded into every new database.
        QTRY_VERIFY_WITH_TIMEOUT(table->model()->rowCount() >= 1, 20000);
        QVERIFY(importTemplate());
        QCOMPARE(view_->catalog()->details().services, QStringList({"web", "worker"}));
        QTRY_VERIFY(view_->catalog()->servicesLabel()->text().contains("web, worker"));
        QVERIFY(view_->catalog()->composeView()->toPlainText().contains("service_healthy"));
        QVERIFY(view_->catalog()->provisionButton()->isEnabled());
        save(window_.get(), QStringLiteral("environments-catalog"));
    }

    void provisionWatchAndRecycle() {
        QVERIFY(importTemplate());
        // A provision goes to a host that answered: the probe runs on its own at start-up.
        QTRY_COMPARE_WITH_TIMEOUT(session_->hosts()->status(0).state, core::HostStatus::State::Up,
                                  30000);
        click(view_->catalog()->provisionButton());
        auto *dialog = view_->findChild<widgets::ProvisionDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        const QString name = QStringLiteral("guienv-%1").arg(QCoreApplication::applicationPid());
        dialog->nameEdit()->setText(name);
        dialog->setVariable(QStringLiteral("REGISTRY"), test::registry());
        QCOMPARE(dialog->kindBox()->currentText(), QStringLiteral("test"));
        save(dialog, QStringLiteral("environments-provision-dialog"));
        click(dialog->findChild<QPushButton *>(QStringLiteral("provisionButton")));

        // My environments shows it at once, its services step by step.
        widgets::MyEnvironmentsPage *mine = view_->mine();
        QTRY_COMPARE(view_->tabs()->currentWidget(), mine);
        EnvironmentTableModel *model = mine->model();
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() == 1, 20000);
        const QString id = model->environment(0)->record.id;
        QCOMPARE(model->environment(0)->record.name, name);
        mine->selectEnvironment(id);
        QTRY_VERIFY_WITH_TIMEOUT(mine->serviceModel()->rowCount() >= 1, 30000);
        save(window_.get(), QStringLiteral("environments-provisioning"));

        QTRY_VERIFY_WITH_TIMEOUT(
            model->environment(0)->record.state == EnvironmentRecord::State::Ready, 120000);
        QCOMPARE(model->environment(0)->record.error, QString());
        // Both services run; web's port is a link on 127.0.0.1.
        QTRY_COMPARE_WITH_TIMEOUT(model->environment(0)->servicesRunning(), 2, 30000);
        QTRY_COMPARE(mine->serviceModel()->rowCount(), 2);
        const QStringList endpoints =
            model->index(0, 0).data(EnvironmentTableModel::EndpointsRole).toStringList();
        QCOMPARE(endpoints.size(), 1);
        QVERIFY2(endpoints.first().startsWith("http://127.0.0.1:"), qPrintable(endpoints.first()));
        QCOMPARE(model->index(0, EnvironmentTableModel::ServicesColumn).data().toString(),
                 QStringLiteral("2/2 running"));
        save(window_.get(), QStringLiteral("environments-mine"));

        // Recycle, confirmed: nothing labelled with it is left, the record stays.
        auto client = test::makeClient();
        QVERIFY(leftovers(*client, id) > 0);
        click(mine->recycleButton());
        QMessageBox *confirm = nullptr;
        QTRY_VERIFY((confirm = mine->findChild<QMessageBox *>(QStringLiteral("recycleConfirm"))));
        click(confirm->button(QMessageBox::Yes));
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() == 0 || model->environment(0)->record.state ==
                                                               EnvironmentRecord::State::Recycled,
                                 60000);
        QCOMPARE(leftovers(*client, id), 0);
        mine->onlyMineCheck()->setChecked(false); // ended ones are listed for everyone
        QVERIFY(model->rowOf(id) >= 0);
        QCOMPARE(model->environment(model->rowOf(id))->record.state,
                 EnvironmentRecord::State::Recycled);
    }

    void aBadVariableIsRefusedInTheDialog() {
        QVERIFY(importTemplate());
        auto *dialog = view_->openProvisionDialog(view_->catalog()->details());
        QVERIFY(dialog);
        dialog->nameEdit()->setText(QStringLiteral("Not A Valid Name"));
        QVERIFY(dialog->errorLabel()->text().contains("Not A Valid Name"));
        dialog->nameEdit()->clear();
        // REGISTRY is required (${REGISTRY:?...}) and no kind gives it.
        QVERIFY2(dialog->errorLabel()->text().contains("REGISTRY"),
                 qPrintable(dialog->errorLabel()->text()));
        dialog->setVariable(QStringLiteral("REGISTRY"), test::registry());
        QCOMPARE(dialog->errorLabel()->text(), QString());
        dialog->setVariable(QStringLiteral("1BAD"), QStringLiteral("x"));
        QVERIFY2(dialog->errorLabel()->text().contains("1BAD"),
                 qPrintable(dialog->errorLabel()->text()));
        dialog->close();
    }

    void aKindGivesTheVariableAndVersionsShowTheirDiff() {
        QVERIFY(importTemplate());
        click(view_->catalog()->variablesButton());
        auto *vars = view_->findChild<widgets::KindVariablesDialog *>();
        QVERIFY(vars);
        vars->kindBox()->setCurrentIndex(vars->kindBox()->findData(QStringLiteral("test")));
        vars->addVariable(QStringLiteral("REGISTRY"), test::registry(), false);
        vars->addVariable(QStringLiteral("DB_PASSWORD"), QStringLiteral("typed"), false);
        save(vars, QStringLiteral("environments-variables"));
        vars->save();
        // Saved, saying that the secret's typed value was not.
        QTRY_VERIFY_WITH_TIMEOUT(vars->messageLabel()->text().startsWith("Saved."), 10000);
        QVERIFY2(vars->messageLabel()->text().contains("DB_PASSWORD"),
                 qPrintable(vars->messageLabel()->text()));
        // The kind's value is in the catalog; the secret-looking one kept its name only.
        QTRY_VERIFY(view_->catalog()->details().kindVariables.contains("test"));
        const auto testVars = view_->catalog()->details().kindVariables.value("test");
        QCOMPARE(testVars.size(), 2);
        for (const auto &v : testVars) {
            if (v.key == QLatin1String("DB_PASSWORD")) {
                QVERIFY(v.secret);
                QCOMPARE(v.value, QString());
            } else {
                QCOMPARE(v.value, test::registry());
            }
        }
        vars->close();
        // With the kind's REGISTRY the dialog asks for nothing more.
        auto *dialog = view_->openProvisionDialog(view_->catalog()->details());
        QCOMPARE(dialog->errorLabel()->text(), QString());
        dialog->close();

        // A second import with a change is version 2; its diff shows the change.
        QTemporaryDir dir;
        const QString folder = dir.filePath("changed");
        QDir().mkpath(folder);
        const QString source = QStringLiteral(SLIPWAY_TEST_DATA) + "/environments/guiweb/";
        QFile compose(source + "compose.yaml");
        QVERIFY(compose.open(QIODevice::ReadOnly));
        QByteArray text = compose.readAll().replace("retries: 5", "retries: 7");
        QFile out(folder + "/compose.yaml");
        QVERIFY(out.open(QIODevice::WriteOnly) && out.write(text) == text.size());
        out.close();
        QVERIFY(QFile::copy(source + "web.env", folder + "/web.env"));
        QSignalSpy imported(session_->environments(), &core::env::Environments::templateImported);
        session_->environments()->importTemplate(kTemplate, folder + "/compose.yaml");
        QVERIFY(imported.wait(20000));
        QVERIFY2(imported.first().at(1).toBool(), qPrintable(imported.first().at(2).toString()));
        QTRY_COMPARE(view_->catalog()->details().version.version, 2);
        click(view_->catalog()->versionsButton());
        auto *versions = view_->findChild<widgets::TemplateVersionsDialog *>();
        QVERIFY(versions);
        QTRY_COMPARE(versions->versionList()->count(), 2);
        QTRY_VERIFY(versions->diffView()->toPlainText().contains("+      retries: 7"));
        QVERIFY(versions->diffView()->toPlainText().contains("-      retries: 5"));
        save(versions, QStringLiteral("environments-versions"));
        versions->close();
    }

    void aProvisionWithoutItsVariableFailsNamingIt() {
        QVERIFY(importTemplate());
        core::env::Environments *envs = session_->environments();
        QSignalSpy finished(envs, &core::env::Environments::provisionFinished);
        core::env::ProvisionRequest request;
        request.templateName = kTemplate;
        request.name = QStringLiteral("guienv-novar-%1").arg(QCoreApplication::applicationPid());
        QTRY_COMPARE_WITH_TIMEOUT(session_->hosts()->status(0).state, core::HostStatus::State::Up,
                                  30000);
        envs->provision(request); // REGISTRY is not set: ${REGISTRY:?...} refuses
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().at(2).toBool(), false);
        QVERIFY2(finished.first().at(3).toString().contains("set REGISTRY to the test registry"),
                 qPrintable(finished.first().at(3).toString()));
        QCOMPARE(finished.first().at(1).toString(), QString()); // refused before any record
    }

private:
    std::unique_ptr<app::Session> session_;
    std::unique_ptr<app::MainWindow> window_;
    widgets::EnvironmentsView *view_ = nullptr;
};

QTEST_MAIN(TestEnvironmentsView)
#include "tst_environmentsview.moc"
