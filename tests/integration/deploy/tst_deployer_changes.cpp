// The Deployer's other changes against the private engine and registry: undo brings back the
// very replicas the last deployment stopped; a rollback to the broken 2.0.0 leaves the running
// version serving and says why; scale out to 5 and back to 2 (newest removed first). Apart
// from tst_deployer so that neither runs for minutes on a loaded machine.
#include "tests/integration/deploy/deployerfixture.h"

class TestDeployerChanges : public DeployerFixture {
    Q_OBJECT

private slots:
    void initTestCase() { setUp(); }
    void cleanupTestCase() { tearDown(); }

    // Undo starts the replicas the last deployment stopped (the very same containers, no new
    // ones), waits until they are healthy, then retires the current ones; with nothing stopped
    // left to start it refuses and says why.
    void undoRestartsTheReplacedReplicas() {
        const QString app = newApp("dep-it-undo");
        // A deployer of its own with an undo window the test cannot outrun on a slow machine.
        core::Deployer::Options options;
        options.healthTimeout = std::chrono::seconds(30);
        options.undoWindow = std::chrono::seconds(120);
        auto patient = std::make_unique<core::Deployer>(inventory_.get(), monitor_.get(), store_,
                                                        nullptr, options);
        std::swap(deployer_, patient);
        const auto restore = qScopeGuard([&] { std::swap(deployer_, patient); });

        Answer nothing = run([&] { return deployer_->undo(app, QStringLiteral("test")); });
        QVERIFY(!nothing.ok);
        QVERIFY2(nothing.error.contains(app), qPrintable(nothing.error));

        Answer first = deploy(app, "1.0.0", 2);
        QVERIFY2(first.ok, qPrintable(first.error));
        QStringList originals;
        for (const auto &c : containers(app))
            originals.append(QString::fromStdString(c.id));
        originals.sort();
        Answer second = deploy(app, "1.1.0", 2);
        QVERIFY2(second.ok, qPrintable(second.error));
        QCOMPARE(versions(app), QStringList(2, QStringLiteral("1.1.0")));

        Answer undone = run([&] { return deployer_->undo(app, QStringLiteral("test")); });
        QVERIFY2(undone.ok, qPrintable(undone.error));
        QCOMPARE(undone.record.kind, DeploymentRecord::Kind::Undo);
        QCOMPARE(undone.record.version, QStringLiteral("1.0.0"));
        QCOMPARE(undone.record.config.digest, first.record.config.digest);
        QCOMPARE(versions(app), QStringList(2, QStringLiteral("1.0.0")));
        QStringList serving;
        for (const auto &c : containers(app, false))
            serving.append(QString::fromStdString(c.id));
        serving.sort();
        QCOMPARE(serving, originals);
        // 1.1.0's replicas are stopped now, in their own undo window: undo again is a redo.
        QCOMPARE(int(containers(app).size()), 4);
        Answer redo = run([&] { return deployer_->undo(app, QStringLiteral("test")); });
        QVERIFY2(redo.ok, qPrintable(redo.error));
        QCOMPARE(versions(app), QStringList(2, QStringLiteral("1.1.0")));

        Answer history = run([&] { return deployer_->history(app, QStringLiteral("test")); });
        QVERIFY(history.history);
        QCOMPARE(history.history->size(), 4);
        QCOMPARE(history.history->at(1).kind, DeploymentRecord::Kind::Undo);
        QCOMPARE(history.history->at(1).result, DeploymentRecord::Result::Ok);
    }

    void brokenTargetLeavesRunningVersion() {
        const QString app = newApp("dep-it-broken");
        Answer good = deploy(app, "1.0.0", 2);
        QVERIFY2(good.ok, qPrintable(good.error));
        Answer broken = deploy(app, "2.0.0", 2);
        QVERIFY(!broken.ok);
        QVERIFY2(broken.error.contains(QStringLiteral("healthy")), qPrintable(broken.error));
        QCOMPARE(broken.record.result, DeploymentRecord::Result::Failed);
        QCOMPARE(versions(app), QStringList(2, QStringLiteral("1.0.0")));

        // Rolling "back" to the broken version: planned, tried, refused by its health check.
        Answer plan = run(
            [&] { return deployer_->planRollback(app, QStringLiteral("test"), broken.record.id); });
        QVERIFY(plan.plan);
        QVERIFY2(plan.plan->problem.isEmpty(), qPrintable(plan.plan->problem));
        QCOMPARE(plan.plan->to.version, QStringLiteral("2.0.0"));
        Answer back = run([&] { return deployer_->rollback(*plan.plan); });
        QVERIFY(!back.ok);
        // The health check's own output, or its timeout on a loaded machine.
        QVERIFY2(back.error.contains(QStringLiteral("healthy")), qPrintable(back.error));
        QCOMPARE(back.record.result, DeploymentRecord::Result::Failed);
        QCOMPARE(record(back.record.id)->detail, back.error);

        // Untouched: the same two replicas still serve 1.0.0, nothing of 2.0.0 is left.
        QCOMPARE(versions(app), QStringList(2, QStringLiteral("1.0.0")));
        const auto left = containers(app);
        QCOMPARE(int(left.size()), 2);
        for (const auto &c : left) {
            QCOMPARE(label(c, "slipway.deployment"), good.record.uid);
            QCOMPARE(QString::fromStdString(c.state), QStringLiteral("running"));
        }
        // A rollback to the version that runs now is refused before anything starts.
        Answer same = run(
            [&] { return deployer_->planRollback(app, QStringLiteral("test"), good.record.id); });
        QVERIFY(same.plan);
        QVERIFY(!same.plan->problem.isEmpty());
    }

    void scaleOutAndIn() {
        const QString app = newApp("dep-it-scale");
        Answer first = deploy(app, "1.1.0", 2);
        QVERIFY2(first.ok, qPrintable(first.error));
        QStringList original;
        for (const auto &c : containers(app))
            original.append(QString::fromStdString(c.id));

        Answer out = run([&] { return deployer_->scale(app, QStringLiteral("test"), 5); });
        QVERIFY2(out.ok, qPrintable(out.error));
        QCOMPARE(out.record.kind, DeploymentRecord::Kind::Scale);
        QCOMPARE(out.record.replicas, 5);
        QCOMPARE(versions(app), QStringList(5, QStringLiteral("1.1.0")));
        for (const auto &c : containers(app)) {
            QCOMPARE(QString::fromStdString(c.image), first.record.config.pinnedReference());
            QCOMPARE(label(c, "slipway.version"), QStringLiteral("1.1.0"));
        }

        Answer in = run([&] { return deployer_->scale(app, QStringLiteral("test"), 2); });
        QVERIFY2(in.ok, qPrintable(in.error));
        QCOMPARE(in.record.replicas, 2);
        QStringList left;
        for (const auto &c : containers(app))
            left.append(QString::fromStdString(c.id));
        left.sort();
        original.sort();
        QCOMPARE(left, original); // the newest went first
        QCOMPARE(versions(app), QStringList(2, QStringLiteral("1.1.0")));

        Answer bad = run([&] { return deployer_->scale(app, QStringLiteral("test"), 0); });
        QVERIFY(!bad.ok);
        QVERIFY(bad.error.contains(QStringLiteral("replicas")));
    }
};

QTEST_GUILESS_MAIN(TestDeployerChanges)
#include "tst_deployer_changes.moc"
