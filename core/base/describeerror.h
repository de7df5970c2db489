// describeError(): an engine error in the words core shows people. For core/ and slipctl,
// which handle engine errors; the layers above get these words, never the error.
#pragma once

#include "engine/result.h"

#include <QString>

namespace slipway::core {

// How a cancelled request reads: with its kind like any other error ("cancelled: request
// cancelled"), or just "Cancelled." where cancelling is something the user does (a pull).
enum class CancelledText { WithKind, Plain };

// The daemon's and the input checks' own words as they are, since they already name what was
// refused; any other error with its kind: "transport: Couldn't connect to server".
QString describeError(const engine::Error &error,
                      CancelledText cancelled = CancelledText::WithKind);

} // namespace slipway::core
