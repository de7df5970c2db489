#include "core/metrics/samplingqueue.h"

#include <algorithm>

namespace slipway::core {

void SamplingQueue::begin(const QStringList &ids, const QHash<QString, int> &rank) {
    order_.clear();
    next_ = 0;
    if (rank.isEmpty()) {
        order_ = ids;
        return;
    }
    // O(n + p log p): the priority list is a screenful, the rest keeps its order.
    QList<std::pair<int, QString>> first;
    order_.reserve(ids.size());
    for (const QString &id : ids) {
        const auto it = rank.constFind(id);
        if (it != rank.constEnd())
            first.append({it.value(), id});
        else
            order_.append(id);
    }
    std::sort(first.begin(), first.end());
    QStringList front;
    front.reserve(first.size() + order_.size());
    for (const auto &p : std::as_const(first))
        front.append(p.second);
    front.append(order_);
    order_ = std::move(front);
}

std::optional<QString> SamplingQueue::next() {
    if (inFlight_ >= concurrency_ || next_ >= order_.size())
        return std::nullopt;
    ++inFlight_;
    return order_[next_++];
}

void SamplingQueue::finished() {
    if (inFlight_ > 0)
        --inFlight_;
}

void SamplingQueue::clear() {
    order_.clear();
    next_ = 0;
    inFlight_ = 0;
}

} // namespace slipway::core
