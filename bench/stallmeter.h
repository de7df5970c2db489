// StallMeter: the longest gap between ticks of a 1 ms timer on the calling thread's event
// loop, i.e. the longest time that thread could not have painted a frame.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace slipway::bench {

class StallMeter : public QObject {
    Q_OBJECT

public:
    StallMeter();
    void start();
    void stop();
    double longestMs() const { return longestNs_ / 1e6; }

private:
    void tick();

    QTimer timer_;
    QElapsedTimer clock_;
    qint64 lastNs_ = 0;
    qint64 longestNs_ = 0;
};

} // namespace slipway::bench
