// Desired state across processes: the real GUI binary runs offscreen with its own HOME while
// slipctl, with the SAME HOME (the same database), deploys two replicas of
// 127.0.0.1:5515/slipway/web:1.0.0. A replica killed through the engine API runs again within
// 15 s (the GUI's reconcile starts it); after `slipctl reconcile pause` a killed replica stays
// exited, and `resume` brings it back; a replica removed with force is replaced by a new one
// of the same deployment. Every thing reconcile did is in the audit log as app.reconcile.
#include "core/store/store.h"
#include "tests/support/guitestbase.h"
#include "tests/support/processrun.h"
#include "tests/support/slipctlrun.h"
#include "tests/support/testenv.h"

#include <QDir>
#include <QProcess>
#include <QtTest>

using namespace slipway;

// Each test function starts its own GUI and deploys its own app into a HOME of its own.
class TestReconcile : public test::GuiTestBase {
    Q_OBJECT

    std::unique_ptr<engine::DockerClient> direct_;
    QString app_;
    QProcess gui_;
    const QString env_ = QStringLiteral("t");

    std::vector<engine::ContainerSummary> containers() {
        engine::Filters f;
        f["label"] = {"slipway.app=" + app_.toStdString()};
        auto r = direct_->containers(true, f).wait();
        return r ? r.value() : std::vector<engine::ContainerSummary>{};
    }

    std::string stateOf(const std::string &id) {
        for (const auto &c : containers())
            if (c.id == id)
                return c.state;
        return "gone";
    }

    std::vector<std::string> runningIds() {
        std::vector<std::string> ids;
        for (const auto &c : containers())
            if (c.state == "running")
                ids.push_back(c.id);
        return ids;
    }

    test::ProcessRun slipctl(const QStringList &args) {
        return test::runSlipctl(args + QStringList{QStringLiteral("--host"), test::dockerHost()},
                                home());
    }

    // The audit log's app.reconcile entries so far, from the database both processes share.
    QList<core::AuditEntry> reconcileEntries() {
        auto store =
            core::Store::open(home() + QStringLiteral("/data/Slipway/slipway/slipway.sqlite"));
        QList<core::AuditEntry> out;
        if (!store)
            return out;
        for (const auto &e : store->audit(1000))
            if (e.action.startsWith(QLatin1String("app.reconcile")) &&
                e.target.startsWith(app_ + QLatin1Char('/')))
                out.append(e);
        return out;
    }

    void initView() override {
        app_ = QString::fromStdString(test::uniqueName("reconcileA"));
        QProcessEnvironment extra;
        extra.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        gui_.setProcessEnvironment(test::cleanEnvironment(home(), extra));
        gui_.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        gui_.start(QStringLiteral(SLIPWAY_GUI_BINARY),
                   {QStringLiteral("--host"), test::dockerHost()});
        QVERIFY2(gui_.waitForStarted(10000), qPrintable(gui_.errorString()));

        const auto deployed = slipctl(
            {QStringLiteral("deploy"), app_, QStringLiteral("--env"), env_,
             QStringLiteral("--image"), test::registry() + QStringLiteral("/slipway/web:1.0.0"),
             QStringLiteral("--replicas"), QStringLiteral("2"), QStringLiteral("--publish"),
             QStringLiteral("127.0.0.1:0:8080")});
        QVERIFY2(deployed.finished && deployed.exitCode == 0, deployed.err.constData());
        QCOMPARE(int(runningIds().size()), 2);
        QCOMPARE(gui_.state(), QProcess::Running);
    }

    void cleanupView() override {
        if (gui_.state() != QProcess::NotRunning) {
            gui_.terminate();
            if (!gui_.waitForFinished(10000)) {
                gui_.kill();
                gui_.waitForFinished(5000);
            }
        }
        if (direct_)
            for (const auto &c : containers())
                (void)direct_->removeContainer(c.id, true).wait();
    }

private slots:
    void initTestCase() {
        if (test::dockerHost().isEmpty() || test::registry().isEmpty())
            QFAIL(test::missingServicesMessage().constData());
        direct_ = test::makeClient();
    }

    void killedReplicaRunsAgain() {
        const std::string victim = runningIds().front();
        const auto killed = direct_->killContainer(victim).wait();
        QVERIFY2(killed, test::describe(killed).constData());
        QVERIFY2(
            test::waitFor([&] { return stateOf(victim) == "running"; }, std::chrono::seconds(15)),
            stateOf(victim).c_str());
        QCOMPARE(int(containers().size()), 2); // started again, not replaced
        // The audit entry is written once the start is done, a moment after the engine says so.
        QList<core::AuditEntry> entries;
        QVERIFY(test::waitFor(
            [&] {
                entries = reconcileEntries();
                return !entries.isEmpty();
            },
            std::chrono::seconds(15)));
        QCOMPARE(entries.first().action, QStringLiteral("app.reconcile"));
        QCOMPARE(entries.first().result, QStringLiteral("ok"));
        QVERIFY2(entries.first().detail.contains(QStringLiteral("again")),
                 qPrintable(entries.first().detail));
        QCOMPARE(gui_.state(), QProcess::Running);
    }

    void pausedReplicaStaysExited() {
        auto r = slipctl({QStringLiteral("reconcile"), QStringLiteral("pause"), app_,
                          QStringLiteral("--env"), env_});
        QVERIFY2(r.finished && r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("paused"), r.out.constData());
        const std::string victim = runningIds().back();
        const auto killed = direct_->killContainer(victim).wait();
        QVERIFY2(killed, test::describe(killed).constData());
        // Longer than the 15 s the unpaused one took at most: it stays exited.
        QVERIFY(
            !test::waitFor([&] { return stateOf(victim) == "running"; }, std::chrono::seconds(16)));
        QCOMPARE(stateOf(victim), std::string("exited"));

        r = slipctl({QStringLiteral("reconcile"), QStringLiteral("resume"), app_,
                     QStringLiteral("--env"), env_});
        QVERIFY2(r.finished && r.exitCode == 0, r.err.constData());
        QVERIFY2(
            test::waitFor([&] { return stateOf(victim) == "running"; }, std::chrono::seconds(15)),
            stateOf(victim).c_str());
        const auto entries = reconcileEntries();
        QStringList actions;
        for (const auto &e : entries)
            actions.append(e.action);
        QVERIFY2(actions.contains(QStringLiteral("app.reconcile.pause")),
                 qPrintable(actions.join(',')));
        QVERIFY2(actions.contains(QStringLiteral("app.reconcile.resume")),
                 qPrintable(actions.join(',')));
    }

    void removedReplicaIsReplaced() {
        const auto before = containers();
        QCOMPARE(int(before.size()), 2);
        const std::string gone = before.front().id;
        const std::string deployment = before.front().labels.at("slipway.deployment");
        const auto removed = direct_->removeContainer(gone, true).wait();
        QVERIFY2(removed, test::describe(removed).constData());
        QVERIFY2(test::waitFor(
                     [&] {
                         const auto now = runningIds();
                         return now.size() == 2 &&
                                std::find(now.begin(), now.end(), gone) == now.end();
                     },
                     std::chrono::seconds(15)),
                 QByteArray::number(int(runningIds().size())).constData());
        for (const auto &c : containers()) {
            QCOMPARE(c.labels.at("slipway.deployment"), deployment); // the same record
            QVERIFY(c.id != gone);
        }
        const auto entries = reconcileEntries();
        QVERIFY(!entries.isEmpty());
        QVERIFY2(entries.first().detail.contains(QStringLiteral("in place of")),
                 qPrintable(entries.first().detail));
    }
};

QTEST_MAIN(TestReconcile)
#include "tst_reconcile.moc"
