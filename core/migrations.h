// Migrations: the numbered schema changes of Slipway's database, oldest first.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace slipway::core {

// The SQL both back ends understand, with the few spots where they differ spelled per dialect:
// SQLite is the desktop default, PostgreSQL the team mode.
enum class SqlDialect { Sqlite, Postgres };

struct Migration {
    int version = 0;
    QString description;
    QStringList statements;
};

QList<Migration> migrations(SqlDialect dialect);

// Each domain's tables, in files of their own.
Migration alertsMigration(SqlDialect dialect);      // version 2: alertschema.cpp
Migration deploymentsMigration(SqlDialect dialect); // version 3: deploymentschema.cpp

} // namespace slipway::core
