// The team database in the GUI, against the private PostgreSQL: the dialog refuses a URL with
// a password as it is typed, Test says who the server takes you for and your rights, Save
// keeps the URL for the next start; at start-up a server asking a password libpq did not find
// gets it from the person, and a wrong one is asked again.
#include "tests/support/guitestbase.h"
#include "tests/support/slipctlrun.h"
#include "tests/support/teamdatabase.h"
#include "tests/support/testenv.h"
#include "widgets/team/teamdatabasedialog.h"
#include "widgets/team/teamlogin.h"
#include "widgets/team/teamsettings.h"

#include <QApplication>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QtTest>

using namespace slipway;

class TestTeamDatabase : public test::GuiTestBase {
    Q_OBJECT

    std::unique_ptr<test::TeamDatabase> team_;
    QString operator_;

private slots:
    void initTestCase() {
        if (!test::TeamDatabase::available())
            QFAIL(test::TeamDatabase::missingMessage().constData());
        team_ = std::make_unique<test::TeamDatabase>();
        QVERIFY2(team_->ok(), qPrintable(team_->error()));
        QTemporaryDir home;
        const auto migrated = test::runSlipctl({QStringLiteral("db"), QStringLiteral("migrate"),
                                                QStringLiteral("--database"), team_->ownerUrl(),
                                                QStringLiteral("--data-dir"), home.path()},
                                               home.path());
        QVERIFY2(migrated.exitCode == 0, migrated.err.constData());
        operator_ = team_->createLogin(QStringLiteral("op"));
        QVERIFY(!operator_.isEmpty());
        const auto granted =
            test::runSlipctl({QStringLiteral("db"), QStringLiteral("grant"), operator_,
                              QStringLiteral("operator"), QStringLiteral("--database"),
                              team_->ownerUrl(), QStringLiteral("--data-dir"), home.path()},
                             home.path());
        QVERIFY2(granted.exitCode == 0, granted.err.constData());
    }

    void cleanupTestCase() { team_.reset(); }

    void dialogChecksTestsAndSaves() {
        widgets::TeamDatabaseDialog dialog(QString(), false);
        QVERIFY(test::showExposed(&dialog, QSize(760, 360)));
        auto *url = dialog.findChild<QLineEdit *>(QStringLiteral("teamUrl"));
        auto *problem = dialog.findChild<QLabel *>(QStringLiteral("teamUrlProblem"));
        auto *tested = dialog.findChild<QLabel *>(QStringLiteral("teamTested"));
        auto *testButton = dialog.findChild<QPushButton *>(QStringLiteral("teamTest"));
        auto *saveButton = dialog.findChild<QPushButton *>(QStringLiteral("teamSave"));
        QVERIFY(url && problem && tested && testButton && saveButton);

        url->clear();
        QTest::keyClicks(url, QStringLiteral("postgresql://me:hunter2@127.0.0.1/x"));
        QVERIFY(problem->isVisible());
        QVERIFY(problem->text().contains(QLatin1String(".pgpass")));
        QVERIFY(!saveButton->isEnabled());
        QVERIFY(!testButton->isEnabled());
        test::save(&dialog, QStringLiteral("team-database-refused"));

        url->clear();
        QTest::keyClicks(url, team_->urlAs(operator_));
        QVERIFY(!problem->isVisible());
        test::click(testButton);
        QVERIFY(test::waitFor([&] { return tested->text().contains(operator_); },
                              std::chrono::seconds(30)));
        QVERIFY(tested->text().contains(QLatin1String("operator")));
        QVERIFY(!tested->text().contains(QLatin1String("approver")));
        test::save(&dialog, QStringLiteral("team-database-tested"));
        test::click(saveButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(widgets::TeamSettings::savedUrl(), team_->urlAs(operator_));
    }

    void startupAsksThePasswordLibpqDidNotFind() {
        // The password is nowhere libpq looks: the person types it (a wrong one first).
        const QString pass = team_->passFile();
        QFile file(pass);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QString password;
        for (const QByteArray &line : file.readAll().split('\n'))
            if (line.contains(':' + operator_.toUtf8() + ':'))
                password = QString::fromUtf8(line).section(u':', 4);
        file.close();
        QVERIFY(!password.isEmpty());
        const QByteArray saved = qgetenv("PGPASSFILE");
        qputenv("PGPASSFILE", QFile::encodeName(home() + QStringLiteral("/no-such-pgpass")));
        const auto restore = qScopeGuard([&] { qputenv("PGPASSFILE", saved); });

        QStringList typed{QStringLiteral("wrong"), password};
        QStringList asked;
        QTimer answer;
        answer.setInterval(50);
        connect(&answer, &QTimer::timeout, this, [&] {
            auto *input = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
            if (!input || typed.isEmpty())
                return;
            asked << input->labelText();
            if (asked.size() == 1)
                test::save(input, QStringLiteral("team-database-password"));
            input->setTextValue(typed.takeFirst());
            input->accept();
        });
        answer.start();
        core::StoreLocation where{databasePath(), team_->urlAs(operator_), {}};
        core::TeamProbe::Result result;
        QVERIFY(widgets::TeamLogin::connect(&where, &result));
        answer.stop();
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.role, operator_);
        QCOMPARE(asked.size(), 2);
        QVERIFY(asked[1].contains(QLatin1String("refused")));
        QCOMPARE(where.password, password); // for this session, in memory
    }
};

QTEST_MAIN(TestTeamDatabase)
#include "tst_teamdatabase.moc"
