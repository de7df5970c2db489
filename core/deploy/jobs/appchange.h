// AppChange: what every deployer job shares, in one place: the checks of an application's
// names, its lock (in this process, then on the engines, after a recovery of it), what of it
// runs now and whose that is, and the refusals that follow. Each operation is a class on top
// (core/deploy/jobs/), run start to finish on a worker thread of its own: it waits on the
// engine and on the store thread, never on the GUI thread.
#pragma once

#include "core/deploy/deploymentrecord.h"
#include "core/deploy/jobs/jobcontext.h"
#include "core/deploy/jobs/onstore.h"
#include "core/deploy/secretenv.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

namespace slipway::core {

class AppLock;

// What finished() answers: whether it went, why not, and the record it made or acted on.
struct JobOutcome {
    bool ok = false;
    QString error;
    DeploymentRecord record;
};

class AppChange {
    // Every job keeps the context its strings were translated in.
    Q_DECLARE_TR_FUNCTIONS(DeploymentJob)

public:
    explicit AppChange(JobContext context);
    ~AppChange(); // releases the application it locked, if a refusal left it locked
    AppChange(const AppChange &) = delete;
    AppChange &operator=(const AppChange &) = delete;

    // Refuses a bad application or environment name before any call: both become container
    // names and label values.
    static bool validName(const QString &what, const QString &name, QString *error);

protected:
    // What runs of an application now.
    struct Current {
        std::optional<DeploymentRecord> record; // the newest successful deployment
        QList<Replica> replicas;                // its replicas (and those scaled since)
        QList<Replica> all;                     // every container of the application
        QList<RetiredContainer> retiredRows;    // containers waiting for removal, as stored
        QList<Replica> foreign; // running, of app/env, owned by another store or by none yet
    };

    template <class R> R onStore(std::function<R(Store *, DeploymentStore &)> job) {
        return core::onStore<R>(*c_.store, std::move(job));
    }

    // validName() of both, the application's first.
    static bool validNames(const QString &app, const QString &env, QString *error);
    static QString nothingDeployed(const QString &app, const QString &env);
    bool ensureStoreId(QString *error);
    // What runs of app/env; read only once the application is locked (lockApp).
    bool current(const QString &app, const QString &env, Current *out, QString *error);
    // Why a change of app/env must not go on while `cur.foreign` runs; empty when it may.
    QString foreignRefusal(const QString &app, const QString &env, const Current &cur) const;
    // The prologue of a change of app/env: lockApp(), then the refusals: one of `hostIds` left
    // out by it, nothing deployed successfully (when `deployed` is asked for), running
    // replicas of another owner; `cur` is read (current()) once the application is locked.
    bool takeApp(const QString &app, const QString &env, Current *cur, QString *error,
                 bool deployed, const QStringList &hostIds = {});
    // Takes app/env for this job: in this process, and on the engines (AppLock). Released by
    // release(), or when the job is destroyed.
    // A change waits a little for a recovery of this process that holds the application;
    // recovery itself (`recovering`) never waits.
    bool lockApp(const QString &app, const QString &env, QString *error, bool recovering = false);
    void release();
    QString lockToken() const;
    const DeployHost *host(const QString &id) const;
    PullOptions pullOptions(PullPolicy policy) const;
    // `loads` without the hosts that neither have the image `config` pins nor may get it under
    // `policy`; `notes` says why each one left.
    QList<HostLoad> usableHosts(QList<HostLoad> loads, const DeploymentConfig &config,
                                PullPolicy policy, QStringList *notes) const;
    bool cancelled() const { return c_.cancel->isCancelled(); }
    void audit(const DeploymentRecord &record, const QString &action);
    QString replicaName(const DeploymentRecord &record, int index) const;
    // Finds the value of each secret key of `config` (SecretResolver: `given`, the process
    // environment, the secrets file, the replicas of `cur`) into secrets_; false with `error`
    // naming what is missing, before anything is recorded or created.
    bool resolveSecrets(const QString &app, const QString &env, const DeploymentConfig &config,
                        const SecretValues &given, const Current &cur, QString *error);

    JobContext c_;
    QString storeId_;
    SecretValues secrets_; // this change's secret values: never stored, never shown

private:
    // Leaves out of this job the hosts that cannot hold a lock object (once per job); false
    // with `error` when none can.
    bool lockableHosts(QString *error);

    QString heldKey_;               // ActiveRecords::key() of the application lockApp() took
    std::shared_ptr<AppLock> lock_; // its lock on the engines
    bool hostsChecked_ = false;     // lockableHosts() ran
    QStringList leftOut_;           // the hosts it left out, and why
};

} // namespace slipway::core
