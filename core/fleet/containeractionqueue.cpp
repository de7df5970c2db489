#include "core/fleet/containeractionqueue.h"

#include <QPointer>

namespace slipway::core {

using Action = Inventory::Action;

ContainerActionQueue::ContainerActionQueue(Inventory *inventory, QObject *parent, int maxInFlight)
    : QObject(parent), inventory_(inventory), maxInFlight_(std::max(1, maxInFlight)) {}

bool ContainerActionQueue::isUp(const QString &state) {
    return state == QLatin1String("running") || state == QLatin1String("restarting") ||
           state == QLatin1String("paused");
}

bool ContainerActionQueue::applies(Action action, const QString &state) {
    switch (action) {
    case Action::Start:
        return state == QLatin1String("created") || state == QLatin1String("exited");
    case Action::Stop:
    case Action::Kill:
        return isUp(state);
    case Action::Restart:
        return state != QLatin1String("dead") && state != QLatin1String("removing");
    case Action::Remove:
    case Action::ForceRemove:
        return true;
    }
    return false;
}

int ContainerActionQueue::enqueue(Action action, const ContainerList &targets) {
    int queued = 0;
    for (const ContainerRef &r : targets) {
        if (!applies(action, r->state))
            continue;
        if (queued == 0 && pending_ == 0) {
            batchFailures_ = 0;
            emit batchStarted();
        }
        ++queued;
        queue_.append({action, r});
        ++pending_;
    }
    pump();
    emit pendingChanged(pending_);
    return queued;
}

void ContainerActionQueue::pump() {
    QPointer<ContainerActionQueue> self(this);
    while (inFlight_ < maxInFlight_ && !queue_.isEmpty()) {
        const auto next = queue_.takeFirst();
        const Action a = next.first;
        const ContainerRef &r = next.second;
        ++inFlight_;
        const QString name = r->name;
        const QString hostId = r->hostId;
        inventory_->perform(a, r->hostId, r->id,
                            [self, a, name, hostId](bool ok, const QString &error) {
                                if (self)
                                    self->onDone(a, name, hostId, ok, error);
                            });
    }
}

void ContainerActionQueue::onDone(Action action, const QString &name, const QString &hostId,
                                  bool ok, const QString &error) {
    --inFlight_;
    --pending_;
    if (!ok) {
        ++batchFailures_;
        emit actionFailed(action, name, hostId, error);
    }
    pump();
    emit pendingChanged(pending_);
    if (pending_ == 0)
        emit batchFinished(batchFailures_);
}

} // namespace slipway::core
