// The GUI thread's request for short scheduling slices: taken by the kernel for the calling
// thread only, not handed down to the threads it starts afterwards (they are what it must win
// against), and the thread's nice value kept.
#include "core/base/latencyhint.h"

#include <QFile>
#include <QThread>
#include <QtTest>
#include <sys/resource.h>

using namespace slipway::core;

namespace {

// The calling thread's slice in ns as /proc shows it; -1 on kernels that do not show one.
qint64 currentSlice() {
    QFile file(QStringLiteral("/proc/thread-self/sched"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith("se.slice"))
            return line.mid(line.indexOf(':') + 1).trimmed().toLongLong();
    }
    return -1;
}

} // namespace

class TestLatencyHint : public QObject {
    Q_OBJECT

private slots:
    void onlyTheCallingThreadGetsShortSlices() {
        qint64 before = 0, after = 0, child = 0;
        int niceBefore = 0, niceAfter = 0;
        bool accepted = false;
        // A thread of its own, so the test's main thread keeps the default.
        QScopedPointer<QThread> caller(QThread::create([&] {
            setpriority(PRIO_PROCESS, 0, 3); // a nice value the call must keep
            niceBefore = getpriority(PRIO_PROCESS, 0);
            before = currentSlice();
            accepted = preferShortSlices();
            after = currentSlice();
            niceAfter = getpriority(PRIO_PROCESS, 0);
            QScopedPointer<QThread> started(QThread::create([&] { child = currentSlice(); }));
            started->start();
            started->wait();
        }));
        caller->start();
        QVERIFY(caller->wait(10000));
#if defined(__linux__)
        QVERIFY(accepted);
        QCOMPARE(niceAfter, niceBefore);
        QCOMPARE(niceAfter, 3);
        // Kernels before 6.6 show no slice; those from 6.12 act on the request.
        if (before < 0)
            return;
        QCOMPARE(after, qint64(500000));
        QVERIFY2(child == before, qPrintable(QStringLiteral("a thread started afterwards has slice "
                                                            "%1, the default is %2")
                                                 .arg(child)
                                                 .arg(before)));
#else
        QVERIFY(!accepted);
#endif
    }
};

QTEST_GUILESS_MAIN(TestLatencyHint)
#include "tst_latencyhint.moc"
