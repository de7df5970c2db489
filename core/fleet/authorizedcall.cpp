#include "core/fleet/authorizedcall.h"

#include "engine/imagereference.h"
#include "engine/registryauth.h"

#include <QThreadPool>
#include <mutex>

namespace slipway::core {

engine::Call<engine::Unit>
withRegistryAuth(const std::string &image,
                 std::function<engine::Call<engine::Unit>(const std::string &auth)> start) {
    struct State {
        std::mutex mutex;
        bool cancelled = false;
        engine::Call<engine::Unit> started;
    };
    auto state = std::make_shared<State>();
    engine::Promise<engine::Unit> promise;
    const auto cancelledError = [] {
        return engine::makeError(engine::ErrorKind::Cancelled, "request cancelled");
    };
    // The canceller holds the promise until it completes, which clears the canceller.
    promise.setCanceller([state, promise, cancelledError] {
        engine::Call<engine::Unit> started;
        {
            std::lock_guard lock(state->mutex);
            state->cancelled = true;
            started = state->started;
        }
        if (started.valid())
            started.cancel();
        else
            promise.complete(cancelledError());
    });
    QThreadPool::globalInstance()->start([state, promise, image, start, cancelledError] {
        // What is not an image reference gets no credentials: the engine refuses it in its
        // own words.
        const auto auth = engine::ImageReference::parse(image)
                              ? engine::registryAuthFor(image)
                              : engine::Result<std::string>(std::string());
        if (!auth) {
            promise.complete(auth.error());
            return;
        }
        {
            std::lock_guard lock(state->mutex);
            if (state->cancelled) {
                promise.complete(cancelledError());
                return;
            }
        }
        engine::Call<engine::Unit> started = start(auth.value());
        bool cancelled = false;
        {
            std::lock_guard lock(state->mutex);
            state->started = started;
            cancelled = state->cancelled;
        }
        if (cancelled)
            started.cancel();
        started.then([promise](engine::Result<engine::Unit> r) { promise.complete(std::move(r)); });
    });
    return promise.call();
}

} // namespace slipway::core
