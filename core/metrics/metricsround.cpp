// Metrics' rounds. How the sampler asks: one-shot stats requests (stream=0&one-shot=1), a
// bounded number in flight per host, rather than one open stream per container. The engine's
// collector reads every subscribed container's cgroup once per pass (a second when it keeps up)
// and answers every request waiting at that pass together, so a one-shot answer costs a wait,
// not engine work, and the number in flight (not each request's speed) sets how long a round
// takes: about N / concurrency passes for N containers. Streams would cost a little less CPU
// here, but they hold one connection per container and make the engine collect every
// container on every pass whether or not anyone reads it, while one-shot asks only as often as
// the interval and the priority order say (the measurements: docs/performance.md, "Utilization
// sampling"). One-shot answers carry no precpu on API >= 1.41, so CPU % is taken against our
// own previous reading of the container (usagemath::cpuPercent): the first reading of a
// container shows nothing yet, and a round that met new containers is followed at once by the
// next, so they show within about a second. In-flight requests are open descriptors, so all
// hosts together stay within half the process's soft limit.
#include "core/fleet/hostmonitor.h"
#include "core/fleet/inventory.h"
#include "core/metrics/metricsimpl.h"

#include <QSet>
#include <algorithm>
#include <sys/resource.h>

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

} // namespace

Metrics::Impl::ContainerState &Metrics::Impl::containerState(const ContainerRef &r) {
    auto it = containers.find(Key(r->hostId, r->id));
    if (it == containers.end())
        it = containers.insert(Key(r->hostId, r->id),
                               ContainerState{r, {}, false, {}, false, makeContainerHistory()});
    else
        it->record = r;
    return *it;
}

void Metrics::Impl::startRound() {
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
                HostState{SamplingQueue(concurrency), {}, {}, {}, false, makeAggregateHistory()});
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

void Metrics::Impl::pump(const QString &hostId, HostState &h) {
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

void Metrics::Impl::drainInbox() {
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
bool Metrics::Impl::onSample(quint64 gen, const QString &hostId, const QString &id, quint64 request,
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

void Metrics::Impl::record(const Key &key, const engine::StatsSample &sample) {
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
    c.latestEndsAtPrevious = comparable;
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

void Metrics::Impl::maybeFinishRound() {
    if (!roundActive)
        return;
    for (const HostState &h : std::as_const(hosts))
        if (h.queue.waiting() > 0 || !h.calls.isEmpty())
            return;
    finishRound();
}

void Metrics::Impl::finishRound() {
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
void Metrics::Impl::aggregate(qint64 now) {
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

void Metrics::Impl::stop() {
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

void Metrics::Impl::forget(const ContainerList &records) {
    for (const ContainerRef &r : records)
        containers.remove(Key(r->hostId, r->id));
}

void Metrics::Impl::changed(const ContainerList &records) {
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

void Metrics::Impl::hostGone(const QString &hostId) {
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

} // namespace slipway::core
