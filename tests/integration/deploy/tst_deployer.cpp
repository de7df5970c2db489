// The Deployer against the private engine and registry: deploy 1.0.0 -> 1.1.0 -> roll back to
// 1.0.0 (the digest matches, the replaced replicas are gone after the undo window); a rollback
// to the broken 2.0.0 leaves the running version serving and says why; scale out to 5 and back
// to 2 (newest removed first). tst_deployer_enginestop stops the engine mid-change.
#include "tests/integration/deploy/deployerfixture.h"

class TestDeployer : public DeployerFixture {
    Q_OBJECT

private slots:
    void initTestCase() { setUp(); }
    void cleanupTestCase() { tearDown(); }

    void deployAndRollBack() {
        const QString app = newApp("dep-it-roll");
        Answer first = deploy(app, "1.0.0", 3);
        QVERIFY2(first.ok, qPrintable(first.error));
        QCOMPARE(first.record.version, QStringLiteral("1.0.0"));
        QVERIFY(first.record.config.digest.startsWith(QStringLiteral("sha256:")));
        QCOMPARE(versions(app), QStringList(3, QStringLiteral("1.0.0")));
        for (const auto &c : containers(app)) {
            QCOMPARE(label(c, "slipway.env"), QStringLiteral("test"));
            QCOMPARE(label(c, "slipway.version"), QStringLiteral("1.0.0"));
            QCOMPARE(label(c, "slipway.deployment"), first.record.uid);
            QVERIFY(!first.record.uid.isEmpty());
            QCOMPARE(label(c, "slipway.store").size(), 36); // this database's UUID
            QVERIFY(QString::fromStdString(c.name()).contains(
                QString(first.record.uid).remove(QLatin1Char('-')).left(12)));
            QCOMPARE(QString::fromStdString(c.image), first.record.config.pinnedReference());
        }

        Answer second = deploy(app, "1.1.0", 3);
        QVERIFY2(second.ok, qPrintable(second.error));
        QCOMPARE(versions(app), QStringList(3, QStringLiteral("1.1.0")));
        // The replaced replicas are stopped, not removed, during the undo window.
        QCOMPARE(int(containers(app).size()), 6);

        Answer plan = run([&] { return deployer_->planRollback(app, QStringLiteral("test")); });
        QVERIFY2(plan.ok && plan.plan, qPrintable(plan.error));
        QVERIFY2(plan.plan->problem.isEmpty(), qPrintable(plan.plan->problem));
        QCOMPARE(plan.plan->from.id, second.record.id);
        QCOMPARE(plan.plan->to.id, first.record.id);
        QCOMPARE(plan.plan->to.config.digest, first.record.config.digest);
        QCOMPARE(plan.plan->replicas, 3);
        QCOMPARE(plan.plan->hostIds, QStringList{kHost});
        QVERIFY(!plan.plan->stopFirst);

        Answer back = run([&] { return deployer_->rollback(*plan.plan); });
        QVERIFY2(back.ok, qPrintable(back.error));
        QCOMPARE(back.record.kind, DeploymentRecord::Kind::Rollback);
        QCOMPARE(back.record.config.digest, first.record.config.digest);
        QCOMPARE(versions(app), QStringList(3, QStringLiteral("1.0.0")));
        const QString wanted = imageId(first.record.config.pinnedReference());
        QVERIFY(!wanted.isEmpty());
        for (const auto &c : containers(app, false)) {
            QCOMPARE(QString::fromStdString(c.imageId), wanted);
            QCOMPARE(label(c, "slipway.deployment"), back.record.uid);
        }
        // After the undo window only the three replicas of the rollback are left.
        QVERIFY(
            test::waitFor([&] { return containers(app).size() == 3; }, std::chrono::seconds(20)));
        for (const auto &c : containers(app))
            QCOMPARE(label(c, "slipway.deployment"), back.record.uid);

        Answer history = run([&] { return deployer_->history(app, QStringLiteral("test")); });
        QVERIFY(history.history);
        QCOMPARE(history.history->size(), 3);
        QCOMPARE(history.history->first().id, back.record.id);
        QVERIFY(!history.history->first().osUser.isEmpty());
        for (const auto &h : *history.history) {
            QCOMPARE(h.result, DeploymentRecord::Result::Ok);
            QVERIFY(h.restorable);
        }
        // The audit log names each action and who did it.
        auto s = core::Store::open(dir_.filePath(QStringLiteral("db.sqlite")));
        QVERIFY(s);
        int rollbacks = 0;
        for (const auto &e : s->audit()) {
            if (e.target.startsWith(app) && e.action == QLatin1String("app.rollback")) {
                ++rollbacks;
                QCOMPARE(e.result, QStringLiteral("ok"));
                QCOMPARE(e.osUser, core::Store::currentOsUser());
            }
        }
        QCOMPARE(rollbacks, 1);
    }

    // A replacement takes the old replicas out of a load balancer's view before it stops them:
    // the engine reports each unhealthy (while it still serves) before it is killed.
    void oldReplicasDrainBeforeTheyStop() {
        const QString app = newApp("dep-it-drain");
        Answer first = deploy(app, "1.0.0", 2);
        QVERIFY2(first.ok, qPrintable(first.error));
        QStringList old;
        for (const auto &c : containers(app)) {
            QCOMPARE(label(c, "slipway.drain"), QStringLiteral("1"));
            old.append(QString::fromStdString(c.id));
        }
        QCOMPARE(old.size(), 2);

        std::mutex mutex;
        QHash<QString, QStringList> actions; // container ID -> its events, in order
        engine::Filters f;
        f["label"] = {"slipway.app=" + app.toStdString()};
        f["type"] = {"container"};
        auto events = direct_->events(
            [&](const engine::Event &e) {
                std::lock_guard lock(mutex);
                actions[QString::fromStdString(e.actorId)].append(QString::fromStdString(e.action));
            },
            f);
        Answer second = deploy(app, "1.1.0", 2);
        QVERIFY2(second.ok, qPrintable(second.error));
        QVERIFY2(second.record.detail.isEmpty(), qPrintable(second.record.detail));
        QVERIFY(test::waitFor(
            [&] {
                std::lock_guard lock(mutex);
                return std::all_of(old.begin(), old.end(), [&](const QString &id) {
                    return actions.value(id).contains(QStringLiteral("die"));
                });
            },
            std::chrono::seconds(20)));
        events.cancel();
        std::lock_guard lock(mutex);
        for (const QString &id : std::as_const(old)) {
            const QStringList seen = actions.value(id);
            const qsizetype unhealthy = seen.indexOf(QStringLiteral("health_status: unhealthy"));
            const qsizetype killed = seen.indexOf(QStringLiteral("kill"));
            QVERIFY2(unhealthy >= 0, qPrintable(seen.join(u',')));
            QVERIFY2(killed > unhealthy, qPrintable(seen.join(u',')));
        }
    }

    // A deployment another live process has under way (slipctl, a second window) refuses a
    // second one of the same application; once that process is gone, the next one runs.
    void anotherProcessHoldsTheApplication() {
        const QString app = newApp("dep-it-busy");
        QProcess other;
        other.start(QStringLiteral("sleep"), {QStringLiteral("60")});
        QVERIFY(other.waitForStarted());
        {
            auto s = core::Store::open(dir_.filePath(QStringLiteral("db.sqlite")));
            QVERIFY(s);
            DeploymentRecord r;
            r.app = app;
            r.env = QStringLiteral("test");
            r.version = QStringLiteral("1.0.0");
            r.osUser = QStringLiteral("someone-else");
            r.startedAt = QDateTime::currentDateTimeUtc();
            r.result = DeploymentRecord::Result::Running;
            QString why;
            const QString owner =
                QStringLiteral("%1:%2").arg(QSysInfo::machineHostName()).arg(other.processId());
            QVERIFY2(core::DeploymentStore(s->database()).insert(r, owner, &why) > 0,
                     qPrintable(why));
        }
        Answer refused = deploy(app, "1.0.0", 1);
        QVERIFY(!refused.ok);
        QVERIFY2(refused.error.contains(QStringLiteral("under way")) &&
                     refused.error.contains(QStringLiteral("someone-else")),
                 qPrintable(refused.error));
        QVERIFY(containers(app).empty());

        other.kill();
        QVERIFY(other.waitForFinished());
        Answer after = deploy(app, "1.0.0", 1);
        QVERIFY2(after.ok, qPrintable(after.error));
    }

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

QTEST_GUILESS_MAIN(TestDeployer)
#include "tst_deployer.moc"
