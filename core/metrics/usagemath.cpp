#include "core/metrics/usagemath.h"

#include "engine/types.h"

#include <algorithm>
#include <charconv>

namespace slipway::core::usagemath {

namespace {

// Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar (H. Hinnant's
// days_from_civil): RFC 3339 parsing without QDateTime, which costs more than the rest of a
// sample's arithmetic together.
qint64 daysFromCivil(qint64 y, unsigned m, unsigned d) {
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + qint64(doe) - 719468;
}

bool digits(std::string_view s, std::size_t pos, std::size_t n, int *out) {
    if (pos + n > s.size())
        return false;
    int v = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

} // namespace

qint64 parseRfc3339Ms(std::string_view s) {
    int year, month, day, hour, minute, second;
    if (!digits(s, 0, 4, &year) || s.size() < 20 || s[4] != '-' || !digits(s, 5, 2, &month) ||
        s[7] != '-' || !digits(s, 8, 2, &day) || (s[10] != 'T' && s[10] != 't') ||
        !digits(s, 11, 2, &hour) || s[13] != ':' || !digits(s, 14, 2, &minute) || s[16] != ':' ||
        !digits(s, 17, 2, &second))
        return -1;
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
        return -1;
    if (year <= 1)
        return -1; // Go's zero time: no reading
    std::size_t pos = 19;
    int millis = 0;
    if (pos < s.size() && s[pos] == '.') {
        ++pos;
        int n = 0;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
            if (n < 3)
                millis = millis * 10 + (s[pos] - '0');
            ++n, ++pos;
        }
        if (n == 0)
            return -1;
        for (; n < 3; ++n)
            millis *= 10;
    }
    int offsetMinutes = 0;
    if (pos < s.size() && (s[pos] == 'Z' || s[pos] == 'z')) {
        ++pos;
    } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
        int oh, om;
        if (!digits(s, pos + 1, 2, &oh) || pos + 3 >= s.size() || s[pos + 3] != ':' ||
            !digits(s, pos + 4, 2, &om))
            return -1;
        offsetMinutes = (oh * 60 + om) * (s[pos] == '-' ? -1 : 1);
        pos += 6;
    } else {
        return -1;
    }
    if (pos != s.size())
        return -1;
    const qint64 days = daysFromCivil(year, unsigned(month), unsigned(day));
    const qint64 secs = days * 86400 + hour * 3600 + minute * 60 + second - offsetMinutes * 60;
    return secs * 1000 + millis;
}

Reading fromSample(const engine::StatsSample &s) {
    Reading r;
    r.readMs = parseRfc3339Ms(s.read);
    r.cpuTotal = s.cpuTotal;
    r.systemCpu = s.systemCpu;
    r.onlineCpus = s.onlineCpus;
    r.memoryUsage = s.memoryUsage;
    r.memoryCache = s.memoryCache;
    r.memoryLimit = s.memoryLimit;
    r.netRx = s.netRx;
    r.netTx = s.netTx;
    r.blockRead = s.blockRead;
    r.blockWrite = s.blockWrite;
    r.pids = s.pids;
    return r;
}

Reading previousFromSample(const engine::StatsSample &s, bool *valid) {
    Reading r;
    r.readMs = parseRfc3339Ms(s.preread);
    r.cpuTotal = s.preCpuTotal;
    r.systemCpu = s.preSystemCpu;
    r.onlineCpus = s.onlineCpus;
    if (valid)
        *valid = s.preSystemCpu != 0;
    return r;
}

double cpuPercent(std::uint64_t previousCpu, std::uint64_t previousSystem, std::uint64_t cpu,
                  std::uint64_t system, int onlineCpus) {
    // Unsigned deltas would wrap when a counter goes back (a restart): compare first.
    if (cpu <= previousCpu || system <= previousSystem || onlineCpus <= 0)
        return 0;
    const double cpuDelta = double(cpu - previousCpu);
    const double systemDelta = double(system - previousSystem);
    return cpuDelta / systemDelta * double(onlineCpus) * 100.0;
}

double memoryNetOfCache(std::uint64_t usage, std::uint64_t cache) {
    return cache < usage ? double(usage - cache) : double(usage);
}

double memoryPercent(double memory, double limit) {
    return limit > 0 ? memory / limit * 100.0 : 0;
}

double ratePerSec(std::uint64_t previous, std::uint64_t current, qint64 elapsedMs) {
    if (current < previous || elapsedMs <= 0)
        return 0;
    return double(current - previous) * 1000.0 / double(elapsedMs);
}

UsagePoint containerPoint(const Reading *previous, const Reading &current, qint64 atMs) {
    UsagePoint p;
    p.atMs = current.readMs >= 0 ? current.readMs : atMs;
    p.memoryBytes = memoryNetOfCache(current.memoryUsage, current.memoryCache);
    p.memoryLimitBytes = double(current.memoryLimit);
    p.memoryPercent = memoryPercent(p.memoryBytes, p.memoryLimitBytes);
    if (!previous)
        return p;
    p.cpuPercent = cpuPercent(previous->cpuTotal, previous->systemCpu, current.cpuTotal,
                              current.systemCpu, current.onlineCpus);
    const qint64 elapsed =
        previous->readMs >= 0 && current.readMs >= 0 ? current.readMs - previous->readMs : 0;
    p.netRxPerSec = ratePerSec(previous->netRx, current.netRx, elapsed);
    p.netTxPerSec = ratePerSec(previous->netTx, current.netTx, elapsed);
    p.blockReadPerSec = ratePerSec(previous->blockRead, current.blockRead, elapsed);
    p.blockWritePerSec = ratePerSec(previous->blockWrite, current.blockWrite, elapsed);
    return p;
}

void UsageSum::add(const UsagePoint &p) {
    ++count;
    cpuPercent += p.cpuPercent;
    memoryBytes += p.memoryBytes;
    memoryLimitBytes += p.memoryLimitBytes;
    netRxPerSec += p.netRxPerSec;
    netTxPerSec += p.netTxPerSec;
    blockReadPerSec += p.blockReadPerSec;
    blockWritePerSec += p.blockWritePerSec;
}

void UsageSum::add(const UsageSum &o) {
    count += o.count;
    cpuPercent += o.cpuPercent;
    memoryBytes += o.memoryBytes;
    memoryLimitBytes += o.memoryLimitBytes;
    netRxPerSec += o.netRxPerSec;
    netTxPerSec += o.netTxPerSec;
    blockReadPerSec += o.blockReadPerSec;
    blockWritePerSec += o.blockWritePerSec;
}

UsagePoint UsageSum::point(qint64 atMs) const {
    UsagePoint p;
    p.atMs = atMs;
    p.cpuPercent = cpuPercent;
    p.memoryBytes = memoryBytes;
    p.memoryLimitBytes = memoryLimitBytes;
    p.memoryPercent = memoryPercent(memoryBytes, memoryLimitBytes);
    p.netRxPerSec = netRxPerSec;
    p.netTxPerSec = netTxPerSec;
    p.blockReadPerSec = blockReadPerSec;
    p.blockWritePerSec = blockWritePerSec;
    return p;
}

UsagePoint UsageSum::ofCapacity(qint64 atMs, int cpus, double memoryTotal) const {
    UsagePoint p = point(atMs);
    p.cpuPercent = cpus > 0 ? cpuPercent / cpus : 0;
    p.memoryLimitBytes = memoryTotal;
    p.memoryPercent = memoryPercent(memoryBytes, memoryTotal);
    return p;
}

void BucketMean::add(const UsagePoint &p) {
    ++count;
    sum.cpuPercent += p.cpuPercent;
    sum.memoryBytes += p.memoryBytes;
    sum.memoryLimitBytes += p.memoryLimitBytes;
    sum.memoryPercent += p.memoryPercent;
    sum.netRxPerSec += p.netRxPerSec;
    sum.netTxPerSec += p.netTxPerSec;
    sum.blockReadPerSec += p.blockReadPerSec;
    sum.blockWritePerSec += p.blockWritePerSec;
}

UsagePoint BucketMean::mean(qint64 bucketMs) const {
    UsagePoint p;
    p.atMs = bucket * bucketMs;
    if (count == 0)
        return p;
    const double n = count;
    p.cpuPercent = sum.cpuPercent / n;
    p.memoryBytes = sum.memoryBytes / n;
    p.memoryLimitBytes = sum.memoryLimitBytes / n;
    p.memoryPercent = sum.memoryPercent / n;
    p.netRxPerSec = sum.netRxPerSec / n;
    p.netTxPerSec = sum.netTxPerSec / n;
    p.blockReadPerSec = sum.blockReadPerSec / n;
    p.blockWritePerSec = sum.blockWritePerSec / n;
    return p;
}

} // namespace slipway::core::usagemath
