// The Deployer against the private engine and registry: deploy 1.0.0 -> 1.1.0 -> roll back to
// 1.0.0 (the digest matches, the replaced replicas are gone after the undo window); old replicas
// drain before they stop; a second process's change of the same application is refused.
// tst_deployer_changes covers undo, a broken target and scaling; tst_deployer_enginestop stops
// the engine mid-change.
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
};

QTEST_GUILESS_MAIN(TestDeployer)
#include "tst_deployer.moc"
