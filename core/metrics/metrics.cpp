// How the sampler asks: one-shot stats requests (stream=0&one-shot=1), a bounded number in
// flight per host, rather than one open stream per container. The engine's collector reads
// every subscribed container's cgroup once per pass (a second when it keeps up) and answers
// every request waiting at that pass together, so a one-shot answer costs a wait, not engine
// work, and the number in flight (not each request's speed) sets how long a round takes.
// Measured with bench_stats on the private engine (docs/performance.md, "Utilization
// sampling"): following 200 containers at 2 s costs this process about 350 us of CPU per sample
// this way (3 % of a core) and about 260 us per document with 200 open streams (which the
// engine sends less often than asked here), so streams are a little cheaper in CPU; one-shot is
// chosen because streams hold one connection per container (8,000 descriptors at 8,000 containers)
// and make the engine collect every container on every pass whether or not anyone reads it,
// while one-shot asks only as often as the interval and the priority order say. One-shot
// answers carry no precpu on API >= 1.41, so CPU % is taken against our own previous reading
// of the container (usagemath::cpuPercent): the first reading of a container shows nothing
// yet, and a round that met new containers is followed at once by the next, so they show
// within about a second. Since each request waits for a pass, a round over N containers
// takes about N / concurrency passes: at 8 in flight, 200 containers would take 25; at the
// default 256, one. In-flight requests are open descriptors, so all hosts together stay
// within half the process's soft limit.
#include "core/metrics/metrics.h"

#include "core/base/mailbox.h"
#include "core/fleet/hostmonitor.h"
#include "core/fleet/inventory.h"
#include "core/metrics/samplingqueue.h"
#include "core/metrics/usagehistory.h"
#include "core/metrics/usagemath.h"
#include "engine/dockerclient.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QMap>
#include <QSet>
#include <QTimer>
#include <algorithm>
#include <mutex>
#include <sys/resource.h>
#include <vector>

namespace slipway::core {

namespace {

using Key = QPair<QString, QString>; // host id, container id

qint64 nowMs() {
    return QDateTime::currentMSecsSinceEpoch();
}

// The whole process's CPU time: the sampler's cost is read while it is what the process does.
qint64 processCpuUs() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return (qint64(u.ru_utime.tv_sec) + qint64(u.ru_stime.tv_sec)) * 1000000 + u.ru_utime.tv_usec +
           u.ru_stime.tv_usec;
}

// In-flight requests are open descriptors: all hosts together keep to half the soft limit.
int descriptorBudget() {
    rlimit r{};
    if (getrlimit(RLIMIT_NOFILE, &r) != 0 || r.rlim_cur == RLIM_INFINITY)
        return 4096;
    return std::max<int>(16, int(std::min<rlim_t>(r.rlim_cur, 1 << 20) / 2));
}

double measureOf(const UsagePoint &p, UsageMeasure m) {
    return m == UsageMeasure::Cpu ? p.cpuPercent : p.memoryBytes;
}

} // namespace

struct Metrics::Impl {
    // Answers waiting for the GUI thread. The engine answers every one-shot request waiting at
    // a collector pass together, so they come in bursts: one queued call per burst instead of
    // one per answer saves a GUI-thread wake-up per sample (bench_stats, perf).
    struct Arrival {
        quint64 generation;
        QString hostId;
        QString id;
        quint64 request;
        engine::Result<engine::StatsSample> result;
    };
    struct Inbox {
        std::mutex mutex;
        std::vector<Arrival> items;
    };

    struct ContainerState {
        ContainerRef record;
        usagemath::Reading previous;
        bool hasPrevious = false;
        UsagePoint latest;
        bool hasLatest = false;
        UsageHistory<PackedContainerPoint> history;
    };
    struct AppState {
        AppUsage latest;
        bool has = false;
        UsageHistory<PackedAggregatePoint> history;
    };
    struct HostState {
        SamplingQueue queue;
        std::weak_ptr<engine::DockerClient> client;
        QHash<quint64, engine::Call<engine::StatsSample>> calls;
        HostUsage latest;
        bool has = false;
        UsageHistory<PackedAggregatePoint> history;
    };

    Metrics *q;
    Inventory *inventory;
    HostMonitor *monitor;
    Options options;
    Mailbox mailbox;
    std::shared_ptr<Inbox> inbox = std::make_shared<Inbox>();
    qint64 baseMs = nowMs() - 86400000; // packed times count from here
    std::size_t fineCapacity = 0;
    std::size_t coarseCapacity = 0;
    qint64 bucketMs = 60000;

    QHash<Key, ContainerState> containers;
    QHash<Key, AppState> apps;
    QHash<QString, HostState> hosts;
    UsagePoint cluster;
    bool hasCluster = false;
    UsageHistory<PackedAggregatePoint> clusterHistory{0, 0, 60000};
    QHash<QString, QHash<QString, int>> priority;          // host id -> container id -> rank
    QMap<QString, QList<QPair<QString, QString>>> viewers; // what each viewer looks at

    bool running = false;
    quint64 generation = 0;
    QTimer timer;
    bool roundActive = false;
    QElapsedTimer roundClock;
    QList<Key> sampledThisRound;
    bool newcomers = false;
    quint64 nextRequest = 1;
    SamplerCost cost;
    qint64 lastCpuUs = -1;
    QElapsedTimer cpuClock;

    Impl(Metrics *owner, Inventory *inv, HostMonitor *mon, Options opts)
        : q(owner), inventory(inv), monitor(mon), options(opts), mailbox(owner) {
        bucketMs = std::max<qint64>(1000, qint64(options.coarseBucket.count()) * 1000);
        coarseCapacity = std::size_t(
            std::chrono::duration_cast<std::chrono::milliseconds>(options.coarseSpan).count() /
            bucketMs);
        fineCapacity = fineCapacityFor(options.interval);
        clusterHistory = makeAggregateHistory();
        timer.setSingleShot(true);
    }

    std::size_t fineCapacityFor(std::chrono::milliseconds interval) const {
        const qint64 span =
            std::chrono::duration_cast<std::chrono::milliseconds>(options.fineSpan).count();
        return std::size_t(std::max<qint64>(2, span / std::max<qint64>(100, interval.count()) + 1));
    }
    UsageHistory<PackedAggregatePoint> makeAggregateHistory() const {
        return {fineCapacity, coarseCapacity, bucketMs};
    }
    UsageHistory<PackedContainerPoint> makeContainerHistory() const {
        return {fineCapacity, coarseCapacity, bucketMs};
    }

    ContainerState &containerState(const ContainerRef &r) {
        auto it = containers.find(Key(r->hostId, r->id));
        if (it == containers.end())
            it = containers.insert(Key(r->hostId, r->id),
                                   ContainerState{r, {}, false, {}, false, makeContainerHistory()});
        else
            it->record = r;
        return *it;
    }

    void startRound() {
        if (!running || roundActive)
            return;
        roundActive = true;
        roundClock.start();
        sampledThisRound.clear();
        newcomers = false;
        int reachable = 0;
        for (int i = 0; i < monitor->hostCount(); ++i)
            reachable += monitor->status(i).state == HostStatus::State::Up;
        const int concurrency = std::max(
            1, std::min(options.perHostConcurrency, descriptorBudget() / std::max(1, reachable)));
        for (int i = 0; i < monitor->hostCount(); ++i) {
            const QString hostId = monitor->host(i).id;
            auto client = monitor->client(hostId);
            if (!client || monitor->status(i).state != HostStatus::State::Up)
                continue;
            auto hit = hosts.find(hostId);
            if (hit == hosts.end())
                hit = hosts.insert(
                    hostId,
                    HostState{
                        SamplingQueue(concurrency), {}, {}, {}, false, makeAggregateHistory()});
            HostState &h = *hit;
            h.client = client;
            h.queue.setConcurrency(concurrency);
            QStringList ids;
            const ContainerList list = inventory->containers(hostId);
            ids.reserve(list.size());
            for (const ContainerRef &r : list) {
                if (r->state != QLatin1String("running") || r->stale)
                    continue;
                containerState(r);
                ids.append(r->id);
            }
            h.queue.begin(ids, priority.value(hostId));
            pump(hostId, h);
        }
        maybeFinishRound();
    }

    void pump(const QString &hostId, HostState &h) {
        while (auto id = h.queue.next()) {
            auto client = h.client.lock();
            if (!client) {
                h.queue.finished();
                continue;
            }
            const quint64 request = nextRequest++;
            auto call = client->stats(id->toStdString(), true);
            h.calls.insert(request, call);
            call.then([mb = mailbox, box = inbox, this, gen = generation, hostId, id = *id,
                       request](engine::Result<engine::StatsSample> r) {
                bool first = false;
                {
                    std::lock_guard lock(box->mutex);
                    first = box->items.empty();
                    box->items.push_back(Arrival{gen, hostId, id, request, std::move(r)});
                }
                if (first)
                    mb.post([this] { drainInbox(); });
            });
        }
    }

    void drainInbox() {
        std::vector<Arrival> arrived;
        {
            std::lock_guard lock(inbox->mutex);
            arrived.swap(inbox->items);
        }
        QSet<QString> touched;
        for (const Arrival &a : arrived)
            if (onSample(a.generation, a.hostId, a.id, a.request, a.result))
                touched.insert(a.hostId);
        for (const QString &hostId : std::as_const(touched)) {
            auto hit = hosts.find(hostId);
            if (hit != hosts.end())
                pump(hostId, *hit);
        }
        maybeFinishRound();
    }

    // True when the answer was for a current request of a known host.
    bool onSample(quint64 gen, const QString &hostId, const QString &id, quint64 request,
                  const engine::Result<engine::StatsSample> &r) {
        if (gen != generation)
            return false;
        auto hit = hosts.find(hostId);
        if (hit == hosts.end())
            return false;
        hit->calls.remove(request);
        hit->queue.finished();
        if (r.ok())
            record(Key(hostId, id), r.value());
        return true;
    }

    void record(const Key &key, const engine::StatsSample &sample) {
        auto it = containers.find(key);
        if (it == containers.end() || sample.systemCpu == 0)
            return; // gone meanwhile, or not running any more (the engine sends zeros)
        const usagemath::Reading cur = usagemath::fromSample(sample);
        ContainerState &c = *it;
        if (c.hasPrevious && cur.readMs >= 0 && cur.readMs == c.previous.readMs)
            return; // the same collector tick twice: nothing new to compare
        // A counter that went back is a restart: this is a first reading again.
        const bool comparable = c.hasPrevious && cur.cpuTotal >= c.previous.cpuTotal &&
                                cur.systemCpu > c.previous.systemCpu;
        if (comparable) {
            c.latest = usagemath::containerPoint(&c.previous, cur, nowMs());
            c.hasLatest = true;
            c.history.add(c.latest, baseMs);
            sampledThisRound.append(key);
        } else {
            newcomers = true;
        }
        c.previous = cur;
        c.hasPrevious = true;
    }

    void maybeFinishRound() {
        if (!roundActive)
            return;
        for (const HostState &h : std::as_const(hosts))
            if (h.queue.waiting() > 0 || !h.calls.isEmpty())
                return;
        finishRound();
    }

    void finishRound() {
        roundActive = false;
        const qint64 now = nowMs();
        aggregate(now);

        cost.lastRoundMs = roundClock.elapsed();
        cost.containersSampled = int(sampledThisRound.size());
        cost.requestsInFlight = 0;
        const qint64 cpuUs = processCpuUs();
        if (lastCpuUs >= 0 && cpuClock.isValid() && cpuClock.elapsed() > 0)
            cost.cpuPercentOfCore =
                double(cpuUs - lastCpuUs) / 1000.0 / double(cpuClock.elapsed()) * 100.0;
        lastCpuUs = cpuUs;
        cpuClock.start();

        const QList<Key> sampled = std::move(sampledThisRound);
        sampledThisRound.clear();
        emit q->sampled(sampled);
        emit q->costChanged(cost);
        if (!running)
            return;
        const qint64 wait =
            newcomers ? 0 : std::max<qint64>(0, options.interval.count() - cost.lastRoundMs);
        timer.start(int(wait));
    }

    // Apps, hosts and the fleet from the containers' latest values: one pass, O(containers).
    void aggregate(qint64 now) {
        QHash<Key, usagemath::UsageSum> appSums;
        QHash<QString, usagemath::UsageSum> hostSums;
        for (auto it = containers.cbegin(); it != containers.cend(); ++it) {
            const ContainerState &c = *it;
            if (!c.hasLatest)
                continue;
            hostSums[it.key().first].add(c.latest);
            if (!c.record->app.isEmpty())
                appSums[Key(c.record->app, c.record->env)].add(c.latest);
        }
        for (auto it = apps.begin(); it != apps.end(); ++it)
            it->has = false;
        for (auto it = appSums.cbegin(); it != appSums.cend(); ++it) {
            auto a = apps.find(it.key());
            if (a == apps.end())
                a = apps.insert(it.key(), AppState{{}, false, makeAggregateHistory()});
            a->latest = AppUsage{it.key().first, it.key().second, it->count, it->point(now)};
            a->has = true;
            a->history.add(a->latest.latest, baseMs);
        }
        usagemath::UsageSum all;
        int cpus = 0;
        double memory = 0;
        for (int i = 0; i < monitor->hostCount(); ++i) {
            const HostConfig config = monitor->host(i);
            const HostStatus status = monitor->status(i);
            auto h = hosts.find(config.id);
            if (h == hosts.end())
                continue;
            const usagemath::UsageSum sum = hostSums.value(config.id);
            HostUsage &u = h->latest;
            u.hostId = config.id;
            u.name = config.name;
            u.cpus = status.cpus;
            u.memoryTotal = status.memoryBytes;
            u.reachable = status.state == HostStatus::State::Up;
            u.containersMeasured = sum.count;
            if (!u.reachable)
                continue;
            u.latest = sum.ofCapacity(now, status.cpus, double(status.memoryBytes));
            h->has = true;
            h->history.add(u.latest, baseMs);
            all.add(sum);
            cpus += status.cpus;
            memory += double(status.memoryBytes);
        }
        if (cpus > 0) {
            cluster = all.ofCapacity(now, cpus, memory);
            hasCluster = true;
            clusterHistory.add(cluster, baseMs);
        }
    }

    void stop() {
        running = false;
        ++generation;
        timer.stop();
        roundActive = false;
        for (HostState &h : hosts) {
            for (auto &call : h.calls)
                call.cancel();
            h.calls.clear();
            h.queue.clear();
        }
        sampledThisRound.clear();
    }

    void forget(const ContainerList &records) {
        for (const ContainerRef &r : records)
            containers.remove(Key(r->hostId, r->id));
    }

    void changed(const ContainerList &records) {
        for (const ContainerRef &r : records) {
            auto it = containers.find(Key(r->hostId, r->id));
            if (it == containers.end())
                continue;
            it->record = r;
            if (r->state != QLatin1String("running")) {
                it->hasLatest = false;
                it->hasPrevious = false;
            }
        }
    }

    void hostGone(const QString &hostId) {
        auto h = hosts.find(hostId);
        if (h != hosts.end()) {
            for (auto &call : h->calls)
                call.cancel();
            hosts.erase(h);
        }
        containers.removeIf([&](const auto &it) { return it.key().first == hostId; });
        priority.remove(hostId);
        maybeFinishRound();
    }

    UsageSeries series(const auto &history, UsageSpan span, double memoryLimit) const {
        const qint64 now = nowMs();
        switch (span) {
        case UsageSpan::Minutes15:
            return history.fine(
                baseMs,
                now -
                    std::chrono::duration_cast<std::chrono::milliseconds>(options.fineSpan).count(),
                memoryLimit);
        case UsageSpan::Hour1:
            return history.coarse(baseMs, now - 3600000, memoryLimit);
        case UsageSpan::Hours24:
            return history.coarse(
                baseMs,
                now - std::chrono::duration_cast<std::chrono::milliseconds>(options.coarseSpan)
                          .count(),
                memoryLimit);
        }
        return {};
    }
};

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
