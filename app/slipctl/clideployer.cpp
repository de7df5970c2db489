#include "clideployer.h"

#include "clianswer.h"
#include "clideadline.h"
#include "clihosts.h"
#include "clioptions.h"
#include "clisignals.h"
#include "clitr.h"
#include "core/deploy/deploymentstore.h"
#include "core/deploy/jobs/appchange.h"
#include "core/fleet/hostmonitor.h"
#include "core/fleet/inventory.h"
#include "core/store/store.h"
#include "core/store/storethread.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>

namespace slipway::cli {

bool CliDeployer::spin(const std::function<bool()> &done, std::chrono::milliseconds timeout) {
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeout.count())
            return false;
        QEventLoop loop;
        QTimer::singleShot(20, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

QString shortDigest(const QString &digest) {
    return digest.left(19);
}

QJsonObject recordJson(const core::DeploymentRecord &r) {
    return QJsonObject{
        {"id", double(r.id)},
        {"app", r.app},
        {"env", r.env},
        {"version", r.version},
        {"kind", core::DeploymentRecord::kindName(r.kind)},
        {"image", r.config.image},
        {"digest", r.config.digest},
        {"pinned", r.config.pinnedReference()},
        // Secrets as "KEY=******": their values are never stored, so never shown.
        {"envVars", QJsonArray::fromStringList(r.config.maskedEnv())},
        {"secret", QJsonArray::fromStringList(r.config.secret)},
        {"publish", QJsonArray::fromStringList(r.config.publish)},
        {"healthCmd", r.config.healthCmd},
        {"monitorMs", r.config.monitorMs},
        {"probe", r.config.probe},
        {"replicas", r.replicas},
        {"hosts", QJsonArray::fromStringList(r.hosts)},
        {"osUser", r.osUser},
        {"startedAt", r.startedAt.toString(Qt::ISODateWithMs)},
        {"finishedAt", r.finishedAt.toString(Qt::ISODateWithMs)},
        {"result", core::DeploymentRecord::resultName(r.result)},
        {"detail", r.detail},
        {"restorable", r.restorable},
    };
}

void CliDeployer::addOptions(QCommandLineParser &parser, bool undoWindow) {
    parser.addOption(
        {QStringLiteral("health-timeout"),
         tr("Seconds for new replicas to become healthy before they are removed (default 60)."),
         QStringLiteral("seconds")});
    parser.addOption({QStringLiteral("pull-stall-timeout"),
                      tr("Seconds a pull may go without any progress from the engine before it "
                         "is cancelled and the change fails (default 60; 0: no limit)."),
                      QStringLiteral("seconds")});
    if (undoWindow)
        parser.addOption(
            {QStringLiteral("undo-window"),
             tr("Seconds the replaced replicas stay stopped before they are removed (default "
                "60). Up to 10: slipctl waits and removes them; longer: the next run does."),
             QStringLiteral("seconds")});
    addCommonOptions(parser);
}

void CliDeployer::addPullOption(QCommandLineParser &parser) {
    parser.addOption({QStringLiteral("pull"),
                      tr("When to pull the image, as docker run: missing (default: use the "
                         "host's image, pull only when it has none), always, or never."),
                      QStringLiteral("policy"), QStringLiteral("missing")});
}

std::optional<core::PullPolicy> CliDeployer::pullPolicy(const QCommandLineParser &parser,
                                                        QString *error) {
    QString why;
    auto policy = core::PullPolicyName::parse(parser.value(QStringLiteral("pull")), &why);
    if (!policy)
        *error = QStringLiteral("--pull: ") + why;
    return policy;
}

CliDeployer::CliDeployer() = default;

CliDeployer::~CliDeployer() {
    // The deployer joins its workers, then the services it used go.
    signals_.reset();
    deployer_.reset();
    inventory_.reset();
    monitor_.reset();
}

void CliDeployer::addAppOptions(QCommandLineParser &parser) {
    parser.addPositionalArgument(QStringLiteral("app"), tr("The application (label slipway.app)."));
    parser.addOption({QStringLiteral("env"), tr("The environment (label slipway.env)."),
                      QStringLiteral("name")});
}

bool CliDeployer::appAndEnv(const QCommandLineParser &parser, const QString &command, QString *app,
                            QString *env, QString *error) {
    if (!checkNumericOptions(parser, error))
        return false;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        *error = tr("%1 takes one application name (see --help).").arg(command);
        return false;
    }
    if (!parser.isSet(QStringLiteral("env"))) {
        *error = tr("--env is required.");
        return false;
    }
    *app = positional.first();
    *env = parser.value(QStringLiteral("env"));
    return core::AppChange::validName(tr("application"), *app, error) &&
           core::AppChange::validName(tr("environment"), *env, error);
}

int CliDeployer::openFailed(QTextStream &err, const QString &why) const {
    const int code = refuse(err, why);
    return interrupted_ ? kInterruptedExit : code;
}

QStringList CliDeployer::hostNames(const QStringList &ids) const {
    QStringList names;
    for (const QString &id : ids) {
        const QString name = monitor_ ? monitor_->hostName(id) : QString();
        names.append(name.isEmpty() ? id : name);
    }
    return names;
}

bool CliDeployer::open(const QCommandLineParser &parser, QString *error) {
    if (!checkNumericOptions(parser, error))
        return false;
    deadline_ = std::make_unique<Deadline>(parser);
    options_.healthTimeout =
        secondsOption(parser, QStringLiteral("health-timeout")).value_or(options_.healthTimeout);
    options_.undoWindow =
        secondsOption(parser, QStringLiteral("undo-window")).value_or(options_.undoWindow);
    options_.pullStallTimeout = secondsOption(parser, QStringLiteral("pull-stall-timeout"))
                                    .value_or(options_.pullStallTimeout);
    signals_ = std::make_unique<CliSignals>([this](int) {
        if (interrupted_)
            return; // cleaning up already
        interrupted_ = true;
        if (request_ && deployer_) {
            QTextStream err(stderr);
            err << "slipctl: " << tr("cancelling; removing what this change started…") << '\n';
            err.flush();
            deployer_->cancel(request_);
        }
    });
    location_ = storeLocation(parser);
    {
        // Open once here so a bad database is reported before anything else happens.
        auto probe = core::Store::open(location_, error);
        if (!probe)
            return false;
    }
    store_ = std::make_shared<core::StoreThread>(location_);
    monitor_ = std::make_unique<core::HostMonitor>(store_, hostMonitorOptions(parser));
    inventory_ = std::make_unique<core::Inventory>(store_);
    inventory_->attach(monitor_.get());
    deployer_ = std::make_unique<core::Deployer>(inventory_.get(), monitor_.get(), store_, nullptr,
                                                 options_);
    monitor_->start();
    const auto wait = deadline_->cap(connectTimeoutOption(parser) + std::chrono::seconds(5));
    if (!spin([&] { return monitor_->isLoaded() || interrupted_; }, wait)) {
        *error =
            deadline_->passed() ? deadline_->message() : tr("the host list did not load in time");
        return false;
    }
    if (interrupted_) {
        *error = tr("interrupted");
        return false;
    }
    warnPlainTcp(monitor_->hosts());
    if (monitor_->hostCount() == 0) {
        *error = tr("no hosts: set DOCKER_HOST, pass --host, or add one in Slipway");
        return false;
    }
    // Probed, and the containers of every host that answers listed (placement counts them);
    // a full list may take as long as the inventory's own limit for it.
    const auto listed = deadline_->cap(connectTimeoutOption(parser) + kListTimeout);
    spin(
        [&] {
            if (interrupted_)
                return true;
            for (int i = 0; i < monitor_->hostCount(); ++i) {
                const auto state = monitor_->status(i).state;
                if (state == core::HostStatus::State::Connecting)
                    return false;
                if (state == core::HostStatus::State::Up &&
                    inventory_->hostState(monitor_->host(i).id) != core::Inventory::SyncState::Live)
                    return false;
            }
            return true;
        },
        listed);
    if (deadline_->passed()) {
        *error = deadline_->message();
        return false;
    }
    if (monitor_->upCount() == 0) {
        QStringList why;
        for (int i = 0; i < monitor_->hostCount(); ++i)
            why.append(QStringLiteral("%1: %2").arg(hostLabel(monitor_->host(i)),
                                                    monitor_->status(i).error));
        *error = tr("no host answers (%1)").arg(why.join(QStringLiteral("; ")));
        return false;
    }
    QTextStream quiet(stderr);
    const Answer recovered = run([&] { return deployer_->recover(); }, quiet, true);
    if (!recovered.record.detail.isEmpty())
        quiet << "slipctl: " << tr("recovered: %1").arg(recovered.record.detail) << '\n';
    return true;
}

CliDeployer::Answer CliDeployer::run(const std::function<quint64()> &start, QTextStream &err,
                                     bool quiet) {
    Answer answer;
    bool done = false;
    quint64 request = 0;
    QString lastStep;
    QObject guard;
    QObject::connect(deployer_.get(), &core::Deployer::progress, &guard,
                     [&](quint64 r, const QString &step, int d, int total) {
                         if (r != request || quiet)
                             return;
                         // One line per step, and one when a step completes.
                         const QString line =
                             d >= total ? QStringLiteral("%1 (%2/%3)").arg(step).arg(d).arg(total)
                                        : step;
                         if (line == lastStep)
                             return;
                         lastStep = line;
                         err << line << '\n';
                         err.flush();
                     });
    QObject::connect(
        deployer_.get(), &core::Deployer::finished, &guard,
        [&](quint64 r, bool ok, const QString &error, const core::DeploymentRecord &record) {
            if (r != request)
                return;
            answer.ok = ok;
            answer.error = error;
            answer.record = record;
            done = true;
        });
    QObject::connect(deployer_.get(), &core::Deployer::planned, &guard,
                     [&](quint64 r, const core::RollbackPlan &plan) {
                         if (r != request)
                             return;
                         answer.ok = true;
                         answer.plan = plan;
                         done = true;
                     });
    QObject::connect(deployer_.get(), &core::Deployer::historyLoaded, &guard,
                     [&](quint64 r, const core::DeploymentHistory &history) {
                         if (r != request)
                             return;
                         answer.ok = true;
                         answer.history = history;
                         done = true;
                     });
    if (interrupted_) {
        answer.error = tr("interrupted");
        return answer;
    }
    request = start();
    request_ = request;
    // Every step is bounded (engine timeouts, the health timeout): without --timeout this only
    // guards a bug. The operation left running is cancelled when the Deployer goes.
    const auto limit = deadline_->cap(options_.healthTimeout + std::chrono::minutes(30));
    if (!spin([&] { return done; }, limit))
        answer.error = deadline_->passed() ? deadline_->message() : tr("no answer in time");
    request_ = 0;
    return answer;
}

void CliDeployer::finishUndoWindow(const core::DeploymentRecord &record, QTextStream &err,
                                   bool quiet) {
    if (record.kind == core::DeploymentRecord::Kind::Scale)
        return;
    {
        // slipctl's own thread may read the database: it has no GUI to keep responsive.
        auto store = core::Store::open(location_);
        if (!store)
            return;
        const auto retired = core::DeploymentStore(store->database()).retired();
        if (std::none_of(retired.begin(), retired.end(),
                         [&](const auto &r) { return r.deploymentId == record.id; }))
            return; // nothing was replaced
    }
    if (options_.undoWindow <= std::chrono::seconds(10)) {
        if (!quiet) {
            err << tr("Removing the old replicas after the %1 s undo window")
                       .arg(options_.undoWindow.count() / 1000.0)
                << '\n';
            err.flush();
        }
        spin([&] { return interrupted_; }, options_.undoWindow + std::chrono::milliseconds(100));
        if (interrupted_)
            return; // the next run removes them
        const Answer a = run([&] { return deployer_->recover(); }, err, true);
        if (!a.ok && !a.error.isEmpty())
            err << "slipctl: " << a.error << '\n';
        return;
    }
    if (!quiet) {
        err << tr("The old replicas stay stopped until %1 (the undo window); the next slipway or "
                  "slipctl run removes them after that.")
                   .arg(record.finishedAt.addMSecs(qint64(options_.undoWindow.count()))
                            .toLocalTime()
                            .toString(Qt::ISODate))
            << '\n';
        err.flush();
    }
}

} // namespace slipway::cli
