#include "core/deploy/jobs/appchange.h"

#include "core/deploy/secretresolver.h"
#include "core/locks/applock.h"
#include "core/locks/helperimage.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <algorithm>
#include <thread>

namespace slipway::core {

namespace {

QString target(const DeploymentRecord &r) {
    return QStringLiteral("%1/%2 %3").arg(r.app, r.env, r.version);
}

} // namespace

AppChange::AppChange(JobContext context) : c_(std::move(context)) {}

AppChange::~AppChange() {
    release();
}

bool AppChange::validName(const QString &what, const QString &name, QString *error) {
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$"));
    if (valid.match(name).hasMatch())
        return true;
    *error = tr("The %1 name \"%2\" must start with a letter or digit and contain only letters, "
                "digits, '.', '_' and '-' (at most 63).")
                 .arg(what, name);
    return false;
}

bool AppChange::validNames(const QString &app, const QString &env, QString *error) {
    return validName(tr("application"), app, error) && validName(tr("environment"), env, error);
}

QString AppChange::nothingDeployed(const QString &app, const QString &env) {
    return tr("Nothing of %1 in %2 has been deployed successfully.").arg(app, env);
}

const DeployHost *AppChange::host(const QString &id) const {
    for (const DeployHost &h : c_.hosts)
        if (h.id == id)
            return &h;
    return nullptr;
}

QString AppChange::replicaName(const DeploymentRecord &record, int index) const {
    // The deployment's UUID, not its number: numbers repeat across databases, names may not.
    QString uid = record.uid;
    uid.remove(QLatin1Char('-'));
    return QStringLiteral("%1-%2-%3-%4").arg(record.app, record.env, uid.left(12)).arg(index + 1);
}

bool AppChange::ensureStoreId(QString *error) {
    if (!storeId_.isEmpty())
        return true;
    QString why;
    storeId_ = onStore<QString>([&](Store *, DeploymentStore &s) { return s.storeId(&why); });
    if (storeId_.isEmpty())
        *error = why.isEmpty() ? tr("the database cannot be opened") : why;
    return !storeId_.isEmpty();
}

bool AppChange::current(const QString &app, const QString &env, Current *out, QString *error) {
    if (!ensureStoreId(error))
        return false;
    struct Loaded {
        bool ok = false;
        QString error;
        std::optional<DeploymentRecord> record;
        QList<RetiredContainer> retired;
        QHash<QString, qint64> adopted;
    };
    const Loaded loaded = onStore<Loaded>([&](Store *, DeploymentStore &s) {
        Loaded l;
        l.record = s.current(app, env, &l.error);
        l.retired = s.retired(&l.error);
        l.adopted = s.adopted(&l.error);
        l.ok = l.error.isEmpty();
        return l;
    });
    if (!loaded.ok) {
        *error = loaded.error.isEmpty() ? tr("the database cannot be opened") : loaded.error;
        return false;
    }
    out->record = loaded.record;
    if (out->record)
        out->record->storeId = storeId_;
    out->retiredRows = loaded.retired;
    QSet<QString> retired;
    for (const RetiredContainer &r : loaded.retired)
        retired.insert(r.containerId);
    for (const DeployHost &h : c_.hosts) {
        if (!RolloutSteps::listReplicas(h, app, env, &out->all, error))
            return false;
    }
    // Ours are the containers whose labels name a record of this store for app/env, and those
    // this store adopted; everything else is another store's (or an earlier Slipway's) and is
    // never stopped or removed here.
    QStringList uids;
    for (const Replica &r : std::as_const(out->all))
        if (r.storeId == storeId_ && !r.deploymentUid.isEmpty() && !uids.contains(r.deploymentUid))
            uids.append(r.deploymentUid);
    QList<qint64> adoptedIds;
    for (const Replica &r : std::as_const(out->all))
        if (const qint64 id = loaded.adopted.value(r.id); id > 0 && !adoptedIds.contains(id))
            adoptedIds.append(id);
    struct Owners {
        QHash<QString, DeploymentStore::Owned> byUid;
        QHash<qint64, DeploymentRecord::Result> adopted;
    };
    const auto owners = onStore<Owners>([&](Store *, DeploymentStore &s) {
        return Owners{s.byUid(uids), s.results(adoptedIds)};
    });
    for (Replica &r : out->all) {
        DeploymentRecord::Result result = DeploymentRecord::Result::Failed;
        if (r.storeId == storeId_ && owners.byUid.contains(r.deploymentUid)) {
            const DeploymentStore::Owned &o = owners.byUid.value(r.deploymentUid);
            if (o.app == app && o.env == env) {
                r.deploymentId = o.id;
                result = o.result;
            }
        } else if (const qint64 id = loaded.adopted.value(r.id); id > 0) {
            r.deploymentId = id;
            result = owners.adopted.value(id, DeploymentRecord::Result::Failed);
        }
        if (r.deploymentId == 0) {
            if (r.running())
                out->foreign.append(r);
            continue;
        }
        if (result == DeploymentRecord::Result::Ok && !retired.contains(r.id))
            out->replicas.append(r);
    }
    return true;
}

QString AppChange::foreignRefusal(const QString &app, const QString &env,
                                  const Current &cur) const {
    QList<Replica> legacy;
    QStringList owners;
    for (const Replica &r : cur.foreign) {
        if (r.storeId.isEmpty()) {
            legacy.append(r);
            continue;
        }
        const QString who =
            tr("%1, store %2")
                .arg(r.owner.isEmpty() ? tr("unknown user") : r.owner, r.storeId.left(8));
        if (!owners.contains(who))
            owners.append(who);
    }
    if (!owners.isEmpty())
        return tr("%n running replica(s) of %1 in %2 belong to another Slipway database (%3): "
                  "change them from there; nothing was changed.",
                  "", int(cur.foreign.size() - legacy.size()))
            .arg(app, env, owners.join(QStringLiteral("; ")));
    if (!legacy.isEmpty())
        return tr("%n running replica(s) of %1 in %2 were deployed by an earlier Slipway and "
                  "belong to no database yet: adopt them first (slipctl adopt %1 --env %2, or "
                  "Adopt in the Applications view); nothing was changed.",
                  "", int(legacy.size()))
            .arg(app, env);
    return {};
}

bool AppChange::takeApp(const QString &app, const QString &env, Current *cur, QString *error,
                        bool deployed, const QStringList &hostIds) {
    if (!lockApp(app, env, error))
        return false;
    for (const QString &id : hostIds)
        if (!host(id)) {
            *error = leftOut_.join(QStringLiteral("; "));
            return false;
        }
    if (!current(app, env, cur, error))
        return false;
    if (deployed && !cur->record) {
        *error = nothingDeployed(app, env);
        return false;
    }
    if (const QString foreign = foreignRefusal(app, env, *cur); !foreign.isEmpty()) {
        *error = foreign;
        return false;
    }
    return true;
}

bool AppChange::lockApp(const QString &app, const QString &env, QString *error, bool recovering) {
    if (!ensureStoreId(error))
        return false;
    const QString key = ActiveRecords::key(app, env);
    QElapsedTimer waited;
    waited.start();
    for (;;) {
        std::unique_lock lock(c_.active->mutex);
        if (!c_.active->apps.contains(key)) {
            c_.active->apps.insert(key);
            if (recovering)
                c_.active->recovering.insert(key);
            break;
        }
        // A recovery's hold on one application lasts a few engine calls.
        if (recovering || !c_.active->recovering.contains(key) || waited.elapsed() > 30000) {
            *error = tr("Another deployment of %1 in %2 is under way.").arg(app, env);
            return false;
        }
        lock.unlock();
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    heldKey_ = key;
    if (!lockableHosts(error)) {
        release();
        return false;
    }
    // Then on the engines, where every other store (workstation, CI job) looks too.
    std::optional<LockHolder> busy;
    QString why;
    AppLock::Options options;
    options.ttl = c_.options.lockTtl;
    lock_ =
        AppLock::acquire(c_.hosts, app, env, LockIdentity::current(storeId_), options, &busy, &why);
    if (!lock_) {
        release();
        if (busy)
            *error = tr("%1 in %2 is being changed by %3 (store %4) since %5, on %6: try again "
                        "when it is done. If that process is gone, take its lock over (slipctl "
                        "takeover %1 --env %2).")
                         .arg(app, env, busy->who, busy->storeId.left(8),
                              busy->since.toLocalTime().toString(Qt::ISODate), busy->hostName);
        else
            *error = tr("Cannot lock %1 in %2 on the engines: %3").arg(app, env, why);
        return false;
    }
    if (const auto before = lock_->replaced()) {
        // A process of this machine died holding it: its record ends here, audited.
        const QString detail =
            tr("interrupted: its process (%1) died holding the lock; taken over by %2")
                .arg(before->who, LockIdentity::current(storeId_).who());
        const qint64 generation = lock_->generation();
        onStore<int>([&](Store *store, DeploymentStore &s) {
            AuditEntry e;
            e.action = QStringLiteral("app.takeover");
            e.target = QStringLiteral("%1/%2").arg(app, env);
            e.result = QStringLiteral("ok");
            e.detail = tr("from %1 (generation %2), whose process is gone; now generation %3")
                           .arg(before->who)
                           .arg(before->generation)
                           .arg(generation);
            store->appendAudit(e);
            return s.interruptHolding(before->token, detail, nullptr);
        });
        if (c_.audited)
            c_.audited();
    }
    // Every write of this change asks first whether the lock is still its own.
    const std::weak_ptr<AppLock> weak = lock_;
    for (DeployHost &h : c_.hosts) {
        DeployHost plain = h;
        plain.fence = nullptr;
        h.fence = [weak, plain, app, env](QString *why) {
            const auto lock = weak.lock();
            QString e;
            if (lock && lock->holds(plain, &e))
                return true;
            if (why)
                *why = !e.isEmpty() ? e
                                    : tr("the lock of %1 in %2 on %3 is no longer this change's "
                                         "(taken over): it stops here and changes nothing more")
                                          .arg(app, env, plain.name);
            return false;
        };
    }
    return true;
}

bool AppChange::lockableHosts(QString *error) {
    if (hostsChecked_)
        return true;
    hostsChecked_ = true;
    // A host that cannot hold the lock object (Slipway's helper image cannot be loaded there)
    // is left out of the change, as an unreachable one is: never written to unlocked.
    QList<DeployHost> lockable;
    for (const DeployHost &h : std::as_const(c_.hosts)) {
        QString why;
        if (HelperImage::ensure(h, &why).isEmpty())
            leftOut_.append(tr("%1 is left out: it cannot hold the lock (%2)").arg(h.name, why));
        else
            lockable.append(h);
    }
    if (lockable.size() == c_.hosts.size())
        return true;
    if (lockable.isEmpty()) {
        c_.hosts.clear();
        c_.load.clear();
        *error = leftOut_.join(QStringLiteral("; "));
        return false;
    }
    c_.hosts = lockable;
    c_.load.removeIf([&](const HostLoad &l) { return !host(l.hostId); });
    if (c_.progress)
        c_.progress(leftOut_.join(QStringLiteral("; ")), 0, 1);
    return true;
}

void AppChange::release() {
    for (DeployHost &h : c_.hosts)
        h.fence = nullptr;
    lock_.reset();
    if (heldKey_.isEmpty())
        return;
    std::lock_guard lock(c_.active->mutex);
    c_.active->apps.remove(heldKey_);
    c_.active->recovering.remove(heldKey_);
    heldKey_.clear();
}

QString AppChange::lockToken() const {
    return lock_ ? lock_->token() : QString();
}

void AppChange::audit(const DeploymentRecord &record, const QString &action) {
    AuditEntry e;
    e.action = action;
    e.target = target(record);
    QStringList where;
    for (const QString &id : record.hosts) {
        const DeployHost *h = host(id);
        const QString name = h ? h->name : id;
        if (!where.contains(name))
            where.append(name);
    }
    e.host = where.join(QStringLiteral(", "));
    e.result = record.result == DeploymentRecord::Result::Ok ? QStringLiteral("ok")
                                                             : QStringLiteral("failed");
    e.detail = record.detail;
    if (e.detail.isEmpty())
        e.detail =
            tr("%n replica(s) of %1", "", record.replicas).arg(record.config.pinnedReference());
    onStore<bool>([e](Store *store, DeploymentStore &) { return store->appendAudit(e); });
    if (c_.audited)
        c_.audited();
}

bool AppChange::resolveSecrets(const QString &app, const QString &env,
                               const DeploymentConfig &config, const SecretValues &given,
                               const Current &cur, QString *error) {
    secrets_.clear();
    if (config.secret.isEmpty())
        return true;
    SecretResolver::Sources sources;
    sources.app = app;
    sources.env = env;
    sources.given = given;
    // The current deployment's replicas first, then any other running one of app/env.
    QList<Replica> replicas = cur.replicas;
    for (const Replica &r : cur.all)
        if (std::none_of(replicas.cbegin(), replicas.cend(),
                         [&](const Replica &known) { return known.id == r.id; }))
            replicas.append(r);
    const QList<DeployHost> hosts = c_.hosts;
    sources.running = [hosts, replicas](const QStringList &missing) {
        return SecretResolver::inUse(hosts, replicas, missing);
    };
    return SecretResolver::resolve(config.secret, sources, &secrets_, error);
}

PullOptions AppChange::pullOptions(PullPolicy policy) const {
    PullOptions o;
    o.policy = policy;
    o.stallTimeout = c_.options.pullStallTimeout;
    o.cancel = c_.cancel.get();
    return o;
}

QList<HostLoad> AppChange::usableHosts(QList<HostLoad> loads, const DeploymentConfig &config,
                                       PullPolicy policy, QStringList *notes) const {
    loads.removeIf([&](const HostLoad &l) {
        const DeployHost *h = host(l.hostId);
        if (!h)
            return true;
        QString why;
        if (policy == PullPolicy::Never) {
            if (RolloutSteps::hasImage(*h, config))
                return false;
            why = tr("%1 has not %2, and the pull policy \"never\" does not pull it")
                      .arg(h->name, config.pinnedReference());
        } else if (RolloutSteps::restorable(*h, config, &why)) {
            return false;
        }
        notes->append(why);
        return true;
    });
    return loads;
}

} // namespace slipway::core
