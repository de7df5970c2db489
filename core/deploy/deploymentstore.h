// DeploymentStore: the deployment records, retention settings and retired replicas in the
// Store's database. Use it on the thread that owns the Store (the store thread).
#pragma once

#include "core/deploy/deploymentrecord.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <functional>
#include <optional>

namespace slipway::core {

// A replica stopped by a replacement, removed once its undo window has passed.
struct RetiredContainer {
    qint64 id = 0;
    qint64 deploymentId = 0; // the deployment that replaced it
    QString hostId;
    QString hostUrl; // slipctl's --host ids change between runs; the URL does not
    QString containerId;
    QDateTime removeAfter; // UTC
    QString app;           // of the deployment that replaced it (read, not stored here)
    QString env;
};

// A container of an earlier Slipway (a number in its labels, no store) that a user took over.
struct AdoptedContainer {
    QString hostId;
    QString hostUrl;
    QString containerId;
};

class DeploymentStore {
    Q_DECLARE_TR_FUNCTIONS(DeploymentStore)

public:
    explicit DeploymentStore(QSqlDatabase db) : db_(std::move(db)) {}

    // Inserts `record` (its id is ignored; a new uid unless it has one) as run by `owner`, holding
    // the engine lock `lockToken`; returns the new id, 0 on failure.
    qint64 insert(const DeploymentRecord &record, const QString &owner, QString *error,
                  const QString &lockToken = {});
    // The same, unless a record of the same application and environment is still running and
    // `alive(record, itsOwner)` says its process goes on: then 0, with that record in `busy`.
    // Check and insert are one write transaction, so two processes never both begin.
    using OwnerAlive = std::function<bool(const DeploymentRecord &, const QString &owner)>;
    qint64 insertUnlessBusy(const DeploymentRecord &record, const QString &owner,
                            const OwnerAlive &alive, std::optional<DeploymentRecord> *busy,
                            QString *error, const QString &lockToken = {});
    // Sets the outcome of a record that is still running (false, saying so, for one another
    // process has ended) and, in the same transaction, the replicas to remove later and the
    // retired ones (by RetiredContainer::id) that serve again after an undo.
    bool finish(qint64 id, DeploymentRecord::Result result, const QString &detail,
                const QStringList &hosts, int replicas, const QList<RetiredContainer> &retired,
                QString *error, const QList<qint64> &restored = {});

    // Once the image is resolved: the digest and the version it gave.
    bool updateConfig(qint64 id, const QString &version, const DeploymentConfig &config,
                      QString *error);

    std::optional<DeploymentRecord> record(qint64 id, QString *error = nullptr) const;
    // Newest first; `limit` 0: all of them.
    DeploymentHistory history(const QString &app, const QString &env, int limit = 0,
                              QString *error = nullptr) const;
    // The newest successful deployment: what runs now.
    std::optional<DeploymentRecord> current(const QString &app, const QString &env,
                                            QString *error = nullptr) const;
    // Records still marked running, with who runs them.
    QList<QPair<DeploymentRecord, QString>> running(QString *error = nullptr) const;
    // The outcome of each of `ids` that exists.
    QHash<qint64, DeploymentRecord::Result> results(const QList<qint64> &ids,
                                                    QString *error = nullptr) const;

    // This database's UUID (Store::storeId).
    QString storeId(QString *error = nullptr) const;
    // The records of this store behind deployment UUIDs found in labels; unknown ones are
    // absent (another store's, or gone).
    struct Owned {
        qint64 id = 0;
        QString app;
        QString env;
        DeploymentRecord::Result result = DeploymentRecord::Result::Interrupted;
    };
    QHash<QString, Owned> byUid(const QStringList &uids, QString *error = nullptr) const;
    // Container ID -> the record that adopted it.
    QHash<QString, qint64> adopted(QString *error = nullptr) const;
    // Records an adoption (`record`, kind Adopt, result Ok) and its containers at once.
    qint64 insertAdoption(const DeploymentRecord &record, const QString &owner,
                          const QList<AdoptedContainer> &containers, QString *error);
    // Ends as interrupted the running records that held the engine lock `lockToken` (after a
    // take-over); returns how many, -1 on failure.
    int interruptHolding(const QString &lockToken, const QString &detail, QString *error);

    int retention(const QString &app, const QString &env, int fallback) const;
    bool setRetention(const QString &app, const QString &env, int versions, QString *error);

    QList<RetiredContainer> retired(QString *error = nullptr) const;
    bool forgetRetired(qint64 id, QString *error = nullptr);

    static std::optional<DeploymentRecord::Kind> kindFromName(const QString &name);
    static std::optional<DeploymentRecord::Result> resultFromName(const QString &name);

private:
    QSqlDatabase db_;
};

} // namespace slipway::core
