#include "core/deploy/reconciler.h"

#include "core/deploy/deployer.h"
#include "core/fleet/containerdetails.h"
#include "core/fleet/hostmonitor.h"
#include "core/fleet/inventory.h"
#include "core/store/store.h"
#include "core/store/storethread.h"

namespace slipway::core {

namespace {

QString containerKey(const QString &hostId, const QString &containerId) {
    return hostId + QLatin1Char('\n') + containerId;
}

// Running, or as far as anyone knows (the host cannot be reached): a replica on a host that
// does not answer is not replaced while its host may come back with it.
bool countsAsRunning(const ContainerRecord &r) {
    return r.stale || r.state == QLatin1String("running") ||
           r.state == QLatin1String("restarting") || r.state == QLatin1String("paused");
}

} // namespace

Reconciler::Reconciler(Inventory *inventory, HostMonitor *hosts, Deployer *deployer,
                       std::shared_ptr<StoreThread> store, Options options, QObject *parent)
    : QObject(parent), inventory_(inventory), hosts_(hosts), deployer_(deployer),
      store_(std::move(store)), options_(options), mailbox_(this),
      inspector_(hosts ? new ContainerDetailsLoader(hosts, this) : nullptr) {
    clock_.start();
    tick_.setInterval(int(options_.interval.count()));
    connect(&tick_, &QTimer::timeout, this, [this] {
        forgetOldRestarts();
        load();
    });
    soon_.setSingleShot(true);
    soon_.setInterval(int(options_.settle.count()));
    connect(&soon_, &QTimer::timeout, this, &Reconciler::look);
    connect(deployer_, &Deployer::finished, this,
            [this](quint64 request, bool ok, const QString &error, const DeploymentRecord &r) {
                const auto it = asked_.constFind(request);
                if (it == asked_.constEnd())
                    return;
                const Key key = it.value();
                asked_.erase(it);
                inFlight_.remove(key);
                if (ok) {
                    backoff_.remove(key);
                    notBeforeMs_.remove(key);
                } else {
                    auto b = backoff_.find(key);
                    if (b == backoff_.end())
                        b = backoff_.insert(key,
                                            Backoff(options_.firstBackoff, options_.maxBackoff));
                    notBeforeMs_.insert(key, clock_.elapsed() + b->next().count());
                }
                emit reconciled(key.first, key.second, ok, error, r.detail);
            });
}

Reconciler::~Reconciler() {
    mailbox_.close();
}

void Reconciler::start() {
    connect(inventory_, &Inventory::containersInserted, this, &Reconciler::onContainers);
    connect(inventory_, &Inventory::containersChanged, this, &Reconciler::onContainers);
    connect(inventory_, &Inventory::containersRemoved, this, &Reconciler::onRemoved);
    connect(inventory_, &Inventory::hostSyncStateChanged, this, &Reconciler::lookSoon);
    tick_.start();
    load();
}

void Reconciler::setActing(bool acting) {
    if (acting_ == acting)
        return;
    acting_ = acting;
    if (acting_)
        lookSoon();
}

std::optional<Reconciler::AppState> Reconciler::state(const QString &app,
                                                      const QString &env) const {
    const auto it = states_.constFind(Key(app, env));
    if (it == states_.constEnd())
        return std::nullopt;
    return it.value();
}

int Reconciler::restarts(const QString &hostId, const QString &containerId) const {
    return restarts_.value(containerKey(hostId, containerId)).shown;
}

void Reconciler::load() {
    if (loading_)
        return;
    loading_ = true;
    struct Loaded {
        bool ok = false;
        QList<DesiredReplicas> desired;
        QList<ReconcilePause> paused;
    };
    store_->run<Loaded>(
        [](Store *store, const QString &) {
            Loaded l;
            if (!store)
                return l;
            ReconcileSettings settings(store->database());
            QString error;
            l.desired = settings.desired(&error);
            l.paused = settings.all(&error); // resumed ones too: their version is needed
            l.ok = error.isEmpty();
            return l;
        },
        mailbox_,
        [this](const Loaded &l) {
            loading_ = false;
            if (!l.ok)
                return; // the next tick tries again; what was known stays
            QHash<Key, AppState> next;
            for (const DesiredReplicas &d : l.desired) {
                AppState s;
                s.deploymentId = d.deploymentId;
                s.replicas = d.replicas;
                s.pause.app = d.app;
                s.pause.env = d.env;
                next.insert(Key(d.app, d.env), s);
            }
            for (const ReconcilePause &p : l.paused)
                if (auto it = next.find(Key(p.app, p.env)); it != next.end())
                    it->pause = p;
            if (next != states_) {
                states_ = std::move(next);
                emit statesChanged();
            }
            look();
        });
}

bool Reconciler::hostsReady() const {
    // Until every host has answered, "missing" may only mean "not listed yet".
    if (hosts_) {
        if (!hosts_->isLoaded())
            return false;
        for (int i = 0; i < hosts_->hostCount(); ++i)
            if (hosts_->status(i).state == HostStatus::State::Connecting)
                return false;
    }
    // A host that cannot be reached keeps its containers, stale, and they count as they were;
    // one that is (re)listing may not have listed them yet.
    for (const QString &id : inventory_->hostIds())
        if (inventory_->hostState(id) == Inventory::SyncState::Connecting)
            return false;
    return true;
}

void Reconciler::lookSoon() {
    if (!soon_.isActive())
        soon_.start();
}

void Reconciler::look() {
    if (!acting_ || states_.isEmpty() || !hostsReady())
        return;
    // An application none of whose containers is on these hosts was deployed elsewhere (or
    // another set of hosts is watched now): it is not redeployed here.
    QHash<Key, int> running;
    for (const ContainerRef &r : inventory_->containers())
        if (!r->app.isEmpty())
            running[Key(r->app, r->env)] += countsAsRunning(*r) ? 1 : 0;
    const qint64 now = clock_.elapsed();
    for (auto it = states_.cbegin(); it != states_.cend(); ++it) {
        const Key &key = it.key();
        if (it->pause.paused || inFlight_.contains(key) || !running.contains(key) ||
            running.value(key) >= it->replicas || now < notBeforeMs_.value(key, 0))
            continue;
        inFlight_.insert(key);
        asked_.insert(deployer_->reconcile(key.first, key.second), key);
    }
}

void Reconciler::onContainers(const ContainerList &records) {
    bool ours = false;
    for (const ContainerRef &r : records) {
        if (r->app.isEmpty())
            continue;
        ours = true;
        const QString key = containerKey(r->hostId, r->id);
        const auto prev = seen_.constFind(key);
        // The engine's RestartCount is what counts: a crash loop's first restarts come faster
        // than the listed state changes, so any change of a replica's state is one inspect.
        const bool changed = prev != seen_.constEnd() &&
                             (prev->state != r->state || prev->stateSince != r->stateSince);
        if (!r->stale &&
            (r->state == QLatin1String("restarting") || changed || restarts_.contains(key)))
            inspect(r->hostId, r->id);
        seen_.insert(key, Seen{r->state, r->stateSince});
    }
    if (ours)
        lookSoon();
}

void Reconciler::onRemoved(const ContainerList &records) {
    bool ours = false;
    for (const ContainerRef &r : records) {
        const QString key = containerKey(r->hostId, r->id);
        seen_.remove(key);
        if (restarts_.remove(key) > 0)
            emit restartsChanged(r->hostId, r->id, 0);
        ours = ours || !r->app.isEmpty();
    }
    if (ours)
        lookSoon();
}

void Reconciler::inspect(const QString &hostId, const QString &containerId) {
    if (!inspector_)
        return;
    const QString key = containerKey(hostId, containerId);
    Restarts &tracker = restarts_[key];
    if (tracker.inFlight) {
        tracker.again = true;
        return;
    }
    tracker.inFlight = true;
    inspector_->load(
        hostId, containerId,
        [this, hostId, containerId](bool ok, const ContainerDetails &details, const QString &) {
            const QString k = containerKey(hostId, containerId);
            auto it = restarts_.find(k);
            if (it == restarts_.end())
                return; // removed meanwhile
            it->inFlight = false;
            const int before = it->shown;
            if (ok) {
                const int count = details.restartCount;
                // A manual start resets the engine's count; the loop goes on
                // from there.
                if (it->lastCount >= 0 && count > it->lastCount)
                    it->grewAtMs = clock_.elapsed();
                else if (it->lastCount < 0 && count > 0 &&
                         details.state == QLatin1String("restarting"))
                    it->grewAtMs = clock_.elapsed();
                it->lastCount = count;
                it->shown = it->grewAtMs > 0 ? count : 0;
            }
            const bool again = it->again;
            it->again = false;
            if (it->shown != before)
                emit restartsChanged(hostId, containerId, it->shown);
            if (again)
                inspect(hostId, containerId);
        });
}

void Reconciler::forgetOldRestarts() {
    const qint64 now = clock_.elapsed();
    for (auto it = restarts_.begin(); it != restarts_.end(); ++it) {
        if (it->shown == 0 || now - it->grewAtMs < options_.restartMemory.count())
            continue;
        const ContainerRef r = inventory_->container(it.key().section(QLatin1Char('\n'), 0, 0),
                                                     it.key().section(QLatin1Char('\n'), 1));
        if (r && r->state == QLatin1String("restarting"))
            continue; // still in its loop
        it->shown = 0;
        it->grewAtMs = 0;
        emit restartsChanged(it.key().section(QLatin1Char('\n'), 0, 0),
                             it.key().section(QLatin1Char('\n'), 1), 0);
    }
}

quint64 Reconciler::setPaused(const QString &app, const QString &env, bool paused) {
    const quint64 request = nextRequest_++;
    struct Done {
        bool ok = false;
        QString error;
        std::optional<ReconcilePause> now; // as written, or as someone else left it
    };
    // What the user saw: if someone paused or resumed it since, they are told, not overruled.
    const auto seen = state(app, env);
    const int readVersion = seen ? seen->pause.version : -1;
    store_->run<Done>(
        [app, env, paused, readVersion](Store *store, const QString &openError) {
            Done d;
            if (!store) {
                d.error = openError;
                return d;
            }
            const QString who = Store::currentOsUser();
            ReconcileSettings settings(store->database());
            d.ok = settings.setPaused(app, env, paused, who, &d.error, readVersion);
            d.now = settings.pause(app, env);
            AuditEntry e;
            e.action = paused ? QStringLiteral("app.reconcile.pause")
                              : QStringLiteral("app.reconcile.resume");
            e.target = QStringLiteral("%1/%2").arg(app, env);
            e.result = d.ok ? QStringLiteral("ok") : QStringLiteral("failed");
            e.detail = d.ok ? (paused ? tr("reconcile paused: replicas are left as they are")
                                      : tr("reconcile resumed"))
                            : d.error;
            store->appendAudit(e);
            return d;
        },
        mailbox_,
        [this, request, key = Key(app, env)](const Done &d) {
            // At once, not at the next load: a second click acts on what the first left.
            if (auto it = states_.find(key); d.now && it != states_.end() && it->pause != *d.now) {
                it->pause = *d.now;
                emit statesChanged();
            }
            emit pauseFinished(request, d.ok, d.error);
            emit auditAppended();
            load();
        });
    return request;
}

} // namespace slipway::core
