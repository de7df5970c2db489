#include "core/alerts/hostalerts.h"

#include "core/alerts/alert.h"
#include "core/alerts/alertlifecycle.h"
#include "core/fleet/hostmonitor.h"
#include "core/metrics/metrics.h"

#include <QDateTime>
#include <QLocale>

namespace slipway::core {

using Kind = AlertRule::Kind;

namespace {

qint64 nowMs() {
    return QDateTime::currentMSecsSinceEpoch();
}

QString percent(double value) {
    return QLocale().toString(value, 'f', 1);
}

} // namespace

HostAlerts::HostAlerts(const QList<AlertRule> *rules, AlertLifecycle *lifecycle, HostMonitor *hosts,
                       Metrics *metrics, std::function<QString(const QString &)> hostName,
                       QObject *parent)
    : QObject(parent), rules_(rules), lifecycle_(lifecycle), hosts_(hosts), metrics_(metrics),
      hostName_(std::move(hostName)) {}

void HostAlerts::forgetHost(const QString &hostId) {
    downSinceMs_.remove(hostId);
}

void HostAlerts::forgetRule(qint64 ruleId) {
    for (auto it = overSinceMs_.begin(); it != overSinceMs_.end();)
        it = it.key().first == ruleId ? overSinceMs_.erase(it) : std::next(it);
}

void HostAlerts::onHostStatus(const QString &hostId, const HostStatus &status) {
    if (status.state == HostStatus::State::Down) {
        if (!downSinceMs_.contains(hostId))
            downSinceMs_.insert(hostId, nowMs());
        downError_.insert(hostId, status.error);
    } else if (status.state == HostStatus::State::Up) {
        downSinceMs_.remove(hostId);
        downError_.remove(hostId);
    }
    evaluateDown();
}

void HostAlerts::evaluateDown(const AlertRule *only) {
    if (!hosts_)
        return;
    const qint64 now = nowMs();
    for (const AlertRule &rule : std::as_const(*rules_)) {
        if (rule.kind != Kind::HostUnreachable || (only && only->id != rule.id))
            continue;
        for (int i = 0; i < hosts_->hostCount(); ++i) {
            const QString id = hosts_->host(i).id;
            const QString key = Alert::hostKey(id);
            const auto down = downSinceMs_.constFind(id);
            if (!rule.enabled) {
                lifecycle_->clear(rule.id, key, tr("the rule is disabled"));
            } else if (down == downSinceMs_.constEnd()) {
                if (hosts_->status(i).state == HostStatus::State::Up)
                    lifecycle_->clear(rule.id, key, tr("reachable again"));
            } else if (now - *down >= qint64(rule.forSeconds) * 1000) {
                lifecycle_->fire(rule, key, hostName_(id), id,
                                 tr("Unreachable for %1: %2")
                                     .arg(AlertRule::formatSeconds(int((now - *down) / 1000)),
                                          downError_.value(id)));
            }
        }
    }
}

void HostAlerts::evaluateUsage(const AlertRule *only) {
    if (!metrics_)
        return;
    const QList<HostUsage> usages = metrics_->hostUsages();
    for (const AlertRule &rule : std::as_const(*rules_)) {
        if ((rule.kind != Kind::HostCpu && rule.kind != Kind::HostMemory) ||
            (only && only->id != rule.id))
            continue;
        for (const HostUsage &u : usages) {
            const QString key = Alert::hostKey(u.hostId);
            const RuleHost since{rule.id, u.hostId};
            if (!rule.enabled) {
                overSinceMs_.remove(since);
                lifecycle_->clear(rule.id, key, tr("the rule is disabled"));
                continue;
            }
            if (!u.reachable || u.latest.atMs == 0)
                continue; // nothing measured: neither over nor under
            const bool cpu = rule.kind == Kind::HostCpu;
            const double value = cpu ? u.latest.cpuPercent : u.latest.memoryPercent;
            if (value <= rule.threshold) {
                overSinceMs_.remove(since);
                lifecycle_->clear(rule.id, key,
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
            lifecycle_->fire(
                rule, key, u.name.isEmpty() ? hostName_(u.hostId) : u.name, u.hostId,
                cpu ? tr("CPU %1 % for %2 (over %3 %)").arg(percent(value), over, limit)
                    : tr("Memory %1 % for %2 (over %3 %)").arg(percent(value), over, limit));
        }
    }
}

} // namespace slipway::core
