// bench_team: team mode across processes on the private PostgreSQL. (a) How long a change made
// by one process takes to show in another's view: a child process pauses and resumes one
// application's reconcile 50 times, and this process's ChangeFeed-driven reload reads the row
// each time it is told; p50/p95/max from the commit to the reload that sees it. (b) Optimistic
// locking: 100 trials of two child processes resuming the same pause from the same reading at
// once, counting the winners of each trial (one, always, is the claim). See docs/performance.md.
#include "core/deploy/reconcilesettings.h"
#include "core/store/changefeed.h"
#include "core/store/store.h"
#include "tests/support/teamdatabase.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <iostream>
#include <string>

using namespace slipway;

namespace {

// CLOCK_MONOTONIC: one clock for every process of this machine.
qint64 nowUs() {
    return std::chrono::duration_cast<std::chrono::microseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

double percentile(std::vector<double> v, double p) {
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t i = std::min(v.size() - 1, size_t(p * double(v.size() - 1) + 0.5));
    return v[i];
}

std::unique_ptr<core::Store> openDesk(const QString &path, const QString &url) {
    QString error;
    auto store = core::Store::open(core::StoreLocation{path, url, {}}, &error);
    if (!store)
        std::fprintf(stderr, "bench_team: %s\n", qPrintable(error));
    return store;
}

// Child (a): `count` changes `intervalMs` apart, each printed as "VERSION MICROSECONDS" once
// committed.
int writer(const QString &path, const QString &url, int count, int intervalMs) {
    auto store = openDesk(path, url);
    if (!store)
        return 1;
    core::ReconcileSettings settings(store->database());
    for (int i = 0; i < count; ++i) {
        QString error;
        if (!settings.setPaused(QStringLiteral("shop"), QStringLiteral("prod"), i % 2 == 0,
                                QStringLiteral("bench"), &error)) {
            std::fprintf(stderr, "bench_team: %s\n", qPrintable(error));
            return 1;
        }
        const qint64 at = nowUs();
        const auto now = settings.pause(QStringLiteral("shop"), QStringLiteral("prod"));
        std::printf("%d %lld\n", now ? now->version : 0, static_cast<long long>(at));
        std::fflush(stdout);
        QThread::msleep(static_cast<unsigned long>(intervalMs));
    }
    return 0;
}

// Child (b): opens its desk, says "ready", waits for a line on stdin, then resumes from
// `readVersion`; prints "won" or "lost: <why>".
int contender(const QString &path, const QString &url, int readVersion, const QString &who) {
    auto store = openDesk(path, url);
    if (!store)
        return 1;
    std::printf("ready\n");
    std::fflush(stdout);
    std::string line;
    std::getline(std::cin, line);
    QString error;
    const bool won = core::ReconcileSettings(store->database())
                         .setPaused(QStringLiteral("shop"), QStringLiteral("prod"), false, who,
                                    &error, readVersion);
    std::printf("%s\n", won ? "won" : qPrintable(QStringLiteral("lost: ") + error));
    return 0;
}

bool waitFor(const std::function<bool()> &done, int timeoutMs) {
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return done();
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Team mode across processes (PostgreSQL)."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("changes"), QStringLiteral("Changes for (a)."), QStringLiteral("N"),
         QStringLiteral("50")},
        {QStringLiteral("interval"), QStringLiteral("Milliseconds between them."),
         QStringLiteral("MS"), QStringLiteral("200")},
        {QStringLiteral("trials"), QStringLiteral("Trials for (b)."), QStringLiteral("N"),
         QStringLiteral("100")},
        // The child modes.
        {QStringLiteral("writer"), QStringLiteral("(child) write"), QStringLiteral("URL")},
        {QStringLiteral("contend"), QStringLiteral("(child) contend"), QStringLiteral("URL")},
        {QStringLiteral("desk"), QStringLiteral("(child) SQLite file"), QStringLiteral("PATH")},
        {QStringLiteral("read"), QStringLiteral("(child) version read"), QStringLiteral("V")},
    });
    parser.process(app);
    const int changes = parser.value(QStringLiteral("changes")).toInt();
    const int interval = parser.value(QStringLiteral("interval")).toInt();
    const int trials = parser.value(QStringLiteral("trials")).toInt();
    const QString desk = parser.value(QStringLiteral("desk"));
    if (parser.isSet(QStringLiteral("writer")))
        return writer(desk, parser.value(QStringLiteral("writer")), changes, interval);
    if (parser.isSet(QStringLiteral("contend")))
        return contender(desk, parser.value(QStringLiteral("contend")),
                         parser.value(QStringLiteral("read")).toInt(), QFileInfo(desk).baseName());

    if (!test::TeamDatabase::available()) {
        std::fprintf(stderr, "bench_team: %s\n", test::TeamDatabase::missingMessage().constData());
        return 2;
    }
    test::TeamDatabase db;
    if (!db.ok()) {
        std::fprintf(stderr, "bench_team: %s\n", qPrintable(db.error()));
        return 1;
    }
    QTemporaryDir dir;
    const QString url = db.ownerUrl();
    {
        QString error;
        if (!core::Store::open(core::StoreLocation{dir.filePath("owner.sqlite"), url, {}}, &error,
                               core::Store::Access::Migrate)) {
            std::fprintf(stderr, "bench_team: %s\n", qPrintable(error));
            return 1;
        }
    }
    auto view = openDesk(dir.filePath("view.sqlite"), url);
    if (!view)
        return 1;
    const QString self = QCoreApplication::applicationFilePath();
    std::printf("bench_team: fresh database %s on %s\n", qPrintable(db.name()),
                qPrintable(qEnvironmentVariable("SLIPWAY_TEST_PG_URL")));

    // (a) The view: a ChangeFeed, and on each app_reconcile change one reload of the row.
    std::vector<std::pair<int, qint64>> seen; // version, when the reload read it
    {
        core::ChangeFeed feed(core::StoreLocation{dir.filePath("feed.sqlite"), url, {}});
        bool listening = false;
        QObject::connect(&feed, &core::ChangeFeed::listening, [&] { listening = true; });
        QObject::connect(&feed, &core::ChangeFeed::changed, [&](const QString &table) {
            if (table != QLatin1String("app_reconcile"))
                return;
            const auto p = core::ReconcileSettings(view->database())
                               .pause(QStringLiteral("shop"), QStringLiteral("prod"));
            if (p)
                seen.emplace_back(p->version, nowUs());
        });
        if (!waitFor([&] { return listening; }, 15000)) {
            std::fprintf(stderr, "bench_team: the change feed did not start listening\n");
            return 1;
        }
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(self, {QStringLiteral("--writer"), url, QStringLiteral("--desk"),
                           dir.filePath("writer.sqlite"), QStringLiteral("--changes"),
                           QString::number(changes), QStringLiteral("--interval"),
                           QString::number(interval)});
        const int budgetMs = changes * (interval + 1000) + 20000;
        if (!waitFor([&] { return child.state() == QProcess::NotRunning; }, budgetMs)) {
            child.kill();
            child.waitForFinished();
            std::fprintf(stderr, "bench_team: the writer did not finish\n");
            return 1;
        }
        const auto committed = QString::fromUtf8(child.readAllStandardOutput()).split(u'\n');
        QMap<int, qint64> commits;
        for (const QString &line : committed)
            if (const QStringList f = line.split(u' '); f.size() == 2)
                commits.insert(f[0].toInt(), f[1].toLongLong());
        // Whatever is still on its way: up to 3 s more.
        const int last = commits.isEmpty() ? 0 : commits.lastKey();
        waitFor([&] { return !seen.empty() && seen.back().first >= last; }, 3000);
        std::vector<double> latencies;
        int missed = 0;
        for (auto it = commits.cbegin(); it != commits.cend(); ++it) {
            const auto found = std::find_if(seen.begin(), seen.end(),
                                            [&](const auto &s) { return s.first >= it.key(); });
            if (found == seen.end()) {
                ++missed;
                continue;
            }
            latencies.push_back(double(found->second - it.value()) / 1000.0);
        }
        std::printf("(a) change in one process -> reload in another, %d changes %d ms apart:\n",
                    int(commits.size()), interval);
        std::printf("    %-10s %-10s %-10s %-10s %-8s\n", "p50 ms", "p95 ms", "max ms", "reloads",
                    "missed");
        std::printf("    %-10.1f %-10.1f %-10.1f %-10d %-8d\n", percentile(latencies, 0.5),
                    percentile(latencies, 0.95), percentile(latencies, 1.0), int(seen.size()),
                    missed);
    }

    // (b) Two processes, one reading, one row.
    QMap<int, int> histogram; // winners -> trials
    QString sampleLoss;
    for (int trial = 0; trial < trials; ++trial) {
        QString error;
        core::ReconcileSettings settings(view->database());
        if (!settings.setPaused(QStringLiteral("shop"), QStringLiteral("prod"), true,
                                QStringLiteral("bench"), &error)) {
            std::fprintf(stderr, "bench_team: %s\n", qPrintable(error));
            return 1;
        }
        const int read = settings.pause(QStringLiteral("shop"), QStringLiteral("prod"))->version;
        QProcess a, b;
        QList<QProcess *> both{&a, &b};
        for (int i = 0; i < 2; ++i) {
            both[i]->setProcessChannelMode(QProcess::ForwardedErrorChannel);
            both[i]->start(self, {QStringLiteral("--contend"), url, QStringLiteral("--desk"),
                                  dir.filePath(QStringLiteral("desk%1.sqlite").arg(i)),
                                  QStringLiteral("--read"), QString::number(read)});
        }
        for (QProcess *p : both)
            if (!p->waitForReadyRead(30000) || !p->readLine().startsWith("ready")) {
                std::fprintf(stderr, "bench_team: a contender did not start\n");
                return 1;
            }
        for (QProcess *p : both)
            p->write("go\n");
        int winners = 0;
        for (QProcess *p : both) {
            p->waitForFinished(30000);
            const QString answer = QString::fromUtf8(p->readAllStandardOutput()).trimmed();
            if (answer == QLatin1String("won"))
                ++winners;
            else if (sampleLoss.isEmpty())
                sampleLoss = answer;
        }
        histogram[winners] += 1;
    }
    std::printf("(b) %d trials of two processes updating one row from the same reading:\n", trials);
    std::printf("    %-12s %-12s %-12s\n", "0 winners", "1 winner", "2 winners");
    std::printf("    %-12d %-12d %-12d\n", histogram.value(0), histogram.value(1),
                histogram.value(2));
    std::printf("    the loser was told: %s\n", qPrintable(sampleLoss));
    return histogram.value(1) == trials ? 0 : 1;
}
