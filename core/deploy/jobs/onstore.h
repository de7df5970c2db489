// onStore: runs a job's database work on the store thread and waits for its answer. Only for a
// deployer job's worker thread: the GUI thread never waits.
#pragma once

#include "core/deploy/deploymentstore.h"
#include "core/store/store.h"
#include "core/store/storethread.h"

#include <functional>
#include <future>
#include <memory>

namespace slipway::core {

// R{} when the database cannot be opened.
template <class R> R onStore(StoreThread &store, std::function<R(Store *, DeploymentStore &)> job) {
    auto promise = std::make_shared<std::promise<R>>();
    auto future = promise->get_future();
    store.post([promise, job = std::move(job)](Store *s, const QString &) {
        if (!s) {
            promise->set_value(R{});
            return;
        }
        DeploymentStore records(s->database());
        promise->set_value(job(s, records));
    });
    return future.get();
}

} // namespace slipway::core
