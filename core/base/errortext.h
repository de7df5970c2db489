// keptText(): what is kept of an error's words (a daemon's, a health check's) where they are
// stored. The words of an engine error come from describeError() (describeerror.h).
#pragma once

#include <QString>

namespace slipway::core {

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
