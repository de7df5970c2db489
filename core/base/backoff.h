// Backoff: how long to wait before the next reconnect: doubling from a first delay to a cap,
// with a little jitter so that many hosts lost at once do not all retry in step.
#pragma once

#include <QRandomGenerator>
#include <algorithm>
#include <chrono>

namespace slipway::core {

class Backoff {
public:
    using ms = std::chrono::milliseconds;

    explicit Backoff(ms first = ms(1000), ms cap = ms(30000)) : first_(first), cap_(cap) {}

    // The delay before the next attempt; each call doubles the following one, up to the cap.
    ms next() {
        const ms base = std::min(cap_, ms(first_.count() << std::min(attempts_, 20)));
        ++attempts_;
        // Up to +10%, never below the base (the first retry still waits at least `first`) and
        // never above the cap.
        const qint64 jitter = base.count() / 10;
        return std::min(
            cap_, base + ms(jitter > 0 ? QRandomGenerator::global()->bounded(jitter + 1) : 0));
    }
    void reset() { attempts_ = 0; }

private:
    ms first_;
    ms cap_;
    int attempts_ = 0;
};

} // namespace slipway::core
