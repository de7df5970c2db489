// Metrics: utilization of every running container on every host, sampled with bounded
// concurrency per host (visible and selected containers first), kept in fixed-size ring
// buffers per container, application and host, with the derived fleet figures the dashboard,
// the alerts and the container table read. Lives on the GUI thread; samples arrive through
// its Mailbox and it never waits.
#pragma once

#include "core/metrics/usage.h"
#include "core/metrics/usagemath.h"

#include <QObject>
#include <QPair>
#include <chrono>
#include <memory>
#include <optional>

namespace slipway::core {

class HostMonitor;
class Inventory;

class Metrics : public QObject {
    Q_OBJECT

public:
    struct Options {
        std::chrono::milliseconds interval{2000}; // one round over every running container
        int perHostConcurrency = 256; // stats requests in flight per engine (see metricsround.cpp)
        std::chrono::minutes fineSpan{15};     // the fine series reaches this far back
        std::chrono::seconds coarseBucket{60}; // the coarse series' resolution
        std::chrono::hours coarseSpan{24};
    };

    // Samples the running containers `inventory` lists, through `hosts`' engine clients.
    Metrics(Inventory *inventory, HostMonitor *hosts, Options options, QObject *parent = nullptr);
    Metrics(Inventory *inventory, HostMonitor *hosts, QObject *parent = nullptr);
    ~Metrics() override;

    void start(); // the first round starts at once
    void stop();  // in-flight requests are cancelled
    bool isRunning() const;
    void setInterval(std::chrono::milliseconds interval);
    std::chrono::milliseconds interval() const;

    // Containers (host id, container id) someone is looking at: sampled first in each round.
    // Each `viewer` ("containers", "dashboard") has its own list, so one view does not undo
    // another's; an empty list withdraws that viewer's.
    void setPriority(const QString &viewer, const QList<QPair<QString, QString>> &containers);

    // Latest values; nullopt / empty before the first sample.
    std::optional<UsagePoint> containerUsage(const QString &hostId,
                                             const QString &containerId) const;
    // The latest usage with the counters of the reading it ends at (I/O totals, pids), as one
    // row of `docker stats --no-stream`; nullopt before the container's second reading.
    struct Snapshot {
        UsagePoint usage;
        usagemath::Reading counters;
    };
    std::optional<Snapshot> containerSnapshot(const QString &hostId,
                                              const QString &containerId) const;
    std::optional<AppUsage> appUsage(const QString &app, const QString &env) const;
    QList<HostUsage> hostUsages() const; // every host the monitor knows, in its order
    std::optional<HostUsage> hostUsage(const QString &hostId) const;
    UsagePoint clusterUsage() const; // all reachable hosts' capacity together

    // The spread between the most and the least loaded reachable host, in percentage points.
    double imbalance(UsageMeasure measure) const;

    QList<ContainerUsage> topContainers(UsageMeasure measure, int count) const;
    QList<AppUsage> topApps(UsageMeasure measure, int count) const;

    // History, oldest first: the fine series for Minutes15, the coarse one otherwise.
    UsageSeries containerSeries(const QString &hostId, const QString &containerId,
                                UsageSpan span) const;
    UsageSeries appSeries(const QString &app, const QString &env, UsageSpan span) const;
    UsageSeries hostSeries(const QString &hostId, UsageSpan span) const;
    UsageSeries clusterSeries(UsageSpan span) const;

    SamplerCost cost() const;

signals:
    // After each round: everything above has been updated. `containers` are the (host id,
    // container id) pairs with a new sample, for row-level updates.
    void sampled(const QList<QPair<QString, QString>> &containers);
    void costChanged(const slipway::core::SamplerCost &cost);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace slipway::core
