// StatsParser: one Engine API stats document (a one-shot answer or one line of a stats stream)
// -> StatsSample, read with nlohmann's SAX interface so that only the fields Slipway reports
// are kept; nothing else in the ~2 KiB document is materialised. Same results and the same
// Parse error messages as a DOM read of the same fields (see tests/unit/engine/tst_statsparser).
#pragma once

#include "engine/result.h"
#include "engine/types.h"

#include <string_view>

namespace slipway::engine {

// Errors are ErrorKind::Parse, prefixed "stats: ", naming the field that was wrong.
Result<StatsSample> parseStatsSample(std::string_view json);

} // namespace slipway::engine
