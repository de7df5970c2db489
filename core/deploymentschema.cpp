#include "core/migrations.h"

namespace slipway::core {

// Times are ISO 8601 UTC text, as in the first migration. `owner` names the process running
// a deployment ("machine:pid"), so recovery can tell a live one from one whose process died.
Migration deploymentsMigration(SqlDialect dialect) {
    Migration m;
    m.version = 3;
    m.description = QStringLiteral("deployments and retention");
    const bool pg = dialect == SqlDialect::Postgres;
    const QString idColumn = pg ? QStringLiteral("id BIGSERIAL PRIMARY KEY")
                                : QStringLiteral("id INTEGER PRIMARY KEY AUTOINCREMENT");
    const QString refType = pg ? QStringLiteral("BIGINT") : QStringLiteral("INTEGER");
    m.statements << QStringLiteral("CREATE TABLE deployments (%1,"
                                   " app VARCHAR(255) NOT NULL,"
                                   " env VARCHAR(255) NOT NULL,"
                                   " version VARCHAR(255) NOT NULL,"
                                   " kind VARCHAR(16) NOT NULL,"
                                   " config TEXT NOT NULL,"
                                   " replicas INTEGER NOT NULL,"
                                   " hosts TEXT NOT NULL DEFAULT '',"
                                   " os_user VARCHAR(255) NOT NULL,"
                                   " owner VARCHAR(255) NOT NULL DEFAULT '',"
                                   " started_at VARCHAR(32) NOT NULL,"
                                   " finished_at VARCHAR(32) NOT NULL DEFAULT '',"
                                   " result VARCHAR(16) NOT NULL,"
                                   " detail TEXT NOT NULL DEFAULT '')")
                        .arg(idColumn);
    m.statements << QStringLiteral("CREATE INDEX deployments_app ON deployments (app, env, id)");
    m.statements << QStringLiteral("CREATE INDEX deployments_result ON deployments (result)");
    m.statements << QStringLiteral("CREATE TABLE deployment_retention ("
                                   " app VARCHAR(255) NOT NULL,"
                                   " env VARCHAR(255) NOT NULL,"
                                   " versions INTEGER NOT NULL,"
                                   " PRIMARY KEY (app, env))");
    // Replicas stopped by a replacement, kept for the undo window: whoever runs next
    // (the GUI or another slipctl) removes them once `remove_after` has passed.
    m.statements << QStringLiteral("CREATE TABLE retired_containers (%1,"
                                   " deployment_id %2 NOT NULL REFERENCES deployments (id),"
                                   " host_id VARCHAR(255) NOT NULL,"
                                   " host_url VARCHAR(2048) NOT NULL DEFAULT '',"
                                   " container_id VARCHAR(128) NOT NULL,"
                                   " remove_after VARCHAR(32) NOT NULL)")
                        .arg(idColumn, refType);
    return m;
}

} // namespace slipway::core
