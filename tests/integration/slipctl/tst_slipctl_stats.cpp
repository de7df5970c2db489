// `slipctl stats` as a user runs it: the real binary against the private engine, with a
// container of this run burning CPU and one idle. One snapshot lists each running container
// of the application with CPU (as docker stats: the burner clearly above the idle one), memory
// net of cache and its limit, and each host's share of its capacity; --app and --host-name
// narrow it; bad values are refused before any call. With `slipctl agent --serve-stats` running
// on the same desk, it prints the agent's own figures (no engine round), and measures again by
// itself once the agent is gone.
#include "core/metrics/warmstats.h"
#include "tests/support/fakeengine.h"
#include "tests/support/testenv.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <csignal>

using namespace slipway;

namespace {

struct Run {
    int exitCode = -1;
    bool finished = false;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestSlipctlStats : public QObject {
    Q_OBJECT

    QTemporaryDir home_;
    std::unique_ptr<engine::DockerClient> client_;
    QString app_;
    QString burner_, idle_;
    QStringList created_;

    Run slipctl(const QStringList &args, const QProcessEnvironment &extra = {}) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"DOCKER_HOST", "DOCKER_TLS_VERIFY", "DOCKER_CERT_PATH",
                                 "DOCKER_CONFIG", "DOCKER_CONTEXT"})
            env.remove(QString::fromLatin1(name));
        env.insert(QStringLiteral("HOME"), home_.path());
        env.insert(QStringLiteral("XDG_DATA_HOME"), home_.filePath(QStringLiteral("data")));
        for (const auto &key : extra.keys())
            env.insert(key, extra.value(key));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(SLIPWAY_SLIPCTL), args);
        Run r;
        r.finished = p.waitForFinished(60000); // bounded: a hang fails the test
        if (!r.finished)
            p.kill();
        r.exitCode = p.exitCode();
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

    QString run(const std::string &name, const std::vector<std::string> &cmd) {
        engine::ContainerCreate spec;
        spec.name = test::uniqueName(name);
        spec.image = "slipway/base:1";
        spec.cmd = cmd;
        spec.labels = {{"slipway.app", app_.toStdString()},
                       {"slipway.env", "test"},
                       {"slipway.test", "slipctl-stats"}};
        auto created = test::waitFor(client_->createContainer(spec), std::chrono::seconds(60));
        if (!created || !created->ok())
            return {};
        created_.append(QString::fromStdString(created->value()));
        auto started =
            test::waitFor(client_->startContainer(created->value()), std::chrono::seconds(60));
        return started && started->ok() ? QString::fromStdString(created->value()) : QString();
    }

    QJsonObject statsJson(const QStringList &args) {
        Run r = slipctl(QStringList{"stats", "--json", "--host", test::dockerHost()} + args);
        if (!r.finished || r.exitCode != 0) {
            qWarning("slipctl stats: exit %d: %s", r.exitCode, r.err.constData());
            return {};
        }
        return QJsonDocument::fromJson(r.out).object();
    }

private slots:
    void initTestCase() {
        if (test::dockerHost().isEmpty())
            QFAIL(test::missingServicesMessage().constData());
        QVERIFY(home_.isValid());
        client_ = test::makeClient();
        QVERIFY(client_);
        app_ = QStringLiteral("statsapp%1").arg(QCoreApplication::applicationPid());
        burner_ = run("slipctl-stats-burner", {"sh", "-c", "while :; do :; done"});
        idle_ = run("slipctl-stats-idle", {"sleep", "3600"});
        QVERIFY(!burner_.isEmpty() && !idle_.isEmpty());
    }

    void cleanupTestCase() {
        for (const QString &id : std::as_const(created_))
            (void)test::waitFor(client_->removeContainer(id.toStdString(), true),
                                std::chrono::seconds(30));
    }

    void oneSnapshotPerContainerAndHost() {
        const QJsonObject doc = statsJson({"--app", app_});
        const QJsonArray containers = doc["containers"].toArray();
        QCOMPARE(containers.size(), 2); // only this application's
        QJsonObject burner, idle;
        for (const auto &v : containers) {
            const QJsonObject o = v.toObject();
            QCOMPARE(o["app"].toString(), app_);
            QCOMPARE(o["env"].toString(), QStringLiteral("test"));
            QCOMPARE(o["host"].toString(), test::dockerHost());
            (o["id"].toString() == burner_ ? burner : idle) = o;
        }
        QCOMPARE(idle["id"].toString(), idle_);
        QCOMPARE(burner["id"].toString(), burner_);
        // Two readings a tick apart, as docker stats --no-stream: the busy loop shows.
        QVERIFY2(burner["cpuPercent"].toDouble() > idle["cpuPercent"].toDouble() + 1,
                 qPrintable(QStringLiteral("burner %1 %, idle %2 %")
                                .arg(burner["cpuPercent"].toDouble())
                                .arg(idle["cpuPercent"].toDouble())));
        QVERIFY(idle["cpuPercent"].toDouble() < 5);
        for (const QJsonObject &o : {burner, idle}) {
            QVERIFY(o["memoryBytes"].toDouble() > 0);
            QVERIFY(o["memoryLimitBytes"].toDouble() > o["memoryBytes"].toDouble());
            QVERIFY(qAbs(o["memoryPercent"].toDouble() -
                         o["memoryBytes"].toDouble() / o["memoryLimitBytes"].toDouble() * 100) <
                    1e-6);
        }

        // The host: this application's containers, of its capacity.
        const QJsonArray hosts = doc["hosts"].toArray();
        QCOMPARE(hosts.size(), 1);
        const QJsonObject host = hosts.first().toObject();
        QCOMPARE(host["containers"].toInt(), 2);
        const int cpus = host["cpus"].toInt();
        QVERIFY(cpus > 0);
        const double cpuSum = burner["cpuPercent"].toDouble() + idle["cpuPercent"].toDouble();
        QVERIFY(qAbs(host["cpuPercent"].toDouble() - cpuSum / cpus) < 1e-6);
        const double memSum = burner["memoryBytes"].toDouble() + idle["memoryBytes"].toDouble();
        QVERIFY(qAbs(host["memoryPercent"].toDouble() -
                     memSum / host["memoryTotal"].toDouble() * 100) < 1e-6);
    }

    void theTableShowsContainersThenHosts() {
        Run r = slipctl({"stats", "--host", test::dockerHost(), "--app", app_});
        QVERIFY(r.finished);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QList<QByteArray> blocks = r.out.trimmed().split('\n');
        // Header, two containers, a blank line, header, one host.
        QCOMPARE(blocks.size(), 6);
        QVERIFY(blocks[0].contains("CPU %") && blocks[0].contains("MEM USAGE / LIMIT"));
        QVERIFY(r.out.contains(burner_.left(12).toUtf8()));
        QVERIFY(r.out.contains(idle_.left(12).toUtf8()));
        QVERIFY(blocks[4].contains("CPUS"));
        QVERIFY(blocks[5].startsWith(test::dockerHost().toUtf8()));
    }

    void byHostName() {
        QProcessEnvironment env;
        env.insert(QStringLiteral("DOCKER_HOST"), test::dockerHost());
        Run r = slipctl({"stats", "--json", "--host-name", "DOCKER_HOST", "--app", app_}, env);
        QVERIFY(r.finished);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(doc["containers"].toArray().size(), 2);
        QCOMPARE(doc["hosts"].toArray().first().toObject()["host"].toString(),
                 QStringLiteral("DOCKER_HOST"));
        Run unknown = slipctl({"stats", "--host-name", "no-such-host"}, env);
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains("no-such-host"), unknown.err.constData());
    }

    void nothingMatchesIsEmptyNotAnError() {
        const QJsonObject doc = statsJson({"--app", app_ + QStringLiteral("-none")});
        QVERIFY(doc.contains("containers"));
        QCOMPARE(doc["containers"].toArray().size(), 0);
        QCOMPARE(doc["hosts"].toArray().first().toObject()["containers"].toInt(), 0);
    }

    void servedByARunningAgent() {
        const QString desk = home_.filePath(QStringLiteral("agentdesk"));
        QProcess agent;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home_.path());
        env.remove(QStringLiteral("DOCKER_HOST"));
        agent.setProcessEnvironment(env);
        agent.start(QStringLiteral(SLIPWAY_SLIPCTL),
                    {"agent", "--serve-stats", "--stats-interval-seconds", "5", "--host",
                     test::dockerHost(), "--data-dir", desk, "--timeout", "240"});
        QVERIFY(agent.waitForStarted(10000));
        const auto stopAgent = qScopeGuard([&] {
            if (agent.state() != QProcess::NotRunning) {
                agent.kill();
                agent.waitForFinished(10000);
            }
        });
        QByteArray log;
        QVERIFY2(test::waitFor(
                     [&] {
                         agent.waitForReadyRead(100);
                         log += agent.readAllStandardOutput();
                         return log.contains("serving utilization");
                     },
                     std::chrono::seconds(60)),
                 log.constData());
        const QString socket =
            core::warmstats::socketPath(desk + QStringLiteral("/slipway.sqlite"));
        QVERIFY2(log.contains(socket.toUtf8()), log.constData());

        auto info = test::waitFor(client_->info(), std::chrono::seconds(30));
        QVERIFY(info && info->ok());
        const core::warmstats::Request request{QString::fromStdString(info->value().id),
                                               {burner_, idle_}};
        const auto served = [&] {
            return core::warmstats::ask(socket, request, std::chrono::seconds(10));
        };
        // Both measured twice by the agent's sampler.
        QVERIFY(test::waitFor(
            [&] {
                const auto s = served();
                return s && s->contains(burner_) && s->contains(idle_);
            },
            std::chrono::seconds(60)));

        // What slipctl prints is what the agent holds (asked just before and after: the same
        // round, rounds being 5 s apart here), not a snapshot of its own.
        bool compared = false;
        for (int attempt = 0; attempt < 10 && !compared; ++attempt) {
            const auto before = served();
            Run r = slipctl({"stats", "--json", "--host", test::dockerHost(), "--data-dir", desk,
                             "--app", app_});
            const auto after = served();
            QVERIFY(r.finished);
            QVERIFY2(r.exitCode == 0, r.err.constData());
            QVERIFY(before && after && before->contains(burner_) && after->contains(burner_));
            if (before->value(burner_).usage.atMs != after->value(burner_).usage.atMs)
                continue; // a round ended meanwhile
            const QJsonArray containers =
                QJsonDocument::fromJson(r.out).object()["containers"].toArray();
            QCOMPARE(containers.size(), 2);
            for (const auto &v : containers) {
                const QJsonObject o = v.toObject();
                const core::warmstats::Sample held = before->value(o["id"].toString());
                QCOMPARE(o["cpuPercent"].toDouble(), held.usage.cpuPercent);
                QCOMPARE(o["memoryBytes"].toDouble(), held.usage.memoryBytes);
                QCOMPARE(o["netRxBytes"].toDouble(), double(held.counters.netRx));
            }
            // As docker stats shows it: the busy loop well above the idle container.
            QVERIFY(before->value(burner_).usage.cpuPercent >
                    before->value(idle_).usage.cpuPercent + 1);
            compared = true;
        }
        QVERIFY2(compared, "every slipctl run straddled one of the agent's rounds");

        // The agent stops: its socket goes with it, and slipctl measures by itself again.
        ::kill(pid_t(agent.processId()), SIGTERM);
        QVERIFY(agent.waitForFinished(30000));
        QCOMPARE(agent.exitCode(), 0);
        QVERIFY(!QFile::exists(socket));
        const QJsonObject doc = statsJson({"--data-dir", desk, "--app", app_});
        QCOMPARE(doc["containers"].toArray().size(), 2);
    }

    void problemsAreReported() {
        // Refused before any call: the error would otherwise be the dead socket's.
        const QString dead = QStringLiteral("unix:///nonexistent/slipway-stats-test.sock");
        Run empty = slipctl({"stats", "--host", dead, "--app", ""});
        QCOMPARE(empty.exitCode, 2);
        QVERIFY2(empty.err.contains("--app"), empty.err.constData());
        QVERIFY(!empty.err.contains("nonexistent"));
        // A dead host: named on stderr, exit 1, never a hang.
        Run down = slipctl({"stats", "--host", dead, "--timeout", "3"});
        QVERIFY(down.finished);
        QCOMPARE(down.exitCode, 1);
        QVERIFY2(down.err.contains("nonexistent"), down.err.constData());
    }
};

QTEST_MAIN(TestSlipctlStats)
#include "tst_slipctl_stats.moc"
