#include "core/deploy/jobs/recoverjob.h"

#include <QMap>
#include <functional>

namespace slipway::core {

RecoverResult RecoverJob::run() {
    RecoverResult r;
    QStringList notes;
    QSet<QString> interruptedApps;

    // 1. Records whose process is gone.
    QSet<qint64> activeIds;
    const auto running =
        onStore<QList<QPair<DeploymentRecord, QString>>>([&](Store *, DeploymentStore &s) {
            std::lock_guard lock(c_.active->mutex);
            activeIds = c_.active->ids; // read on the store thread: see begin()
            return s.running();
        });
    const auto patience = c_.options.healthTimeout + std::chrono::minutes(10);
    for (const auto &[record, owner] : running) {
        if (!ownerGone(owner, c_.owner, activeIds, record.id, record.startedAt, patience))
            continue;
        DeploymentRecord done = record;
        done.result = DeploymentRecord::Result::Interrupted;
        done.detail = tr("interrupted: the process running it (%1) stopped before it finished; "
                         "what it started is removed")
                          .arg(owner);
        onStore<bool>([&](Store *, DeploymentStore &s) {
            return s.finish(done.id, done.result, done.detail, done.hosts, done.replicas, {},
                            nullptr);
        });
        audit(done, QStringLiteral("app.recover"));
        interruptedApps.insert(ActiveRecords::key(done.app, done.env));
        notes.append(tr("deployment #%1 marked interrupted").arg(done.id));
    }

    // 2. Containers of deployments that failed or were interrupted.
    const auto retired =
        onStore<QList<RetiredContainer>>([](Store *, DeploymentStore &s) { return s.retired(); });
    QStringList unreachable;
    QList<Replica> deployed;
    for (const DeployHost &h : std::as_const(c_.hosts)) {
        QString why;
        if (!RolloutSteps::listDeployed(h, &deployed, &why))
            unreachable.append(why);
    }
    QString why;
    if (!ensureStoreId(&why)) {
        r.error = why;
        return r;
    }
    // Only this store's own: a replica another database deployed is never judged here, however
    // its number or UUID reads.
    QStringList uids;
    for (const Replica &rep : std::as_const(deployed))
        if (rep.storeId == storeId_ && !rep.deploymentUid.isEmpty() &&
            !uids.contains(rep.deploymentUid))
            uids.append(rep.deploymentUid);
    const auto owned = onStore<QHash<QString, DeploymentStore::Owned>>(
        [&](Store *, DeploymentStore &s) { return s.byUid(uids); });
    QHash<QString, Replica> byId;
    // What recovery does, per application: each runs only while recovery holds that
    // application, so it never races a change (or an undo) of the same replicas.
    QMap<QString, QList<std::function<void()>>> work;
    int orphans = 0;
    for (const Replica &rep : std::as_const(deployed)) {
        byId.insert(rep.id, rep);
        if (rep.storeId != storeId_ || !owned.contains(rep.deploymentUid))
            continue;
        const DeploymentStore::Owned &o = owned[rep.deploymentUid];
        if (o.result != DeploymentRecord::Result::Failed &&
            o.result != DeploymentRecord::Result::Interrupted)
            continue;
        // Hosts are looked up when the step runs: lockApp() may have left some out by then.
        work[ActiveRecords::key(o.app, o.env)].append([&, rep] {
            QString why;
            const DeployHost *h = host(rep.hostId);
            if (!h)
                return;
            if (RolloutSteps::remove(*h, rep.id, &why))
                ++orphans;
            else
                unreachable.append(why);
        });
    }

    // 3. Retired replicas: stopped during their undo window, removed after it.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    int removed = 0;
    for (const RetiredContainer &rc : retired) {
        const DeployHost *h = host(rc.hostId);
        for (const DeployHost &candidate : std::as_const(c_.hosts))
            if (!h && !rc.hostUrl.isEmpty() && candidate.url == rc.hostUrl)
                h = &candidate;
        if (!h)
            continue; // its host is not here now: a later run finishes it
        if (rc.removeAfter > now && (!r.nextSweep.isValid() || rc.removeAfter < r.nextSweep))
            r.nextSweep = rc.removeAfter;
        // Nothing to do (stopped, not yet due): the application is not taken for it.
        if (rc.removeAfter > now &&
            !(byId.contains(rc.containerId) && byId.value(rc.containerId).running()))
            continue;
        work[ActiveRecords::key(rc.app, rc.env)].append([&, rc] {
            const DeployHost *h = host(rc.hostId);
            for (const DeployHost &candidate : std::as_const(c_.hosts))
                if (!h && !rc.hostUrl.isEmpty() && candidate.url == rc.hostUrl)
                    h = &candidate;
            if (!h)
                return;
            QString why;
            if (rc.removeAfter <= QDateTime::currentDateTimeUtc()) {
                if (RolloutSteps::remove(*h, rc.containerId, &why)) {
                    onStore<bool>(
                        [&](Store *, DeploymentStore &s) { return s.forgetRetired(rc.id); });
                    ++removed;
                } else {
                    unreachable.append(why);
                }
            } else if (byId.contains(rc.containerId) && byId.value(rc.containerId).running()) {
                RolloutSteps::stop(*h, rc.containerId, &why);
            }
        });
    }

    // 4. A stop-first replacement that died half-way left a current replica stopped, and a
    // drain that died half-way left current replicas reading unhealthy.
    for (const QString &key : std::as_const(interruptedApps)) {
        work[key].append([&, key] {
            Current cur;
            QString why;
            if (!current(key.section(QLatin1Char('\n'), 0, 0), key.section(QLatin1Char('\n'), 1),
                         &cur, &why))
                return;
            for (const Replica &rep : std::as_const(cur.replicas)) {
                const DeployHost *h = host(rep.hostId);
                if (!h)
                    continue;
                if (!rep.running())
                    RolloutSteps::start(*h, rep.id, &why);
                else
                    RolloutSteps::clearDrainMarker(*h, rep.id, &why);
            }
        });
    }

    QStringList busy;
    for (auto it = work.cbegin(); it != work.cend(); ++it) {
        const QString app = it.key().section(QLatin1Char('\n'), 0, 0);
        const QString env = it.key().section(QLatin1Char('\n'), 1);
        QString why;
        if (!lockApp(app, env, &why, true)) {
            busy.append(QStringLiteral("%1/%2").arg(app, env));
            continue;
        }
        for (const auto &step : it.value())
            step();
        release();
    }
    if (orphans > 0)
        notes.append(
            tr("removed %n container(s) of failed or interrupted deployments", "", orphans));
    if (removed > 0)
        notes.append(tr("removed %n replica(s) past their undo window", "", removed));
    if (!busy.isEmpty()) {
        notes.append(tr("left %1 to a later recovery: being changed now")
                         .arg(busy.join(QStringLiteral(", "))));
        // Try again soon rather than at the next undo window's end.
        const QDateTime soon = now.addSecs(30);
        if (!r.nextSweep.isValid() || soon < r.nextSweep)
            r.nextSweep = soon;
    }

    r.ok = unreachable.isEmpty();
    r.error = unreachable.join(QStringLiteral("; "));
    r.detail = notes.join(QStringLiteral("; "));
    return r;
}

} // namespace slipway::core
