#include "bench/stallmeter.h"

namespace slipway::bench {

StallMeter::StallMeter() {
    timer_.setTimerType(Qt::PreciseTimer);
    timer_.setInterval(1);
    connect(&timer_, &QTimer::timeout, this, &StallMeter::tick);
}

void StallMeter::start() {
    longestNs_ = 0;
    clock_.start();
    lastNs_ = 0;
    timer_.start();
}

void StallMeter::stop() {
    tick();
    timer_.stop();
}

void StallMeter::tick() {
    const qint64 now = clock_.nsecsElapsed();
    longestNs_ = std::max(longestNs_, now - lastNs_);
    lastNs_ = now;
}

} // namespace slipway::bench
