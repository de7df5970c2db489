#include "core/fleet/refreshgate.h"

#include "core/fleet/hostinventory.h"

#include <QThread>
#include <QTimer>
#include <algorithm>
#include <utility>

namespace slipway::core {

RefreshGate::RefreshGate(int capacity) : capacity_(std::max(1, capacity)), free_(capacity_) {}

int RefreshGate::defaultCapacity() {
    return std::max(1, QThread::idealThreadCount() - 1);
}

bool RefreshGate::tryAcquire(HostInventory *host) {
    if (free_ > 0) {
        --free_;
        return true;
    }
    if (std::find(waiting_.begin(), waiting_.end(), host) == waiting_.end())
        waiting_.emplace_back(host);
    return false;
}

void RefreshGate::release() {
    free_ = std::min(free_ + 1, capacity_);
    wakeWaiting();
}

void RefreshGate::wakeWaiting() {
    if (free_ <= 0 || waiting_.empty())
        return;
    // All of them, on the next turn of the loop (not inside the releasing host's apply): one
    // that no longer needs its list (it lost its engine meanwhile) must not keep the slot from
    // the others; those that come too late queue again.
    for (const QPointer<HostInventory> &host : std::exchange(waiting_, {})) {
        if (host)
            QTimer::singleShot(0, host.data(), [host] {
                if (host)
                    host->pump();
            });
    }
}

} // namespace slipway::core
