// Usage values: one measurement of a container, an application, a host or the whole fleet,
// as the Metrics sampler computes them and the dashboard, alerts and slipctl show them.
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace slipway::core {

struct UsagePoint {
    qint64 atMs = 0; // ms since the epoch (UTC) of the sample, or the start of a coarse bucket
    // Containers and applications: as `docker stats` shows it, 100 = one core fully used.
    // Hosts and the cluster: share of all their cores, 0..100.
    double cpuPercent = 0;
    double memoryBytes = 0;      // net of the page cache, as `docker stats`
    double memoryLimitBytes = 0; // a container's limit (the host's memory when unlimited); a
                                 // host's or the cluster's total memory
    double memoryPercent = 0;    // memoryBytes of memoryLimitBytes, 0..100
    double netRxPerSec = 0;      // bytes per second, summed over interfaces
    double netTxPerSec = 0;
    double blockReadPerSec = 0; // bytes per second
    double blockWritePerSec = 0;
};
using UsageSeries = QList<UsagePoint>; // oldest first

enum class UsageMeasure { Cpu, Memory };

// How far back a series reaches: the fine series holds 15 minutes at the sampling interval,
// the coarse one 24 hours in one-minute buckets.
enum class UsageSpan { Minutes15, Hour1, Hours24 };

struct ContainerUsage {
    QString hostId;
    QString containerId;
    QString name;
    QString app; // slipway.app, may be empty
    QString env; // slipway.env, may be empty
    UsagePoint latest;
};

struct AppUsage {
    QString app;
    QString env;
    int containers = 0; // running containers measured
    UsagePoint latest;  // summed over its containers
};

struct HostUsage {
    QString hostId;
    QString name;
    int cpus = 0;
    qint64 memoryTotal = 0;
    int containersMeasured = 0;
    bool reachable = false;
    UsagePoint latest; // cpuPercent and memoryPercent of the host's capacity
};

// What the sampler itself costs, for the status bar.
struct SamplerCost {
    double cpuPercentOfCore = 0; // Slipway's own CPU time spent sampling, of one core
    qint64 lastRoundMs = 0;      // wall time of the last full round over every container
    int containersSampled = 0;   // in the last round
    int requestsInFlight = 0;
};

} // namespace slipway::core

Q_DECLARE_METATYPE(slipway::core::UsagePoint)
Q_DECLARE_METATYPE(slipway::core::SamplerCost)
