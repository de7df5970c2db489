#include "core/deploy/jobs/recordedchange.h"

#include "core/deploy/healthwaiter.h"
#include "core/deploy/replicadrain.h"
#include "core/deploy/rolloutcheck.h"
#include "engine/dockerclient.h"

#include <QElapsedTimer>
#include <QUuid>
#include <algorithm>

namespace slipway::core {

ChangeResult RecordedChange::refusal(const QString &why) {
    ChangeResult r;
    r.error = why;
    return r;
}

QString RecordedChange::withNotes(const QString &why, const QStringList &notes) {
    return notes.isEmpty() ? why
                           : QStringLiteral("%1 (%2)").arg(why, notes.join(QStringLiteral("; ")));
}

bool RecordedChange::begin(DeploymentRecord *record, QString *error) {
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

void RecordedChange::end(const DeploymentRecord &record) {
    {
        std::lock_guard lock(c_.active->mutex);
        c_.active->ids.remove(record.id);
    }
    release();
}

void RecordedChange::removeAll(const QList<QPair<QString, QString>> &started) {
    for (const auto &[hostId, containerId] : started) {
        if (const DeployHost *h = host(hostId)) {
            QString ignored; // the record says what failed; a leftover is recovery's business
            RolloutSteps::remove(*h, containerId, &ignored);
        }
    }
}

ChangeResult RecordedChange::fail(DeploymentRecord record, const QString &text,
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
    ChangeResult r;
    r.error = reason;
    r.record = record;
    return r;
}

QString RecordedChange::drain(const QList<Replica> &leaving) {
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

ChangeResult RecordedChange::succeed(DeploymentRecord record, const QString &detail,
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
        ChangeResult r = fail(record, tr("Cannot record the deployment: %1").arg(why));
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
    ChangeResult r;
    r.ok = true;
    r.record = record;
    if (!drainNote.isEmpty()) // for the user now; the stored record keeps the outcome only
        r.record.detail =
            record.detail.isEmpty() ? drainNote : record.detail + QStringLiteral("; ") + drainNote;
    if (!retire.isEmpty())
        r.nextSweep = due;
    return r;
}

ChangeResult RecordedChange::replace(DeploymentRecord record, const QList<Replica> &old,
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

} // namespace slipway::core
