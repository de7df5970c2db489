#include "core/deploy/deployer.h"

#include "core/deploy/jobs/adoptjob.h"
#include "core/deploy/jobs/deployjob.h"
#include "core/deploy/jobs/historyjob.h"
#include "core/deploy/jobs/reconcilejob.h"
#include "core/deploy/jobs/recoverjob.h"
#include "core/deploy/jobs/retentionjob.h"
#include "core/deploy/jobs/rollbackjob.h"
#include "core/deploy/jobs/rollbackplanjob.h"
#include "core/deploy/jobs/scalejob.h"
#include "core/deploy/jobs/undojob.h"
#include "core/deploy/placement.h"
#include "core/fleet/hostmonitor.h"
#include "core/store/storethread.h"
#include "engine/dockerclient.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QSysInfo>
#include <QTimer>
#include <thread>
#include <vector>

namespace slipway::core {

struct Deployer::Impl {
    struct Worker {
        std::thread thread;
        std::shared_ptr<std::atomic<bool>> done;
    };

    Deployer *q = nullptr;
    Inventory *inventory = nullptr;
    HostMonitor *hosts = nullptr;
    std::shared_ptr<StoreThread> store;
    Metrics *metrics = nullptr;
    Options options;
    Mailbox mailbox;
    quint64 next = 1;
    std::shared_ptr<ActiveRecords> active;
    // Every operation under way, with its cancel switch; `changes` are those the user may
    // cancel or wait for (deploy, rollback, scale, undo).
    QHash<quint64, std::shared_ptr<Cancellation>> running;
    QList<quint64> changes;
    std::vector<Worker> workers;
    QTimer sweep; // retired replicas reach the end of their undo window
    QDateTime sweepAt;
    QHash<QString, HostStatus::State> hostStates;
    bool recoverAtStart = false; // recoverWhenHostsAnswer() waits for the hosts

    // Every host has answered its first probe (up or down), or there is none.
    bool hostsAnswered() const {
        if (!hosts)
            return true;
        if (!hosts->isLoaded())
            return false;
        for (int i = 0; i < hosts->hostCount(); ++i)
            if (hosts->status(i).state == HostStatus::State::Connecting)
                return false;
        return true;
    }

    void recoverIfAnswered() {
        if (!recoverAtStart || !hostsAnswered())
            return;
        recoverAtStart = false;
        Deployer *self = q;
        launch<RecoverResult>([](JobContext c) { return RecoverJob(std::move(c)).run(); },
                              [self](quint64 request, const RecoverResult &r) {
                                  const DeploymentRecord record = recoveryRecord(r);
                                  emit self->finished(request, r.ok, r.error, record);
                                  emit self->recoveredAtStart(r.ok, r.error, record);
                              });
    }

    explicit Impl(Deployer *owner) : q(owner), mailbox(owner) {}

    // A job knows each host by its identity (the engine's ID), so that its records and
    // retired rows name the host as every other workstation does; the monitor, the inventory
    // and the metrics know it by the host's own id.
    JobContext context(quint64 request, std::shared_ptr<Cancellation> cancel) {
        JobContext c;
        QStringList ids;
        if (hosts) {
            QSet<QString> engines;
            for (int i = 0; i < hosts->hostCount(); ++i) {
                const HostConfig config = hosts->host(i);
                auto client = hosts->client(config.id);
                const QString identity = hosts->identity(i);
                // A host that has not answered yet cannot be named; one engine reached at a
                // second endpoint is the same host, counted once (the first, in the monitor's
                // order): placing a replica "on another host" there would put both on one
                // machine, and its replicas would be listed, stopped and removed twice.
                if (!client || hosts->status(i).state == HostStatus::State::Down ||
                    identity.isEmpty() || engines.contains(identity))
                    continue;
                engines.insert(identity);
                DeployHost h;
                h.id = identity;
                h.name = config.name;
                h.url = config.url;
                h.client = client;
                h.local = config.url.startsWith(QLatin1String("unix://"));
                c.hosts.append(h);
                ids.append(config.id);
            }
        }
        c.load = Placement::measure(ids, inventory, metrics);
        for (qsizetype i = 0; i < c.load.size(); ++i)
            c.load[i].hostId = c.hosts[i].id;
        c.options = options;
        c.store = store;
        c.owner = QStringLiteral("%1:%2")
                      .arg(QSysInfo::machineHostName())
                      .arg(QCoreApplication::applicationPid());
        c.active = active;
        c.cancel = std::move(cancel);
        const Mailbox box = mailbox;
        Deployer *self = q;
        c.progress = [box, self, request](const QString &step, int done, int total) {
            box.post([=] { emit self->progress(request, step, done, total); });
        };
        c.audited = [box, self] {
            box.post([self] { emit self->auditAppended(); });
        };
        return c;
    }

    // The GUI and slipctl name hosts by the monitor's ids; the jobs by identity. An id the
    // monitor does not know passes unchanged (the job then says it is not reachable).
    QStringList toIdentities(const QStringList &ids) const {
        QStringList out;
        for (const QString &id : ids) {
            const QString identity = hosts ? hosts->identity(hosts->indexOf(id)) : QString();
            out.append(identity.isEmpty() ? id : identity);
        }
        return out;
    }
    QStringList toHostIds(const QStringList &ids) const {
        QStringList out;
        for (const QString &id : ids) {
            const int i = !hosts || hosts->indexOf(id) >= 0 ? -1 : hosts->indexOfIdentity(id);
            out.append(i < 0 ? id : hosts->host(i).id);
        }
        return out;
    }

    void prune() {
        for (auto it = workers.begin(); it != workers.end();) {
            if (it->done->load()) {
                it->thread.join();
                it = workers.erase(it);
            } else {
                ++it;
            }
        }
    }

    // What recover() answers with: a record that carries only what it did.
    static DeploymentRecord recoveryRecord(const RecoverResult &r) {
        DeploymentRecord record;
        record.detail = r.detail;
        return record;
    }

    // Runs `work` on a thread of its own with a fresh context; its job is gone (and with it
    // any lock it held) before `deliver` gets the result on this thread.
    template <class Result>
    quint64 launch(std::function<Result(JobContext)> work,
                   std::function<void(quint64, const Result &)> deliver, bool change = false) {
        prune();
        const quint64 request = next++;
        auto done = std::make_shared<std::atomic<bool>>(false);
        auto cancel = std::make_shared<Cancellation>();
        running.insert(request, cancel);
        if (change)
            changes.append(request);
        const Mailbox box = mailbox;
        Impl *self = this;
        std::thread thread([context = context(request, cancel), work = std::move(work),
                            deliver = std::move(deliver), box, done, request, self]() mutable {
            const Result result = work(std::move(context));
            box.post([deliver, result, request, self] {
                self->running.remove(request);
                const bool lastChange = self->changes.removeOne(request) && self->changes.isEmpty();
                if constexpr (requires(const Result &r) { r.nextSweep; })
                    if (result.nextSweep.isValid())
                        self->scheduleSweep(result.nextSweep);
                deliver(request, result);
                if (lastChange)
                    emit self->q->changesDone();
            });
            done->store(true);
        });
        workers.push_back({std::move(thread), done});
        return request;
    }

    // An operation that answers with finished().
    template <class Result>
    quint64 finishing(std::function<Result(JobContext)> work, bool change = false) {
        Deployer *self = q;
        return launch<Result>(
            std::move(work),
            [self](quint64 request, const Result &r) {
                emit self->finished(request, r.ok, r.error, r.record);
            },
            change);
    }

    void scheduleSweep(const QDateTime &at) {
        if (sweep.isActive() && sweepAt.isValid() && sweepAt <= at)
            return;
        sweepAt = at;
        const qint64 ms = std::max<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(at)) + 200;
        sweep.start(int(std::min<qint64>(ms, 24 * 3600 * 1000)));
    }

    // Recovery the Deployer starts itself (a host back, an undo window over): no answer.
    void recoverQuietly() {
        launch<RecoverResult>([](JobContext c) { return RecoverJob(std::move(c)).run(); },
                              [](quint64, const RecoverResult &) {});
    }
};

Deployer::Deployer(Inventory *inventory, HostMonitor *hosts, std::shared_ptr<StoreThread> store,
                   Metrics *metrics, Options options, QObject *parent)
    : QObject(parent), d(std::make_unique<Impl>(this)) {
    qRegisterMetaType<DeploymentRecord>();
    qRegisterMetaType<RollbackPlan>();
    qRegisterMetaType<DeploymentHistory>();
    d->inventory = inventory;
    d->hosts = hosts;
    d->store = std::move(store);
    d->active = ActiveRecords::forStore(d->store);
    d->metrics = metrics;
    d->options = options;
    d->sweep.setSingleShot(true);
    connect(&d->sweep, &QTimer::timeout, this, [this] {
        d->sweepAt = {};
        d->recoverQuietly();
    });
    if (hosts) {
        // A host that comes back may hold what an interrupted operation left behind.
        connect(hosts, &HostMonitor::statusChanged, this,
                [this](int index, const HostStatus &status) {
                    const QString id = d->hosts->host(index).id;
                    const auto before = d->hostStates.value(id, HostStatus::State::Connecting);
                    d->hostStates.insert(id, status.state);
                    if (status.state == HostStatus::State::Up && before == HostStatus::State::Down)
                        d->recoverQuietly();
                    d->recoverIfAnswered();
                });
        connect(hosts, &HostMonitor::loaded, this, [this] { d->recoverIfAnswered(); });
        connect(hosts, &HostMonitor::hostRemoved, this, [this] { d->recoverIfAnswered(); });
    }
}

Deployer::~Deployer() {
    d->mailbox.close();
    for (const auto &cancel : std::as_const(d->running))
        cancel->cancel(tr("Cancelled: Slipway is quitting"));
    for (auto &w : d->workers)
        w.thread.join();
}

void Deployer::cancel(quint64 request) {
    if (auto cancel = d->running.value(request))
        cancel->cancel(tr("Cancelled by the user"));
}

QList<quint64> Deployer::changesRunning() const {
    return d->changes;
}

void Deployer::abandon() {
    d->mailbox.close();
    for (auto &w : d->workers)
        w.thread.detach();
    d->workers.clear();
    d->running.clear();
    d->changes.clear();
}

quint64 Deployer::deploy(const DeployRequest &request) {
    DeployRequest mapped = request;
    mapped.hostIds = d->toIdentities(request.hostIds);
    return d->finishing<ChangeResult>(
        [mapped](JobContext c) { return DeployJob(std::move(c)).run(mapped); }, true);
}

quint64 Deployer::planRollback(const QString &app, const QString &env, qint64 targetId) {
    Deployer *self = this;
    return d->launch<PlanResult>(
        [app, env, targetId](JobContext c) {
            return RollbackPlanJob(std::move(c)).run(app, env, targetId);
        },
        [self](quint64 request, const PlanResult &r) {
            if (r.ok) {
                RollbackPlan plan = r.plan;
                plan.hostIds = self->d->toHostIds(plan.hostIds);
                emit self->planned(request, plan);
            } else
                emit self->finished(request, false, r.error, DeploymentRecord());
        });
}

quint64 Deployer::rollback(const RollbackPlan &plan) {
    RollbackPlan mapped = plan;
    mapped.hostIds = d->toIdentities(plan.hostIds);
    return d->finishing<ChangeResult>(
        [mapped](JobContext c) { return RollbackJob(std::move(c)).run(mapped); }, true);
}

quint64 Deployer::scale(const QString &app, const QString &env, int replicas, PullPolicy pull) {
    return d->finishing<ChangeResult>(
        [app, env, replicas, pull](JobContext c) {
            return ScaleJob(std::move(c)).run(app, env, replicas, pull);
        },
        true);
}

quint64 Deployer::undo(const QString &app, const QString &env) {
    return d->finishing<ChangeResult>(
        [app, env](JobContext c) { return UndoJob(std::move(c)).run(app, env); }, true);
}

quint64 Deployer::adopt(const QString &app, const QString &env) {
    return d->finishing<JobOutcome>(
        [app, env](JobContext c) { return AdoptJob(std::move(c)).run(app, env); }, true);
}

quint64 Deployer::history(const QString &app, const QString &env) {
    Deployer *self = this;
    return d->launch<HistoryResult>(
        [app, env](JobContext c) { return HistoryJob(std::move(c)).run(app, env); },
        [self](quint64 request, const HistoryResult &r) {
            if (r.ok) {
                emit self->retentionLoaded(request, r.retention);
                emit self->historyLoaded(request, r.history);
            } else
                emit self->finished(request, false, r.error, DeploymentRecord());
        });
}

quint64 Deployer::setRetention(const QString &app, const QString &env, int versions) {
    return d->finishing<JobOutcome>([app, env, versions](JobContext c) {
        return RetentionJob(std::move(c)).run(app, env, versions);
    });
}

quint64 Deployer::recover() {
    Deployer *self = this;
    return d->launch<RecoverResult>([](JobContext c) { return RecoverJob(std::move(c)).run(); },
                                    [self](quint64 request, const RecoverResult &r) {
                                        emit self->finished(request, r.ok, r.error,
                                                            Impl::recoveryRecord(r));
                                    });
}

quint64 Deployer::reconcile(const QString &app, const QString &env) {
    return d->finishing<JobOutcome>(
        [app, env](JobContext c) { return ReconcileJob(std::move(c)).run(app, env); });
}

void Deployer::recoverWhenHostsAnswer() {
    d->recoverAtStart = true;
    d->recoverIfAnswered();
}

} // namespace slipway::core
