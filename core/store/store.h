// Store: Slipway's own records (saved hosts, the audit log) in an SQL database, migrated to the
// current schema when opened.
#pragma once

#include "core/fleet/hostconfig.h"
#include "core/store/auditentry.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <memory>

class QSqlDatabase;

namespace slipway::core {

// A Store belongs to the thread that opened it: Qt's SQL connections may not cross threads,
// so every Store has a connection of its own. The GUI uses one through StoreThread.
class Store {
    Q_DECLARE_TR_FUNCTIONS(Store)

public:
    // Opens (creating it and its directory when needed) the SQLite database at `path` and
    // applies the migrations it lacks. Null with `error` set when that fails. The database is
    // private: a new folder is 0700, the file (and so its journal, WAL and shared memory) 0600;
    // an existing looser file or folder of the user's is tightened, with one warning.
    static std::unique_ptr<Store> open(const QString &path, QString *error = nullptr);
    // QStandardPaths::AppDataLocation/slipway.sqlite; the app sets organization and name.
    static QString defaultPath();

    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    QString path() const { return path_; }
    int schemaVersion() const; // the newest applied migration

    // The user's saved hosts, in their order.
    QList<HostConfig> userHosts(QString *error = nullptr) const;
    // Inserts or updates by id; new hosts go last. The id, name and URL must be set.
    bool saveHost(const HostConfig &host, QString *error = nullptr);
    bool removeHost(const QString &id, QString *error = nullptr);

    // Appends one entry; `at` and `osUser` are filled in when left empty. A secret assignment
    // in its target or detail ("DB_PASSWORD=…") is masked (SecretEnv::scrub).
    bool appendAudit(const AuditEntry &entry, QString *error = nullptr);
    // The newest `limit` entries, newest first.
    QList<AuditEntry> audit(int limit = 1000, QString *error = nullptr) const;

    static QString currentOsUser();

    // This database's own UUID (migration 5): written into the labels of every container it
    // deploys, so that recovery, retention and undo touch only what this store owns.
    QString storeId(QString *error = nullptr) const;

    // For each domain's own record store (alerts, deployments) on this Store's thread.
    QSqlDatabase database() const;

private:
    Store(QString connectionName, QString path);
    bool migrate(QString *error);

    QString connection_;
    QString path_;
};

} // namespace slipway::core
