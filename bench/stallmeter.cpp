#include "bench/stallmeter.h"

#include <cstdio>
#include <ctime>

namespace slipway::bench {

StallMeter::StallMeter() {
    timer_.setTimerType(Qt::PreciseTimer);
    timer_.setInterval(1);
    connect(&timer_, &QTimer::timeout, this, &StallMeter::tick);
}

StallMeter::Sample StallMeter::now(const QElapsedTimer &clock) {
    Sample s;
    s.wallNs = clock.nsecsElapsed();
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    s.cpuNs = qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
    // Linux: "<ns on the CPU> <ns runnable, waiting for a CPU> <slices>" of this thread.
    if (FILE *f = std::fopen("/proc/thread-self/schedstat", "r")) {
        long long run = 0, wait = 0;
        if (std::fscanf(f, "%lld %lld", &run, &wait) == 2)
            s.waitNs = wait;
        std::fclose(f);
    }
    return s;
}

void StallMeter::start() {
    longest_ = {};
    busiestCpuNs_ = 0;
    clock_.start();
    last_ = now(clock_);
    timer_.start();
}

void StallMeter::stop() {
    tick();
    timer_.stop();
}

void StallMeter::tick() {
    const Sample s = now(clock_);
    const Sample gap{s.wallNs - last_.wallNs, s.cpuNs - last_.cpuNs, s.waitNs - last_.waitNs};
    if (gap.wallNs > longest_.wallNs)
        longest_ = gap;
    busiestCpuNs_ = std::max(busiestCpuNs_, gap.cpuNs);
    last_ = s;
}

QString StallMeter::describe() const {
    return QStringLiteral("%1 (own work %2, waiting for a CPU %3; longest own work %4)")
        .arg(longestMs(), 0, 'f', 1)
        .arg(longestCpuMs(), 0, 'f', 1)
        .arg(longestWaitMs(), 0, 'f', 1)
        .arg(busiestCpuMs(), 0, 'f', 1);
}

} // namespace slipway::bench
