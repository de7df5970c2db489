// Cancellation: the cancel switch of one deployer operation, flipped on the GUI (or slipctl's)
// thread and checked by the job's worker thread between steps; engine calls in flight register
// how to abort them, so a cancel ends a pull at once instead of after it.
#pragma once

#include <QString>
#include <atomic>
#include <functional>
#include <map>
#include <mutex>

namespace slipway::core {

class Cancellation {
public:
    // The first reason wins; every registered abort runs once, on the calling thread.
    void cancel(const QString &reason);
    bool isCancelled() const { return flag_.load(); }
    // For the loops that poll a flag (HealthWaiter, ReplicaDrain).
    const std::atomic<bool> &flag() const { return flag_; }
    QString reason() const;

    // Runs `abort` when cancelled (at once if cancelled already) until `drop(id)`.
    int onCancel(std::function<void()> abort);
    void drop(int id);

private:
    std::atomic<bool> flag_{false};
    mutable std::mutex mutex_;
    QString reason_;
    int next_ = 0;
    std::map<int, std::function<void()>> aborts_;
};

} // namespace slipway::core
