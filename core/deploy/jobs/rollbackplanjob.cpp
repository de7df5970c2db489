#include "core/deploy/jobs/rollbackplanjob.h"

#include "core/deploy/publishspec.h"

#include <algorithm>

namespace slipway::core {

PlanResult RollbackPlanJob::run(const QString &app, const QString &env, qint64 targetId) {
    PlanResult r;
    RollbackPlan &p = r.plan;
    p.app = app;
    p.env = env;
    QString why;
    if (!validNames(app, env, &why)) {
        p.problem = why;
        r.error = why;
        return r;
    }
    Current cur;
    if (!current(app, env, &cur, &why)) {
        p.problem = why;
        r.error = why;
        return r;
    }
    r.ok = true;
    if (!cur.record) {
        p.problem = nothingDeployed(app, env);
        return r;
    }
    p.from = *cur.record;
    if (const QString foreign = foreignRefusal(app, env, cur); !foreign.isEmpty()) {
        p.problem = foreign;
        return r;
    }
    struct Loaded {
        DeploymentHistory history;
        int keep = 0;
    };
    const int fallback = c_.options.defaultRetention;
    const Loaded loaded = onStore<Loaded>([&](Store *, DeploymentStore &s) {
        return Loaded{s.history(app, env), s.retention(app, env, fallback)};
    });
    std::optional<DeploymentRecord> to;
    for (const DeploymentRecord &h : loaded.history) {
        if (targetId > 0
                ? h.id == targetId
                : (h.id < p.from.id && h.result == DeploymentRecord::Result::Ok &&
                   !h.config.digest.isEmpty() && h.config.digest != p.from.config.digest)) {
            to = h;
            break;
        }
    }
    if (!to) {
        p.problem = targetId > 0
                        ? tr("%1 in %2 has no deployment #%3.").arg(app, env).arg(targetId)
                        : tr("%1 in %2 has no earlier version to roll back to.").arg(app, env);
        return r;
    }
    p.to = *to;
    p.replicas = cur.replicas.isEmpty() ? p.from.replicas : int(cur.replicas.size());
    for (const Replica &rep : std::as_const(cur.replicas))
        if (!p.hostIds.contains(rep.hostId))
            p.hostIds.append(rep.hostId);
    if (p.hostIds.isEmpty())
        p.hostIds = p.from.hosts;
    p.hostIds.removeDuplicates();
    if (to->config.hasFixedHostPort()) {
        p.stopFirst = true;
        QStringList ports;
        for (const QString &text : std::as_const(to->config.publish))
            if (auto spec = PublishSpec::parse(text); spec && spec->fixed())
                ports.append(QString::number(spec->hostPort));
        p.stopFirstReason = tr("host port %1 is fixed: each host is without a replica between "
                               "stopping the old one and the new one being healthy")
                                .arg(ports.join(QStringLiteral(", ")));
    }
    if (to->config.digest.isEmpty()) {
        p.problem = tr("Deployment #%1 never resolved its image to a digest.").arg(to->id);
        return r;
    }
    if (to->config.digest == p.from.config.digest) {
        p.problem = tr("%1 (%2) is what runs now.").arg(to->version, to->config.digest.left(19));
        return r;
    }
    QStringList versions;
    for (const DeploymentRecord &h : loaded.history)
        if (!h.config.digest.isEmpty() && !versions.contains(h.config.digest))
            versions.append(h.config.digest);
    if (versions.indexOf(to->config.digest) >= loaded.keep) {
        p.problem = tr("%1 is older than the last %2 versions kept restorable.")
                        .arg(to->version)
                        .arg(loaded.keep);
        return r;
    }
    if (!c_.hosts.isEmpty() &&
        std::none_of(c_.hosts.begin(), c_.hosts.end(), [&](const DeployHost &h) {
            return RolloutSteps::restorable(h, to->config);
        })) {
        p.problem =
            to->config.pinnedById
                ? tr("No host has the local-only image %1 (%2) any more, and it cannot "
                     "be pulled.")
                      .arg(to->config.image, to->config.digest.left(19))
                : tr("The image %1 can no longer be pulled.").arg(to->config.pinnedReference());
        return r;
    }
    // Said before the user confirms; rollback() looks again when it runs.
    if (!resolveSecrets(app, env, to->config, {}, cur, &why))
        p.problem = why;
    secrets_.clear();
    return r;
}

} // namespace slipway::core
