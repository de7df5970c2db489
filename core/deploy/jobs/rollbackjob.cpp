#include "core/deploy/jobs/rollbackjob.h"

#include <algorithm>

namespace slipway::core {

ChangeResult RollbackJob::run(const RollbackPlan &plan) {
    QString why;
    if (!plan.problem.isEmpty())
        return refusal(plan.problem);
    if (!validNames(plan.app, plan.env, &why) || plan.to.config.digest.isEmpty())
        return refusal(why.isEmpty() ? tr("The rollback plan has no target.") : why);
    Current cur;
    if (!takeApp(plan.app, plan.env, &cur, &why, false))
        return refusal(why);
    if (cur.record && cur.record->id != plan.from.id)
        return refusal(tr("%1 in %2 changed since the rollback was planned (now deployment #%3); "
                          "plan it again.")
                           .arg(plan.app, plan.env)
                           .arg(cur.record->id));
    DeploymentRecord record;
    record.app = plan.app;
    record.env = plan.env;
    record.kind = DeploymentRecord::Kind::Rollback;
    record.version = plan.to.version;
    record.config = plan.to.config;
    record.replicas = std::max(1, plan.replicas);
    if (!resolveSecrets(record.app, record.env, record.config, {}, cur, &why) ||
        !begin(&record, &why))
        return refusal(why);
    const bool fixed = record.config.hasFixedHostPort();
    QStringList targets;
    for (const Replica &rep : std::as_const(cur.replicas)) {
        if (targets.size() >= record.replicas || !host(rep.hostId))
            continue;
        if (fixed && targets.contains(rep.hostId))
            continue;
        targets.append(rep.hostId);
    }
    QStringList notes;
    const QList<HostLoad> loads = usableHosts(c_.load, record.config, plan.pull, &notes);
    auto more =
        Placement::place(loads, record.replicas - int(targets.size()), fixed, targets, &why);
    if (!more)
        return fail(record, withNotes(why, notes));
    targets += *more;
    return replace(record, cur.replicas, targets, plan.pull);
}

} // namespace slipway::core
