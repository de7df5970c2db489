// The sampler's pure parts: docker stats' CPU and memory arithmetic (against figures worked
// out by hand and against a stream recorded from Docker 20.10, whose second frame carries the
// engine's own precpu), RFC 3339 times, rates, sums, the ring buffer, the packed history and
// the per-host sampling queue.
#include "core/base/ringbuffer.h"
#include "core/metrics/samplingqueue.h"
#include "core/metrics/usagehistory.h"
#include "core/metrics/usagemath.h"
#include "engine/parse.h"

#include <QFile>
#include <QtTest>

using namespace slipway;
using namespace slipway::core;
using namespace slipway::core::usagemath;

class TestUsageMath : public QObject {
    Q_OBJECT

private slots:
    void cpuPercentAsDockerStats() {
        // 0.5 s of CPU in 4 s of all-CPU time on 4 CPUs: half a core, 50 %.
        QCOMPARE(cpuPercent(1000, 10000, 1000 + 500, 10000 + 4000, 4), 50.0);
        // Two cores busy on a 2-CPU host: 200 %.
        QCOMPARE(cpuPercent(0, 0, 2000, 2000, 2), 200.0);
        // No time passed, a counter that went back (a restart), no CPUs: 0, never a wrap.
        QCOMPARE(cpuPercent(500, 1000, 600, 1000, 2), 0.0);
        QCOMPARE(cpuPercent(500, 1000, 100, 2000, 2), 0.0);
        QCOMPARE(cpuPercent(500, 1000, 600, 2000, 0), 0.0);
        QCOMPARE(cpuPercent(500, 1000, 500, 2000, 2), 0.0);
    }

    void recordedStreamMatchesTheEnginesOwnPrecpu() {
        QFile f(QStringLiteral(SLIPWAY_TEST_DATA "/recorded/stats_stream.jsonl"));
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable("missing recording " + f.fileName()));
        const QList<QByteArray> lines = f.readAll().split('\n');
        QVERIFY(lines.size() >= 2);
        auto first = engine::parse::stats(lines[0].toStdString());
        auto second = engine::parse::stats(lines[1].toStdString());
        QVERIFY(first.ok() && second.ok());
        const engine::StatsSample &s = second.value();
        // Our previous reading is the engine's precpu: both ways give the same figure.
        QCOMPARE(s.preCpuTotal, first.value().cpuTotal);
        const Reading prev = fromSample(first.value());
        const Reading cur = fromSample(s);
        const UsagePoint p = containerPoint(&prev, cur, 0);
        const double byHand = double(s.cpuTotal - s.preCpuTotal) /
                              double(s.systemCpu - s.preSystemCpu) * s.onlineCpus * 100.0;
        QCOMPARE(p.cpuPercent, byHand);
        bool valid = false;
        const Reading pre = previousFromSample(s, &valid);
        QVERIFY(valid);
        QCOMPARE(
            cpuPercent(pre.cpuTotal, pre.systemCpu, cur.cpuTotal, cur.systemCpu, cur.onlineCpus),
            byHand);
        // Memory net of the page cache, and the engine's times one second apart.
        QCOMPARE(p.memoryBytes, double(s.memoryUsage - s.memoryCache));
        QCOMPARE(p.memoryPercent, p.memoryBytes / double(s.memoryLimit) * 100.0);
        QVERIFY(cur.readMs - prev.readMs > 500 && cur.readMs - prev.readMs < 2000);
        // The first frame's empty precpu is no reading.
        previousFromSample(first.value(), &valid);
        QVERIFY(!valid);
    }

    void memory() {
        QCOMPARE(memoryNetOfCache(100, 30), 70.0);
        QCOMPARE(memoryNetOfCache(100, 100), 100.0); // a cache not below usage is not subtracted
        QCOMPARE(memoryPercent(50, 200), 25.0);
        QCOMPARE(memoryPercent(50, 0), 0.0);
    }

    void rates() {
        QCOMPARE(ratePerSec(1000, 3000, 2000), 1000.0);
        QCOMPARE(ratePerSec(3000, 1000, 2000), 0.0); // restarted
        QCOMPARE(ratePerSec(1000, 3000, 0), 0.0);
        Reading a, b;
        a.readMs = 10000;
        b.readMs = 12000;
        a.netRx = 100, b.netRx = 4100;
        a.blockWrite = 0, b.blockWrite = 1 << 20;
        const UsagePoint p = containerPoint(&a, b, 0);
        QCOMPARE(p.netRxPerSec, 2000.0);
        QCOMPARE(p.blockWritePerSec, double(1 << 19));
        QCOMPARE(p.atMs, 12000);
        // The first reading: memory, no CPU, no rates.
        b.memoryUsage = 500;
        const UsagePoint first = containerPoint(nullptr, b, 0);
        QCOMPARE(first.memoryBytes, 500.0);
        QCOMPARE(first.cpuPercent, 0.0);
        QCOMPARE(first.netRxPerSec, 0.0);
    }

    void rfc3339() {
        QCOMPARE(parseRfc3339Ms("1970-01-01T00:00:00Z"), 0);
        QCOMPARE(parseRfc3339Ms("2026-11-27T08:51:13.184347536Z"),
                 QDateTime::fromString("2026-11-27T08:51:13.184Z", Qt::ISODateWithMs)
                     .toMSecsSinceEpoch());
        QCOMPARE(parseRfc3339Ms("2024-02-29T23:59:59.5+01:00"),
                 QDateTime::fromString("2024-02-29T22:59:59.500Z", Qt::ISODateWithMs)
                     .toMSecsSinceEpoch());
        QCOMPARE(parseRfc3339Ms("0001-01-01T00:00:00Z"), -1); // Go's zero time
        QCOMPARE(parseRfc3339Ms(""), -1);
        QCOMPARE(parseRfc3339Ms("2026-11-27 08:51:13Z"), -1);
        QCOMPARE(parseRfc3339Ms("2026-13-27T08:51:13Z"), -1);
        QCOMPARE(parseRfc3339Ms("2026-11-27T08:51:13."), -1);
        QCOMPARE(parseRfc3339Ms("2026-11-27T08:51:13Zjunk"), -1);
    }

    void sums() {
        UsageSum s;
        UsagePoint a, b;
        a.cpuPercent = 150, a.memoryBytes = 100, a.memoryLimitBytes = 1000, a.netRxPerSec = 1;
        b.cpuPercent = 50, b.memoryBytes = 300, b.memoryLimitBytes = 1000, b.netRxPerSec = 2;
        s.add(a);
        s.add(b);
        QCOMPARE(s.count, 2);
        const UsagePoint app = s.point(7);
        QCOMPARE(app.atMs, 7);
        QCOMPARE(app.cpuPercent, 200.0);
        QCOMPARE(app.memoryPercent, 20.0);
        QCOMPARE(app.netRxPerSec, 3.0);
        // A 4-CPU host with 4,000 bytes: 200 % of one core is 50 % of the host.
        const UsagePoint host = s.ofCapacity(7, 4, 4000);
        QCOMPARE(host.cpuPercent, 50.0);
        QCOMPARE(host.memoryPercent, 10.0);
        QCOMPARE(host.memoryLimitBytes, 4000.0);
        QCOMPARE(s.ofCapacity(7, 0, 0).cpuPercent, 0.0);
    }

    void ringBuffer() {
        RingBuffer<int> r(3);
        QVERIFY(r.empty());
        for (int i = 1; i <= 5; ++i)
            r.push(i);
        QCOMPARE(r.size(), std::size_t(3));
        QCOMPARE(r.at(0), 3);
        QCOMPARE(r.back(), 5);
        r.setCapacity(5); // keeps what it has, room for more
        r.push(6);
        QList<int> all;
        r.forEach([&](int v) { all.append(v); });
        QCOMPARE(all, (QList<int>{3, 4, 5, 6}));
        r.setCapacity(2); // the newest that fit
        all.clear();
        r.forEach([&](int v) { all.append(v); });
        QCOMPARE(all, (QList<int>{5, 6}));
        RingBuffer<int> none(0);
        none.push(1);
        QVERIFY(none.empty());
    }

    void historyFineAndCoarse() {
        const qint64 base = 60000LL * 16'666'666; // on a minute boundary
        UsageHistory<PackedAggregatePoint> h(4, 3, 60000);
        // 10 points 20 s apart from a minute boundary: three one-minute buckets and a fourth
        // still filling.
        for (int i = 0; i < 10; ++i) {
            UsagePoint p;
            p.atMs = base + 60000 * 10 + i * 20000;
            p.cpuPercent = i;
            p.memoryBytes = 1000;
            p.memoryLimitBytes = 4000;
            h.add(p, base);
        }
        const UsageSeries fine = h.fine(base, 0, 0);
        QCOMPARE(fine.size(), 4); // the capacity
        QCOMPARE(fine.first().cpuPercent, 6.0);
        QCOMPARE(fine.last().cpuPercent, 9.0);
        QCOMPARE(fine.last().atMs, base + 60000 * 10 + 9 * 20000);
        QCOMPARE(fine.last().memoryPercent, 25.0);
        const UsageSeries coarse = h.coarse(base, 0, 0);
        QCOMPARE(coarse.size(), 4);          // three full buckets and the one filling
        QCOMPARE(coarse[0].cpuPercent, 1.0); // mean of 0, 1, 2
        QCOMPARE(coarse[0].atMs, base + 60000 * 10);
        QCOMPARE(coarse[2].cpuPercent, 7.0);
        QCOMPARE(coarse[3].cpuPercent, 9.0); // the bucket still filling
        // Only what is recent enough.
        QCOMPARE(h.fine(base, base + 60000 * 10 + 8 * 20000, 0).size(), 2);
    }

    void packedContainerPoints() {
        const qint64 base = 1'000'000'000'000;
        UsagePoint p;
        p.atMs = base + 123456;
        p.cpuPercent = 12.34;
        p.memoryBytes = 45.6 * 1048576;
        const PackedContainerPoint packed = PackedContainerPoint::pack(p, base);
        QCOMPARE(sizeof(PackedContainerPoint), std::size_t(8));
        const UsagePoint u = packed.unpack(base, 100.0 * 1048576);
        QCOMPARE(u.atMs, base + 123400); // tenths of a second
        QVERIFY(qAbs(u.cpuPercent - 12.34) < 0.01);
        QVERIFY(qAbs(u.memoryBytes - p.memoryBytes) < 0.05 * 1048576);
        QVERIFY(qAbs(u.memoryPercent - 45.6) < 0.05);
        p.cpuPercent = 1e9; // beyond a half float: clamped, not infinite
        QVERIFY(std::isfinite(PackedContainerPoint::pack(p, base).unpack(base, 0).cpuPercent));
    }

    void samplingQueue() {
        SamplingQueue q(2);
        q.begin({"a", "b", "c", "d", "e"}, {{"d", 1}, {"e", 0}});
        // Priority first, by rank, then the rest; two at a time.
        QCOMPARE(q.next(), std::optional<QString>("e"));
        QCOMPARE(q.next(), std::optional<QString>("d"));
        QCOMPARE(q.next(), std::nullopt);
        QCOMPARE(q.inFlight(), 2);
        q.finished();
        QCOMPARE(q.next(), std::optional<QString>("a"));
        q.finished();
        q.finished();
        QCOMPARE(q.next(), std::optional<QString>("b"));
        QCOMPARE(q.next(), std::optional<QString>("c"));
        QVERIFY(!q.idle());
        q.finished();
        q.finished();
        QVERIFY(q.idle());
        QCOMPARE(q.waiting(), 0);
        q.begin({"x"}, {});
        QCOMPARE(q.waiting(), 1);
        q.clear();
        QVERIFY(q.idle());
    }
};

QTEST_GUILESS_MAIN(TestUsageMath)
#include "tst_usagemath.moc"
