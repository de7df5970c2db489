#include "core/deploy/jobs/reconcilejob.h"

#include "core/deploy/reconcilesettings.h"

namespace slipway::core {

namespace {

constexpr int kMaxIndex = 1000; // replica names are tried up to this index

} // namespace

JobOutcome ReconcileJob::run(const QString &app, const QString &env) {
    JobOutcome r;
    QString why;
    if (!validNames(app, env, &why)) {
        r.error = why;
        return r;
    }
    // A change of this application (in this process, or any store's on the engines) owns its
    // replicas until it ends: a stop-first replacement stops a current replica on purpose.
    if (!lockApp(app, env, &why, true)) {
        r.ok = true;
        r.record.detail = tr("a change of %1 in %2 is under way").arg(app, env);
        return r;
    }

    struct Gate {
        bool ok = false;
        QString error;
        bool paused = false;
        bool busy = false;    // another process is changing it
        qint64 currentId = 0; // the current deployment's record
    };
    const auto readGate = [&] {
        return onStore<Gate>([&](Store *store, DeploymentStore &records) {
            Gate g;
            const auto pause = ReconcileSettings(store->database()).pause(app, env, &g.error);
            if (!pause)
                return g;
            g.paused = pause->paused;
            const auto running = records.running(&g.error);
            for (const auto &[record, owner] : running)
                g.busy = g.busy || (record.app == app && record.env == env);
            if (const auto now = records.current(app, env, &g.error))
                g.currentId = now->id;
            g.ok = g.error.isEmpty();
            return g;
        });
    };
    Gate gate = readGate();
    if (!gate.ok) {
        r.error = gate.error.isEmpty() ? tr("the database cannot be opened") : gate.error;
        return r;
    }
    r.ok = true;
    if (gate.paused) {
        r.record.detail = tr("reconcile of %1 in %2 is paused").arg(app, env);
        return r;
    }
    if (gate.busy) {
        r.record.detail = tr("a change of %1 in %2 is under way").arg(app, env);
        return r;
    }
    Current cur;
    if (!current(app, env, &cur, &why)) {
        r.ok = false;
        r.error = why;
        return r;
    }
    // Nothing of it on these hosts: deployed to others (or other hosts are watched now); it
    // is not redeployed here.
    if (!cur.record || cur.all.isEmpty())
        return r;
    // A change another process began (or ended) while the replicas were listed may have
    // stopped one on purpose: asked again right before acting; the next look sees it through.
    gate = readGate();
    if (!gate.ok || gate.paused || gate.busy || gate.currentId != cur.record->id) {
        r.record.detail = gate.paused ? tr("reconcile of %1 in %2 is paused").arg(app, env)
                                      : tr("a change of %1 in %2 is under way").arg(app, env);
        return r;
    }
    const DeploymentRecord &record = *cur.record;
    r.record = record;
    r.record.detail.clear();

    QStringList notes;
    QStringList failures;
    const auto audit = [&](const QString &where, bool ok, const QString &detail) {
        AuditEntry e;
        e.action = QStringLiteral("app.reconcile");
        e.target = QStringLiteral("%1/%2 %3").arg(app, env, record.version);
        e.host = where;
        e.result = ok ? QStringLiteral("ok") : QStringLiteral("failed");
        e.detail = SecretEnv::scrub(detail, secrets_);
        onStore<bool>([e](Store *store, DeploymentStore &) { return store->appendAudit(e); });
        if (c_.audited)
            c_.audited();
        (ok ? notes : failures).append(e.detail);
    };

    // 1. Replicas stopped by hand (docker kill, docker stop): the engine does not restart a
    // container stopped on purpose, so they are started again. A paused one was paused on
    // purpose; a dead or removing one cannot be started and is left to the engine.
    for (const Replica &rep : std::as_const(cur.replicas)) {
        if (rep.running() || rep.state == QLatin1String("paused"))
            continue;
        const DeployHost *h = host(rep.hostId);
        if (!h || (rep.state != QLatin1String("exited") && rep.state != QLatin1String("created")))
            continue;
        QString error;
        const bool started = RolloutSteps::start(*h, rep.id, &error);
        audit(h->name, started,
              started
                  ? tr("started %1 again: it was %2 and not by Slipway").arg(rep.name, rep.state)
                  : error);
    }

    // 2. Replicas that are gone (docker rm -f): new ones of the same record, on the
    // least-loaded hosts, named with a free index.
    const int missing = record.replicas - int(cur.replicas.size());
    if (missing <= 0) {
        r.record.detail = notes.join(QStringLiteral("; "));
        r.ok = failures.isEmpty();
        r.error = failures.join(QStringLiteral("; "));
        return r;
    }
    if (!resolveSecrets(app, env, record.config, {}, cur, &why)) {
        audit({}, false, why);
        r.ok = false;
        r.error = failures.join(QStringLiteral("; "));
        return r;
    }
    QStringList hostsNow;
    for (const Replica &rep : std::as_const(cur.replicas))
        hostsNow.append(rep.hostId);
    QStringList notesOut;
    const QList<HostLoad> loads =
        usableHosts(c_.load, record.config, PullPolicy::Missing, &notesOut);
    auto targets =
        Placement::place(loads, missing, record.config.hasFixedHostPort(), hostsNow, &why);
    if (!targets) {
        audit({}, false,
              tr("cannot replace %n missing replica(s): %1", "", missing)
                  .arg(notesOut.isEmpty() ? why
                                          : QStringLiteral("%1 (%2)").arg(
                                                why, notesOut.join(QStringLiteral("; ")))));
        r.ok = false;
        r.error = failures.join(QStringLiteral("; "));
        return r;
    }
    QSet<QString> names;
    for (const Replica &rep : std::as_const(cur.all))
        names.insert(rep.name);
    int index = 0;
    for (const QString &hostId : std::as_const(*targets)) {
        const DeployHost *h = host(hostId);
        if (!h || cancelled())
            break;
        QString error;
        if (!RolloutSteps::ensureImage(*h, record.config, pullOptions(PullPolicy::Missing),
                                       c_.progress, &error)) {
            audit(h->name, false, error);
            continue;
        }
        while (index < kMaxIndex && names.contains(replicaName(record, index)))
            ++index;
        const QString name = replicaName(record, index);
        names.insert(name);
        const QString id = RolloutSteps::startReplica(*h, record, name, &error, secrets_);
        audit(h->name, !id.isEmpty(),
              id.isEmpty() ? error
                           : tr("started %1 in place of a replica that is gone (%2 of %3 were "
                                "there)")
                                 .arg(name)
                                 .arg(cur.replicas.size())
                                 .arg(record.replicas));
    }
    r.record.detail = notes.join(QStringLiteral("; "));
    r.ok = failures.isEmpty();
    r.error = failures.join(QStringLiteral("; "));
    return r;
}

} // namespace slipway::core
