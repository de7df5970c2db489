// The engine stopped in the middle of a rollback and of a scale-out leaves no orphan container
// and a correct record once it is back. It stops the private engine, so ctest runs it alone.
#include "tests/integration/deploy/deployerfixture.h"

class TestDeployerEngineStop : public DeployerFixture {
    Q_OBJECT

private slots:
    void initTestCase() { setUp(); }
    void cleanupTestCase() { tearDown(); }

    void engineStoppedDuringRollback() {
        const QString app = newApp("dep-it-kill-rb");
        // A health check that takes a few seconds leaves time to stop the engine mid-way.
        const QString slow =
            QStringLiteral("sleep 2; wget -q -O /dev/null http://127.0.0.1:8080/health");
        Answer first = deploy(app, "1.0.0", 2, slow);
        QVERIFY2(first.ok, qPrintable(first.error));
        Answer second = deploy(app, "1.1.0", 2);
        QVERIFY2(second.ok, qPrintable(second.error));
        Answer plan = run([&] { return deployer_->planRollback(app, QStringLiteral("test")); });
        QVERIFY(plan.plan && plan.plan->problem.isEmpty());

        Answer back = interrupt([&] { return deployer_->rollback(*plan.plan); },
                                QStringLiteral("Waiting for"));
        QVERIFY2(back.done, "the rollback never answered");
        QVERIFY2(!back.ok, "the rollback finished although the engine was stopped");
        QVERIFY(back.record.id > 0);
        QVERIFY(hostUp());

        Answer recovered = run([&] { return deployer_->recover(); });
        QVERIFY2(recovered.ok, qPrintable(recovered.error));
        // No orphan: nothing of the interrupted rollback is left on the engine.
        QVERIFY(test::waitFor(
            [&] {
                for (const auto &c : containers(app))
                    if (label(c, "slipway.deployment") == back.record.uid)
                        return false;
                return true;
            },
            std::chrono::seconds(20)));
        const auto rec = record(back.record.id);
        QVERIFY(rec);
        QVERIFY(rec->result == DeploymentRecord::Result::Interrupted ||
                rec->result == DeploymentRecord::Result::Failed);
        QVERIFY(!rec->detail.isEmpty());
        // The version that ran before is what runs again (its restart policy brings it back).
        QVERIFY(test::waitFor([&] { return versions(app).size() == 2; }, std::chrono::seconds(30)));
        QVERIFY(
            test::waitFor([&] { return versions(app) == QStringList(2, QStringLiteral("1.1.0")); },
                          std::chrono::seconds(30)));
        Answer plan2 = run([&] { return deployer_->planRollback(app, QStringLiteral("test")); });
        QVERIFY(plan2.plan);
        QCOMPARE(plan2.plan->from.id, second.record.id);
    }

    void engineStoppedDuringScaleOut() {
        const QString app = newApp("dep-it-kill-sc");
        const QString slow =
            QStringLiteral("sleep 2; wget -q -O /dev/null http://127.0.0.1:8080/health");
        Answer first = deploy(app, "1.0.0", 2, slow);
        QVERIFY2(first.ok, qPrintable(first.error));

        Answer out = interrupt([&] { return deployer_->scale(app, QStringLiteral("test"), 4); },
                               QStringLiteral("Waiting for"));
        QVERIFY2(out.done, "the scale-out never answered");
        QVERIFY(!out.ok);
        QVERIFY(out.record.id > 0);

        Answer recovered = run([&] { return deployer_->recover(); });
        QVERIFY2(recovered.ok, qPrintable(recovered.error));
        QVERIFY(test::waitFor(
            [&] {
                for (const auto &c : containers(app))
                    if (label(c, "slipway.deployment") != first.record.uid)
                        return false;
                return containers(app).size() == 2;
            },
            std::chrono::seconds(20)));
        const auto rec = record(out.record.id);
        QVERIFY(rec);
        QVERIFY(rec->result != DeploymentRecord::Result::Ok &&
                rec->result != DeploymentRecord::Result::Running);
        QVERIFY(
            test::waitFor([&] { return versions(app) == QStringList(2, QStringLiteral("1.0.0")); },
                          std::chrono::seconds(30)));
    }
};

QTEST_GUILESS_MAIN(TestDeployerEngineStop)
#include "tst_deployer_enginestop.moc"
