// Deadline: slipctl's --timeout, the bound of a whole command. Once it passes, slipctl stops
// waiting, cancels what runs and exits 1 saying so. Without --timeout there is none: each
// call is bounded by its own limit, and a deploy may wait as long as its steps take.
#pragma once

#include "engine/call.h"

#include <QCommandLineParser>
#include <QString>
#include <chrono>
#include <optional>

namespace slipway::cli {

class Deadline {
public:
    // Starts the clock; reads --timeout (checked by checkNumericOptions).
    explicit Deadline(const QCommandLineParser &parser);

    bool passed() const;
    // What is left (0 once passed); nullopt when there is no deadline.
    std::optional<std::chrono::milliseconds> left() const;
    // What is left, capped at `limit` (which it returns when there is no deadline).
    std::chrono::milliseconds cap(std::chrono::milliseconds limit) const;
    // "the command did not finish within --timeout 5 s; what was running was cancelled"
    QString message() const;

    // Waits for `call` until the deadline; when it passes first, cancels the call and returns
    // nullopt.
    template <class T> std::optional<engine::Result<T>> wait(engine::Call<T> call) const {
        if (!at_)
            return call.wait();
        auto result = call.waitUntil(*at_);
        if (!result)
            call.cancel();
        return result;
    }

private:
    std::optional<std::chrono::steady_clock::time_point> at_;
    std::chrono::milliseconds total_{0};
};

} // namespace slipway::cli
