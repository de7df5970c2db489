#include "bench/stallmeter.h"

#include <cstdlib>
#include <ctime>
#include <fcntl.h>
#include <unistd.h>

namespace slipway::bench {

StallMeter::StallMeter() {
    timer_.setTimerType(Qt::PreciseTimer);
    timer_.setInterval(1);
    connect(&timer_, &QTimer::timeout, this, &StallMeter::tick);
}

StallMeter::~StallMeter() {
    if (schedstat_ >= 0)
        ::close(schedstat_);
}

StallMeter::Sample StallMeter::now() const {
    Sample s;
    s.wallNs = clock_.nsecsElapsed();
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    s.cpuNs = qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
    // Linux: "<ns on the CPU> <ns runnable, waiting for a CPU> <slices>" of this thread.
    char buf[96];
    const ssize_t n = schedstat_ >= 0 ? ::pread(schedstat_, buf, sizeof buf - 1, 0) : -1;
    if (n > 0) {
        buf[n] = '\0';
        char *end = nullptr;
        std::strtoll(buf, &end, 10);
        s.waitNs = std::strtoll(end, nullptr, 10);
    }
    return s;
}

void StallMeter::start() {
    if (schedstat_ < 0)
        schedstat_ = ::open("/proc/thread-self/schedstat", O_RDONLY | O_CLOEXEC);
    longest_ = {};
    busiestCpuNs_ = 0;
    clock_.start();
    last_ = now();
    timer_.start();
}

void StallMeter::stop() {
    tick();
    timer_.stop();
}

void StallMeter::tick() {
    const Sample s = now();
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
