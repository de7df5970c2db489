// Metrics' public side: starting and stopping the rounds (core/metrics/metricsround.cpp),
// the priority list, and reading the latest values and the history they left.
#include "core/metrics/metrics.h"

#include "core/fleet/hostmonitor.h"
#include "core/fleet/inventory.h"
#include "core/metrics/metricsimpl.h"

#include <QTimer>
#include <algorithm>
#include <vector>

namespace slipway::core {

namespace {

using Key = QPair<QString, QString>; // host id, container id

double measureOf(const UsagePoint &p, UsageMeasure m) {
    return m == UsageMeasure::Cpu ? p.cpuPercent : p.memoryBytes;
}

} // namespace

Metrics::Metrics(Inventory *inventory, HostMonitor *hosts, Options options, QObject *parent)
    : QObject(parent), d(std::make_unique<Impl>(this, inventory, hosts, options)) {
    connect(&d->timer, &QTimer::timeout, this, [this] { d->startRound(); });
    connect(inventory, &Inventory::containersRemoved, this,
            [this](const ContainerList &records) { d->forget(records); });
    connect(inventory, &Inventory::containersChanged, this,
            [this](const ContainerList &records) { d->changed(records); });
    connect(hosts, &HostMonitor::hostRemoved, this,
            [this](int, const QString &id) { d->hostGone(id); });
}

Metrics::Metrics(Inventory *inventory, HostMonitor *hosts, QObject *parent)
    : Metrics(inventory, hosts, Options{}, parent) {}

Metrics::~Metrics() {
    d->mailbox.close();
    d->stop();
}

void Metrics::start() {
    if (d->running)
        return;
    d->running = true;
    ++d->generation;
    d->startRound();
}

void Metrics::stop() {
    d->stop();
}

bool Metrics::isRunning() const {
    return d->running;
}

void Metrics::setInterval(std::chrono::milliseconds interval) {
    if (interval.count() <= 0 || interval == d->options.interval)
        return;
    d->options.interval = interval;
    const std::size_t capacity = d->fineCapacityFor(interval);
    if (capacity <= d->fineCapacity)
        return; // a longer interval: the buffers already reach far enough back
    d->fineCapacity = capacity;
    for (auto &c : d->containers)
        c.history.setFineCapacity(capacity);
    for (auto &a : d->apps)
        a.history.setFineCapacity(capacity);
    for (auto &h : d->hosts)
        h.history.setFineCapacity(capacity);
    d->clusterHistory.setFineCapacity(capacity);
}

std::chrono::milliseconds Metrics::interval() const {
    return d->options.interval;
}

void Metrics::setPriority(const QString &viewer, const QList<QPair<QString, QString>> &containers) {
    if (containers.isEmpty())
        d->viewers.remove(viewer);
    else
        d->viewers.insert(viewer, containers);
    d->priority.clear();
    int rank = 0;
    for (const auto &list : std::as_const(d->viewers))
        for (const auto &[hostId, id] : list)
            d->priority[hostId].insert(id,
                                       rank++); // a container two viewers name keeps its first rank
}

std::optional<UsagePoint> Metrics::containerUsage(const QString &hostId,
                                                  const QString &containerId) const {
    const auto it = d->containers.constFind(Key(hostId, containerId));
    if (it == d->containers.constEnd() || !it->hasLatest)
        return std::nullopt;
    return it->latest;
}

std::optional<Metrics::Snapshot> Metrics::containerSnapshot(const QString &hostId,
                                                            const QString &containerId) const {
    const auto it = d->containers.constFind(Key(hostId, containerId));
    if (it == d->containers.constEnd() || !it->hasLatest || !it->latestEndsAtPrevious)
        return std::nullopt;
    return Snapshot{it->latest, it->previous};
}

std::optional<AppUsage> Metrics::appUsage(const QString &app, const QString &env) const {
    const auto it = d->apps.constFind(Key(app, env));
    if (it == d->apps.constEnd() || !it->has)
        return std::nullopt;
    return it->latest;
}

QList<HostUsage> Metrics::hostUsages() const {
    QList<HostUsage> out;
    for (int i = 0; i < d->monitor->hostCount(); ++i) {
        const HostConfig config = d->monitor->host(i);
        const HostStatus status = d->monitor->status(i);
        const auto it = d->hosts.constFind(config.id);
        HostUsage u = it != d->hosts.constEnd() && it->has ? it->latest : HostUsage{};
        u.hostId = config.id;
        u.name = config.name;
        u.cpus = status.cpus;
        u.memoryTotal = status.memoryBytes;
        u.reachable = status.state == HostStatus::State::Up;
        out.append(u);
    }
    return out;
}

std::optional<HostUsage> Metrics::hostUsage(const QString &hostId) const {
    for (const HostUsage &u : hostUsages())
        if (u.hostId == hostId)
            return u;
    return std::nullopt;
}

UsagePoint Metrics::clusterUsage() const {
    return d->cluster;
}

double Metrics::imbalance(UsageMeasure measure) const {
    double lo = 0, hi = 0;
    int n = 0;
    for (auto it = d->hosts.cbegin(); it != d->hosts.cend(); ++it) {
        if (!it->has || !it->latest.reachable)
            continue;
        const double v = measure == UsageMeasure::Cpu ? it->latest.latest.cpuPercent
                                                      : it->latest.latest.memoryPercent;
        lo = n == 0 ? v : std::min(lo, v);
        hi = n == 0 ? v : std::max(hi, v);
        ++n;
    }
    return n < 2 ? 0 : hi - lo;
}

QList<ContainerUsage> Metrics::topContainers(UsageMeasure measure, int count) const {
    std::vector<const Impl::ContainerState *> all;
    all.reserve(std::size_t(d->containers.size()));
    for (const auto &c : std::as_const(d->containers))
        if (c.hasLatest)
            all.push_back(&c);
    const auto n = std::min<std::size_t>(std::size_t(std::max(0, count)), all.size());
    std::partial_sort(all.begin(), all.begin() + std::ptrdiff_t(n), all.end(),
                      [measure](const auto *a, const auto *b) {
                          return measureOf(a->latest, measure) > measureOf(b->latest, measure);
                      });
    QList<ContainerUsage> out;
    out.reserve(qsizetype(n));
    for (std::size_t i = 0; i < n; ++i) {
        const ContainerRecord &r = *all[i]->record;
        out.append({r.hostId, r.id, r.name, r.app, r.env, all[i]->latest});
    }
    return out;
}

QList<AppUsage> Metrics::topApps(UsageMeasure measure, int count) const {
    QList<AppUsage> all;
    for (const auto &a : std::as_const(d->apps))
        if (a.has)
            all.append(a.latest);
    const auto n = std::min<qsizetype>(std::max(0, count), all.size());
    std::partial_sort(all.begin(), all.begin() + n, all.end(),
                      [measure](const AppUsage &a, const AppUsage &b) {
                          return measureOf(a.latest, measure) > measureOf(b.latest, measure);
                      });
    all.resize(n);
    return all;
}

UsageSeries Metrics::containerSeries(const QString &hostId, const QString &containerId,
                                     UsageSpan span) const {
    const auto it = d->containers.constFind(Key(hostId, containerId));
    if (it == d->containers.constEnd())
        return {};
    const double limit =
        it->hasLatest ? it->latest.memoryLimitBytes : double(it->previous.memoryLimit);
    return d->series(it->history, span, limit);
}

UsageSeries Metrics::appSeries(const QString &app, const QString &env, UsageSpan span) const {
    const auto it = d->apps.constFind(Key(app, env));
    return it == d->apps.constEnd() ? UsageSeries{} : d->series(it->history, span, 0);
}

UsageSeries Metrics::hostSeries(const QString &hostId, UsageSpan span) const {
    const auto it = d->hosts.constFind(hostId);
    return it == d->hosts.constEnd() ? UsageSeries{} : d->series(it->history, span, 0);
}

UsageSeries Metrics::clusterSeries(UsageSpan span) const {
    return d->series(d->clusterHistory, span, 0);
}

SamplerCost Metrics::cost() const {
    SamplerCost c = d->cost;
    c.requestsInFlight = 0;
    for (const auto &h : std::as_const(d->hosts))
        c.requestsInFlight += int(h.calls.size());
    return c;
}

} // namespace slipway::core
