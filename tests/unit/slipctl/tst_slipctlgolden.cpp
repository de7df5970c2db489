// What `slipctl ps` and `slipctl stats` print, byte for byte, for every option they take (table
// and --json, filters, a host that cannot be reached, refused input), against two scripted
// engines that answer as a real one would: the output is compared with the golden files in
// tests/data/golden/slipctl/, so that a change in how the commands get their data does not change
// what they print. `stats` prints the same again when a sampler of the desk (an agent, a Slipway
// window) answers for all or some containers instead of the engines (core/metrics/warmstats.h).
// SLIPWAY_UPDATE_GOLDEN=1 rewrites the files from the current binary.
#include "core/metrics/usagemath.h"
#include "core/metrics/warmstats.h"
#include "engine/statsparser.h"
#include "tests/support/fakeengine.h"
#include "tests/support/slipctlrun.h"

#include <QDir>
#include <QFile>
#include <QLocalServer>
#include <QLocalSocket>
#include <QRegularExpression>
#include <QSemaphore>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>
#include <set>
#include <string>
#include <vector>

using namespace slipway;
using test::FakeEngine;

namespace {

struct Port {
    const char *ip;
    int privatePort;
    int publicPort;
    const char *type;
};

struct Fixture {
    const char *id;
    const char *name;
    const char *state;
    const char *status;
    const char *image;
    std::vector<std::pair<const char *, const char *>> labels;
    std::vector<Port> ports;
    // Stats, for a running container: CPU ns now and one tick earlier, memory, I/O.
    long long cpu = 0, precpu = 0;
    long long memory = 0, inactive = 0, limit = 0;
    long long rx = 0, tx = 0, read = 0, write = 0, pids = 0;
};

std::string hexId(char c) {
    return std::string(64, c);
}

// Two engines' containers: running, exited, created and paused, with and without the
// application labels, with ports published twice (IPv4 and IPv6) and not at all.
const std::vector<std::vector<Fixture>> &fleet() {
    static const std::vector<std::vector<Fixture>> hosts = {
        {
            {"a",
             "web-1",
             "running",
             "Up 2 hours",
             "registry.local/web:1.4.2",
             {{"slipway.app", "web"}, {"slipway.env", "prod"}, {"tier", "front"}},
             {{"0.0.0.0", 80, 8080, "tcp"}, {"::", 80, 8080, "tcp"}, {"", 443, 0, "tcp"}},
             5000000000,
             4500000000,
             73400320,
             1048576,
             1073741824,
             1532,
             20480,
             4096000,
             123456789,
             7},
            {"b",
             "api-1",
             "running",
             "Up 5 minutes",
             "registry.local/api:2.0.0",
             {{"slipway.app", "api"}, {"slipway.env", "prod"}},
             {},
             9000000000,
             8000000000,
             268435456,
             0,
             536870912,
             999,
             1000,
             0,
             0,
             31},
            {"c",
             "web-2",
             "exited",
             "Exited (0) 3 days ago",
             "registry.local/web:1.4.1",
             {{"slipway.app", "web"}, {"slipway.env", "staging"}},
             {}},
            {"d",
             "db",
             "running",
             "Up 12 days (healthy)",
             "postgres:16",
             {{"tier", "back"}},
             {{"127.0.0.1", 5432, 15432, "udp"}},
             100000000,
             99000000,
             1610612736,
             10485760,
             0,
             2500000000,
             1250000000,
             999999,
             1000000000000,
             12},
            {"e", "old", "created", "Created", "busybox:1", {}, {}},
        },
        {
            {"f",
             "cache",
             "running",
             "Up 1 second",
             "redis:7",
             {{"slipway.app", "web"}, {"slipway.env", "prod"}, {"tier", "front"}},
             {{"0.0.0.0", 6379, 6379, "tcp"}},
             2000000000,
             1990000000,
             1024,
             0,
             2147483648,
             0,
             0,
             0,
             0,
             1},
            {"g",
             "jobs",
             "paused",
             "Up 4 hours (Paused)",
             "registry.local/batch:0.9",
             {{"slipway.app", "batch"}, {"slipway.env", "dev"}},
             {}},
        },
    };
    return hosts;
}

std::string quoted(const std::string &s) {
    return "\"" + s + "\"";
}

std::string listEntry(const Fixture &c) {
    std::string labels, ports;
    for (const auto &[k, v] : c.labels)
        labels += std::string(labels.empty() ? "" : ",") + quoted(k) + ":" + quoted(v);
    for (const Port &p : c.ports) {
        ports += std::string(ports.empty() ? "" : ",") + "{";
        if (*p.ip)
            ports += "\"IP\":" + quoted(p.ip) + ",";
        ports += "\"PrivatePort\":" + std::to_string(p.privatePort) + ",";
        if (p.publicPort)
            ports += "\"PublicPort\":" + std::to_string(p.publicPort) + ",";
        ports += "\"Type\":" + quoted(p.type) + "}";
    }
    return "{\"Id\":" + quoted(hexId(*c.id)) + ",\"Names\":[" + quoted(std::string("/") + c.name) +
           "],\"Image\":" + quoted(c.image) +
           ",\"ImageID\":" + quoted("sha256:" + std::string(64, char(*c.id + 1))) +
           ",\"Command\":\"/entrypoint.sh run\",\"Created\":1764000000,\"State\":" +
           quoted(c.state) + ",\"Status\":" + quoted(c.status) + ",\"Ports\":[" + ports +
           "],\"Labels\":{" + labels + "}}";
}

// A stats reply as the engine sends it for stream=0: this tick in cpu_stats, the previous one in
// precpu_stats (one second and 2 CPUs' worth of system time apart).
std::string statsReply(const Fixture &c) {
    const auto n = [](long long v) {
        return std::to_string(v);
    };
    const long long system = 100000000000000LL;
    return "{\"read\":\"2026-12-01T10:00:01.5Z\",\"preread\":\"2026-12-01T10:00:00.5Z\","
           "\"pids_stats\":{\"current\":" +
           n(c.pids) +
           "},\"blkio_stats\":{\"io_service_bytes_recursive\":[{\"major\":8,\"minor\":0,\"op\":"
           "\"Read\",\"value\":" +
           n(c.read) + "},{\"major\":8,\"minor\":0,\"op\":\"Write\",\"value\":" + n(c.write) +
           "}]},\"cpu_stats\":{\"cpu_usage\":{\"total_usage\":" + n(c.cpu) +
           "},\"system_cpu_usage\":" + n(system + 2000000000LL) +
           ",\"online_cpus\":2},\"precpu_stats\":{\"cpu_usage\":{\"total_usage\":" + n(c.precpu) +
           "},\"system_cpu_usage\":" + n(system) +
           ",\"online_cpus\":2},\"memory_stats\":{\"usage\":" + n(c.memory) +
           ",\"stats\":{\"total_inactive_file\":" + n(c.inactive) + "},\"limit\":" + n(c.limit) +
           "},\"name\":\"/" + c.name + "\",\"id\":" + quoted(hexId(*c.id)) +
           ",\"networks\":{\"eth0\":{\"rx_bytes\":" + n(c.rx) + ",\"tx_bytes\":" + n(c.tx) + "}}}";
}

// What the engine's list answers: `all` or only running ones, every `status` (any of them)
// and every `label` (KEY or KEY=VALUE, all of them), as the engine's own filters do.
struct Query {
    bool all = false;
    std::set<std::string> states;
    std::vector<std::string> labels;
};

bool answers(const Query &query, const Fixture &c) {
    if (!query.states.empty()) {
        if (!query.states.count(c.state))
            return false;
    } else if (!query.all && std::string(c.state) != "running") {
        return false;
    }
    for (const std::string &label : query.labels) {
        const auto eq = label.find('=');
        const std::string key = label.substr(0, eq);
        bool found = false;
        for (const auto &[k, v] : c.labels)
            found = found || (key == k && (eq == std::string::npos || label.substr(eq + 1) == v));
        if (!found)
            return false;
    }
    return true;
}

FakeEngine::Reply ping() {
    auto reply = FakeEngine::respond(200, "OK", "text/plain");
    reply.headers.emplace_back("Api-Version", "1.41");
    return reply;
}

// A container's figures as a sampler of the desk holds them: the very numbers the cold path
// computes from the engine's reply, so that both must print alike.
core::warmstats::Sample warmSample(const Fixture &c) {
    namespace um = core::usagemath;
    const auto parsed = engine::parseStatsSample(statsReply(c));
    bool valid = false;
    const um::Reading previous = um::previousFromSample(parsed.value(), &valid);
    const um::Reading current = um::fromSample(parsed.value());
    return {QString::fromStdString(hexId(*c.id)),
            um::containerPoint(valid ? &previous : nullptr, current, 0), current};
}

// Answers slipctl at `socket` from a thread of its own, as an agent would: per engine ID, the
// samples it holds.
class WarmServer : public QThread {
public:
    WarmServer(QString socket, QHash<QString, QList<core::warmstats::Sample>> byEngine)
        : socket_(std::move(socket)), byEngine_(std::move(byEngine)) {}
    ~WarmServer() override {
        quit();
        wait();
    }
    bool begin() {
        start();
        ready_.acquire();
        return listening_;
    }
    int asked() const { return asked_.loadAcquire(); }

protected:
    void run() override {
        QLocalServer server;
        listening_ = server.listen(socket_);
        ready_.release();
        if (!listening_)
            return;
        QObject::connect(&server, &QLocalServer::newConnection, [&] {
            QLocalSocket *peer = server.nextPendingConnection();
            QObject::connect(peer, &QLocalSocket::disconnected, peer, &QObject::deleteLater);
            QObject::connect(peer, &QLocalSocket::readyRead, [this, peer] {
                if (!peer->canReadLine())
                    return;
                asked_.fetchAndAddOrdered(1);
                const auto request = core::warmstats::decodeRequest(peer->readLine());
                QList<core::warmstats::Sample> answer;
                if (request)
                    for (const auto &s : byEngine_.value(request->engineId))
                        if (request->containerIds.contains(s.containerId))
                            answer.append(s);
                peer->write(core::warmstats::encodeAnswer(answer));
                peer->disconnectFromServer();
            });
        });
        exec();
    }

private:
    QString socket_;
    QHash<QString, QList<core::warmstats::Sample>> byEngine_;
    QSemaphore ready_;
    bool listening_ = false;
    QAtomicInt asked_;
};

// Who measures `stats`: the engines (as before), a sampler of the desk for every container, or
// a sampler that lacks one of them (slipctl measures that one itself).
enum class Warm { No, All, AllButDb };

} // namespace

class TestSlipctlGolden : public QObject {
    Q_OBJECT

    QTemporaryDir home_;

    static QString goldenDir() { return QStringLiteral(SLIPWAY_TEST_DATA "/golden/slipctl"); }

private slots:
    void initTestCase() { QVERIFY(home_.isValid()); }

    void printsAsBefore_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<bool>("all");
        QTest::addColumn<QStringList>("states");
        QTest::addColumn<QStringList>("labels");
        QTest::addColumn<bool>("unreachable"); // a third host nobody answers at
        QTest::addColumn<int>("warm");

        const auto row = [](const char *file, const QStringList &args, bool all = false,
                            const QStringList &states = {}, const QStringList &labels = {},
                            bool unreachable = false) {
            const bool stats = args.first() == QLatin1String("stats");
            for (const Warm warm : {Warm::No, Warm::All, Warm::AllButDb}) {
                if (warm != Warm::No && !stats)
                    continue;
                for (const bool json : {false, true}) {
                    QStringList a = args;
                    if (json)
                        a << QStringLiteral("--json");
                    const QString golden =
                        QString::fromLatin1(file) + (json ? QStringLiteral(".json") : QString());
                    const char *how = warm == Warm::All        ? " (sampler)"
                                      : warm == Warm::AllButDb ? " (sampler without db)"
                                                               : "";
                    QTest::newRow(qPrintable(golden + QLatin1String(how)))
                        << golden << a << all << states << labels << unreachable << int(warm);
                }
            }
        };
        // ps: what the engine is asked for decides its answer (see Query); the client-side
        // filters (several --app or --env) and the sorting are slipctl's own.
        row("ps", {"ps"});
        row("ps-all", {"ps", "--all"}, true);
        row("ps-a", {"ps", "-a"}, true);
        row("ps-app", {"ps", "-a", "--app", "web"}, true, {}, {"slipway.app=web"});
        row("ps-apps", {"ps", "-a", "--app", "web", "--app", "batch"}, true);
        row("ps-env", {"ps", "--env", "prod"}, false, {}, {"slipway.env=prod"});
        row("ps-envs", {"ps", "-a", "--env", "prod", "--env", "staging"}, true);
        row("ps-app-env", {"ps", "-a", "--app", "web", "--env", "prod"}, true, {},
            {"slipway.app=web", "slipway.env=prod"});
        row("ps-state", {"ps", "--state", "exited"}, true, {"exited"});
        row("ps-states", {"ps", "--state", "Running,paused", "--state", "created"}, true,
            {"running", "paused", "created"});
        row("ps-label", {"ps", "-a", "--label", "tier=front"}, true, {}, {"tier=front"});
        row("ps-label-key", {"ps", "--label", "tier", "--label", "slipway.app"}, false, {},
            {"tier", "slipway.app"});
        row("ps-host-name", {"ps", "-a", "--host-name", "HOST2"}, true);
        row("ps-unreachable", {"ps", "-a"}, true, {}, {}, true);
        row("ps-bad-state", {"ps", "--state", "sleeping"});
        row("ps-bad-label", {"ps", "--label", "a b=c"});
        row("ps-empty-app", {"ps", "--app="});
        row("ps-bad-host-name", {"ps", "--host-name", "nowhere"});
        // stats: running containers only; one --app / --env goes to the engine as a label.
        row("stats", {"stats"});
        row("stats-app", {"stats", "--app", "web"}, false, {}, {"slipway.app=web"});
        row("stats-apps", {"stats", "--app", "web", "--app", "api"});
        row("stats-env", {"stats", "--env", "prod"}, false, {}, {"slipway.env=prod"});
        row("stats-envs", {"stats", "--env", "prod", "--env", "dev"});
        row("stats-host-name", {"stats", "--host-name", "HOST1"});
        row("stats-unreachable", {"stats"}, false, {}, {}, true);
        row("stats-empty-env", {"stats", "--env="});
        row("stats-bad-host-name", {"stats", "--host-name", "nowhere"});
    }

    void printsAsBefore() {
        QFETCH(QString, file);
        QFETCH(QStringList, args);
        QFETCH(bool, all);
        QFETCH(QStringList, states);
        QFETCH(QStringList, labels);
        QFETCH(bool, unreachable);
        QFETCH(int, warm);

        Query query{all, {}, {}};
        for (const QString &s : states)
            query.states.insert(s.toStdString());
        for (const QString &l : labels)
            query.labels.push_back(l.toStdString());

        std::vector<std::unique_ptr<FakeEngine>> engines;
        QHash<QString, QList<core::warmstats::Sample>> sampled; // what the desk's sampler holds
        for (const auto &containers : fleet()) {
            auto engine = std::make_unique<FakeEngine>();
            QVERIFY2(engine->listening(), engine->errorString().c_str());
            engine->on("/_ping", ping());
            const std::string engineId = "ENGINE" + std::to_string(engines.size() + 1);
            engine->on(
                "/v1.41/info",
                FakeEngine::json(200, R"({"ID":")" + engineId +
                                          R"(","NCPU":4,"MemTotal":8589934592,"Name":"x"})"));
            std::string list;
            for (const Fixture &c : containers) {
                if (answers(query, c))
                    list += (list.empty() ? "" : ",") + listEntry(c);
                if (std::string(c.state) == "running") {
                    engine->on("/v1.41/containers/" + hexId(*c.id) + "/stats",
                               FakeEngine::json(200, statsReply(c)));
                    if (!(Warm(warm) == Warm::AllButDb && std::string(c.name) == "db"))
                        sampled[QString::fromStdString(engineId)].append(warmSample(c));
                }
            }
            engine->on("/v1.41/containers/json", FakeEngine::json(200, "[" + list + "]"));
            engines.push_back(std::move(engine));
        }

        // The hosts are named by their URLs, which change from run to run: the golden files
        // hold HOST1, HOST2 (and HOST3, the unreachable one) instead.
        QStringList urls;
        for (const auto &e : engines)
            urls << QString::fromStdString(e->url());
        if (unreachable)
            urls << QStringLiteral("unix://") +
                        QString::fromStdString(engines[0]->missingSocketPath());
        QStringList full;
        for (QString a : args) {
            for (int i = 0; i < urls.size(); ++i)
                a.replace(QStringLiteral("HOST%1").arg(i + 1), urls[i]);
            full << a;
        }
        for (const QString &url : urls)
            full << QStringLiteral("--host") << url;

        QTemporaryDir desk;
        std::unique_ptr<WarmServer> sampler;
        if (Warm(warm) != Warm::No) {
            QVERIFY(desk.isValid());
            full << QStringLiteral("--data-dir") << desk.path();
            sampler = std::make_unique<WarmServer>(
                core::warmstats::socketPath(desk.filePath(QStringLiteral("slipway.sqlite"))),
                sampled);
            QVERIFY(sampler->begin());
        }

        const test::SlipctlRun r = test::runSlipctl(full, home_.path());
        QVERIFY(r.finished);
        // With a sampler, the engines are asked for no stats but of what it lacks.
        int dbAsked = 0;
        for (const auto &e : engines)
            for (const auto &containers : fleet())
                for (const Fixture &c : containers) {
                    const int hits = e->hits("/v1.41/containers/" + hexId(*c.id) + "/stats");
                    if (std::string(c.name) == "db")
                        dbAsked += hits;
                    else if (Warm(warm) != Warm::No)
                        QCOMPARE(hits, 0);
                }
        if (Warm(warm) == Warm::AllButDb && r.out.contains(hexId('d').substr(0, 12).c_str()))
            QVERIFY(dbAsked > 0);
        if (Warm(warm) == Warm::All)
            QCOMPARE(dbAsked, 0);
        QString text = QStringLiteral("exit %1\n--- stdout\n%2--- stderr\n%3")
                           .arg(r.exitCode)
                           .arg(QString::fromUtf8(r.out), QString::fromUtf8(r.err));
        for (int i = urls.size() - 1; i >= 0; --i) {
            text.replace(urls[i], QStringLiteral("HOST%1").arg(i + 1));
            // Paths inside error messages, without the scheme.
            text.replace(urls[i].mid(int(qstrlen("unix://"))), QStringLiteral("HOST%1").arg(i + 1));
        }

        // The HOST column is as wide as the longest URL, which depends on TMPDIR.
        static const QRegularExpression hostColumn(QStringLiteral("^(HOST\\d?) {3,}"),
                                                   QRegularExpression::MultilineOption);
        text.replace(hostColumn, QStringLiteral("\\1   "));

        const QString path = goldenDir() + QLatin1Char('/') + file + QStringLiteral(".txt");
        if (qEnvironmentVariableIsSet("SLIPWAY_UPDATE_GOLDEN")) {
            QVERIFY(QDir().mkpath(goldenDir()));
            QFile out(path);
            QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
            out.write(text.toUtf8());
            return;
        }
        QFile golden(path);
        QVERIFY2(golden.open(QIODevice::ReadOnly),
                 qPrintable(path + QStringLiteral(" is missing")));
        const QString expected = QString::fromUtf8(golden.readAll());
        if (text != expected) {
            const QStringList got = text.split(QLatin1Char('\n'));
            const QStringList want = expected.split(QLatin1Char('\n'));
            for (qsizetype i = 0; i < std::max(got.size(), want.size()); ++i) {
                const QString g = got.value(i), w = want.value(i);
                if (g != w)
                    QFAIL(qPrintable(QStringLiteral("%1 line %2:\n  got:  %3\n  want: %4")
                                         .arg(path)
                                         .arg(i + 1)
                                         .arg(g, w)));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestSlipctlGolden)
#include "tst_slipctlgolden.moc"
