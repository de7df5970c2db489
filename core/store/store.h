// Store: Slipway's own records (saved hosts, the audit log) in an SQL database, migrated to the
// current schema when opened.
#pragma once

#include "core/fleet/hostconfig.h"
#include "core/store/auditentry.h"
#include "core/store/migrations.h"
#include "core/store/storelocation.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <limits>
#include <memory>
#include <optional>

class QSqlDatabase;

namespace slipway::core {

// A Store belongs to the thread that opened it: Qt's SQL connections may not cross threads,
// so every Store has a connection of its own. The GUI uses one through StoreThread.
class Store {
    Q_DECLARE_TR_FUNCTIONS(Store)

public:
    // Who opens: a person (the schema must be current) or the schema's owner, who applies
    // the migrations. On the desk's SQLite file everyone is its owner.
    enum class Access { Use, Migrate };

    // Opens (creating it and its directory when needed) the SQLite database at `path` and
    // applies the migrations it lacks. Null with `error` set when that fails. The database is
    // private: a new folder is 0700, the file (and so its journal, WAL and shared memory) 0600;
    // an existing looser file or folder of the user's is tightened, with one warning.
    static std::unique_ptr<Store> open(const QString &path, QString *error = nullptr);
    // The same, and in team mode the team's PostgreSQL database beside it: shared records go
    // there, the saved hosts stay in the desk's file. A team database is migrated only with
    // Access::Migrate (`slipctl db migrate`); a person's Slipway refuses one that is behind.
    static std::unique_ptr<Store> open(const StoreLocation &where, QString *error = nullptr,
                                       Access access = Access::Use);
    // QStandardPaths::AppDataLocation/slipway.sqlite; the app sets organization and name.
    static QString defaultPath();
    // The newest migration this Slipway knows.
    static int knownSchemaVersion();

    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    QString path() const { return path_; } // the desk's SQLite file
    bool team() const { return team_.has_value(); }
    // Where the shared records are, for people: the SQLite path, or the team URL without
    // secrets.
    QString location() const;
    SqlDialect dialect() const { return team() ? SqlDialect::Postgres : SqlDialect::Sqlite; }
    int schemaVersion() const;                   // the newest applied migration of database()
    static int schemaVersionOf(QSqlDatabase db); // 0: none, or no schema at all

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

    // Who acts: the OS login; in team mode, once a team Store has opened in this process, the
    // server's login role (which the server also writes into every record, whatever this says).
    static QString currentOsUser();

    // This database's own UUID (migration 5): written into the labels of every container it
    // deploys, so that recovery, retention and undo touch only what this store owns.
    QString storeId(QString *error = nullptr) const;

    // The shared records (deployments, environments, alerts, audit...): the team database in
    // team mode, else the desk's file. For each domain's own record store on this thread.
    QSqlDatabase database() const;

    // Applies the migrations up to `version` only: what a fresh schema seeds (TeamImport), and
    // tests that build an older schema to migrate from.
    static bool migrateTo(QSqlDatabase db, SqlDialect dialect, int version, QString *error);

private:
    Store(QString connectionName, QString path);
    QSqlDatabase localDatabase() const;
    bool openTeam(const StoreLocation &where, Access access, QString *error);
    static bool migrate(QSqlDatabase db, SqlDialect dialect, QString *error,
                        int upTo = std::numeric_limits<int>::max());

    QString connection_;
    QString teamConnection_;
    QString path_;
    std::optional<TeamUrl> team_;
};

} // namespace slipway::core
