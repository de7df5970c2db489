// Leadership on the desk's SQLite file: of two contenders on one database exactly one leads and
// the lock file names it; when the leader goes the other takes over; TimedWork runs its jobs
// only in the process that leads. flock locks belong to an open file, so two contenders in one
// process compete as two processes would.
#include "core/agent/leadership.h"
#include "core/agent/timedwork.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

using namespace slipway;
using namespace std::chrono_literals;

namespace {

core::Leadership::Options quick(const QString &role) {
    core::Leadership::Options o;
    o.retry = 100ms;
    o.role = role;
    return o;
}

// Counts its runs; each ends at once.
class CountingJob : public core::TimedJob {
public:
    explicit CountingJob(int *runs) : runs_(runs) {}
    QString name() const override { return QStringLiteral("count"); }
    std::chrono::milliseconds period() const override { return 50ms; }
    void run(Done done) override {
        ++*runs_;
        done(Outcome{});
    }

private:
    int *runs_;
};

} // namespace

class TestLeadership : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    core::StoreLocation where() const {
        return {dir_.filePath(QStringLiteral("slipway.sqlite")), {}, {}};
    }

private slots:
    void oneOfTwoLeadsAndTheOtherTakesOver() {
        auto first = std::make_unique<core::Leadership>(where(), quick(QStringLiteral("one")));
        first->start();
        QVERIFY(QTest::qWaitFor([&] { return first->leading(); }, 5000));
        auto second = std::make_unique<core::Leadership>(where(), quick(QStringLiteral("two")));
        second->start();
        // The follower learns who leads from the lock file.
        QVERIFY(QTest::qWaitFor([&] { return second->leader() == first->name(); }, 5000));
        QVERIFY(!second->leading());
        QVERIFY(first->leading());
        QString why;
        QCOMPARE(core::Leadership::currentLeader(where(), &why).value_or(QStringLiteral("?")),
                 first->name());

        first.reset(); // the leader goes
        QVERIFY(QTest::qWaitFor([&] { return second->leading(); }, 5000));
        QCOMPARE(second->leader(), second->name());
        QCOMPARE(core::Leadership::currentLeader(where(), &why).value_or(QStringLiteral("?")),
                 second->name());

        second.reset();
        QCOMPARE(core::Leadership::currentLeader(where(), &why).value_or(QStringLiteral("?")),
                 QString());
    }

    void nobodyLeadsWhereNoAgentEverRan() {
        QTemporaryDir empty;
        QString why;
        const auto who = core::Leadership::currentLeader(
            {empty.filePath(QStringLiteral("slipway.sqlite")), {}, {}}, &why);
        QVERIFY2(who.has_value(), qPrintable(why));
        QVERIFY(who->isEmpty());
    }

    void aLockFileThatCannotBeMadeIsAProblemNotALeader() {
        // The database's folder is a file: the lock file beside it cannot exist.
        QFile blocker(dir_.filePath(QStringLiteral("notadir")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        core::Leadership lead({dir_.filePath(QStringLiteral("notadir/slipway.sqlite")), {}, {}},
                              quick(QStringLiteral("x")));
        QSignalSpy problems(&lead, &core::Leadership::problemChanged);
        lead.start();
        QVERIFY(QTest::qWaitFor([&] { return !problems.isEmpty(); }, 5000));
        QVERIFY2(problems.first().first().toString().contains(QStringLiteral("notadir")),
                 qPrintable(problems.first().first().toString()));
        QVERIFY(!lead.leading());
    }

    void onlyTheLeaderRunsTimedWork() {
        core::Leadership leaderLock(where(), quick(QStringLiteral("leader")));
        core::Leadership followerLock(where(), quick(QStringLiteral("follower")));
        core::TimedWork leader(&leaderLock);
        core::TimedWork follower(&followerLock);
        int leaderRuns = 0, followerRuns = 0;
        leader.add(std::make_unique<CountingJob>(&leaderRuns));
        follower.add(std::make_unique<CountingJob>(&followerRuns));
        leader.start();
        QVERIFY(QTest::qWaitFor([&] { return leader.leading(); }, 5000));
        follower.start();
        QVERIFY(QTest::qWaitFor([&] { return followerLock.leader() == leaderLock.name(); }, 5000));
        // Several periods of the job pass with both running.
        QVERIFY(QTest::qWaitFor([&] { return leaderRuns >= 5; }, 10000));
        QCOMPARE(followerRuns, 0);
        QVERIFY(leader.eachRanOnce());
        QVERIFY(!follower.eachRanOnce());
    }
};

QTEST_GUILESS_MAIN(TestLeadership)
#include "tst_leadership.moc"
