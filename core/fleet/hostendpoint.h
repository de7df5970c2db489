// hostEndpoint(): the engine endpoint a HostConfig names, for the core/ services and slipctl
// that make its clients; the layers above ask HostConfig::problem() and never see the endpoint.
#pragma once

#include "core/fleet/hostconfig.h"
#include "engine/endpoint.h"
#include "engine/result.h"

namespace slipway::core {

// Validates the URL and the TLS files, with InvalidInput errors that name the problem.
engine::Result<engine::Endpoint>
hostEndpoint(const HostConfig &host, HostConfig::FileCheck files = HostConfig::FileCheck::Check);

} // namespace slipway::core
