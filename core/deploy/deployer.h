// Deployer: deploys, rolls back and scales standalone applications (containers labelled
// slipway.app / slipway.env) with the safe replacement: start the new replicas, wait until
// healthy, then stop the old ones and keep them stopped for an undo window before removing
// them; a target that never becomes healthy is removed and the running version is left
// untouched. Every operation is recorded (DeploymentRecord) and audited. Lives on the GUI
// thread (or slipctl's main thread); never waits.
#pragma once

#include "core/base/mailbox.h"
#include "core/deploy/deploymentrecord.h"
#include "core/deploy/pullpolicy.h"

#include <QObject>
#include <QStringList>
#include <chrono>
#include <memory>

namespace slipway::core {

class HostMonitor;
class Inventory;
class Metrics;
class StoreThread;

struct DeployRequest {
    QString app;
    QString env;
    DeploymentConfig config; // config.digest is filled in by the deployer
    int replicas = 1;
    QStringList hostIds; // empty: the least-loaded reachable hosts
    PullPolicy pull = PullPolicy::Missing;
};

// What a rollback (or a deploy over a running version) will do, shown before the user
// confirms it.
struct RollbackPlan {
    QString app;
    QString env;
    DeploymentRecord from; // what runs now (its latest successful deployment)
    DeploymentRecord to;   // the target
    int replicas = 0;
    QStringList hostIds;
    // A fixed host port forces stopping the old replica before starting the new one.
    bool stopFirst = false;
    QString stopFirstReason;               // "host port 8080 is fixed"
    QString problem;                       // non-empty: the plan cannot run, and why
    PullPolicy pull = PullPolicy::Missing; // set by the caller before rollback()
};

class Deployer : public QObject {
    Q_OBJECT

public:
    struct Options {
        std::chrono::milliseconds healthTimeout{60000}; // for the new replicas to be healthy
        std::chrono::milliseconds undoWindow{60000};    // old replicas stay stopped this long
        int defaultRetention = 5;                       // versions kept restorable per app
        // Old replicas leave a load balancer's view (unhealthy, still serving) before they stop.
        std::chrono::milliseconds drainTimeout{30000};
        std::chrono::milliseconds drainGrace{1000};
        // A pull with no progress message for this long fails (and is cancelled); 0: no bound.
        std::chrono::milliseconds pullStallTimeout{60000};
        // An application's lock on the engines is stale (its holder may be taken over) after
        // this long without a heartbeat (AppLock).
        std::chrono::seconds lockTtl{30};
    };

    // `metrics` may be null: placement then counts containers per host instead of load.
    Deployer(Inventory *inventory, HostMonitor *hosts, std::shared_ptr<StoreThread> store,
             Metrics *metrics, Options options, QObject *parent = nullptr);
    ~Deployer() override;

    // Each call answers with finished(request, ...); steps are reported with progress().
    quint64 deploy(const DeployRequest &request);
    // Answers with planned(request, plan); `targetId` 0 means the previous version.
    quint64 planRollback(const QString &app, const QString &env, qint64 targetId = 0);
    quint64 rollback(const RollbackPlan &plan);
    // To exactly `replicas` of the current version: new ones on the least-loaded hosts,
    // removing the newest first.
    quint64 scale(const QString &app, const QString &env, int replicas,
                  PullPolicy pull = PullPolicy::Missing);
    // Starts the replicas the latest deployment stopped (while its undo window is open), waits
    // until they are healthy, then retires the current ones: back in seconds, with no pull.
    quint64 undo(const QString &app, const QString &env);
    // Takes over the running replicas of app/env an earlier Slipway left without an owner
    // (AdoptJob); answers with finished(request, ...).
    quint64 adopt(const QString &app, const QString &env);
    // Answers with retentionLoaded(request, K), then historyLoaded(request, ...), newest first.
    quint64 history(const QString &app, const QString &env);
    quint64 setRetention(const QString &app, const QString &env, int versions);

    // Finishes what an interrupted run left behind (records still "running", replicas of a
    // failed start, retired replicas past their undo window). Runs on start and after a host
    // comes back; answers with finished(request, ...).
    quint64 recover();
    // Keeps the current deployment's replica count of app/env (ReconcileJob):
    // starts again what was stopped by hand, replaces what is gone; answers with finished(),
    // the record's detail saying what it did. Not a change: nothing to cancel or wait for.
    quint64 reconcile(const QString &app, const QString &env);
    // Runs recover() once every host has answered its first probe (up or down), not before:
    // recovery that ran while hosts were still connecting would miss what they hold. Answers
    // with finished(request, ...) and recoveredAtStart().
    void recoverWhenHostsAnswer();

    // Cancels a deploy, rollback, scale or undo under way: it stops at its next step (a pull
    // or a health wait at once), removes the replicas it started, leaves the old ones running,
    // and finishes as failed, "Cancelled by the user". Unknown or finished requests: nothing.
    void cancel(quint64 request);
    // The deploys, rollbacks, scales and undos under way, oldest first.
    QList<quint64> changesRunning() const;
    // Quitting without waiting: the operations under way are left to run on until the process
    // exits, and the next start's recover() finishes what they leave. The destructor then
    // waits for nothing; nothing is answered any more.
    void abandon();

signals:
    void progress(quint64 request, const QString &step, int done, int total);
    void finished(quint64 request, bool ok, const QString &error,
                  const slipway::core::DeploymentRecord &record);
    void planned(quint64 request, const slipway::core::RollbackPlan &plan);
    void historyLoaded(quint64 request, const slipway::core::DeploymentHistory &history);
    void retentionLoaded(quint64 request, int versions);
    void auditAppended();
    // No deploy, rollback, scale or undo is under way any more (after the last finished()).
    void changesDone();
    // The recovery recoverWhenHostsAnswer() started has run.
    void recoveredAtStart(bool ok, const QString &error,
                          const slipway::core::DeploymentRecord &record);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace slipway::core

Q_DECLARE_METATYPE(slipway::core::RollbackPlan)
