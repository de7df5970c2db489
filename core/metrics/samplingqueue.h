// SamplingQueue: one host's containers to sample in the current round, in order (the ones
// someone is looking at first), handed out no faster than the host's concurrency allows.
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <optional>

namespace slipway::core {

class SamplingQueue {
public:
    explicit SamplingQueue(int concurrency = 8) : concurrency_(concurrency) {}

    void setConcurrency(int concurrency) { concurrency_ = concurrency < 1 ? 1 : concurrency; }
    int concurrency() const { return concurrency_; }

    // A new round over `ids`: those in `rank` first, by rank, then the rest in their order.
    // Requests still in flight from the last round keep counting against the concurrency.
    void begin(const QStringList &ids, const QHash<QString, int> &rank);
    // The next container to ask about, if one is waiting and a request slot is free; the slot
    // is taken until finished() gives it back.
    std::optional<QString> next();
    void finished();

    int inFlight() const { return inFlight_; }
    int waiting() const { return int(order_.size() - next_); }
    bool idle() const { return inFlight_ == 0 && waiting() == 0; }
    void clear(); // drops what waits and forgets what is in flight

private:
    QStringList order_;
    qsizetype next_ = 0;
    int inFlight_ = 0;
    int concurrency_;
};

} // namespace slipway::core
