// How slipctl's deployer commands end: refused before any call, or with the answer: with --json
// the answer's record with "ok" and "error", else a summary when the operation worked; a
// failure also goes to stderr.
#pragma once

#include "clideployer.h"

#include <QTextStream>
#include <functional>

namespace slipway::cli {

// "slipctl: WHY" on stderr, for a command refused before any call; returns its exit code, 2.
int refuse(QTextStream &err, const QString &why);

// Returns the exit code: 0 when the answer is ok, else 1. `summary` is asked for only when it
// is printed; `failure` is the stderr line after "slipctl: ".
int printAnswer(const CliDeployer::Answer &answer, bool json, QTextStream &out, QTextStream &err,
                const std::function<QString()> &summary, const QString &failure);

} // namespace slipway::cli
