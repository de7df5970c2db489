// UsageHistory: one container's, application's or host's past usage: a fine ring buffer at the
// sampling interval and a coarse one of per-bucket means, both of fixed capacity, stored packed.
#pragma once

#include "core/base/ringbuffer.h"
#include "core/metrics/usage.h"
#include "core/metrics/usagemath.h"

#include <QFloat16>
#include <cstdint>

namespace slipway::core {

// 8 bytes: a container's history keeps CPU and memory only. At 8,000 containers a day of
// one-minute buckets plus 15 minutes at 2 s is 8,000 x 1,890 points: 121 MB even packed this
// small, so the rates stay in the latest value and in the application and host series.
struct PackedContainerPoint {
    quint32 atDs; // tenths of a second since the history's base time
    qfloat16 cpuPercent;
    qfloat16 memoryMiB; // 3 significant digits, up to 64 GiB: enough to draw
    static PackedContainerPoint pack(const UsagePoint &p, qint64 baseMs);
    UsagePoint unpack(qint64 baseMs, double memoryLimit) const;
};

// 32 bytes: everything, as floats, for the few hundred applications and the hosts.
struct PackedAggregatePoint {
    quint32 atDs;
    float cpuPercent, memoryBytes, memoryLimitBytes;
    float netRxPerSec, netTxPerSec, blockReadPerSec, blockWritePerSec;
    static PackedAggregatePoint pack(const UsagePoint &p, qint64 baseMs);
    UsagePoint unpack(qint64 baseMs, double memoryLimit) const;
};

template <class Packed> class UsageHistory {
public:
    UsageHistory(std::size_t fineCapacity, std::size_t coarseCapacity, qint64 bucketMs)
        : fine_(fineCapacity), coarse_(coarseCapacity), bucketMs_(bucketMs) {}

    void add(const UsagePoint &p, qint64 baseMs) {
        fine_.push(Packed::pack(p, baseMs));
        const qint64 bucket = p.atMs / bucketMs_;
        if (pending_.count > 0 && bucket != pending_.bucket) {
            coarse_.push(Packed::pack(pending_.mean(bucketMs_), baseMs));
            pending_ = {};
        }
        pending_.bucket = bucket;
        pending_.add(p);
    }

    // Points at or after `sinceMs`, oldest first; `memoryLimit` completes packed points
    // that do not keep one.
    UsageSeries fine(qint64 baseMs, qint64 sinceMs, double memoryLimit) const {
        return collect(fine_, baseMs, sinceMs, memoryLimit, false);
    }
    // The coarse buckets, with the bucket still filling as the last point.
    UsageSeries coarse(qint64 baseMs, qint64 sinceMs, double memoryLimit) const {
        return collect(coarse_, baseMs, sinceMs, memoryLimit, true);
    }

    void setFineCapacity(std::size_t capacity) { fine_.setCapacity(capacity); }

private:
    UsageSeries collect(const RingBuffer<Packed> &ring, qint64 baseMs, qint64 sinceMs,
                        double memoryLimit, bool withPending) const {
        UsageSeries out;
        out.reserve(qsizetype(ring.size()) + 1);
        ring.forEach([&](const Packed &p) {
            UsagePoint u = p.unpack(baseMs, memoryLimit);
            if (u.atMs >= sinceMs)
                out.append(u);
        });
        if (withPending && pending_.count > 0) {
            UsagePoint u =
                Packed::pack(pending_.mean(bucketMs_), baseMs).unpack(baseMs, memoryLimit);
            if (u.atMs >= sinceMs)
                out.append(u);
        }
        return out;
    }

    RingBuffer<Packed> fine_;
    RingBuffer<Packed> coarse_;
    usagemath::BucketMean pending_;
    qint64 bucketMs_;
};

} // namespace slipway::core
