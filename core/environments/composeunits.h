// Compose's units: durations as Go writes them ("1m30s", "1.5s", "250ms") and byte sizes as
// docker writes them ("512m", "1g", "2048").
#pragma once

#include <QString>
#include <optional>

namespace slipway::core::env {

// Milliseconds, rounded to the nearest; nullopt when `text` is not a duration.
std::optional<qint64> parseComposeDuration(const QString &text);
// The shortest way Compose reads back: "90s", "1500ms", "0s".
QString formatComposeDuration(qint64 ms);

// Bytes; nullopt when `text` is not a size.
std::optional<qint64> parseComposeBytes(const QString &text);

} // namespace slipway::core::env
