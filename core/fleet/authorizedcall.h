// withRegistryAuth(): an engine call that needs the X-Registry-Auth of an image (a pull, a
// Swarm service update), started once the credentials are known. Finding them reads
// config.json and may run a credential helper, so it happens on the thread pool, never on the
// caller's (GUI) thread.
#pragma once

#include "engine/call.h"

#include <functional>
#include <string>

namespace slipway::core {

// Resolves the X-Registry-Auth for `image` on the thread pool, then calls `start` there with
// it (empty: anonymous). The returned Call completes with the started call's result, or with
// the credential error (which names the config file or helper) without starting it;
// cancelling it cancels whichever of the two is under way.
engine::Call<engine::Unit>
withRegistryAuth(const std::string &image,
                 std::function<engine::Call<engine::Unit>(const std::string &auth)> start);

} // namespace slipway::core
