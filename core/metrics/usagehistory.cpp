#include "core/metrics/usagehistory.h"

#include <algorithm>

namespace slipway::core {

namespace {

quint32 packTime(qint64 atMs, qint64 baseMs) {
    return quint32(std::clamp<qint64>((atMs - baseMs) / 100, 0, 0xffffffffLL));
}

qint64 unpackTime(quint32 atDs, qint64 baseMs) {
    return baseMs + qint64(atDs) * 100;
}

} // namespace

PackedContainerPoint PackedContainerPoint::pack(const UsagePoint &p, qint64 baseMs) {
    constexpr double kMaxHalf = 65504;
    return {packTime(p.atMs, baseMs), qfloat16(float(std::min(p.cpuPercent, kMaxHalf))),
            qfloat16(float(std::min(p.memoryBytes / 1048576.0, kMaxHalf)))};
}

UsagePoint PackedContainerPoint::unpack(qint64 baseMs, double memoryLimit) const {
    UsagePoint u;
    u.atMs = unpackTime(atDs, baseMs);
    u.cpuPercent = float(cpuPercent);
    u.memoryBytes = double(float(memoryMiB)) * 1048576.0;
    u.memoryLimitBytes = memoryLimit;
    u.memoryPercent = usagemath::memoryPercent(u.memoryBytes, memoryLimit);
    return u;
}

PackedAggregatePoint PackedAggregatePoint::pack(const UsagePoint &p, qint64 baseMs) {
    return {packTime(p.atMs, baseMs),  float(p.cpuPercent),      float(p.memoryBytes),
            float(p.memoryLimitBytes), float(p.netRxPerSec),     float(p.netTxPerSec),
            float(p.blockReadPerSec),  float(p.blockWritePerSec)};
}

UsagePoint PackedAggregatePoint::unpack(qint64 baseMs, double) const {
    UsagePoint u;
    u.atMs = unpackTime(atDs, baseMs);
    u.cpuPercent = cpuPercent;
    u.memoryBytes = memoryBytes;
    u.memoryLimitBytes = memoryLimitBytes;
    u.memoryPercent = usagemath::memoryPercent(u.memoryBytes, u.memoryLimitBytes);
    u.netRxPerSec = netRxPerSec;
    u.netTxPerSec = netTxPerSec;
    u.blockReadPerSec = blockReadPerSec;
    u.blockWritePerSec = blockWritePerSec;
    return u;
}

} // namespace slipway::core
