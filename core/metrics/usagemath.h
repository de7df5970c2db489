// UsageMath: the arithmetic of `docker stats` (CPU %, memory net of page cache, I/O rates) as
// pure functions over two raw readings of one container, and the sums behind app, host and
// fleet figures; shared by Metrics and slipctl so that both count exactly alike.
#pragma once

#include "core/metrics/usage.h"

#include <cstdint>
#include <string_view>

namespace slipway::engine {
struct StatsSample;
}

namespace slipway::core::usagemath {

// One reading of a container's counters, as the engine's stats endpoint gives them.
struct Reading {
    qint64 readMs = -1; // when the engine collected it (ms since the epoch), -1 unknown
    std::uint64_t cpuTotal = 0;
    std::uint64_t systemCpu = 0;
    int onlineCpus = 0;
    std::uint64_t memoryUsage = 0;
    std::uint64_t memoryCache = 0; // inactive_file: what `docker stats` subtracts
    std::uint64_t memoryLimit = 0;
    std::uint64_t netRx = 0, netTx = 0;
    std::uint64_t blockRead = 0, blockWrite = 0;
    std::uint64_t pids = 0;
};

Reading fromSample(const engine::StatsSample &sample);
// The precpu half of a sample (stream=0 without one-shot): the engine's own previous reading.
// Only the CPU counters are set; `valid` is false when the engine left it empty.
Reading previousFromSample(const engine::StatsSample &sample, bool *valid);

// "2026-11-27T11:20:03.123456789Z" (or with a +hh:mm offset) -> ms since the epoch; -1 when
// it is not such a time (the engine sends "0001-01-01T00:00:00Z" for an empty precpu).
qint64 parseRfc3339Ms(std::string_view text);

// The docker CLI's calculateCPUPercentUnix (docker/cli cli/command/container/stats_helpers.go):
//   cpuDelta    = cpu_stats.cpu_usage.total_usage - precpu_stats.cpu_usage.total_usage
//   systemDelta = cpu_stats.system_cpu_usage      - precpu_stats.system_cpu_usage
//   onlineCPUs  = cpu_stats.online_cpus, else len(cpu_usage.percpu_usage)
//   cpuPercent  = cpuDelta / systemDelta * onlineCPUs * 100   when both deltas are > 0, else 0
// 100 is one core fully used. Here the "pre" values are our own previous reading of the
// container, because one-shot replies (API >= 1.41) leave precpu empty.
double cpuPercent(std::uint64_t previousCpu, std::uint64_t previousSystem, std::uint64_t cpu,
                  std::uint64_t system, int onlineCpus);

// calculateMemUsageUnixNoCache: usage minus inactive_file (the parser already dropped a cache
// figure that is not below usage).
double memoryNetOfCache(std::uint64_t usage, std::uint64_t cache);
// calculateMemPercentUnixNoCache: of the limit, 0 without one.
double memoryPercent(double memory, double limit);

// Bytes per second between two cumulative counters; 0 when the counter went back (the
// container restarted) or no time passed.
double ratePerSec(std::uint64_t previous, std::uint64_t current, qint64 elapsedMs);

// A container's usage from two readings of it; without `previous` (its first reading) the CPU
// and the rates are 0. `atMs` becomes the point's time when the reading has none.
UsagePoint containerPoint(const Reading *previous, const Reading &current, qint64 atMs);

// Sums containers' points into an application's, a host's or the fleet's.
struct UsageSum {
    int count = 0;
    double cpuPercent = 0; // summed as `docker stats` shows them (100 per core)
    double memoryBytes = 0;
    double memoryLimitBytes = 0;
    double netRxPerSec = 0, netTxPerSec = 0;
    double blockReadPerSec = 0, blockWritePerSec = 0;

    void add(const UsagePoint &p);
    void add(const UsageSum &other);
    // As summed: CPU as `docker stats` (100 per core), memory % of the summed limits.
    UsagePoint point(qint64 atMs) const;
    // Of a capacity: CPU % of `cpus` cores (0..100), memory % of `memoryTotal`.
    UsagePoint ofCapacity(qint64 atMs, int cpus, double memoryTotal) const;
};

// The mean of the points that fall into one coarse bucket.
struct BucketMean {
    qint64 bucket = -1; // atMs / bucket length of the points in it; -1 empty
    int count = 0;
    UsagePoint sum;

    void add(const UsagePoint &p);
    UsagePoint mean(qint64 bucketMs) const; // atMs: the bucket's start
};

} // namespace slipway::core::usagemath
