#include "core/alerts/alertmonitor.h"

#include "core/alerts/alertstore.h"
#include "core/base/errortext.h"
#include "core/fleet/containerdetails.h"
#include "core/fleet/hostmonitor.h"
#include "core/fleet/inventory.h"
#include "core/metrics/metrics.h"
#include "core/store/storethread.h"

#include <QLocale>
#include <algorithm>

namespace slipway::core {

using Kind = AlertRule::Kind;

namespace {

qint64 nowMs() {
    return QDateTime::currentMSecsSinceEpoch();
}

QString percent(double value) {
    return QLocale().toString(value, 'f', 1);
}

struct LoadResult {
    QList<AlertRule> rules;
    QList<Alert> alerts;
    QString error;
};

struct RuleResult {
    std::optional<AlertRule> rule;
    QString error;
};

struct FireResult {
    std::optional<Alert> saved;
    QString error;
};

struct AckResult {
    std::optional<Alert> alert; // as the database has it now, also after a refusal
    QString error;
};

// A container that will not run again by itself: its restart count is final.
bool stopped(const QString &state) {
    return state == QLatin1String("exited") || state == QLatin1String("created") ||
           state == QLatin1String("dead");
}

} // namespace

AlertMonitor::AlertMonitor(std::shared_ptr<StoreThread> store, HostMonitor *hosts,
                           Inventory *inventory, Metrics *metrics, Options options, QObject *parent)
    : QObject(parent), store_(std::move(store)), hosts_(hosts), inventory_(inventory),
      metrics_(metrics), options_(options), mailbox_(this) {
    qRegisterMetaType<Alert>();
    qRegisterMetaType<AlertRule>();
    tick_.setInterval(options_.tick);
    connect(&tick_, &QTimer::timeout, this, &AlertMonitor::onTick);
    if (hosts_)
        inspector_ = new ContainerDetailsLoader(hosts_, this);
}

AlertMonitor::AlertMonitor(std::shared_ptr<StoreThread> store, HostMonitor *hosts,
                           Inventory *inventory, Metrics *metrics, QObject *parent)
    : AlertMonitor(std::move(store), hosts, inventory, metrics, Options{}, parent) {}

AlertMonitor::~AlertMonitor() {
    mailbox_.close();
}

void AlertMonitor::start() {
    if (started_)
        return;
    started_ = true;
    startedAtSecs_ = nowMs() / 1000;
    store_->run<LoadResult>(
        [limit = options_.historyLimit](Store *store, const QString &openError) {
            LoadResult r;
            if (!store) {
                r.error = openError;
                return r;
            }
            AlertStore alerts(*store);
            r.rules = alerts.rules(&r.error);
            if (r.error.isEmpty())
                r.alerts = alerts.recentAlerts(limit, &r.error);
            return r;
        },
        mailbox_, [this](const LoadResult &r) { onLoaded(r.rules, r.alerts, r.error); });
}

void AlertMonitor::onLoaded(const QList<AlertRule> &rules, const QList<Alert> &alerts,
                            const QString &error) {
    if (!error.isEmpty()) {
        // Without the database the defaults still watch, in memory; nothing is recorded.
        emit problem(tr("The alert rules cannot be read: %1").arg(error));
        rules_ = AlertRule::defaults();
        qint64 id = -1;
        for (AlertRule &r : rules_)
            r.id = id--;
    } else {
        rules_ = rules;
    }
    alerts_ = alerts;
    for (Alert &a : alerts_) {
        a.serial = nextSerial_++;
        if (a.firing())
            firing_.insert({a.ruleId, a.targetKey}, a.serial);
    }
    loaded_ = true;
    // Open alerts of rules that are gone or off have nothing left to watch them.
    clearWhere(
        [this](const Alert &a) {
            const auto r = rule(a.ruleId);
            return !r || !r->enabled;
        },
        tr("the rule is removed or disabled"));
    // An open restart alert from before needs its container watched again to clear.
    for (const Alert &a : std::as_const(alerts_))
        if (a.firing() && a.kind == Kind::ContainerRestarting) {
            const QString rest = a.targetKey.mid(a.targetKey.indexOf(':') + 1);
            const int slash = rest.lastIndexOf('/');
            if (slash > 0)
                inspectRestarts(rest.left(slash), rest.mid(slash + 1));
        }
    connectSources();
    evaluateEverything();
    tick_.start();
    emit loaded();
    emit alertsChanged();
}

void AlertMonitor::connectSources() {
    if (inventory_) {
        connect(inventory_, &Inventory::containersInserted, this, &AlertMonitor::onContainers);
        connect(inventory_, &Inventory::containersChanged, this, &AlertMonitor::onContainers);
        connect(inventory_, &Inventory::containersRemoved, this,
                &AlertMonitor::onContainersRemoved);
        connect(inventory_, &Inventory::containerEvents, this, &AlertMonitor::onContainerEvents);
        connect(inventory_, &Inventory::hostSyncStateChanged, this,
                [this](const QString &hostId, Inventory::SyncState state) {
                    if (state == Inventory::SyncState::Live)
                        onHostSynced(hostId);
                });
    }
    if (hosts_) {
        connect(hosts_, &HostMonitor::statusChanged, this,
                [this](int index, const HostStatus &status) {
                    onHostStatus(hosts_->host(index).id, status);
                });
        connect(hosts_, &HostMonitor::hostRemoved, this, [this](int, const QString &id) {
            downSinceMs_.remove(id);
            clearWhere([&id](const Alert &a) { return a.hostId == id; },
                       tr("the host was removed"));
        });
        connect(hosts_, &HostMonitor::loaded, this, [this] {
            clearWhere(
                [this](const Alert &a) {
                    return a.targetKey.startsWith(QLatin1String("host:")) &&
                           hosts_->indexOf(a.hostId) < 0;
                },
                tr("the host is no longer configured"));
        });
    }
    if (metrics_)
        connect(metrics_, &Metrics::sampled, this, [this] { evaluateHostUsage(); });
}

void AlertMonitor::evaluateEverything() {
    if (hosts_)
        for (int i = 0; i < hosts_->hostCount(); ++i)
            onHostStatus(hosts_->host(i).id, hosts_->status(i));
    if (inventory_)
        for (const ContainerRef &r : inventory_->containers())
            evaluateContainer(r);
    evaluateHostUsage();
}

void AlertMonitor::evaluateRule(const AlertRule &rule) {
    switch (rule.kind) {
    case Kind::HostCpu:
    case Kind::HostMemory:
        evaluateHostUsage(&rule);
        break;
    case Kind::HostUnreachable:
        evaluateHostDown(&rule);
        break;
    default:
        if (inventory_)
            for (const ContainerRef &r : inventory_->containers())
                evaluateContainer(r, &rule);
        break;
    }
}

// ---- containers

void AlertMonitor::onContainers(const ContainerList &records) {
    const bool watchRestarts = restartRuleEnabled();
    for (const ContainerRef &r : records) {
        const QString key = Alert::containerKey(r->hostId, r->id);
        if (watchRestarts && !r->stale) {
            // The engine's RestartCount is what counts, not our view of the state changes:
            // the first restarts of a crash loop follow each other within 100-400 ms, faster
            // than events are coalesced into lists, so a "restarting" state is often never
            // listed and start times only have the status text's one-second resolution. Any
            // restart changes the listed record, and each change is one inspect of it.
            const auto prev = seen_.constFind(key);
            const bool wasSeen = prev != seen_.constEnd();
            const bool restartedLike =
                r->state == QLatin1String("restarting") ||
                (wasSeen && (prev->state != r->state || prev->stateSince != r->stateSince)) ||
                restarts_.contains(key);
            if (restartedLike && (wasSeen || r->state == QLatin1String("restarting")))
                inspectRestarts(r->hostId, r->id);
        }
        evaluateContainer(r);
        seen_.insert(key, Seen{r->state, r->stateSince});
    }
}

void AlertMonitor::onContainersRemoved(const ContainerList &records) {
    for (const ContainerRef &r : records) {
        const QString key = Alert::containerKey(r->hostId, r->id);
        seen_.remove(key);
        restarts_.remove(key);
        intents_.forget(key);
        exitChecks_.remove(key);
        clearWhere([&key](const Alert &a) { return a.targetKey == key; },
                   tr("the container was removed"));
    }
}

void AlertMonitor::onHostSynced(const QString &hostId) {
    if (!inventory_)
        return;
    // Alerts read back from the database whose container went away while nobody watched.
    clearWhere(
        [&](const Alert &a) {
            if (a.hostId != hostId || !a.targetKey.startsWith(QLatin1String("container:")))
                return false;
            const QString id = a.targetKey.mid(a.targetKey.lastIndexOf('/') + 1);
            return inventory_->container(hostId, id) == nullptr;
        },
        tr("the container no longer exists"));
}

void AlertMonitor::evaluateContainer(const ContainerRef &record, const AlertRule *only) {
    if (record->stale)
        return; // the last known state of an unreachable host: nothing new is known
    if (only) {
        evaluateContainerRule(*only, *record);
        return;
    }
    for (const AlertRule &rule : std::as_const(rules_))
        if (!rule.targetsHosts())
            evaluateContainerRule(rule, *record);
}

void AlertMonitor::evaluateContainerRule(const AlertRule &rule, const ContainerRecord &r) {
    const QString key = Alert::containerKey(r.hostId, r.id);
    if (!rule.enabled) {
        clear(rule.id, key, tr("the rule is disabled"));
        return;
    }
    switch (rule.kind) {
    case Kind::ContainerUnhealthy:
        if (r.health == QLatin1String("unhealthy"))
            fire(rule, key, containerTarget(r), r.hostId,
                 tr("Health check failing: %1").arg(r.status));
        else
            clear(rule.id, key,
                  r.health.isEmpty() ? tr("no longer checked (%1)").arg(r.status)
                                     : tr("now %1").arg(r.health));
        break;
    case Kind::ContainerExited:
        evaluateExited(rule, r);
        break;
    case Kind::ContainerRestarting: {
        const auto tracker = restarts_.constFind(key);
        if (tracker == restarts_.constEnd()) {
            if (stopped(r.state))
                clear(rule.id, key, tr("now %1").arg(r.state));
            break;
        }
        const qint64 now = nowMs();
        const int n = restartsWithin(*tracker, rule.windowSeconds, now);
        if (n >= rule.count && !stopped(r.state))
            fire(rule, key, containerTarget(r), r.hostId,
                 tr("Restarted %n time(s) within %1 (%2 in all)", nullptr, n)
                     .arg(AlertRule::formatSeconds(rule.windowSeconds))
                     .arg(tracker->lastCount));
        else if (stopped(r.state))
            clear(rule.id, key, tr("now %1").arg(r.state));
        else if (now - tracker->watchedSince >= qint64(rule.windowSeconds) * 1000)
            clear(rule.id, key,
                  tr("%n restart(s) within %1", nullptr, n)
                      .arg(AlertRule::formatSeconds(rule.windowSeconds)));
        break;
    }
    default:
        break;
    }
}

// "Container exited non-zero" is for exits nobody asked for (ExitIntents says how the last one
// came, as far as /events told).
void AlertMonitor::evaluateExited(const AlertRule &rule, const ContainerRecord &r) {
    const QString key = Alert::containerKey(r.hostId, r.id);
    if (!rule.enabled) {
        clear(rule.id, key, tr("the rule is disabled"));
        return;
    }
    if (r.state != QLatin1String("exited") || r.exitCode == 0) {
        clear(rule.id, key, tr("now %1").arg(r.state));
        return;
    }
    const ExitIntents::Verdict verdict = intents_.verdict(key);
    if (verdict == ExitIntents::Verdict::Asked) {
        // Its events came after the list (rare), or an alert of an older version is open:
        // the alert, if it fired, was wrong.
        clear(rule.id, key, tr("it was stopped on purpose"));
        return;
    }
    // No "die" heard for this exit: it came before Slipway watched (at start-up), or its
    // events are still on their way. SIGTERM's or SIGKILL's code is how a stop ends; it counts
    // as one unless the engine says otherwise (checkQuietExit).
    const bool maybeStopped = verdict == ExitIntents::Verdict::Unknown &&
                              (r.exitCode == 128 + 15 || r.exitCode == 128 + 9);
    // Only exits that happen while Slipway watches are news: a fleet keeps old failed
    // containers around, and those must not all fire at every start. A "die" heard is one
    // (also of a container that started and died before any list showed it running). An alert
    // read back from the database stays open as long as the container stays exited (unless it
    // turns out to be about a stop).
    const auto prev = seen_.constFind(key);
    const bool sawItRun = prev != seen_.constEnd() && prev->state != r.state;
    const bool exitedLately = r.stateSince > 0 && r.stateSince >= startedAtSecs_ - 2;
    if (!sawItRun && !exitedLately && verdict != ExitIntents::Verdict::Unasked) {
        if (maybeStopped && firing_.contains({rule.id, key}))
            checkQuietExit(r);
        return;
    }
    if (maybeStopped) {
        checkQuietExit(r);
        return;
    }
    fire(rule, key, containerTarget(r), r.hostId,
         tr("Exited with code %1: %2").arg(r.exitCode).arg(r.status));
}

void AlertMonitor::onContainerEvents(const QString &hostId, const ContainerEventList &events) {
    QSet<QString> news;
    for (const ContainerEvent &e : events)
        if (intents_.onEvent(Alert::containerKey(hostId, e.id), e.action))
            news.insert(e.id);
    if (!inventory_)
        return;
    // Usually the list that shows the exit comes after its events, and this finds the
    // container still running; when the list came first, this is where the verdict lands.
    for (const QString &id : std::as_const(news))
        if (const ContainerRef r = inventory_->container(hostId, id); r && !r->stale)
            for (const AlertRule &rule : std::as_const(rules_))
                if (rule.kind == Kind::ContainerExited && rule.enabled)
                    evaluateExited(rule, *r);
}

// An exit by SIGTERM or SIGKILL that no event explains: a stop, unless the engine restarted
// the container before (a crash loop that ended that way) or the kernel killed it for memory.
// Asked of the engine once per such exit; the answer fires or clears. Without a way to ask (no
// HostMonitor), it counts as a stop.
void AlertMonitor::checkQuietExit(const ContainerRecord &r) {
    const QString key = Alert::containerKey(r.hostId, r.id);
    if (!inspector_ || exitChecks_.contains(key))
        return;
    exitChecks_.insert(key);
    inspector_->load(r.hostId, r.id,
                     [this, hostId = r.hostId, id = r.id](bool ok, const ContainerDetails &details,
                                                          const QString &) {
                         onQuietExitChecked(hostId, id, ok ? &details : nullptr);
                     });
}

void AlertMonitor::onQuietExitChecked(const QString &hostId, const QString &containerId,
                                      const ContainerDetails *details) {
    const QString key = Alert::containerKey(hostId, containerId);
    exitChecks_.remove(key);
    // Gone, or the host is; or it runs again, and this exit is history.
    if (!details || details->state != QLatin1String("exited"))
        return;
    const bool unasked = details->restartCount > 0 || details->oomKilled;
    if (!intents_.guess(key,
                        unasked ? ExitIntents::Verdict::Unasked : ExitIntents::Verdict::Asked) ||
        !inventory_)
        return; // a die heard meanwhile knows better
    if (const ContainerRef r = inventory_->container(hostId, containerId); r && !r->stale)
        for (const AlertRule &rule : std::as_const(rules_))
            if (rule.kind == Kind::ContainerExited && rule.enabled)
                evaluateExited(rule, *r);
}

bool AlertMonitor::restartRuleEnabled() const {
    return std::any_of(rules_.begin(), rules_.end(), [](const AlertRule &r) {
        return r.enabled && r.kind == Kind::ContainerRestarting;
    });
}

void AlertMonitor::inspectRestarts(const QString &hostId, const QString &containerId) {
    if (!inspector_)
        return;
    const QString key = Alert::containerKey(hostId, containerId);
    Restarts &tracker = restarts_[key];
    if (tracker.watchedSince == 0)
        tracker.watchedSince = nowMs();
    if (tracker.inFlight) {
        tracker.again = true;
        return;
    }
    tracker.inFlight = true;
    inspector_->load(
        hostId, containerId,
        [this, hostId, containerId](bool ok, const ContainerDetails &details, const QString &) {
            const QString k = Alert::containerKey(hostId, containerId);
            auto it = restarts_.find(k);
            if (it == restarts_.end())
                return; // removed meanwhile
            it->inFlight = false;
            if (ok)
                onRestartCount(hostId, containerId, details.restartCount, details.state);
            it = restarts_.find(k);
            if (it != restarts_.end() && it->again) {
                it->again = false;
                inspectRestarts(hostId, containerId);
            }
        });
}

void AlertMonitor::onRestartCount(const QString &hostId, const QString &containerId, int count,
                                  const QString &state) {
    const QString key = Alert::containerKey(hostId, containerId);
    Restarts &tracker = restarts_[key];
    const qint64 now = nowMs();
    if (tracker.lastCount < 0) {
        // Restarts from before we watched have no time; one that is under way now does.
        if (state == QLatin1String("restarting") && count > 0)
            tracker.atMs.append(now);
    } else if (count > tracker.lastCount) {
        for (int i = tracker.lastCount; i < count; ++i)
            tracker.atMs.append(now);
    }
    // A manual start resets the engine's count: the next ones count from there.
    tracker.lastCount = count;
    if (inventory_)
        if (const ContainerRef r = inventory_->container(hostId, containerId))
            for (const AlertRule &rule : std::as_const(rules_))
                if (rule.kind == Kind::ContainerRestarting)
                    evaluateContainerRule(rule, *r);
}

int AlertMonitor::restartsWithin(const Restarts &tracker, int windowSeconds, qint64 now) const {
    const qint64 from = now - qint64(windowSeconds) * 1000;
    return int(std::count_if(tracker.atMs.begin(), tracker.atMs.end(),
                             [from](qint64 at) { return at >= from; }));
}

// ---- hosts

void AlertMonitor::onHostStatus(const QString &hostId, const HostStatus &status) {
    if (status.state == HostStatus::State::Down) {
        if (!downSinceMs_.contains(hostId))
            downSinceMs_.insert(hostId, nowMs());
        downError_.insert(hostId, status.error);
    } else if (status.state == HostStatus::State::Up) {
        downSinceMs_.remove(hostId);
        downError_.remove(hostId);
    }
    evaluateHostDown();
}

void AlertMonitor::evaluateHostDown(const AlertRule *only) {
    if (!hosts_)
        return;
    const qint64 now = nowMs();
    for (const AlertRule &rule : std::as_const(rules_)) {
        if (rule.kind != Kind::HostUnreachable || (only && only->id != rule.id))
            continue;
        for (int i = 0; i < hosts_->hostCount(); ++i) {
            const QString id = hosts_->host(i).id;
            const QString key = Alert::hostKey(id);
            const auto down = downSinceMs_.constFind(id);
            if (!rule.enabled) {
                clear(rule.id, key, tr("the rule is disabled"));
            } else if (down == downSinceMs_.constEnd()) {
                if (hosts_->status(i).state == HostStatus::State::Up)
                    clear(rule.id, key, tr("reachable again"));
            } else if (now - *down >= qint64(rule.forSeconds) * 1000) {
                fire(rule, key, hostName(id), id,
                     tr("Unreachable for %1: %2")
                         .arg(AlertRule::formatSeconds(int((now - *down) / 1000)),
                              downError_.value(id)));
            }
        }
    }
}

void AlertMonitor::evaluateHostUsage(const AlertRule *only) {
    if (!metrics_)
        return;
    const QList<HostUsage> usages = metrics_->hostUsages();
    for (const AlertRule &rule : std::as_const(rules_)) {
        if ((rule.kind != Kind::HostCpu && rule.kind != Kind::HostMemory) ||
            (only && only->id != rule.id))
            continue;
        for (const HostUsage &u : usages) {
            const QString key = Alert::hostKey(u.hostId);
            const FiringKey since{rule.id, u.hostId};
            if (!rule.enabled) {
                overSinceMs_.remove(since);
                clear(rule.id, key, tr("the rule is disabled"));
                continue;
            }
            if (!u.reachable || u.latest.atMs == 0)
                continue; // nothing measured: neither over nor under
            const bool cpu = rule.kind == Kind::HostCpu;
            const double value = cpu ? u.latest.cpuPercent : u.latest.memoryPercent;
            if (value <= rule.threshold) {
                overSinceMs_.remove(since);
                clear(rule.id, key,
                      cpu ? tr("CPU back to %1 %").arg(percent(value))
                          : tr("memory back to %1 %").arg(percent(value)));
                continue;
            }
            const qint64 first = overSinceMs_.value(since, u.latest.atMs);
            overSinceMs_.insert(since, first);
            const qint64 overMs = u.latest.atMs - first;
            if (overMs < qint64(rule.forSeconds) * 1000)
                continue;
            const QString over = AlertRule::formatSeconds(int(overMs / 1000));
            const QString limit = percent(rule.threshold);
            fire(rule, key, u.name.isEmpty() ? hostName(u.hostId) : u.name, u.hostId,
                 cpu ? tr("CPU %1 % for %2 (over %3 %)").arg(percent(value), over, limit)
                     : tr("Memory %1 % for %2 (over %3 %)").arg(percent(value), over, limit));
        }
    }
}

void AlertMonitor::onTick() {
    evaluateHostDown();
    if (!inventory_)
        return;
    // Restart windows move on with time alone.
    const qint64 now = nowMs();
    int longest = 0;
    for (const AlertRule &r : std::as_const(rules_))
        if (r.kind == Kind::ContainerRestarting)
            longest = std::max(longest, r.windowSeconds);
    for (auto it = restarts_.begin(); it != restarts_.end();) {
        const qint64 from = now - qint64(longest) * 1000;
        while (!it->atMs.isEmpty() && it->atMs.first() < from)
            it->atMs.removeFirst();
        const QString key = it.key();
        const QString rest = key.mid(key.indexOf(':') + 1);
        const int slash = rest.lastIndexOf('/');
        const ContainerRef r =
            slash > 0 ? inventory_->container(rest.left(slash), rest.mid(slash + 1)) : nullptr;
        if (r)
            for (const AlertRule &rule : std::as_const(rules_))
                if (rule.kind == Kind::ContainerRestarting)
                    evaluateContainerRule(rule, *r);
        // A quiet container that nothing fires on needs no watching any more.
        const bool quiet = it->atMs.isEmpty() && !it->inFlight &&
                           std::none_of(rules_.begin(), rules_.end(), [&](const AlertRule &rule) {
                               return firing_.contains({rule.id, key});
                           });
        if (!r || (quiet && now - it->watchedSince >= qint64(longest) * 1000))
            it = restarts_.erase(it);
        else
            ++it;
    }
}

// ---- firing and clearing

void AlertMonitor::fire(const AlertRule &rule, const QString &targetKey, const QString &target,
                        const QString &hostId, const QString &detail) {
    if (firing_.contains({rule.id, targetKey}))
        return;
    Alert a;
    a.serial = nextSerial_++;
    a.ruleId = rule.id;
    a.kind = rule.kind;
    a.ruleName = rule.name;
    a.targetKey = targetKey;
    a.target = target;
    a.hostId = hostId;
    a.firedAt = QDateTime::currentDateTimeUtc();
    a.detail = keptText(detail); // may hold a daemon's words: the status, a host's error
    alerts_.prepend(a);
    firing_.insert({rule.id, targetKey}, a.serial);
    emit alertFired(a);
    emit alertsChanged();
    if (rule.id < 0)
        return; // the database could not be opened
    store_->run<FireResult>(
        [a](Store *store, const QString &openError) {
            FireResult r;
            r.error = openError;
            if (store)
                r.saved = AlertStore(*store).fire(a, &r.error);
            return r;
        },
        mailbox_,
        [this, serial = a.serial](const FireResult &r) {
            if (!r.saved)
                emit problem(tr("An alert could not be recorded: %1").arg(r.error));
            const int i = indexOfSerial(serial);
            if (!r.saved || i < 0)
                return;
            const std::optional<Alert> &saved = r.saved;
            Alert &a = alerts_[i];
            a.id = saved->id;
            a.firedAt = saved->firedAt; // an open alert of the same condition was kept
            a.acknowledgedBy = saved->acknowledgedBy;
            a.acknowledgedAt = saved->acknowledgedAt;
            if (!saved->detail.isEmpty() && saved->detail != a.detail && a.firing())
                a.detail = saved->detail;
            emit alertUpdated(a);
            emit alertsChanged();
        });
}

void AlertMonitor::clear(qint64 ruleId, const QString &targetKey, const QString &whyText) {
    const QString why = keptText(whyText);
    const auto it = firing_.constFind({ruleId, targetKey});
    if (it == firing_.constEnd())
        return;
    const int i = indexOfSerial(*it);
    firing_.erase(it);
    if (i < 0)
        return;
    Alert &a = alerts_[i];
    a.clearedAt = QDateTime::currentDateTimeUtc();
    if (!why.isEmpty())
        a.detail = a.detail.isEmpty() ? why : a.detail + QStringLiteral(" — ") + why;
    const Alert cleared = a;
    emit alertCleared(cleared);
    if (ruleId >= 0)
        store_->post([cleared, why](Store *store, const QString &) {
            // A failure leaves the alert open in the database; the next start clears it
            // when its condition is gone.
            if (store)
                AlertStore(*store).clear(cleared.ruleId, cleared.targetKey, cleared.clearedAt, why);
        });
    dropOldHistory();
    emit alertsChanged();
}

void AlertMonitor::clearWhere(const std::function<bool(const Alert &)> &match, const QString &why) {
    QList<FiringKey> keys;
    for (auto it = firing_.constBegin(); it != firing_.constEnd(); ++it) {
        const int i = indexOfSerial(it.value());
        if (i >= 0 && match(alerts_[i]))
            keys.append(it.key());
    }
    for (const FiringKey &k : keys)
        clear(k.first, k.second, why);
}

void AlertMonitor::dropOldHistory() {
    int cleared = 0;
    QList<quint64> dropped;
    for (int i = 0; i < alerts_.size();) {
        if (!alerts_[i].firing() && ++cleared > options_.historyLimit) {
            dropped.append(alerts_[i].serial);
            alerts_.removeAt(i);
        } else {
            ++i;
        }
    }
    if (!dropped.isEmpty())
        emit alertsDropped(dropped);
}

int AlertMonitor::indexOfSerial(quint64 serial) const {
    for (int i = 0; i < alerts_.size(); ++i)
        if (alerts_[i].serial == serial)
            return i;
    return -1;
}

std::optional<Alert> AlertMonitor::alert(quint64 serial) const {
    const int i = indexOfSerial(serial);
    if (i < 0)
        return std::nullopt;
    return alerts_[i];
}

std::optional<Alert> AlertMonitor::firing(qint64 ruleId, const QString &targetKey) const {
    const auto it = firing_.constFind({ruleId, targetKey});
    if (it == firing_.constEnd())
        return std::nullopt;
    return alert(*it);
}

std::optional<AlertRule> AlertMonitor::rule(qint64 id) const {
    for (const AlertRule &r : rules_)
        if (r.id == id)
            return r;
    return std::nullopt;
}

int AlertMonitor::unacknowledgedCount() const {
    int n = 0;
    for (auto it = firing_.constBegin(); it != firing_.constEnd(); ++it)
        if (const auto a = alert(it.value()); a && !a->acknowledged())
            ++n;
    return n;
}

QString AlertMonitor::hostName(const QString &hostId) const {
    if (hosts_)
        if (const int i = hosts_->indexOf(hostId); i >= 0)
            return hosts_->host(i).name;
    if (inventory_)
        if (const QString name = inventory_->hostName(hostId); !name.isEmpty())
            return name;
    return hostId;
}

QString AlertMonitor::containerTarget(const ContainerRecord &r) const {
    return tr("%1 on %2").arg(r.name, hostName(r.hostId));
}

// ---- requests

quint64 AlertMonitor::finishLater(bool ok, const QString &error) {
    const quint64 request = nextRequest_++;
    QMetaObject::invokeMethod(
        this, [this, request, ok, error] { emit requestFinished(request, ok, error); },
        Qt::QueuedConnection);
    return request;
}

quint64 AlertMonitor::saveRule(const AlertRule &rule) {
    if (const QString why = rule.validationError(); !why.isEmpty())
        return finishLater(false, why);
    if (rule.id < 0)
        return finishLater(false, tr("The rules cannot be changed: the database is not open."));
    const quint64 request = nextRequest_++;
    const bool adding = rule.id == 0;
    const auto before = rule.id ? this->rule(rule.id) : std::nullopt;
    store_->run<RuleResult>(
        [rule, adding, before](Store *store, const QString &openError) {
            RuleResult r;
            if (!store) {
                r.error = openError;
                return r;
            }
            r.rule = AlertStore(*store).saveRule(rule, &r.error);
            AuditEntry e;
            e.action =
                adding ? QStringLiteral("alert.rule.add") : QStringLiteral("alert.rule.edit");
            e.target = rule.name.trimmed();
            e.result = r.rule ? QStringLiteral("ok") : QStringLiteral("failed");
            QString what = QStringLiteral("%1: %2%3")
                               .arg(AlertRule::kindKey(rule.kind), rule.condition(),
                                    rule.enabled ? QString() : QStringLiteral(" (disabled)"));
            if (before && before->condition() != rule.condition())
                what = before->condition() + QStringLiteral(" -> ") + what;
            else if (before && before->enabled != rule.enabled)
                what = rule.enabled ? QStringLiteral("enabled") : QStringLiteral("disabled");
            e.detail = r.rule ? what : r.error;
            store->appendAudit(e);
            return r;
        },
        mailbox_,
        [this, request](const RuleResult &r) {
            if (r.rule) {
                bool found = false;
                for (AlertRule &existing : rules_)
                    if (existing.id == r.rule->id) {
                        existing = *r.rule;
                        found = true;
                    }
                if (!found)
                    rules_.append(*r.rule);
                // A changed threshold or duration starts the count again.
                for (auto it = overSinceMs_.begin(); it != overSinceMs_.end();)
                    it = it.key().first == r.rule->id ? overSinceMs_.erase(it) : std::next(it);
                emit ruleSaved(*r.rule);
                evaluateRule(*r.rule);
                emit auditAppended();
            }
            emit requestFinished(request, r.rule.has_value(), r.error);
        });
    return request;
}

quint64 AlertMonitor::setRuleEnabled(qint64 ruleId, bool enabled) {
    auto r = rule(ruleId);
    if (!r)
        return finishLater(false, tr("There is no alert rule %1.").arg(ruleId));
    r->enabled = enabled;
    return saveRule(*r);
}

quint64 AlertMonitor::removeRule(qint64 ruleId) {
    const auto r = rule(ruleId);
    if (!r)
        return finishLater(false, tr("There is no alert rule %1.").arg(ruleId));
    if (ruleId < 0)
        return finishLater(false, tr("The rules cannot be changed: the database is not open."));
    const quint64 request = nextRequest_++;
    store_->run<QString>(
        [rule = *r](Store *store, const QString &openError) {
            if (!store)
                return openError;
            QString error;
            const bool ok = AlertStore(*store).removeRule(rule.id, &error);
            AuditEntry e;
            e.action = QStringLiteral("alert.rule.remove");
            e.target = rule.name;
            e.result = ok ? QStringLiteral("ok") : QStringLiteral("failed");
            e.detail = ok ? AlertRule::kindKey(rule.kind) + QStringLiteral(": ") + rule.condition()
                          : error;
            store->appendAudit(e);
            return ok ? QString() : error;
        },
        mailbox_,
        [this, request, ruleId](const QString &error) {
            if (error.isEmpty()) {
                clearWhere([ruleId](const Alert &a) { return a.ruleId == ruleId; },
                           tr("the rule was removed"));
                rules_.removeIf([ruleId](const AlertRule &r) { return r.id == ruleId; });
                for (auto it = overSinceMs_.begin(); it != overSinceMs_.end();)
                    it = it.key().first == ruleId ? overSinceMs_.erase(it) : std::next(it);
                emit ruleRemoved(ruleId);
                emit auditAppended();
            }
            emit requestFinished(request, error.isEmpty(), error);
        });
    return request;
}

quint64 AlertMonitor::acknowledge(quint64 serial) {
    const auto a = alert(serial);
    if (!a)
        return finishLater(false, tr("That alert is no longer listed."));
    if (a->acknowledged())
        return finishLater(false, tr("%1 acknowledged this alert already.").arg(a->acknowledgedBy));
    if (a->id <= 0)
        return finishLater(false, tr("The alert is not recorded yet; try again in a moment."));
    const quint64 request = nextRequest_++;
    store_->run<AckResult>(
        [alert = *a](Store *store, const QString &openError) {
            AckResult r;
            if (!store) {
                r.error = openError;
                return r;
            }
            AlertStore alerts(*store);
            r.alert = alerts.acknowledge(alert.id, Store::currentOsUser(),
                                         QDateTime::currentDateTimeUtc(), &r.error);
            AuditEntry e;
            e.action = QStringLiteral("alert.acknowledge");
            e.target = alert.target;
            e.result = r.alert ? QStringLiteral("ok") : QStringLiteral("failed");
            e.detail = r.alert ? alert.ruleName + QStringLiteral(": ") + alert.detail : r.error;
            store->appendAudit(e);
            if (!r.alert)
                r.alert = alerts.alert(alert.id); // to show who was first
            return r;
        },
        mailbox_,
        [this, request, serial](const AckResult &r) {
            const int i = indexOfSerial(serial);
            if (i >= 0 && r.alert && r.alert->acknowledged()) {
                alerts_[i].acknowledgedBy = r.alert->acknowledgedBy;
                alerts_[i].acknowledgedAt = r.alert->acknowledgedAt;
                emit alertUpdated(alerts_[i]);
                emit alertsChanged();
            }
            emit auditAppended();
            emit requestFinished(request, r.error.isEmpty(), r.error);
        });
    return request;
}

} // namespace slipway::core
