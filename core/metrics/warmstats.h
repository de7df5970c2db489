// WarmStats: how `slipctl stats` asks a sampler already running on this machine (an agent's or
// a Slipway window's Metrics, served by StatsService) for its latest figures instead of taking
// a cold snapshot, which costs the engine's collector two passes: the socket beside the desk
// database both sides agree on, and one JSON line asked and one answered per connection.
#pragma once

#include "core/metrics/usage.h"
#include "core/metrics/usagemath.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <chrono>
#include <optional>

namespace slipway::core::warmstats {

// One container's latest figures: its usage and the counters it ends at (I/O totals, pids).
struct Sample {
    QString containerId;
    UsagePoint usage;
    usagemath::Reading counters;
};

struct Request {
    QString engineId; // the engine's own ID (GET /info): the same whatever URL reaches it
    QStringList containerIds;
};

// Beside the desk database, as the agent's lock file is: private to the user who owns it, and
// one per desk, so that workstations (HOMEs) sharing a machine never read each other's.
QString socketPath(const QString &deskDatabasePath);

// Lines longer than this are refused by both sides: 8,000 container IDs fit many times over.
inline constexpr qsizetype kMaxLine = 8 * 1024 * 1024;

QByteArray encodeRequest(const Request &request);
std::optional<Request> decodeRequest(const QByteArray &line);
QByteArray encodeAnswer(const QList<Sample> &samples);
std::optional<QList<Sample>> decodeAnswer(const QByteArray &line);

// Asks whoever serves `socket` for these containers. Blocks up to `timeout` (for slipctl, never
// the GUI thread); nullopt when nobody answers in time or the answer is malformed, an empty
// hash when the sampler has none of them fresh. The caller measures what is missing itself.
std::optional<QHash<QString, Sample>> ask(const QString &socket, const Request &request,
                                          std::chrono::milliseconds timeout);

} // namespace slipway::core::warmstats
