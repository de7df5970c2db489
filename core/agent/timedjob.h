// TimedJob: one kind of work that runs on a clock while this process leads (recovery, desired
// replica counts, the environment sweep; later pool refills, lease expiry, scheduled
// promotions). TimedWork keeps the list and runs each on its period.
#pragma once

#include <QString>
#include <chrono>
#include <functional>

namespace slipway::core {

class TimedJob {
public:
    struct Outcome {
        bool ran = true; // false: not ready yet (hosts still answering): due again soon
        bool ok = true;  // false: `detail` says what failed
        QString detail;  // what it did; empty when there was nothing to do
    };
    using Done = std::function<void(const Outcome &)>;

    virtual ~TimedJob() = default;
    // A short stable name for logs ("recover", "reconcile").
    virtual QString name() const = 0;
    virtual std::chrono::milliseconds period() const = 0;
    // Starts one run on the owner's thread, never waiting there; `done` is called once.
    virtual void run(Done done) = 0;
    // This process leads (or no longer does): a job that also acts on events of its own
    // (the reconcile on container changes) starts or stops doing so.
    virtual void setLeading(bool leading) { (void)leading; }
};

} // namespace slipway::core
