#include "core/base/mailbox.h"

namespace slipway::core {

Mailbox::Mailbox(QObject *owner) : s_(std::make_shared<State>()) {
    s_->owner = owner;
}

void Mailbox::post(std::function<void()> fn) const {
    // Posting under the lock closes the race with close(): once close() has returned, no
    // event can be queued, and those queued before die with the owner's pending events.
    std::lock_guard lock(s_->mutex);
    if (s_->owner)
        QMetaObject::invokeMethod(s_->owner, std::move(fn), Qt::QueuedConnection);
}

void Mailbox::close() {
    std::lock_guard lock(s_->mutex);
    s_->owner = nullptr;
}

} // namespace slipway::core
