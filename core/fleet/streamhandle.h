// StreamHandle: an open engine stream (a host's /events) as the object that follows it holds
// it, only to close it; so that the follower's header, which views include, names no engine
// type.
#pragma once

#include <functional>
#include <utility>

namespace slipway::core {

class StreamHandle {
public:
    StreamHandle() = default;
    // Holds `call` (the engine::Call of the stream) for cancelling it; an invalid one is none.
    template <class Call>
    requires requires(Call c) {
        c.valid();
        c.cancel();
    }
    explicit StreamHandle(Call call) {
        if (call.valid())
            cancel_ = [call]() mutable {
                call.cancel();
            };
    }

    bool isOpen() const { return bool(cancel_); }
    // Cancels the stream if one is held, and holds none after.
    void close() {
        if (auto cancel = std::exchange(cancel_, {}))
            cancel();
    }

private:
    std::function<void()> cancel_;
};

} // namespace slipway::core
