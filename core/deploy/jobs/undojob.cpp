#include "core/deploy/jobs/undojob.h"

#include "core/deploy/healthwaiter.h"
#include "core/deploy/rolloutcheck.h"

namespace slipway::core {

ChangeResult UndoJob::run(const QString &app, const QString &env) {
    QString why;
    Current cur;
    if (!validNames(app, env, &why) || !takeApp(app, env, &cur, &why, true))
        return refusal(why);
    // The replicas the current deployment replaced, still stopped in their undo window.
    const qint64 currentId = cur.record->id;
    QList<Replica> previous;
    QList<qint64> restored;
    // Past its window a replica is another process's sweep to remove, perhaps right now.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const RetiredContainer &rc : std::as_const(cur.retiredRows)) {
        if (rc.deploymentId != currentId || rc.removeAfter <= now)
            continue;
        for (const Replica &r : std::as_const(cur.all))
            if (r.id == rc.containerId && r.deploymentId > 0) {
                previous.append(r);
                restored.append(rc.id);
            }
    }
    if (previous.isEmpty())
        return refusal(tr("There is nothing to undo for %1 in %2: the replicas that deployment "
                          "#%3 replaced are removed once its undo window (%4 s) has passed.")
                           .arg(app, env)
                           .arg(currentId)
                           .arg(c_.options.undoWindow.count() / 1000));
    const qint64 previousId = previous.first().deploymentId;
    const auto before = onStore<std::optional<DeploymentRecord>>(
        [&](Store *, DeploymentStore &s) { return s.record(previousId); });
    if (!before)
        return refusal(tr("Deployment #%1, which the replaced replicas came from, is not in the "
                          "database.")
                           .arg(previousId));

    DeploymentRecord record;
    record.app = app;
    record.env = env;
    record.kind = DeploymentRecord::Kind::Undo;
    record.version = before->version;
    record.config = before->config;
    for (const Replica &r : std::as_const(previous))
        record.hosts.append(r.hostId);
    record.replicas = int(previous.size());
    if (!begin(&record, &why))
        return refusal(why);

    // The old replicas start again as they were: same containers, same config, same image.
    QList<HealthWaiter::Target> targets;
    QList<const Replica *> startedHere;
    const auto stopAgain = [&] {
        for (const Replica *r : std::as_const(startedHere)) {
            QString ignored; // still retired: the sweep removes it after its window
            RolloutSteps::stop(*host(r->hostId), r->id, &ignored);
        }
    };
    for (int i = 0; i < previous.size(); ++i) {
        const Replica &r = previous[i];
        const DeployHost *h = host(r.hostId);
        if (!h) {
            stopAgain();
            return fail(record, tr("host %1 is not reachable").arg(r.hostId));
        }
        if (cancelled()) {
            stopAgain();
            return fail(record, c_.cancel->reason());
        }
        if (c_.progress)
            c_.progress(tr("Starting %1 on %2 again").arg(r.name, h->name), i,
                        int(previous.size()));
        if (!r.running()) {
            if (!RolloutSteps::start(*h, r.id, &why)) {
                stopAgain();
                return fail(record, why);
            }
            startedHere.append(&r);
        }
        targets.append({*h, r.id, r.name});
    }
    const auto outcome = HealthWaiter::wait(targets, c_.options.healthTimeout,
                                            HealthWaiter::checksFor(record.config),
                                            c_.cancel->flag(), c_.progress, &why);
    auto check = RolloutCheck::Outcome::Running;
    if (outcome == HealthWaiter::Outcome::Healthy && !cancelled()) {
        check = RolloutCheck::verify(targets, record.replicas, &why);
        if (check != RolloutCheck::Outcome::Running)
            why = tr("before recording success: %1").arg(why);
    }
    if (outcome != HealthWaiter::Outcome::Healthy || cancelled() ||
        check != RolloutCheck::Outcome::Running) {
        const bool lost = outcome == HealthWaiter::Outcome::EngineLost ||
                          check == RolloutCheck::Outcome::EngineLost;
        if (lost) {
            // A stop sent to an engine that is away is lost, and its return would bring back
            // the replicas started here beside the current ones.
            QList<DeployHost> hosts;
            for (const auto &t : std::as_const(targets))
                hosts.append(t.host);
            QString note;
            if (!RolloutCheck::waitForEngines(hosts, c_.options.healthTimeout, &note))
                why += QStringLiteral("; ") + note;
        }
        stopAgain();
        return fail(record, cancelled() ? c_.cancel->reason() : why,
                    lost ? DeploymentRecord::Result::Interrupted
                         : DeploymentRecord::Result::Failed);
    }
    return succeed(record,
                   tr("undo of deployment #%1: the replicas of %2 serve again")
                       .arg(currentId)
                       .arg(before->version),
                   cur.replicas, restored);
}

} // namespace slipway::core
