// DeploymentJob: one deployer operation (deploy, plan, rollback, scale, history, recover)
// run start to finish on a worker thread of its own: it waits on the engine and on the store
// thread, never on the GUI thread, and reports through callbacks that the Deployer posts back.
#pragma once

#include "core/base/cancellation.h"
#include "core/deploy/deployer.h"
#include "core/deploy/deploymentstore.h"
#include "core/deploy/jobs/jobcontext.h"
#include "core/deploy/placement.h"
#include "core/deploy/rolloutsteps.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

namespace slipway::core {

class AppLock;
class DeploymentStore;
class Store;

struct JobResult {
    bool ok = false;
    QString error;
    DeploymentRecord record;
    RollbackPlan plan;
    DeploymentHistory history;
    int retention = 0;   // history(): the versions kept restorable
    QDateTime nextSweep; // recover(): when retired replicas are next due
};

class DeploymentJob {
    Q_DECLARE_TR_FUNCTIONS(DeploymentJob)

public:
    explicit DeploymentJob(JobContext context);
    ~DeploymentJob(); // releases the application it locked, if a refusal left it locked
    DeploymentJob(const DeploymentJob &) = delete;
    DeploymentJob &operator=(const DeploymentJob &) = delete;

    JobResult deploy(DeployRequest request);
    JobResult plan(const QString &app, const QString &env, qint64 targetId);
    JobResult rollback(const RollbackPlan &plan);
    JobResult scale(const QString &app, const QString &env, int replicas,
                    PullPolicy pull = PullPolicy::Missing);
    JobResult undo(const QString &app, const QString &env);
    JobResult history(const QString &app, const QString &env);
    JobResult setRetention(const QString &app, const QString &env, int versions);
    JobResult recover();
    // Takes over the running replicas of app/env that an earlier Slipway left with only a
    // number in their labels (one image), as an "adopt" record of this store; audited.
    JobResult adopt(const QString &app, const QString &env);
    JobResult reconcile(const QString &app, const QString &env); // core/deploy/reconcilejob.cpp

    // Refuses a bad application or environment name before any call: both become container
    // names and label values.
    static bool validName(const QString &what, const QString &name, QString *error);

private:
    // What runs of an application now (the job files share it: deploymentjob.cpp, adoptjob.cpp,
    // reconcilejob.cpp).
    struct Current {
        std::optional<DeploymentRecord> record; // the newest successful deployment
        QList<Replica> replicas;                // its replicas (and those scaled since)
        QList<Replica> all;                     // every container of the application
        QList<RetiredContainer> retiredRows;    // containers waiting for removal, as stored
        QList<Replica> foreign; // running, of app/env, owned by another store or by none yet
    };
    template <class R> R onStore(std::function<R(Store *, DeploymentStore &)> job);

    bool ensureStoreId(QString *error);
    // What runs of app/env; read only once the application is locked (lockApp).
    bool current(const QString &app, const QString &env, Current *out, QString *error);
    // Why a change of app/env must not go on while `cur.foreign` runs; empty when it may.
    QString foreignRefusal(const QString &app, const QString &env, const Current &cur) const;
    // Takes app/env for this job: in this process, and on the engines (AppLock). Released by
    // end(), or when the job is destroyed.
    // A change waits a little for a recovery of this process that holds the application;
    // recovery itself (`recovering`) never waits.
    bool lockApp(const QString &app, const QString &env, QString *error, bool recovering = false);
    void release();
    // Leaves out of this job the hosts that cannot hold a lock object (once per job); false
    // with `error` when none can.
    bool lockableHosts(QString *error);
    QString lockToken() const;
    const DeployHost *host(const QString &id) const;
    JobResult replace(DeploymentRecord record, const QList<Replica> &old, QStringList targetHosts,
                      PullPolicy pull);
    PullOptions pullOptions(PullPolicy policy) const;
    // `loads` without the hosts that neither have the image `config` pins nor may get it under
    // `policy`; `notes` says why each one left.
    QList<HostLoad> usableHosts(QList<HostLoad> loads, const DeploymentConfig &config,
                                PullPolicy policy, QStringList *notes) const;
    bool cancelled() const { return c_.cancel->isCancelled(); }
    // Takes the running ones of `leaving` out of a load balancer's view before they stop;
    // returns a note naming those it could not.
    QString drain(const QList<Replica> &leaving);
    JobResult fail(DeploymentRecord record, const QString &reason,
                   DeploymentRecord::Result result = DeploymentRecord::Result::Failed);
    // `restored`: retired rows whose replicas serve again (an undo).
    JobResult succeed(DeploymentRecord record, const QString &detail, const QList<Replica> &retire,
                      const QList<qint64> &restored = {});
    bool begin(DeploymentRecord *record, QString *error);
    void end(const DeploymentRecord &record);
    void audit(const DeploymentRecord &record, const QString &action);
    QString replicaName(const DeploymentRecord &record, int index) const;
    void removeAll(const QList<QPair<QString, QString>> &started); // (host id, container id)
    // Finds the value of each secret key of `config` (SecretResolver: `given`, the process
    // environment, the secrets file, the replicas of `cur`) into secrets_; false with `error`
    // naming what is missing, before anything is recorded or created.
    bool resolveSecrets(const QString &app, const QString &env, const DeploymentConfig &config,
                        const SecretValues &given, const Current &cur, QString *error);

    JobContext c_;
    QString storeId_;
    QString heldKey_;               // appKey() of the application lockApp() took
    std::shared_ptr<AppLock> lock_; // its lock on the engines
    bool hostsChecked_ = false;     // lockableHosts() ran
    QStringList leftOut_;           // the hosts it left out, and why
    SecretValues secrets_;          // this change's secret values: never stored, never shown
};

} // namespace slipway::core
