// `slipctl agent`, several at once on one database: exactly one leads (it says so, and
// `slipctl agent status` names it), the others follow; kill -9 the leader and another takes
// over; SIGTERM ends an agent with exit 0 and lets go of the leadership. On PostgreSQL (a
// test::TeamDatabase its owner migrated, the agents logging in as an operator) and on the desk's
// SQLite (two agents on one data directory). A follower does no timed work: a replica killed on
// the private engine is started again once, by the leader alone.
#include "core/store/store.h"
#include "tests/support/slipctlrun.h"
#include "tests/support/teamdatabase.h"
#include "tests/support/testenv.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

using namespace slipway;
using namespace std::chrono_literals;

namespace {

// One `slipctl agent` process and everything it has printed so far.
class Agent {
public:
    Agent(const QStringList &args, const QString &home) {
        proc_.setProcessEnvironment(test::cleanEnvironment(home));
        proc_.start(QStringLiteral(SLIPWAY_SLIPCTL), QStringList{QStringLiteral("agent")} + args);
    }
    ~Agent() {
        if (proc_.state() != QProcess::NotRunning) {
            proc_.kill();
            proc_.waitForFinished(10000);
        }
    }
    bool started() { return proc_.waitForStarted(10000); }
    qint64 pid() const { return proc_.processId(); }
    QProcess &process() { return proc_; }
    QByteArray out() {
        out_ += proc_.readAllStandardOutput();
        return out_;
    }
    QByteArray err() { return proc_.readAllStandardError(); }
    bool says(const char *text) { return out().contains(text); }

private:
    QProcess proc_;
    QByteArray out_;
};

// The pid in a leader's name, "slipway-agent HOST PID ..."; 0 when nobody (or something else)
// leads.
qint64 leaderPid(const QString &leader) {
    static const QRegularExpression name(QStringLiteral("^slipway-agent \\S+ (\\d+)\\b"));
    const auto m = name.match(leader);
    return m.hasMatch() ? m.captured(1).toLongLong() : 0;
}

} // namespace

class TestAgent : public QObject {
    Q_OBJECT

    QTemporaryDir statusHome_;

    // `slipctl agent status --json`: the leader's name, empty when nobody leads.
    std::optional<QString> leader(const QStringList &database, const QString &home) {
        const auto r =
            test::runSlipctl(QStringList{QStringLiteral("agent"), QStringLiteral("status"),
                                         QStringLiteral("--json")} +
                                 database,
                             home);
        if (!r.finished || r.exitCode != 0) {
            qWarning("agent status: %s", r.err.constData());
            return std::nullopt;
        }
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        if (o.value(QStringLiteral("leading")).toBool() !=
            !o.value(QStringLiteral("leader")).toString().isEmpty())
            return std::nullopt;
        return o.value(QStringLiteral("leader")).toString();
    }

    QStringList agentArgs(const QStringList &database) const {
        return database + QStringList{QStringLiteral("--host"),           test::dockerHost(),
                                      QStringLiteral("--retry-seconds"),  QStringLiteral("0.3"),
                                      QStringLiteral("--period-seconds"), QStringLiteral("1")};
    }

    // Two agents on `database`; one must lead and the other follow; the leader is killed with
    // SIGKILL and the other takes over; `drop`, when given, ends the new leader's database
    // session, which must make it stop leading and lead again; then it stops on SIGTERM, exit 0,
    // and nobody leads.
    void leadershipMoves(const QStringList &database, const QString &homeA, const QString &homeB,
                         const std::function<bool(qint64 pid)> &drop = {}) {
        Agent a(agentArgs(database), homeA), b(agentArgs(database), homeB);
        QVERIFY(a.started());
        QVERIFY(b.started());
        qint64 first = 0;
        QVERIFY2(test::waitFor(
                     [&] {
                         const auto who = leader(database, statusHome_.path());
                         first = who ? leaderPid(*who) : 0;
                         return first == a.pid() || first == b.pid();
                     },
                     30s),
                 a.out() + a.err() + b.out() + b.err());
        Agent &lead = first == a.pid() ? a : b;
        Agent &follow = first == a.pid() ? b : a;
        QVERIFY2(
            test::waitFor([&] { return follow.says("following: the timed work is run by"); }, 30s),
            "lead: " + lead.out() + lead.err() + "\nfollow: " + follow.out() + follow.err());
        QVERIFY2(lead.says("leading: slipway-agent"), lead.out());
        QVERIFY2(!follow.says("leading:"), follow.out());
        QVERIFY2(follow.out().contains(QByteArray::number(lead.pid())), follow.out());

        lead.process().kill(); // SIGKILL: no chance to let go by itself
        QVERIFY(lead.process().waitForFinished(10000));
        QVERIFY2(test::waitFor([&] { return follow.says("leading: slipway-agent"); }, 30s),
                 follow.out());
        QVERIFY(test::waitFor(
            [&] {
                const auto who = leader(database, statusHome_.path());
                return who && leaderPid(*who) == follow.pid();
            },
            30s));

        if (drop) {
            QVERIFY(drop(follow.pid()));
            QVERIFY2(test::waitFor([&] { return follow.says("no longer leading"); }, 30s),
                     follow.out());
            QVERIFY2(test::waitFor(
                         [&] { return follow.out().count("leading: slipway-agent") == 2; }, 30s),
                     follow.out());
        }

        follow.process().terminate(); // SIGTERM
        QVERIFY(follow.process().waitForFinished(20000));
        QCOMPARE(follow.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(follow.process().exitCode(), 0);
        QVERIFY2(follow.says("stopping"), follow.out());
        QVERIFY(test::waitFor(
            [&] {
                const auto who = leader(database, statusHome_.path());
                return who && who->isEmpty();
            },
            30s));
    }

private slots:
    void initTestCase() {
        if (test::dockerHost().isEmpty())
            QFAIL(test::missingServicesMessage().constData());
    }

    void oneLeaderOnPostgres() {
        if (!test::TeamDatabase::available())
            QFAIL(test::TeamDatabase::missingMessage().constData());
        test::TeamDatabase db;
        QVERIFY2(db.ok(), qPrintable(db.error()));
        QTemporaryDir owner, homeA, homeB;
        auto r = test::runSlipctl({QStringLiteral("db"), QStringLiteral("migrate"),
                                   QStringLiteral("--database"), db.ownerUrl()},
                                  owner.path());
        QVERIFY2(r.finished && r.exitCode == 0, r.err.constData());
        const QString login = db.createLogin(QStringLiteral("agent"));
        QVERIFY2(!login.isEmpty(), qPrintable(db.error()));
        r = test::runSlipctl({QStringLiteral("db"), QStringLiteral("grant"), login,
                              QStringLiteral("operator"), QStringLiteral("--database"),
                              db.ownerUrl()},
                             owner.path());
        QVERIFY2(r.finished && r.exitCode == 0, r.err.constData());
        // Each agent has a desk of its own; the team database is what they share.
        // The server ends the leader's session (as a restart would): it stops, then leads again.
        const auto drop = [&](qint64 pid) {
            return db.exec(QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                                          " WHERE application_name LIKE 'slipway-agent % %1'")
                               .arg(pid));
        };
        leadershipMoves({QStringLiteral("--database"), db.urlAs(login)}, homeA.path(), homeB.path(),
                        drop);
    }

    void oneLeaderOnTheDesksFile() {
        QTemporaryDir home;
        const QString dataDir = home.filePath(QStringLiteral("slipway"));
        leadershipMoves({QStringLiteral("--data-dir"), dataDir}, home.path(), home.path());
    }

    void aFollowerDoesNoTimedWork() {
        if (test::registry().isEmpty())
            QFAIL(test::missingServicesMessage().constData());
        QTemporaryDir home;
        const QStringList data{QStringLiteral("--data-dir"), home.filePath(QStringLiteral("d"))};
        const QString app = QString::fromStdString(test::uniqueName("agentA"));
        auto direct = test::makeClient();
        engine::Filters mine;
        mine["label"] = {"slipway.app=" + app.toStdString()};
        const auto containers = [&] {
            auto r = direct->containers(true, mine).wait();
            return r ? r.value() : std::vector<engine::ContainerSummary>{};
        };
        const auto cleanup = qScopeGuard([&] {
            for (const auto &c : containers())
                (void)direct->removeContainer(c.id, true).wait();
        });
        const auto deployed = test::runSlipctl(
            QStringList{
                QStringLiteral("deploy"), app, QStringLiteral("--env"), QStringLiteral("t"),
                QStringLiteral("--image"), test::registry() + QStringLiteral("/slipway/web:1.0.0"),
                QStringLiteral("--replicas"), QStringLiteral("2"), QStringLiteral("--publish"),
                QStringLiteral("127.0.0.1:0:8080"), QStringLiteral("--host"), test::dockerHost()} +
                data,
            home.path());
        QVERIFY2(deployed.finished && deployed.exitCode == 0, deployed.err.constData());
        QCOMPARE(int(containers().size()), 2);

        Agent a(agentArgs(data), home.path()), b(agentArgs(data), home.path());
        QVERIFY(a.started());
        QVERIFY(b.started());
        QVERIFY2(test::waitFor(
                     [&] {
                         return (a.says("leading:") && b.says("following: the timed work")) ||
                                (b.says("leading:") && a.says("following: the timed work"));
                     },
                     30s),
                 a.out() + b.out());
        Agent &lead = a.says("leading:") ? a : b;
        Agent &follow = a.says("leading:") ? b : a;

        const std::string victim = containers().front().id;
        const auto killed = direct->killContainer(victim).wait();
        QVERIFY2(killed, test::describe(killed).constData());
        const auto stateOf = [&](const std::string &id) {
            for (const auto &c : containers())
                if (c.id == id)
                    return c.state;
            return std::string("gone");
        };
        QVERIFY2(test::waitFor([&] { return stateOf(victim) == "running"; }, 30s),
                 lead.out() + follow.out());
        // Both keep running a while (several of their 1 s periods): nobody starts it twice.
        QTest::qWait(4000);
        QVERIFY2(lead.says("reconcile "), lead.out());
        QVERIFY2(!follow.out().contains("reconcile "), follow.out());

        auto store = core::Store::open(home.filePath(QStringLiteral("d/slipway.sqlite")));
        QVERIFY(store);
        int restarts = 0;
        for (const auto &e : store->audit(1000))
            if (e.action == QLatin1String("app.reconcile") &&
                e.target.startsWith(app + QLatin1Char('/')))
                ++restarts;
        QCOMPARE(restarts, 1);
        QCOMPARE(int(containers().size()), 2);
        lead.process().terminate();
        follow.process().terminate();
        QVERIFY(lead.process().waitForFinished(20000));
        QVERIFY(follow.process().waitForFinished(20000));
        QCOMPARE(lead.process().exitCode(), 0);
        QCOMPARE(follow.process().exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAgent)
#include "tst_agent.moc"
