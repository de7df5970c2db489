// Migrations: the numbered schema changes of Slipway's database, oldest first.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

class QSqlDatabase;

namespace slipway::core {

// The SQL both back ends understand, with the few spots where they differ spelled per dialect:
// SQLite is the desktop default, PostgreSQL the team mode.
enum class SqlDialect { Sqlite, Postgres };

struct Migration {
    int version = 0;
    QString description;
    QStringList statements;
    // Run after `statements`, in the same transaction, for what SQL alone cannot do (rewriting
    // stored JSON); false with `error` undoes the migration.
    std::function<bool(QSqlDatabase &db, QString *error)> rewrite;
    // SQLite: compact the file once this migration has been applied, so no page keeps what it
    // removed.
    bool vacuum = false;
};

QList<Migration> migrations(SqlDialect dialect);

// The trigger that refuses to change an audit_log row (and on PostgreSQL to delete one), and
// the statement that drops it: only a migration that scrubs old rows lifts it, in its own
// transaction.
QString auditNoUpdateTrigger(SqlDialect dialect);
QString dropAuditNoUpdateTrigger(SqlDialect dialect);

// Each domain's tables, in files of their own.
Migration alertsMigration(SqlDialect dialect);      // version 2: alertschema.cpp
Migration deploymentsMigration(SqlDialect dialect); // version 3: deploymentschema.cpp
Migration secretsMigration(SqlDialect dialect);     // version 4: deploymentschema.cpp
Migration ownershipMigration(SqlDialect dialect);   // version 5: ownershipschema.cpp
Migration reconcileMigration(SqlDialect dialect);   // version 6: ownershipschema.cpp
Migration
environmentsMigration(SqlDialect dialect);   // version 7: environments/environmentschema.cpp
Migration teamMigration(SqlDialect dialect); // version 8: teamschema.cpp
Migration liveMigration(SqlDialect dialect); // version 9: liveschema.cpp

// The tables every desk shares in team mode, each announcing its changes on PostgreSQL
// (liveschema.cpp, ChangeFeed).
QStringList sharedTables();

} // namespace slipway::core
