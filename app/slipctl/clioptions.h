// slipctl's numeric options, checked in one place: a value that is not a number (NaN and
// infinity included), zero or negative where that means nothing, or past a sane maximum is
// refused before anything runs (exit 2), in one line naming the option and the value.
#pragma once

#include <QCommandLineParser>
#include <QString>
#include <chrono>
#include <optional>

namespace slipway::cli {

// Checks every numeric option that was given on the command line (each value of a repeated
// one). False with `error` about the first bad one.
bool checkNumericOptions(const QCommandLineParser &parser, QString *error);

// The value of a seconds option (--timeout, --connect-timeout, --health-timeout,
// --undo-window, --pull-stall-timeout) that checkNumericOptions accepted, rounded up to whole
// milliseconds; nullopt when it was not given.
std::optional<std::chrono::milliseconds> secondsOption(const QCommandLineParser &parser,
                                                       const QString &name);

} // namespace slipway::cli
