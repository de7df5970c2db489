#include "core/base/cancellation.h"

#include <vector>

namespace slipway::core {

void Cancellation::cancel(const QString &reason) {
    std::vector<std::function<void()>> run;
    {
        std::lock_guard lock(mutex_);
        if (flag_.load())
            return;
        reason_ = reason;
        flag_.store(true);
        for (auto &[id, abort] : aborts_)
            run.push_back(abort);
    }
    for (auto &abort : run)
        abort();
}

QString Cancellation::reason() const {
    std::lock_guard lock(mutex_);
    return reason_;
}

int Cancellation::onCancel(std::function<void()> abort) {
    {
        std::lock_guard lock(mutex_);
        if (!flag_.load()) {
            aborts_.emplace(++next_, std::move(abort));
            return next_;
        }
    }
    abort();
    return 0;
}

void Cancellation::drop(int id) {
    std::lock_guard lock(mutex_);
    aborts_.erase(id);
}

} // namespace slipway::core
