// A Slipway window while an agent leads the timed work on its database: the window does not act
// (its reconcile stays a watcher) and its status bar names the agent; when the agent goes, the
// window takes the timed work over and says nothing any more.
#include "app/slipway/mainwindow.h"
#include "app/slipway/session.h"
#include "core/agent/leadership.h"
#include "core/agent/timedwork.h"
#include "core/deploy/reconciler.h"
#include "tests/support/guitestbase.h"
#include "tests/support/testenv.h"

#include <QLabel>
#include <QtTest>

using namespace slipway;

class TestTimedWorkLeader : public test::GuiTestBase {
    Q_OBJECT

private slots:
    void aWindowFollowsWhileAnAgentLeads() {
        core::Leadership::Options quick;
        quick.retry = std::chrono::milliseconds(100);
        auto agent =
            std::make_unique<core::Leadership>(core::StoreLocation{databasePath(), {}, {}}, quick);
        agent->start();
        QVERIFY(test::waitFor([&] { return agent->leading(); }, std::chrono::seconds(10)));

        core::HostMonitor::Options options;
        options.overrideHosts = QList<core::HostConfig>{};
        app::Session session(store(), options);
        app::MainWindow window(&session);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        session.start();
        auto *label = window.findChild<QLabel *>(QStringLiteral("timedWorkLeader"));
        QVERIFY(label);
        QVERIFY(test::waitFor([&] { return label->text().contains(agent->name()); },
                              std::chrono::seconds(20)));
        QVERIFY(!session.timedWork()->leading());
        QVERIFY(!session.reconciler()->acting());
        test::save(&window, QStringLiteral("timed-work-run-by-agent"));

        agent.reset(); // the agent stops: the window leads at its next try
        QVERIFY(test::waitFor([&] { return session.timedWork()->leading(); },
                              std::chrono::seconds(20)));
        QVERIFY(session.reconciler()->acting());
        QVERIFY(test::waitFor([&] { return label->text().isEmpty(); }, std::chrono::seconds(5)));
    }
};

QTEST_MAIN(TestTimedWorkLeader)
#include "tst_timedworkleader.moc"
