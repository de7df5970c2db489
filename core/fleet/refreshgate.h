// RefreshGate: the hosts of one Inventory take turns for their background full lists (after a
// burst, or when more containers changed than one refresh names): many hosts parsing a large
// reply at the same moment would take every CPU and leave the GUI thread waiting for one. At
// most `capacity` such lists run at once; a host's first list and its resync after a lost
// stream never wait. GUI thread.
#pragma once

#include <QPointer>
#include <deque>

namespace slipway::core {

class HostInventory;

class RefreshGate {
public:
    explicit RefreshGate(int capacity);
    // One less than the CPUs, at least one: a CPU stays free for the GUI thread.
    static int defaultCapacity();
    // False: `host` waits, and is pumped again when a slot is free.
    bool tryAcquire(HostInventory *host);
    void release();

private:
    void wakeWaiting();

    int capacity_;
    int free_;
    std::deque<QPointer<HostInventory>> waiting_;
};

} // namespace slipway::core
