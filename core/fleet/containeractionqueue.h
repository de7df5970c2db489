// ContainerActionQueue: runs start, stop, restart, kill and remove on many containers through
// the Inventory a few at a time, in the order they were asked for, and says when all the
// actions of one batch (the clicks made before the queue was idle again) have answered.
#pragma once

#include "core/fleet/containerrecord.h"
#include "core/fleet/inventory.h"

#include <QList>
#include <QObject>
#include <utility>

namespace slipway::core {

class ContainerActionQueue : public QObject {
    Q_OBJECT

public:
    // Acting on a thousand containers must not open a thousand requests.
    static constexpr int kDefaultInFlight = 8;

    // `inventory` outlives the queue.
    explicit ContainerActionQueue(Inventory *inventory, QObject *parent = nullptr,
                                  int maxInFlight = kDefaultInFlight);

    // Whether a container in `state` runs (or will again by itself).
    static bool isUp(const QString &state);
    // Whether `action` means anything for a container in `state`.
    static bool applies(Inventory::Action action, const QString &state);

    // Queues `action` for each of `targets` it applies to, in that order, and sends what the
    // bound allows; returns how many were queued.
    int enqueue(Inventory::Action action, const ContainerList &targets);

    int pending() const { return pending_; }   // queued or in flight
    int inFlight() const { return inFlight_; } // sent to the engine, not answered yet
    int maxInFlight() const { return maxInFlight_; }

signals:
    // The first action queued while nothing was pending: a new batch, the old one's failures
    // are history.
    void batchStarted();
    // One action failed; `error` is the daemon's own words.
    void actionFailed(slipway::core::Inventory::Action action, const QString &name,
                      const QString &hostId, const QString &error);
    void pendingChanged(int pending);
    // Every action of the batch has answered; `failures` of them failed.
    void batchFinished(int failures);

private:
    void pump();
    void onDone(Inventory::Action action, const QString &name, const QString &hostId, bool ok,
                const QString &error);

    Inventory *inventory_;
    int maxInFlight_;
    int pending_ = 0;
    int inFlight_ = 0;
    int batchFailures_ = 0;
    QList<std::pair<Inventory::Action, ContainerRef>> queue_;
};

} // namespace slipway::core
