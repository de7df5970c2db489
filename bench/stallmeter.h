// StallMeter: the longest gap between ticks of a 1 ms timer on the calling thread's event
// loop, i.e. the longest time that thread could not have painted a frame, and what that
// thread did meanwhile: ran (its own work) or waited for a CPU (the machine's load).
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace slipway::bench {

class StallMeter : public QObject {
    Q_OBJECT

public:
    StallMeter();
    ~StallMeter() override;
    void start(); // on the thread to measure
    void stop();
    double longestMs() const { return longest_.wallNs / 1e6; }
    // Of the longest gap: the thread's own CPU time, and its time runnable but not running.
    double longestCpuMs() const { return longest_.cpuNs / 1e6; }
    double longestWaitMs() const { return longest_.waitNs / 1e6; }
    // The most CPU time the thread spent in any one gap: its longest stretch of own work.
    double busiestCpuMs() const { return busiestCpuNs_ / 1e6; }
    // "36.0 (own work 2.1, waiting for a CPU 33.5)"
    QString describe() const;

private:
    struct Sample {
        qint64 wallNs = 0;
        qint64 cpuNs = 0;
        qint64 waitNs = 0;
    };
    Sample now() const;
    void tick();

    QTimer timer_;
    QElapsedTimer clock_;
    Sample last_;
    Sample longest_;
    qint64 busiestCpuNs_ = 0;
    // /proc/thread-self/schedstat of the measured thread, kept open: re-read with pread at
    // every tick, which costs a fraction of an open, read and close.
    int schedstat_ = -1;
};

} // namespace slipway::bench
