// Metrics::Impl: the sampler's state (per container, application, host and the fleet) and its
// rounds, shared by metrics.cpp (the public accessors) and metricsround.cpp (the rounds).
// Private to core/metrics.
#pragma once

#include "core/base/mailbox.h"
#include "core/fleet/containerrecord.h"
#include "core/metrics/metrics.h"
#include "core/metrics/samplingqueue.h"
#include "core/metrics/usagehistory.h"
#include "core/metrics/usagemath.h"
#include "engine/dockerclient.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QMap>
#include <QTimer>
#include <mutex>
#include <vector>

namespace slipway::core {

struct Metrics::Impl {
    using Key = QPair<QString, QString>; // host id, container id

    // Answers waiting for the GUI thread. The engine answers every one-shot request waiting at
    // a collector pass together, so they come in bursts: one queued call per burst instead of
    // one per answer saves a GUI-thread wake-up per sample.
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
        bool latestEndsAtPrevious = false; // `latest` was measured up to `previous`
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
    qint64 baseMs = QDateTime::currentMSecsSinceEpoch() - 86400000; // packed times count from here
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

    ContainerState &containerState(const ContainerRef &r);
    void startRound();
    void pump(const QString &hostId, HostState &h);
    void drainInbox();
    // True when the answer was for a current request of a known host.
    bool onSample(quint64 gen, const QString &hostId, const QString &id, quint64 request,
                  const engine::Result<engine::StatsSample> &r);
    void record(const Key &key, const engine::StatsSample &sample);
    void maybeFinishRound();
    void finishRound();
    // Apps, hosts and the fleet from the containers' latest values: one pass, O(containers).
    void aggregate(qint64 now);
    void stop();
    void forget(const ContainerList &records);
    void changed(const ContainerList &records);
    void hostGone(const QString &hostId);

    UsageSeries series(const auto &history, UsageSpan span, double memoryLimit) const {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
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

} // namespace slipway::core
