// describeError(): an engine error in the words core shows people. keptText(): what is kept
// of such words where they are stored.
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

// The most of a message from outside (a daemon's error, a health check's output) that a stored
// record keeps: a deployment's detail, an audit entry's, an alert's. A daemon that answers with
// a megabyte must not put a megabyte into every row and every view that shows it.
inline constexpr qsizetype kMaxKeptText = 4000;

// `text` as it is when it fits in `max` characters; else its beginning, cut between two
// characters (never inside a surrogate pair), followed by a marker that says how much was cut
// ("… [996000 more characters cut]"), the whole at most `max` characters. Every place that
// stores such a message goes through this.
QString keptText(const QString &text, qsizetype max = kMaxKeptText);

} // namespace slipway::core
