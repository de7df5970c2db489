// probeHost: asks one engine who it is (negotiate, then version and info at once) and
// reports what it found as a HostStatus, on the mailbox owner's thread.
#pragma once

#include "core/base/mailbox.h"
#include "core/fleet/hoststatus.h"

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace slipway::engine {
class DockerClient;
}

namespace slipway::core {

// Call on the mailbox owner's thread, which must keep `client` alive: continuations hold
// only a weak reference, so the client is never destroyed on its own transport thread. When
// the client is gone before the probe ends, `done` is not called. `timeout` bounds each of the
// probe's requests alone (the client's other calls keep their own limit); unset: the client's.
void probeHost(const std::shared_ptr<engine::DockerClient> &client, const Mailbox &mailbox,
               std::function<void(const HostStatus &)> done,
               std::optional<std::chrono::milliseconds> timeout = {});

} // namespace slipway::core
