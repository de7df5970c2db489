#include "core/deploy/deploymentjob.h"

#include "core/deploy/deploymentstore.h"
#include "core/deploy/healthwaiter.h"
#include "core/deploy/publishspec.h"
#include "core/deploy/replicadrain.h"
#include "core/deploy/rolloutcheck.h"
#include "core/deploy/secretresolver.h"
#include "core/locks/applock.h"
#include "core/locks/helperimage.h"
#include "core/store/store.h"
#include "core/store/storethread.h"
#include "engine/dockerclient.h"
#include "engine/imagereference.h"

#include <QElapsedTimer>
#include <QMap>
#include <QRegularExpression>
#include <QSysInfo>
#include <QUuid>
#include <algorithm>
#include <cerrno>
#include <future>
#include <map>
#include <signal.h>
#include <thread>

namespace slipway::core {

namespace {

constexpr int kMaxReplicas = 100;

QString appKey(const QString &app, const QString &env) {
    return app + QLatin1Char('\n') + env;
}

QString target(const DeploymentRecord &r) {
    return QStringLiteral("%1/%2 %3").arg(r.app, r.env, r.version);
}

// A placement's refusal with why hosts were left out: "no host … (h2 has not …)".
QString withNotes(const QString &why, const QStringList &notes) {
    return notes.isEmpty() ? why
                           : QStringLiteral("%1 (%2)").arg(why, notes.join(QStringLiteral("; ")));
}

} // namespace

DeploymentJob::DeploymentJob(JobContext context) : c_(std::move(context)) {}

template <class R> R DeploymentJob::onStore(std::function<R(Store *, DeploymentStore &)> job) {
    auto promise = std::make_shared<std::promise<R>>();
    auto future = promise->get_future();
    c_.store->post([promise, job = std::move(job)](Store *store, const QString &) {
        if (!store) {
            promise->set_value(R{});
            return;
        }
        DeploymentStore records(store->database());
        promise->set_value(job(store, records));
    });
    return future.get();
}

bool DeploymentJob::validName(const QString &what, const QString &name, QString *error) {
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$"));
    if (valid.match(name).hasMatch())
        return true;
    *error = tr("The %1 name \"%2\" must start with a letter or digit and contain only letters, "
                "digits, '.', '_' and '-' (at most 63).")
                 .arg(what, name);
    return false;
}

const DeployHost *DeploymentJob::host(const QString &id) const {
    for (const DeployHost &h : c_.hosts)
        if (h.id == id)
            return &h;
    return nullptr;
}

QString DeploymentJob::replicaName(const DeploymentRecord &record, int index) const {
    // The deployment's UUID, not its number: numbers repeat across databases, names may not.
    QString uid = record.uid;
    uid.remove(QLatin1Char('-'));
    return QStringLiteral("%1-%2-%3-%4").arg(record.app, record.env, uid.left(12)).arg(index + 1);
}

bool DeploymentJob::ensureStoreId(QString *error) {
    if (!storeId_.isEmpty())
        return true;
    QString why;
    storeId_ = onStore<QString>([&](Store *, DeploymentStore &s) { return s.storeId(&why); });
    if (storeId_.isEmpty())
        *error = why.isEmpty() ? tr("the database cannot be opened") : why;
    return !storeId_.isEmpty();
}

bool DeploymentJob::current(const QString &app, const QString &env, Current *out, QString *error) {
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

QString DeploymentJob::foreignRefusal(const QString &app, const QString &env,
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

bool DeploymentJob::lockApp(const QString &app, const QString &env, QString *error,
                            bool recovering) {
    if (!ensureStoreId(error))
        return false;
    const QString key = appKey(app, env);
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

bool DeploymentJob::lockableHosts(QString *error) {
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

void DeploymentJob::release() {
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

QString DeploymentJob::lockToken() const {
    return lock_ ? lock_->token() : QString();
}

DeploymentJob::~DeploymentJob() {
    release();
}

bool DeploymentJob::begin(DeploymentRecord *record, QString *error) {
    record->osUser = Store::currentOsUser();
    record->startedAt = QDateTime::currentDateTimeUtc();
    record->result = DeploymentRecord::Result::Running;
    record->storeId = storeId_;
    record->uid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto active = c_.active;
    const QString owner = c_.owner;
    const DeploymentRecord r = *record;
    const auto patience = c_.options.healthTimeout + std::chrono::minutes(10);
    QString why;
    std::optional<DeploymentRecord> busy;
    const qint64 id = onStore<qint64>([&](Store *, DeploymentStore &s) {
        // Another process of this store (slipctl, a second window) may be changing the same
        // application.
        const auto alive = [&](const DeploymentRecord &other, const QString &otherOwner) {
            std::lock_guard lock(active->mutex);
            return !ownerGone(otherOwner, owner, active->ids, other.id, other.startedAt, patience);
        };
        const qint64 newId = s.insertUnlessBusy(r, owner, alive, &busy, &why, lockToken());
        if (newId > 0) {
            // Marked active on the store thread, so a recovery there never sees it unowned.
            std::lock_guard lock(active->mutex);
            active->ids.insert(newId);
        }
        return newId;
    });
    if (id <= 0) {
        if (busy)
            *error = tr("Another deployment of %1 in %2 is under way: %3 by %4 since %5.")
                         .arg(record->app, record->env, DeploymentRecord::kindName(busy->kind),
                              busy->osUser, busy->startedAt.toLocalTime().toString(Qt::ISODate));
        else
            *error = tr("Cannot record the deployment: %1")
                         .arg(why.isEmpty() ? tr("the database cannot be opened") : why);
        return false;
    }
    record->id = id;
    return true;
}

void DeploymentJob::end(const DeploymentRecord &record) {
    {
        std::lock_guard lock(c_.active->mutex);
        c_.active->ids.remove(record.id);
    }
    release();
}

void DeploymentJob::audit(const DeploymentRecord &record, const QString &action) {
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

bool DeploymentJob::resolveSecrets(const QString &app, const QString &env,
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

void DeploymentJob::removeAll(const QList<QPair<QString, QString>> &started) {
    for (const auto &[hostId, containerId] : started) {
        if (const DeployHost *h = host(hostId)) {
            QString ignored; // the record says what failed; a leftover is recovery's business
            RolloutSteps::remove(*h, containerId, &ignored);
        }
    }
}

JobResult DeploymentJob::fail(DeploymentRecord record, const QString &text,
                              DeploymentRecord::Result result) {
    const QString reason = SecretEnv::scrub(text, secrets_); // a daemon may quote the env
    record.result = result;
    record.detail = reason;
    record.finishedAt = QDateTime::currentDateTimeUtc();
    QString why;
    onStore<bool>([&](Store *, DeploymentStore &s) {
        return s.finish(record.id, result, reason, record.hosts, record.replicas, {}, &why);
    });
    audit(record, QStringLiteral("app.") + DeploymentRecord::kindName(record.kind));
    end(record);
    JobResult r;
    r.error = reason;
    r.record = record;
    return r;
}

QString DeploymentJob::drain(const QList<Replica> &leaving) {
    QList<ReplicaDrain::Target> targets;
    for (const Replica &r : leaving)
        if (const DeployHost *h = host(r.hostId); h && r.running())
            targets.append({*h, r.id, r.name});
    if (targets.isEmpty())
        return {};
    // Not draining is no reason to fail: those replicas stop at once, as an undrained stop
    // would, and the note says which they were.
    return ReplicaDrain::drain(targets, {c_.options.drainTimeout, c_.options.drainGrace},
                               c_.cancel->flag(), c_.progress);
}

JobResult DeploymentJob::succeed(DeploymentRecord record, const QString &detail,
                                 const QList<Replica> &retire, const QList<qint64> &restored) {
    record.result = DeploymentRecord::Result::Ok;
    record.detail = detail;
    record.finishedAt = QDateTime::currentDateTimeUtc();
    const QDateTime due = record.finishedAt.addMSecs(qint64(c_.options.undoWindow.count()));
    QList<RetiredContainer> retired;
    for (const Replica &old : retire) {
        RetiredContainer rc;
        rc.deploymentId = record.id;
        rc.hostId = old.hostId;
        rc.hostUrl = host(old.hostId) ? host(old.hostId)->url : QString();
        rc.containerId = old.id;
        rc.removeAfter = due;
        retired.append(rc);
    }
    // A change whose lock was taken over while it waited (paused, cut off) records nothing as
    // done and stops nothing: what it started is its store's recovery's to remove.
    QString why;
    for (const DeployHost &h : std::as_const(c_.hosts))
        if (h.fenced(&why))
            return fail(record, why);
    // Recorded before the old replicas stop: a crash in between leaves two versions running
    // (recovery stops the retired ones), never none.
    const bool saved = onStore<bool>([&](Store *, DeploymentStore &s) {
        return s.finish(record.id, record.result, detail, record.hosts, record.replicas, retired,
                        &why, restored);
    });
    if (!saved) {
        JobResult r = fail(record, tr("Cannot record the deployment: %1").arg(why));
        return r;
    }
    const QString drainNote = drain(retire);
    std::vector<engine::Call<engine::Unit>> stops;
    for (const Replica &old : retire)
        if (const DeployHost *h = host(old.hostId); h && old.running() && !h->fenced(nullptr))
            stops.push_back(h->client->stopContainer(old.id.toStdString(), 10));
    if (c_.progress && !stops.empty())
        c_.progress(tr("Stopping %n old replica(s)", "", int(stops.size())), 0, 1);
    for (auto &s : stops)
        (void)s.wait();
    audit(record, QStringLiteral("app.") + DeploymentRecord::kindName(record.kind));
    end(record);
    JobResult r;
    r.ok = true;
    r.record = record;
    if (!drainNote.isEmpty()) // for the user now; the stored record keeps the outcome only
        r.record.detail =
            record.detail.isEmpty() ? drainNote : record.detail + QStringLiteral("; ") + drainNote;
    if (!retire.isEmpty())
        r.nextSweep = due;
    return r;
}

PullOptions DeploymentJob::pullOptions(PullPolicy policy) const {
    PullOptions o;
    o.policy = policy;
    o.stallTimeout = c_.options.pullStallTimeout;
    o.cancel = c_.cancel.get();
    return o;
}

QList<HostLoad> DeploymentJob::usableHosts(QList<HostLoad> loads, const DeploymentConfig &config,
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

JobResult DeploymentJob::replace(DeploymentRecord record, const QList<Replica> &old,
                                 QStringList targetHosts, PullPolicy pull) {
    QStringList distinct = targetHosts;
    distinct.removeDuplicates();
    for (const QString &id : std::as_const(distinct)) {
        const DeployHost *h = host(id);
        QString why;
        if (!h)
            return fail(record, tr("host %1 is not reachable").arg(id));
        if (cancelled())
            return fail(record, c_.cancel->reason());
        if (!RolloutSteps::ensureImage(*h, record.config, pullOptions(pull), c_.progress, &why))
            return fail(record, why);
    }
    record.hosts = targetHosts;
    record.replicas = int(targetHosts.size());
    const int total = int(targetHosts.size());
    // The old replicas that serve now: they must still (or again) serve when the change fails.
    QList<RolloutCheck::Target> serving;
    for (const Replica &r : old)
        if (const DeployHost *h = host(r.hostId); h && r.running())
            serving.append({*h, r.id, r.name});
    // Fails the change leaving the old version running, also after an engine restart.
    const auto giveBack = [&](const QList<RolloutCheck::Target> &added, const QString &reason,
                              DeploymentRecord::Result result) {
        QString note;
        if (!RolloutCheck::giveBack(added, serving, c_.options.healthTimeout, &note))
            return fail(record, QStringLiteral("%1; %2").arg(reason, note), result);
        return fail(record, reason, result);
    };

    if (!record.config.hasFixedHostPort() || old.isEmpty()) {
        // Start first: the old replicas serve until every new one is healthy.
        QList<QPair<QString, QString>> started;
        QList<HealthWaiter::Target> targets;
        for (int i = 0; i < total; ++i) {
            const DeployHost *h = host(targetHosts[i]);
            if (cancelled()) {
                removeAll(started);
                return fail(record, c_.cancel->reason());
            }
            if (c_.progress)
                c_.progress(
                    tr("Starting replica %1 of %2 on %3").arg(i + 1).arg(total).arg(h->name), i,
                    total);
            QString why;
            const QString name = replicaName(record, i);
            const QString id = RolloutSteps::startReplica(*h, record, name, &why, secrets_);
            if (id.isEmpty()) // the engine may have gone away: the started ones must not stay
                return giveBack(targets, why, DeploymentRecord::Result::Failed);
            started.append({h->id, id});
            targets.append({*h, id, name});
        }
        QString why;
        const auto outcome = HealthWaiter::wait(targets, c_.options.healthTimeout,
                                                HealthWaiter::checksFor(record.config),
                                                c_.cancel->flag(), c_.progress, &why);
        if (outcome == HealthWaiter::Outcome::EngineLost)
            return giveBack(targets, why, DeploymentRecord::Result::Interrupted);
        if (outcome != HealthWaiter::Outcome::Healthy || cancelled())
            return giveBack(targets, cancelled() ? c_.cancel->reason() : why,
                            DeploymentRecord::Result::Failed);
        // A health wait that passed is no proof: an engine restart may have stopped some since.
        if (const auto check = RolloutCheck::verify(targets, total, &why);
            check != RolloutCheck::Outcome::Running)
            return giveBack(targets, tr("before recording success: %1").arg(why),
                            check == RolloutCheck::Outcome::EngineLost
                                ? DeploymentRecord::Result::Interrupted
                                : DeploymentRecord::Result::Failed);
        return succeed(record, {}, old);
    }

    // Stop first: a fixed host port cannot be held by two replicas on one host, so each host
    // goes down between stopping its old replica and its new one being healthy.
    struct Swap {
        std::optional<Replica> previous;
        QString hostId;
        QString containerId;
    };
    QList<Swap> swaps;
    QList<Replica> spare = old;
    qint64 longestGap = 0;
    const auto added = [&] {
        QList<RolloutCheck::Target> out;
        for (int i = 0; i < swaps.size(); ++i)
            if (!swaps[i].containerId.isEmpty())
                out.append({*host(swaps[i].hostId), swaps[i].containerId, replicaName(record, i)});
        return out;
    };
    // The engine may be away (a restart) and bring back the new replicas but not the old ones
    // Slipway stopped: giveBack waits for it, then swaps them back.
    const auto restore = [&](const QString &reason, DeploymentRecord::Result result) {
        return giveBack(added(), reason, result);
    };
    for (int i = 0; i < total; ++i) {
        const DeployHost *h = host(targetHosts[i]);
        if (cancelled())
            return restore(c_.cancel->reason(), DeploymentRecord::Result::Failed);
        Swap swap;
        swap.hostId = h->id;
        for (int j = 0; j < spare.size(); ++j) {
            if (spare[j].hostId == h->id) {
                swap.previous = spare.takeAt(j);
                break;
            }
        }
        swaps.append(swap);
        QElapsedTimer gap;
        gap.start();
        QString why;
        if (swap.previous && swap.previous->running()) {
            if (c_.progress)
                c_.progress(
                    tr("Stopping %1 on %2 (host port fixed)").arg(swap.previous->name, h->name), i,
                    total);
            if (!RolloutSteps::stop(*h, swap.previous->id, &why))
                return restore(why, DeploymentRecord::Result::Failed);
        }
        if (c_.progress)
            c_.progress(tr("Starting replica %1 of %2 on %3").arg(i + 1).arg(total).arg(h->name), i,
                        total);
        const QString name = replicaName(record, i);
        const QString id = RolloutSteps::startReplica(*h, record, name, &why, secrets_);
        if (id.isEmpty())
            return restore(why, DeploymentRecord::Result::Failed);
        swaps.last().containerId = id;
        const auto outcome = HealthWaiter::wait({{*h, id, name}}, c_.options.healthTimeout,
                                                HealthWaiter::checksFor(record.config),
                                                c_.cancel->flag(), c_.progress, &why);
        if (outcome != HealthWaiter::Outcome::Healthy)
            return restore(cancelled() ? c_.cancel->reason() : why,
                           outcome == HealthWaiter::Outcome::EngineLost
                               ? DeploymentRecord::Result::Interrupted
                               : DeploymentRecord::Result::Failed);
        if (swap.previous)
            longestGap = std::max(longestGap, gap.elapsed());
    }
    if (cancelled())
        return restore(c_.cancel->reason(), DeploymentRecord::Result::Failed);
    QString why;
    if (const auto check = RolloutCheck::verify(added(), total, &why);
        check != RolloutCheck::Outcome::Running)
        return restore(tr("before recording success: %1").arg(why),
                       check == RolloutCheck::Outcome::EngineLost
                           ? DeploymentRecord::Result::Interrupted
                           : DeploymentRecord::Result::Failed);
    return succeed(record,
                   tr("stop-first (a fixed host port): the longest gap without a replica on a "
                      "host was %1 ms")
                       .arg(longestGap),
                   old);
}

JobResult DeploymentJob::deploy(DeployRequest request) {
    JobResult refused;
    const auto refuse = [&](const QString &why) {
        refused.error = why;
        return refused;
    };
    QString why;
    if (!validName(tr("application"), request.app, &why) ||
        !validName(tr("environment"), request.env, &why))
        return refuse(why);
    auto ref = engine::ImageReference::parse(request.config.image.trimmed().toStdString());
    if (request.config.image.trimmed().isEmpty())
        return refuse(tr("No image given."));
    if (!ref)
        return refuse(tr("image \"%1\": %2")
                          .arg(request.config.image, QString::fromStdString(ref.error().message)));
    request.config.image = request.config.image.trimmed();
    if (!PublishSpec::parseAll(request.config.publish, &why))
        return refuse(why);
    for (const QString &e : std::as_const(request.config.env))
        if (!e.contains(QLatin1Char('=')) || e.startsWith(QLatin1Char('=')))
            return refuse(tr("environment variable \"%1\": expected KEY=VALUE").arg(e));
    if (request.replicas < 1 || request.replicas > kMaxReplicas)
        return refuse(
            tr("replicas must be from 1 to %1 (got %2)").arg(kMaxReplicas).arg(request.replicas));
    for (const QString &id : std::as_const(request.hostIds))
        if (!host(id))
            return refuse(tr("host %1 is not reachable").arg(id));
    if (c_.hosts.isEmpty())
        return refuse(tr("no reachable host"));

    if (!lockApp(request.app, request.env, &why))
        return refuse(why);
    for (const QString &id : std::as_const(request.hostIds))
        if (!host(id))
            return refuse(leftOut_.join(QStringLiteral("; ")));
    Current cur;
    if (!current(request.app, request.env, &cur, &why))
        return refuse(why);
    if (const QString foreign = foreignRefusal(request.app, request.env, cur); !foreign.isEmpty())
        return refuse(foreign);
    DeploymentRecord record;
    record.app = request.app;
    record.env = request.env;
    record.kind = DeploymentRecord::Kind::Deploy;
    record.config = request.config;
    record.config.digest = QString::fromStdString(ref.value().digest);
    record.version = QString::fromStdString(ref.value().tag);
    record.replicas = request.replicas;
    const SecretValues given = record.config.takeSecrets();
    if (!resolveSecrets(record.app, record.env, record.config, given, cur, &why))
        return refuse(why);
    if (!begin(&record, &why))
        return refuse(why);

    QList<HostLoad> loads = c_.load;
    if (!request.hostIds.isEmpty())
        loads.removeIf([&](const HostLoad &l) { return !request.hostIds.contains(l.hostId); });
    // The image is resolved where it is (no pull), else pulled on the least-loaded host that
    // can pull it.
    QList<const DeployHost *> resolvers;
    if (request.pull != PullPolicy::Always && ref.value().digest.empty()) {
        DeploymentConfig byName;
        byName.image = record.config.image;
        for (const HostLoad &l : std::as_const(loads))
            if (const DeployHost *h = host(l.hostId); h && RolloutSteps::hasImage(*h, byName)) {
                resolvers.append(h);
                break;
            }
    }
    if (resolvers.isEmpty()) {
        const auto order = Placement::place(loads, int(loads.size()), true, {}, &why);
        if (!order || order->isEmpty())
            return fail(record, why.isEmpty() ? tr("no reachable host") : why);
        QStringList names;
        for (const QString &id : *order) {
            resolvers.append(host(id));
            names.append(host(id)->name);
        }
        if (request.pull == PullPolicy::Never && ref.value().digest.empty())
            return fail(record, tr("%1 is on none of the hosts (%2), and the pull policy "
                                   "\"never\" does not pull it")
                                    .arg(record.config.image, names.join(QStringLiteral(", "))));
    }
    std::optional<ImagePin> pin;
    QStringList tried;
    for (const DeployHost *h : std::as_const(resolvers)) {
        pin = RolloutSteps::resolveImage(*h, record.config.image, pullOptions(request.pull),
                                         c_.progress, &why);
        if (pin || cancelled())
            break;
        tried.append(why);
    }
    if (!pin)
        return fail(record, cancelled() ? c_.cancel->reason() : tried.join(QStringLiteral("; ")));
    const QString digest = pin->digest;
    record.config.digest = digest;
    record.config.pinnedById = pin->byId;
    if (record.version.isEmpty() || !ref.value().digest.empty())
        record.version =
            ref.value().tag.empty() ? digest.mid(7, 12) : QString::fromStdString(ref.value().tag);
    onStore<bool>([&](Store *, DeploymentStore &s) {
        return s.updateConfig(record.id, record.version, record.config, nullptr);
    });
    if (cancelled())
        return fail(record, c_.cancel->reason());

    // Only hosts that have the image or may get it: a local-only image stays where it is.
    QStringList notes;
    loads = usableHosts(loads, record.config, request.pull, &notes);
    for (const QString &id : std::as_const(request.hostIds))
        if (std::none_of(loads.begin(), loads.end(),
                         [&](const HostLoad &l) { return l.hostId == id; }))
            return fail(record, notes.join(QStringLiteral("; ")));
    const bool fixed = record.config.hasFixedHostPort();
    QStringList targets;
    if (fixed) {
        // Replace in place where the old replicas are, then free hosts.
        for (const Replica &r : std::as_const(cur.replicas))
            if (!targets.contains(r.hostId) && targets.size() < request.replicas &&
                std::any_of(loads.begin(), loads.end(),
                            [&](const HostLoad &l) { return l.hostId == r.hostId; }))
                targets.append(r.hostId);
    }
    auto more =
        Placement::place(loads, request.replicas - int(targets.size()), fixed, targets, &why);
    if (!more)
        return fail(record, withNotes(why, notes));
    targets += *more;
    return replace(record, cur.replicas, targets, request.pull);
}

JobResult DeploymentJob::plan(const QString &app, const QString &env, qint64 targetId) {
    JobResult r;
    RollbackPlan &p = r.plan;
    p.app = app;
    p.env = env;
    QString why;
    if (!validName(tr("application"), app, &why) || !validName(tr("environment"), env, &why)) {
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
        p.problem = tr("Nothing of %1 in %2 has been deployed successfully.").arg(app, env);
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

JobResult DeploymentJob::rollback(const RollbackPlan &plan) {
    JobResult refused;
    QString why;
    if (!plan.problem.isEmpty()) {
        refused.error = plan.problem;
        return refused;
    }
    if (!validName(tr("application"), plan.app, &why) ||
        !validName(tr("environment"), plan.env, &why) || plan.to.config.digest.isEmpty()) {
        refused.error = why.isEmpty() ? tr("The rollback plan has no target.") : why;
        return refused;
    }
    Current cur;
    if (!lockApp(plan.app, plan.env, &why) || !current(plan.app, plan.env, &cur, &why)) {
        refused.error = why;
        return refused;
    }
    if (const QString foreign = foreignRefusal(plan.app, plan.env, cur); !foreign.isEmpty()) {
        refused.error = foreign;
        return refused;
    }
    if (cur.record && cur.record->id != plan.from.id) {
        refused.error = tr("%1 in %2 changed since the rollback was planned (now deployment #%3); "
                           "plan it again.")
                            .arg(plan.app, plan.env)
                            .arg(cur.record->id);
        return refused;
    }
    DeploymentRecord record;
    record.app = plan.app;
    record.env = plan.env;
    record.kind = DeploymentRecord::Kind::Rollback;
    record.version = plan.to.version;
    record.config = plan.to.config;
    record.replicas = std::max(1, plan.replicas);
    if (!resolveSecrets(record.app, record.env, record.config, {}, cur, &why)) {
        refused.error = why;
        return refused;
    }
    if (!begin(&record, &why)) {
        refused.error = why;
        return refused;
    }
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

JobResult DeploymentJob::undo(const QString &app, const QString &env) {
    JobResult refused;
    const auto refuse = [&](const QString &why) {
        refused.error = why;
        return refused;
    };
    QString why;
    if (!validName(tr("application"), app, &why) || !validName(tr("environment"), env, &why))
        return refuse(why);
    Current cur;
    if (!lockApp(app, env, &why) || !current(app, env, &cur, &why))
        return refuse(why);
    if (!cur.record)
        return refuse(tr("Nothing of %1 in %2 has been deployed successfully.").arg(app, env));
    if (const QString foreign = foreignRefusal(app, env, cur); !foreign.isEmpty())
        return refuse(foreign);
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
        return refuse(tr("There is nothing to undo for %1 in %2: the replicas that deployment "
                         "#%3 replaced are removed once its undo window (%4 s) has passed.")
                          .arg(app, env)
                          .arg(currentId)
                          .arg(c_.options.undoWindow.count() / 1000));
    const qint64 previousId = previous.first().deploymentId;
    const auto before = onStore<std::optional<DeploymentRecord>>(
        [&](Store *, DeploymentStore &s) { return s.record(previousId); });
    if (!before)
        return refuse(tr("Deployment #%1, which the replaced replicas came from, is not in the "
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
        return refuse(why);

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

JobResult DeploymentJob::scale(const QString &app, const QString &env, int replicas,
                               PullPolicy pull) {
    JobResult refused;
    QString why;
    if (!validName(tr("application"), app, &why) || !validName(tr("environment"), env, &why)) {
        refused.error = why;
        return refused;
    }
    if (replicas < 1 || replicas > kMaxReplicas) {
        refused.error =
            tr("replicas must be from 1 to %1 (got %2)").arg(kMaxReplicas).arg(replicas);
        return refused;
    }
    Current cur;
    if (!lockApp(app, env, &why) || !current(app, env, &cur, &why)) {
        refused.error = why;
        return refused;
    }
    if (!cur.record) {
        refused.error = tr("Nothing of %1 in %2 has been deployed successfully.").arg(app, env);
        return refused;
    }
    if (const QString foreign = foreignRefusal(app, env, cur); !foreign.isEmpty()) {
        refused.error = foreign;
        return refused;
    }
    const int count = int(cur.replicas.size());
    if (replicas == count) {
        JobResult same;
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
    if (replicas > count && !resolveSecrets(app, env, record.config, {}, cur, &why)) {
        refused.error = why;
        return refused;
    }
    if (!begin(&record, &why)) {
        refused.error = why;
        return refused;
    }
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

JobResult DeploymentJob::history(const QString &app, const QString &env) {
    JobResult r;
    QString why;
    if (!validName(tr("application"), app, &why) || !validName(tr("environment"), env, &why)) {
        r.error = why;
        return r;
    }
    struct Loaded {
        bool ok = false;
        QString error;
        DeploymentHistory history;
        int keep = 0;
    };
    const int fallback = c_.options.defaultRetention;
    Loaded loaded = onStore<Loaded>([&](Store *, DeploymentStore &s) {
        Loaded l;
        l.history = s.history(app, env, 0, &l.error);
        l.keep = s.retention(app, env, fallback);
        l.ok = l.error.isEmpty();
        return l;
    });
    if (!loaded.ok) {
        r.error = loaded.error.isEmpty() ? tr("the database cannot be opened") : loaded.error;
        return r;
    }
    QStringList versions;
    QHash<QString, bool> pullable;
    for (DeploymentRecord &h : loaded.history) {
        if (h.config.digest.isEmpty()) {
            h.restorable = false;
            continue;
        }
        if (!versions.contains(h.config.digest))
            versions.append(h.config.digest);
        if (versions.indexOf(h.config.digest) >= loaded.keep) {
            h.restorable = false;
            continue;
        }
        if (!pullable.contains(h.config.digest)) {
            bool any = c_.hosts.isEmpty(); // nothing to ask: do not claim it is lost
            for (const DeployHost &host : std::as_const(c_.hosts)) {
                if (RolloutSteps::restorable(host, h.config)) {
                    any = true;
                    break;
                }
            }
            pullable.insert(h.config.digest, any);
        }
        h.restorable = pullable.value(h.config.digest);
    }
    r.ok = true;
    r.history = loaded.history;
    r.retention = loaded.keep;
    return r;
}

JobResult DeploymentJob::setRetention(const QString &app, const QString &env, int versions) {
    JobResult r;
    QString why;
    if (!validName(tr("application"), app, &why) || !validName(tr("environment"), env, &why)) {
        r.error = why;
        return r;
    }
    const bool ok = onStore<bool>([&](Store *store, DeploymentStore &s) {
        if (!s.setRetention(app, env, versions, &why))
            return false;
        AuditEntry e;
        e.action = QStringLiteral("app.retention");
        e.target = QStringLiteral("%1/%2").arg(app, env);
        e.result = QStringLiteral("ok");
        e.detail = tr("keep the last %1 versions restorable").arg(versions);
        store->appendAudit(e);
        return true;
    });
    if (c_.audited && ok)
        c_.audited();
    r.ok = ok;
    r.error = ok ? QString() : (why.isEmpty() ? tr("the database cannot be opened") : why);
    return r;
}

JobResult DeploymentJob::recover() {
    JobResult r;
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
        interruptedApps.insert(appKey(done.app, done.env));
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
        work[appKey(o.app, o.env)].append([&, rep] {
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
        work[appKey(rc.app, rc.env)].append([&, rc] {
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
    r.record.detail = notes.join(QStringLiteral("; "));
    return r;
}

} // namespace slipway::core
