#include "core/store/migrations.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace slipway::core {

namespace {

bool failed(const QSqlQuery &q, QString *error) {
    if (error)
        *error = q.lastError().text();
    return false;
}

QString newUuid() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

// Deployment numbers are per database, and several databases act on one fleet: what goes into
// a container's labels and name must be unique across all of them. Each store gets a UUID of
// its own, each deployment one too (`uid`, given to the existing rows here). Containers of
// earlier versions carry only a number; `adopted_containers` maps those a user took over to
// the record that now owns them. `lock_token` names the engine-side lock a running record
// holds, so a take-over can tell which record it fenced.
Migration ownershipMigration(SqlDialect dialect) {
    Migration m;
    m.version = 5;
    m.description = QStringLiteral("store and deployment identities, adopted containers");
    const bool pg = dialect == SqlDialect::Postgres;
    const QString idColumn = pg ? QStringLiteral("id BIGSERIAL PRIMARY KEY")
                                : QStringLiteral("id INTEGER PRIMARY KEY AUTOINCREMENT");
    const QString refType = pg ? QStringLiteral("BIGINT") : QStringLiteral("INTEGER");
    m.statements << QStringLiteral("CREATE TABLE store_identity ("
                                   " id VARCHAR(64) PRIMARY KEY,"
                                   " created_at VARCHAR(32) NOT NULL)");
    m.statements << QStringLiteral(
        "ALTER TABLE deployments ADD COLUMN uid VARCHAR(64) NOT NULL DEFAULT ''");
    m.statements << QStringLiteral(
        "ALTER TABLE deployments ADD COLUMN lock_token VARCHAR(128) NOT NULL DEFAULT ''");
    m.statements << QStringLiteral("CREATE TABLE adopted_containers (%1,"
                                   " deployment_id %2 NOT NULL REFERENCES deployments (id),"
                                   " host_id VARCHAR(255) NOT NULL,"
                                   " host_url VARCHAR(2048) NOT NULL DEFAULT '',"
                                   " container_id VARCHAR(128) NOT NULL,"
                                   " adopted_at VARCHAR(32) NOT NULL)")
                        .arg(idColumn, refType);
    m.statements << QStringLiteral(
        "CREATE UNIQUE INDEX adopted_containers_id ON adopted_containers (container_id)");
    m.rewrite = [](QSqlDatabase &db, QString *error) {
        QSqlQuery store(db);
        if (!store.prepare(QStringLiteral("INSERT INTO store_identity (id, created_at) "
                                          "VALUES (?, ?)")))
            return failed(store, error);
        store.addBindValue(newUuid());
        store.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
        if (!store.exec())
            return failed(store, error);
        QSqlQuery rows(db);
        if (!rows.exec(QStringLiteral("SELECT id FROM deployments")))
            return failed(rows, error);
        QList<qint64> ids;
        while (rows.next())
            ids.append(rows.value(0).toLongLong());
        for (qint64 id : std::as_const(ids)) {
            QSqlQuery update(db);
            if (!update.prepare(QStringLiteral("UPDATE deployments SET uid = ? WHERE id = ?")))
                return failed(update, error);
            update.addBindValue(newUuid());
            update.addBindValue(id);
            if (!update.exec())
                return failed(update, error);
        }
        QSqlQuery index(db);
        if (!index.exec(QStringLiteral("CREATE UNIQUE INDEX deployments_uid ON deployments (uid)")))
            return failed(index, error);
        return true;
    };
    return m;
}

// Desired state per application and environment: ops may pause the reconcile loop to work by
// hand; who paused it and when is kept for the view.
Migration reconcileMigration(SqlDialect) {
    Migration m;
    m.version = 6;
    m.description = QStringLiteral("per-application reconcile pause");
    m.statements << QStringLiteral("CREATE TABLE app_reconcile ("
                                   " app VARCHAR(255) NOT NULL,"
                                   " env VARCHAR(255) NOT NULL,"
                                   " paused INTEGER NOT NULL DEFAULT 0,"
                                   " paused_by VARCHAR(255) NOT NULL DEFAULT '',"
                                   " paused_at VARCHAR(32) NOT NULL DEFAULT '',"
                                   " PRIMARY KEY (app, env))");
    return m;
}

} // namespace slipway::core
