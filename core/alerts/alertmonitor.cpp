#include "core/alerts/alertmonitor.h"

#include "core/alerts/alertlifecycle.h"
#include "core/alerts/alertrequests.h"
#include "core/alerts/alertstore.h"
#include "core/alerts/hostalerts.h"
#include "core/alerts/restarttracker.h"
#include "core/base/errortext.h"
#include "core/fleet/containerdetails.h"
#include "core/fleet/hostmonitor.h"
#include "core/fleet/inventory.h"
#include "core/metrics/metrics.h"
#include "core/store/storethread.h"

#include <QSet>
#include <algorithm>

namespace slipway::core {

using Kind = AlertRule::Kind;

namespace {

qint64 nowMs() {
    return QDateTime::currentMSecsSinceEpoch();
}

struct LoadResult {
    QList<AlertRule> rules;
    QList<Alert> alerts;
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
    lifecycle_ = new AlertLifecycle(store_, options_.historyLimit, this);
    connect(lifecycle_, &AlertLifecycle::problem, this, &AlertMonitor::problem);
    connect(lifecycle_, &AlertLifecycle::alertFired, this, &AlertMonitor::alertFired);
    connect(lifecycle_, &AlertLifecycle::alertCleared, this, &AlertMonitor::alertCleared);
    connect(lifecycle_, &AlertLifecycle::alertUpdated, this, &AlertMonitor::alertUpdated);
    connect(lifecycle_, &AlertLifecycle::alertsDropped, this, &AlertMonitor::alertsDropped);
    connect(lifecycle_, &AlertLifecycle::alertsChanged, this, &AlertMonitor::alertsChanged);
    restarts_ = new RestartTracker(inspector_, this);
    connect(restarts_, &RestartTracker::counted, this, &AlertMonitor::onRestartsCounted);
    hostAlerts_ = new HostAlerts(
        &rules_, lifecycle_, hosts_, metrics_,
        [this](const QString &hostId) { return hostName(hostId); }, this);
    requests_ = new AlertRequests(store_, this);
    connect(requests_, &AlertRequests::finished, this, &AlertMonitor::requestFinished);
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
    lifecycle_->load(alerts);
    loaded_ = true;
    // Open alerts of rules that are gone or off have nothing left to watch them.
    lifecycle_->clearWhere(
        [this](const Alert &a) {
            const auto r = rule(a.ruleId);
            return !r || !r->enabled;
        },
        tr("the rule is removed or disabled"));
    // An open restart alert from before needs its container watched again to clear.
    for (const Alert &a : lifecycle_->alerts())
        if (a.firing() && a.kind == Kind::ContainerRestarting) {
            const QString rest = a.targetKey.mid(a.targetKey.indexOf(':') + 1);
            const int slash = rest.lastIndexOf('/');
            if (slash > 0)
                restarts_->inspect(rest.left(slash), rest.mid(slash + 1));
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
                    hostAlerts_->onHostStatus(hosts_->host(index).id, status);
                });
        connect(hosts_, &HostMonitor::hostRemoved, this, [this](int, const QString &id) {
            hostAlerts_->forgetHost(id);
            lifecycle_->clearWhere([&id](const Alert &a) { return a.hostId == id; },
                                   tr("the host was removed"));
        });
        connect(hosts_, &HostMonitor::loaded, this, [this] {
            lifecycle_->clearWhere(
                [this](const Alert &a) {
                    return a.targetKey.startsWith(QLatin1String("host:")) &&
                           hosts_->indexOf(a.hostId) < 0;
                },
                tr("the host is no longer configured"));
        });
    }
    if (metrics_)
        connect(metrics_, &Metrics::sampled, this, [this] { hostAlerts_->evaluateUsage(); });
}

void AlertMonitor::evaluateEverything() {
    if (hosts_)
        for (int i = 0; i < hosts_->hostCount(); ++i)
            hostAlerts_->onHostStatus(hosts_->host(i).id, hosts_->status(i));
    if (inventory_)
        for (const ContainerRef &r : inventory_->containers())
            evaluateContainer(r);
    hostAlerts_->evaluateUsage();
}

void AlertMonitor::evaluateRule(const AlertRule &rule) {
    switch (rule.kind) {
    case Kind::HostCpu:
    case Kind::HostMemory:
        hostAlerts_->evaluateUsage(&rule);
        break;
    case Kind::HostUnreachable:
        hostAlerts_->evaluateDown(&rule);
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
                restarts_->isWatched(key);
            if (restartedLike && (wasSeen || r->state == QLatin1String("restarting")))
                restarts_->inspect(r->hostId, r->id);
        }
        evaluateContainer(r);
        seen_.insert(key, Seen{r->state, r->stateSince});
    }
}

void AlertMonitor::onContainersRemoved(const ContainerList &records) {
    for (const ContainerRef &r : records) {
        const QString key = Alert::containerKey(r->hostId, r->id);
        seen_.remove(key);
        restarts_->forget(key);
        intents_.forget(key);
        exitChecks_.remove(key);
        lifecycle_->clearWhere([&key](const Alert &a) { return a.targetKey == key; },
                               tr("the container was removed"));
    }
}

void AlertMonitor::onHostSynced(const QString &hostId) {
    if (!inventory_)
        return;
    // Alerts read back from the database whose container went away while nobody watched.
    lifecycle_->clearWhere(
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
        lifecycle_->clear(rule.id, key, tr("the rule is disabled"));
        return;
    }
    switch (rule.kind) {
    case Kind::ContainerUnhealthy:
        if (r.health == QLatin1String("unhealthy"))
            lifecycle_->fire(rule, key, containerTarget(r), r.hostId,
                             tr("Health check failing: %1").arg(r.status));
        else
            lifecycle_->clear(rule.id, key,
                              r.health.isEmpty() ? tr("no longer checked (%1)").arg(r.status)
                                                 : tr("now %1").arg(r.health));
        break;
    case Kind::ContainerExited:
        evaluateExited(rule, r);
        break;
    case Kind::ContainerRestarting: {
        const RestartTracker::Watch *tracker = restarts_->watch(key);
        if (!tracker) {
            if (stopped(r.state))
                lifecycle_->clear(rule.id, key, tr("now %1").arg(r.state));
            break;
        }
        const qint64 now = nowMs();
        const int n = RestartTracker::restartsWithin(*tracker, rule.windowSeconds, now);
        if (n >= rule.count && !stopped(r.state))
            lifecycle_->fire(rule, key, containerTarget(r), r.hostId,
                             tr("Restarted %n time(s) within %1 (%2 in all)", nullptr, n)
                                 .arg(AlertRule::formatSeconds(rule.windowSeconds))
                                 .arg(tracker->lastCount));
        else if (stopped(r.state))
            lifecycle_->clear(rule.id, key, tr("now %1").arg(r.state));
        else if (now - tracker->watchedSince >= qint64(rule.windowSeconds) * 1000)
            lifecycle_->clear(rule.id, key,
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
        lifecycle_->clear(rule.id, key, tr("the rule is disabled"));
        return;
    }
    if (r.state != QLatin1String("exited") || r.exitCode == 0) {
        lifecycle_->clear(rule.id, key, tr("now %1").arg(r.state));
        return;
    }
    const ExitIntents::Verdict verdict = intents_.verdict(key);
    if (verdict == ExitIntents::Verdict::Asked) {
        // Its events came after the list (rare), or an alert of an older version is open:
        // the alert, if it fired, was wrong.
        lifecycle_->clear(rule.id, key, tr("it was stopped on purpose"));
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
        if (maybeStopped && lifecycle_->isFiring(rule.id, key))
            checkQuietExit(r);
        return;
    }
    if (maybeStopped) {
        checkQuietExit(r);
        return;
    }
    lifecycle_->fire(rule, key, containerTarget(r), r.hostId,
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

void AlertMonitor::onRestartsCounted(const QString &hostId, const QString &containerId) {
    if (inventory_)
        if (const ContainerRef r = inventory_->container(hostId, containerId))
            for (const AlertRule &rule : std::as_const(rules_))
                if (rule.kind == Kind::ContainerRestarting)
                    evaluateContainerRule(rule, *r);
}

void AlertMonitor::onTick() {
    hostAlerts_->evaluateDown();
    if (!inventory_)
        return;
    int longest = 0;
    for (const AlertRule &r : std::as_const(rules_))
        if (r.kind == Kind::ContainerRestarting)
            longest = std::max(longest, r.windowSeconds);
    restarts_->sweep(nowMs(), longest, [this](const QString &key) {
        const QString rest = key.mid(key.indexOf(':') + 1);
        const int slash = rest.lastIndexOf('/');
        const ContainerRef r =
            slash > 0 ? inventory_->container(rest.left(slash), rest.mid(slash + 1)) : nullptr;
        if (r)
            for (const AlertRule &rule : std::as_const(rules_))
                if (rule.kind == Kind::ContainerRestarting)
                    evaluateContainerRule(rule, *r);
        RestartTracker::Look look;
        look.exists = r != nullptr;
        look.firing = std::any_of(rules_.begin(), rules_.end(), [&](const AlertRule &rule) {
            return lifecycle_->isFiring(rule.id, key);
        });
        return look;
    });
}

// ---- what the lifecycle and the rules hold

QList<Alert> AlertMonitor::alerts() const {
    return lifecycle_->alerts();
}

std::optional<Alert> AlertMonitor::alert(quint64 serial) const {
    return lifecycle_->alert(serial);
}

std::optional<Alert> AlertMonitor::firing(qint64 ruleId, const QString &targetKey) const {
    return lifecycle_->firing(ruleId, targetKey);
}

int AlertMonitor::firingCount() const {
    return lifecycle_->firingCount();
}

int AlertMonitor::unacknowledgedCount() const {
    return lifecycle_->unacknowledgedCount();
}

std::optional<AlertRule> AlertMonitor::rule(qint64 id) const {
    for (const AlertRule &r : rules_)
        if (r.id == id)
            return r;
    return std::nullopt;
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

quint64 AlertMonitor::saveRule(const AlertRule &rule) {
    const auto before = rule.id ? this->rule(rule.id) : std::nullopt;
    return requests_->saveRule(rule, before, [this](const AlertRule &r) { onRuleSaved(r); });
}

quint64 AlertMonitor::setRuleEnabled(qint64 ruleId, bool enabled) {
    return requests_->setRuleEnabled(ruleId, rule(ruleId), enabled,
                                     [this](const AlertRule &r) { onRuleSaved(r); });
}

quint64 AlertMonitor::removeRule(qint64 ruleId) {
    return requests_->removeRule(ruleId, rule(ruleId), [this, ruleId] { onRuleRemoved(ruleId); });
}

quint64 AlertMonitor::acknowledge(quint64 serial) {
    return requests_->acknowledge(alert(serial), [this, serial](const std::optional<Alert> &a) {
        if (a && a->acknowledged())
            lifecycle_->setAcknowledged(serial, *a);
        emit auditAppended();
    });
}

void AlertMonitor::reloadRules() {
    if (!loaded_)
        return; // start() reads them
    using Rules = std::pair<QList<AlertRule>, QString>;
    store_->run<Rules>(
        [](Store *store, const QString &openError) {
            if (!store)
                return Rules{{}, openError};
            QString error;
            auto rules = AlertStore(*store).rules(&error);
            return Rules{rules, error};
        },
        mailbox_,
        [this](const Rules &r) {
            if (!r.second.isEmpty())
                return; // what is known stays; the next change tries again
            QSet<qint64> present;
            for (const AlertRule &rule : r.first) {
                present.insert(rule.id);
                if (this->rule(rule.id) != rule)
                    applyRule(rule);
            }
            const QList<AlertRule> before = rules_;
            for (const AlertRule &rule : before)
                if (!present.contains(rule.id))
                    dropRule(rule.id);
        });
}

void AlertMonitor::onRuleSaved(const AlertRule &rule) {
    applyRule(rule);
    emit auditAppended();
}

void AlertMonitor::applyRule(const AlertRule &rule) {
    bool found = false;
    for (AlertRule &existing : rules_)
        if (existing.id == rule.id) {
            existing = rule;
            found = true;
        }
    if (!found)
        rules_.append(rule);
    // A changed threshold or duration starts the count again.
    hostAlerts_->forgetRule(rule.id);
    emit ruleSaved(rule);
    evaluateRule(rule);
}

void AlertMonitor::onRuleRemoved(qint64 ruleId) {
    dropRule(ruleId);
    emit auditAppended();
}

void AlertMonitor::dropRule(qint64 ruleId) {
    lifecycle_->clearWhere([ruleId](const Alert &a) { return a.ruleId == ruleId; },
                           tr("the rule was removed"));
    rules_.removeIf([ruleId](const AlertRule &r) { return r.id == ruleId; });
    hostAlerts_->forgetRule(ruleId);
    emit ruleRemoved(ruleId);
}

} // namespace slipway::core
