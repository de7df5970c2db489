#include "agentcommand.h"

#include "clianswer.h"
#include "clideadline.h"
#include "clihosts.h"
#include "clioptions.h"
#include "clisignals.h"
#include "clitr.h"
#include "core/agent/fleetjobs.h"
#include "core/agent/leadership.h"
#include "core/agent/timedwork.h"
#include "core/deploy/deployer.h"
#include "core/deploy/reconciler.h"
#include "core/environments/environments.h"
#include "core/fleet/hostmonitor.h"
#include "core/fleet/inventory.h"
#include "core/metrics/metrics.h"
#include "core/metrics/statsservice.h"
#include "core/metrics/warmstats.h"
#include "core/store/store.h"
#include "core/store/storethread.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QTimer>

namespace slipway::cli {

namespace {

// One line on stdout, with the time: what the agent did, for its journal.
void log(const QString &line) {
    QTextStream out(stdout);
    out << QDateTime::currentDateTimeUtc().toString(Qt::ISODate) << ' ' << line << '\n';
    out.flush();
}

int status(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) {
    const core::StoreLocation where = storeLocation(parser);
    QString why;
    const auto leader = core::Leadership::currentLeader(where, &why);
    if (!leader) {
        err << "slipctl: " << tr("cannot ask who leads: %1").arg(why) << '\n';
        return 1;
    }
    QString database = where.path;
    if (where.team())
        if (const auto url = core::TeamUrl::parse(where.teamUrl, &why))
            database = url->display();
    if (parser.isSet(QStringLiteral("json"))) {
        out << QJsonDocument(QJsonObject{{"database", database},
                                         {"leading", !leader->isEmpty()},
                                         {"leader", *leader}})
                   .toJson(QJsonDocument::Compact)
            << '\n';
        return 0;
    }
    if (leader->isEmpty())
        out << tr("No agent or Slipway window leads the timed work on %1.").arg(database) << '\n';
    else
        out << tr("The timed work on %1 is run by %2.").arg(database, *leader) << '\n';
    return 0;
}

// Spins the event loop until `done` holds (true), `stop` is set or `limit` passes.
bool spin(const std::function<bool()> &done, const bool &stop, std::chrono::milliseconds limit) {
    QElapsedTimer clock;
    clock.start();
    while (!done() && !stop) {
        if (clock.elapsed() > limit.count())
            return false;
        QEventLoop loop;
        QTimer::singleShot(50, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return done();
}

} // namespace

int runAgent(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Runs Slipway's timed work until stopped (SIGTERM or SIGINT): finishes interrupted "
           "deployments, keeps each application's replica count, sweeps what interrupted "
           "environment runs left. Any number of agents and Slipway windows may run on one "
           "database: one of them leads (an advisory lock on PostgreSQL, a lock file beside the "
           "desk's database) and only the leader acts; the others take over when it goes."));
    parser.addPositionalArgument(QStringLiteral("status"),
                                 tr("Say who leads the timed work now, and exit."),
                                 QStringLiteral("[status]"));
    parser.addOption({QStringLiteral("status"), tr("The same as the status argument.")});
    parser.addOption({QStringLiteral("once"),
                      tr("Lead (or find another leads), run each timed job once, and exit.")});
    parser.addOption({QStringLiteral("period-seconds"),
                      tr("Seconds between two runs of each timed job (default: 60 for recovery "
                         "and the environment sweep, 5 for replica counts)."),
                      QStringLiteral("seconds")});
    parser.addOption({QStringLiteral("retry-seconds"),
                      tr("Seconds between two tries to lead, and between a leader's checks of "
                         "its database connection (default 5)."),
                      QStringLiteral("seconds")});
    parser.addOption(
        {QStringLiteral("serve-stats"),
         tr("Also sample every running container's utilization, as a Slipway window does, and "
            "answer slipctl stats on this desk from it: a snapshot then takes no engine round. "
            "Costs this process a few percent of a core per 200 containers.")});
    parser.addOption({QStringLiteral("stats-interval-seconds"),
                      tr("Seconds between two rounds of that sampling (default 2)."),
                      QStringLiteral("seconds")});
    addCommonOptions(parser);
    parser.process(arguments);

    QTextStream out(stdout);
    QTextStream err(stderr);
    QString why;
    if (!checkNumericOptions(parser, &why))
        return refuse(err, why);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1 ||
        (positional.size() == 1 && positional.first() != QLatin1String("status")))
        return refuse(err, tr("agent takes no argument but \"status\" (see --help)."));
    if (!positional.isEmpty() || parser.isSet(QStringLiteral("status")))
        return status(parser, out, err);

    const auto period = secondsOption(parser, QStringLiteral("period-seconds"));
    const auto retry = secondsOption(parser, QStringLiteral("retry-seconds"));
    const auto statsInterval = secondsOption(parser, QStringLiteral("stats-interval-seconds"));
    const bool once = parser.isSet(QStringLiteral("once"));

    bool stop = false;
    CliSignals signalled([&](int) { stop = true; });
    const Deadline deadline(parser);

    const core::StoreLocation where = storeLocation(parser);
    {
        // A database that cannot be opened (or is behind) is said before anything runs.
        auto probe = core::Store::open(where, &why);
        if (!probe)
            return refuse(err, why);
    }
    auto store = std::make_shared<core::StoreThread>(where);
    auto monitor = std::make_unique<core::HostMonitor>(store, hostMonitorOptions(parser));
    auto inventory = std::make_unique<core::Inventory>(store);
    inventory->attach(monitor.get());
    auto deployer = std::make_unique<core::Deployer>(inventory.get(), monitor.get(), store, nullptr,
                                                     core::Deployer::Options{});
    core::Reconciler::Options reconcileOptions;
    core::FleetJobPeriods periods;
    if (period) {
        periods.recover = periods.reconcile = periods.sweep = *period;
        reconcileOptions.interval = *period;
    }
    auto reconciler = std::make_unique<core::Reconciler>(inventory.get(), monitor.get(),
                                                         deployer.get(), store, reconcileOptions);
    auto environments =
        std::make_unique<core::env::Environments>(store, monitor.get(), inventory.get());
    core::Leadership::Options leadOptions;
    if (retry)
        leadOptions.retry = *retry;
    auto leadership = std::make_unique<core::Leadership>(where, leadOptions);
    auto work = std::make_unique<core::TimedWork>(leadership.get());
    core::addFleetJobs(work.get(), periods, deployer.get(), monitor.get(), reconciler.get(),
                       environments.get());

    monitor->start();
    if (!spin([&] { return monitor->isLoaded(); }, stop,
              deadline.cap(connectTimeoutOption(parser) + std::chrono::seconds(5))))
        return refuse(err, stop ? tr("interrupted") : tr("the host list did not load in time"));
    warnPlainTcp(monitor->hosts());
    if (monitor->hostCount() == 0)
        return refuse(err, tr("no hosts: set DOCKER_HOST, pass --host, or add one in Slipway"));

    bool failed = false;
    QObject::connect(leadership.get(), &core::Leadership::leadingChanged, [&](bool leading) {
        log(leading ? tr("leading: %1 runs the timed work").arg(leadership->name())
                    : tr("no longer leading: the timed work stops here"));
    });
    QObject::connect(leadership.get(), &core::Leadership::leaderChanged, [&](const QString &who) {
        if (leadership->leading())
            return;
        log(who.isEmpty() ? tr("following: nobody leads; trying again")
                          : tr("following: the timed work is run by %1").arg(who));
    });
    QObject::connect(leadership.get(), &core::Leadership::problemChanged,
                     [&](const QString &problem) {
                         if (!problem.isEmpty())
                             log(tr("database: %1").arg(problem));
                     });
    QObject::connect(work.get(), &core::TimedWork::ran,
                     [&](const QString &job, bool ok, const QString &detail) {
                         failed = failed || !ok;
                         if (!ok)
                             log(tr("%1 failed: %2").arg(job, detail));
                         else if (!detail.isEmpty())
                             log(QStringLiteral("%1: %2").arg(job, detail));
                     });
    QObject::connect(reconciler.get(), &core::Reconciler::reconciled,
                     [&](const QString &app, const QString &env, bool ok, const QString &error,
                         const QString &detail) {
                         failed = failed || !ok;
                         if (!ok)
                             log(tr("reconcile %1/%2 failed: %3").arg(app, env, error));
                         else if (!detail.isEmpty())
                             log(tr("reconcile %1/%2: %3").arg(app, env, detail));
                     });
    QObject::connect(environments.get(), &core::env::Environments::sweepsDone,
                     [&] { log(tr("environment sweep: what interrupted runs left is removed")); });

    // Led or not: every agent of a desk may serve it (the first one to listen does).
    std::unique_ptr<core::Metrics> metrics;
    std::unique_ptr<core::StatsService> statsService;
    if (parser.isSet(QStringLiteral("serve-stats"))) {
        core::Metrics::Options sampling;
        if (statsInterval)
            sampling.interval = *statsInterval;
        metrics = std::make_unique<core::Metrics>(inventory.get(), monitor.get(), sampling);
        statsService = std::make_unique<core::StatsService>(metrics.get(), monitor.get());
        if (statsService->listen(core::warmstats::socketPath(where.path), &why)) {
            metrics->start();
            log(tr("serving utilization to slipctl stats at %1").arg(statsService->socket()));
        } else {
            log(tr("not serving utilization: %1").arg(why));
            statsService.reset();
            metrics.reset();
        }
    }

    reconciler->start();
    work->start();
    log(QCoreApplication::translate("slipway::cli", "started on %1 with %n host(s)", "",
                                    monitor->hostCount())
            .arg(where.team() ? where.teamUrl : where.path));
    // --timeout bounds the agent's run like any command's: it then stops, and says so.
    const auto timedOut = [&] {
        if (!deadline.passed())
            return false;
        log(deadline.message());
        return true;
    };
    if (!once) {
        spin([] { return false; }, stop, deadline.cap(std::chrono::hours(24 * 365 * 100)));
        if (timedOut())
            return 1;
        log(tr("stopping"));
        return 0;
    }

    // --once: lead (or learn who does), run each job, and wait for what they started.
    const auto firstTry = std::chrono::seconds(30) + leadOptions.retry;
    spin([&] { return leadership->leading() || !leadership->leader().isEmpty(); }, stop, firstTry);
    if (!leadership->leading()) {
        if (stop)
            return 0;
        log(leadership->leader().isEmpty()
                ? tr("did not become the leader in time; nothing done")
                : tr("the timed work is run by %1; nothing done").arg(leadership->leader()));
        return 0;
    }
    const auto limit = std::chrono::minutes(30);
    spin([&] { return work->eachRanOnce(); }, stop, deadline.cap(limit));
    reconciler->lookNow();
    spin([&] { return reconciler->settled() && !environments->sweeping(); }, stop,
         deadline.cap(limit));
    if (timedOut())
        return 1;
    return failed ? 1 : 0;
}

} // namespace slipway::cli
