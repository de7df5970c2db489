// Mailbox: hands work from any thread (engine, store) to one QObject's thread, and drops it
// once that object has closed the mailbox, so a late result never reaches a destroyed object.
#pragma once

#include <QObject>
#include <functional>
#include <memory>
#include <mutex>

namespace slipway::core {

class Mailbox {
public:
    explicit Mailbox(QObject *owner);

    // Queues `fn` to run on the owner's thread, unless the mailbox is closed. Thread-safe.
    void post(std::function<void()> fn) const;
    // From the owner's destructor: nothing posted afterwards runs.
    void close();

private:
    struct State {
        std::mutex mutex;
        QObject *owner = nullptr;
    };
    std::shared_ptr<State> s_;
};

} // namespace slipway::core
