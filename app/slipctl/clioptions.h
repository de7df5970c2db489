// slipctl's numeric options, checked in one place: a value that is not a number (NaN and
// infinity included), zero or negative where that means nothing, or past a sane maximum is
// refused before anything runs (exit 2), in one line naming the option and the value.
#pragma once

#include "core/deploy/deploymentrecord.h"

#include <QCommandLineParser>
#include <QString>
#include <chrono>
#include <optional>

namespace slipway::cli {

// Checks every numeric option that was given on the command line (each value of a repeated
// one). False with `error` about the first bad one.
bool checkNumericOptions(const QCommandLineParser &parser, QString *error);

// The value of a seconds option (--timeout, --connect-timeout, --health-timeout,
// --undo-window, --pull-stall-timeout, --monitor, --period-seconds, --retry-seconds) that
// checkNumericOptions accepted, rounded up to
// whole milliseconds; nullopt when it was not given.
std::optional<std::chrono::milliseconds> secondsOption(const QCommandLineParser &parser,
                                                       const QString &name);

// --monitor SECONDS and --probe URL, for the commands that start new replicas.
void addHealthOptions(QCommandLineParser &parser);
// Puts the --monitor and --probe that were given into `config` (checkNumericOptions has
// checked --monitor); false with `error` naming a bad probe.
bool applyHealthOptions(const QCommandLineParser &parser, core::DeploymentConfig *config,
                        QString *error);

} // namespace slipway::cli
