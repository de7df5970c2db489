#include "core/deploy/jobs/scalejob.h"

#include "core/deploy/healthwaiter.h"
#include "core/deploy/rolloutcheck.h"

#include <algorithm>

namespace slipway::core {

ChangeResult ScaleJob::run(const QString &app, const QString &env, int replicas, PullPolicy pull) {
    QString why;
    if (!validNames(app, env, &why))
        return refusal(why);
    if (replicas < 1 || replicas > kMaxReplicas)
        return refusal(
            tr("replicas must be from 1 to %1 (got %2)").arg(kMaxReplicas).arg(replicas));
    Current cur;
    if (!takeApp(app, env, &cur, &why, true))
        return refusal(why);
    const int count = int(cur.replicas.size());
    if (replicas == count) {
        ChangeResult same;
        same.ok = true;
        same.record = *cur.record;
        return same;
    }
    DeploymentRecord record;
    record.app = app;
    record.env = env;
    record.kind = DeploymentRecord::Kind::Scale;
    record.version = cur.record->version;
    record.config = cur.record->config;
    record.replicas = replicas;
    if ((replicas > count && !resolveSecrets(app, env, record.config, {}, cur, &why)) ||
        !begin(&record, &why))
        return refusal(why);
    QStringList hostsNow;
    for (const Replica &r : std::as_const(cur.replicas))
        hostsNow.append(r.hostId);

    if (replicas < count) {
        // Newest first: the replicas that have served longest stay.
        QList<Replica> order = cur.replicas;
        std::sort(order.begin(), order.end(), [](const Replica &a, const Replica &b) {
            if (a.created != b.created)
                return a.created > b.created;
            if (a.deploymentId != b.deploymentId)
                return a.deploymentId > b.deploymentId;
            return a.name.section(QLatin1Char('-'), -1).toInt() >
                   b.name.section(QLatin1Char('-'), -1).toInt();
        });
        const int drop = count - replicas;
        const QString drainNote = drain(order.mid(0, drop));
        for (int i = 0; i < drop; ++i) {
            const Replica &r = order[i];
            const DeployHost *h = host(r.hostId);
            if (cancelled()) {
                record.hosts = hostsNow;
                record.replicas = int(hostsNow.size());
                return fail(record, c_.cancel->reason());
            }
            if (c_.progress)
                c_.progress(tr("Removing %1").arg(r.name), i, drop);
            if (!h || (r.running() && !RolloutSteps::stop(*h, r.id, &why)) ||
                !RolloutSteps::remove(*h, r.id, &why)) {
                record.hosts = hostsNow;
                record.replicas = int(hostsNow.size());
                return fail(record,
                            why.isEmpty() ? tr("host %1 is not reachable").arg(r.hostId) : why);
            }
            hostsNow.removeOne(r.hostId);
        }
        record.hosts = hostsNow;
        // The replicas that stay: those that served still do.
        QList<RolloutCheck::Target> staying;
        for (const Replica &r : order.mid(drop))
            if (const DeployHost *h = host(r.hostId); h && r.running())
                staying.append({*h, r.id, r.name});
        if (const auto check = RolloutCheck::verify(staying, int(staying.size()), &why);
            check != RolloutCheck::Outcome::Running)
            return fail(record, tr("before recording success: %1").arg(why),
                        check == RolloutCheck::Outcome::EngineLost
                            ? DeploymentRecord::Result::Interrupted
                            : DeploymentRecord::Result::Failed);
        return succeed(record, drainNote, {});
    }

    const bool fixed = record.config.hasFixedHostPort();
    QStringList notes;
    const QList<HostLoad> loads = usableHosts(c_.load, record.config, pull, &notes);
    auto targets = Placement::place(loads, replicas - count, fixed, hostsNow, &why);
    if (!targets)
        return fail(record, withNotes(why, notes));
    QStringList distinct = *targets;
    distinct.removeDuplicates();
    for (const QString &id : std::as_const(distinct))
        if (!RolloutSteps::ensureImage(*host(id), record.config, pullOptions(pull), c_.progress,
                                       &why))
            return fail(record, why);
    QList<QPair<QString, QString>> started;
    QList<HealthWaiter::Target> waitFor;
    for (int i = 0; i < targets->size(); ++i) {
        const DeployHost *h = host(targets->at(i));
        if (cancelled()) {
            removeAll(started);
            return fail(record, c_.cancel->reason());
        }
        if (c_.progress)
            c_.progress(
                tr("Starting replica %1 of %2 on %3").arg(i + 1).arg(targets->size()).arg(h->name),
                i, int(targets->size()));
        const QString name = replicaName(record, i);
        const QString id = RolloutSteps::startReplica(*h, record, name, &why, secrets_);
        if (id.isEmpty()) {
            removeAll(started);
            return fail(record, why);
        }
        started.append({h->id, id});
        waitFor.append({*h, id, name});
    }
    const auto outcome = HealthWaiter::wait(waitFor, c_.options.healthTimeout,
                                            HealthWaiter::checksFor(record.config),
                                            c_.cancel->flag(), c_.progress, &why);
    // What served before must still (or again) serve, beside the new replicas.
    QList<RolloutCheck::Target> serving;
    for (const Replica &r : std::as_const(cur.replicas))
        if (const DeployHost *h = host(r.hostId); h && r.running())
            serving.append({*h, r.id, r.name});
    auto check = RolloutCheck::Outcome::Running;
    if (outcome == HealthWaiter::Outcome::Healthy && !cancelled()) {
        check = RolloutCheck::verify(serving + waitFor, int(serving.size() + waitFor.size()), &why);
        if (check != RolloutCheck::Outcome::Running)
            why = tr("before recording success: %1").arg(why);
    }
    if (outcome != HealthWaiter::Outcome::Healthy || cancelled() ||
        check != RolloutCheck::Outcome::Running) {
        const bool lost = outcome == HealthWaiter::Outcome::EngineLost ||
                          check == RolloutCheck::Outcome::EngineLost;
        QString note;
        if (!RolloutCheck::giveBack(waitFor, serving, c_.options.healthTimeout, &note))
            why += QStringLiteral("; ") + note;
        return fail(record, cancelled() ? c_.cancel->reason() : why,
                    lost ? DeploymentRecord::Result::Interrupted
                         : DeploymentRecord::Result::Failed);
    }
    record.hosts = hostsNow + *targets;
    return succeed(record, {}, {});
}

} // namespace slipway::core
