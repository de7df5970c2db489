// CliSignals: SIGINT and SIGTERM as events of slipctl's event loop. The handler only writes a
// byte to a pipe (the self-pipe trick, async-signal-safe); a socket notifier reads it on the
// main thread and runs `onSignal` there, where cancelling a change is safe.
#pragma once

#include <functional>
#include <memory>
#include <signal.h>

class QSocketNotifier;

namespace slipway::cli {

class CliSignals {
public:
    explicit CliSignals(std::function<void(int signal)> onSignal);
    ~CliSignals(); // the previous handlers come back
    CliSignals(const CliSignals &) = delete;
    CliSignals &operator=(const CliSignals &) = delete;

private:
    std::function<void(int)> onSignal_;
    std::unique_ptr<QSocketNotifier> notifier_;
    struct sigaction oldInt_ {};
    struct sigaction oldTerm_ {};
    bool installed_ = false;
};

} // namespace slipway::cli
