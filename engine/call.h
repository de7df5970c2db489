// Call<T>: the pending result of an engine request, to wait on (slipctl, tests) or to
// continue from (core/); completion runs on the transport's thread, never the caller's.
#pragma once

#include "engine/result.h"

#include <cassert>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

namespace slipway::engine {

namespace detail {
template <class T> struct CallState {
    std::mutex mutex;
    std::condition_variable cv;
    bool done = false;
    std::optional<Result<T>> result; // kept only when no continuation took it
    std::function<void(Result<T>)> continuation;
    std::function<void()> canceller;
};
} // namespace detail

template <class T> class Call;

// The producing side of a Call: completes it exactly once (later completions are ignored).
template <class T> class Promise {
public:
    Promise() : s_(std::make_shared<detail::CallState<T>>()) {}

    Call<T> call() const { return Call<T>(s_); }

    void complete(Result<T> result) const {
        std::function<void(Result<T>)> next;
        {
            std::lock_guard lock(s_->mutex);
            if (s_->done)
                return;
            s_->done = true;
            if (s_->continuation)
                next = std::move(s_->continuation);
            else
                s_->result.emplace(std::move(result));
            s_->canceller = nullptr;
        }
        s_->cv.notify_all();
        if (next)
            next(std::move(result));
    }

    // How to abort the underlying work when the caller cancels.
    void setCanceller(std::function<void()> canceller) const {
        std::lock_guard lock(s_->mutex);
        if (!s_->done)
            s_->canceller = std::move(canceller);
    }

private:
    std::shared_ptr<detail::CallState<T>> s_;
};

template <class T> class Call {
public:
    Call() = default;

    // Blocks the calling thread until the result is there. Never call on the GUI thread.
    Result<T> wait() {
        std::unique_lock lock(s_->mutex);
        s_->cv.wait(lock, [&] { return s_->done; });
        assert(s_->result && "wait() on a Call that has a continuation");
        return *s_->result;
    }

    // As wait(), but gives up at `deadline`: nullopt then, and the call goes on (cancel it).
    std::optional<Result<T>> waitUntil(std::chrono::steady_clock::time_point deadline) {
        std::unique_lock lock(s_->mutex);
        if (!s_->cv.wait_until(lock, deadline, [&] { return s_->done; }))
            return std::nullopt;
        assert(s_->result && "waitUntil() on a Call that has a continuation");
        return *s_->result;
    }

    // Runs `next` once with the result: on the transport thread, or right here if done already.
    // A Call has either one continuation or one waiter, not both.
    void then(std::function<void(Result<T>)> next) {
        std::unique_lock lock(s_->mutex);
        if (s_->done) {
            auto r = std::move(*s_->result);
            s_->result.reset();
            lock.unlock();
            next(std::move(r));
            return;
        }
        s_->continuation = std::move(next);
    }

    void cancel() {
        std::function<void()> c;
        {
            std::lock_guard lock(s_->mutex);
            c = s_->canceller;
        }
        if (c)
            c();
    }

    bool valid() const { return s_ != nullptr; }

private:
    friend class Promise<T>;
    explicit Call(std::shared_ptr<detail::CallState<T>> s) : s_(std::move(s)) {}
    std::shared_ptr<detail::CallState<T>> s_;
};

// A Call that is already complete (e.g. input refused before any request).
template <class T> Call<T> ready(Result<T> result) {
    Promise<T> p;
    p.complete(std::move(result));
    return p.call();
}

} // namespace slipway::engine
