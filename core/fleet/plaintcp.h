// Plain TCP hosts: a tcp:// engine URL without TLS leaves the engine's API unauthenticated and
// readable on the wire, which slipctl says on stderr and the GUI in a red banner.
#pragma once

#include "core/fleet/hostconfig.h"

#include <QString>

namespace slipway::core {

// A tcp:// URL without TLS. Parses only the URL (no disk), so the GUI thread may ask.
bool isPlainTcp(const HostConfig &host);

// What plain TCP means for `host`, in one paragraph for people.
QString plainTcpWarning(const HostConfig &host);

} // namespace slipway::core
