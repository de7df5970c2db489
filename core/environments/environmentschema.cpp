#include "core/store/migrations.h"

namespace slipway::core {

// Templates are versioned whole: a version is the Compose file and every file it names, as
// bytes, so what an environment was provisioned from can be shown and diffed later. Kinds are
// shared by every template; a template's variables are per kind ('' holds the template's own
// defaults). A secret variable keeps its key only, never a value (README, Secrets). An
// environment's name is the Compose project name: unique among the live ones (the partial
// index), free again once recycled or failed.
Migration environmentsMigration(SqlDialect dialect) {
    Migration m;
    m.version = 7;
    m.description = QStringLiteral("environment templates, kinds, variables and environments");
    const QString blob =
        dialect == SqlDialect::Postgres ? QStringLiteral("BYTEA") : QStringLiteral("BLOB");
    m.statements << QStringLiteral("CREATE TABLE env_templates ("
                                   " name VARCHAR(255) PRIMARY KEY,"
                                   " latest INTEGER NOT NULL,"
                                   " created_by VARCHAR(255) NOT NULL,"
                                   " created_at VARCHAR(32) NOT NULL,"
                                   " updated_at VARCHAR(32) NOT NULL)");
    m.statements << QStringLiteral(
        "CREATE TABLE env_template_versions ("
        " template VARCHAR(255) NOT NULL REFERENCES env_templates (name),"
        " version INTEGER NOT NULL,"
        " compose_file VARCHAR(1024) NOT NULL,"
        " content_hash VARCHAR(64) NOT NULL,"
        " source VARCHAR(16) NOT NULL,"
        " origin VARCHAR(4096) NOT NULL DEFAULT '',"
        " saved_by VARCHAR(255) NOT NULL,"
        " saved_at VARCHAR(32) NOT NULL,"
        " PRIMARY KEY (template, version))");
    m.statements << QStringLiteral("CREATE TABLE env_template_files ("
                                   " template VARCHAR(255) NOT NULL,"
                                   " version INTEGER NOT NULL,"
                                   " name VARCHAR(1024) NOT NULL,"
                                   " content %1 NOT NULL,"
                                   " PRIMARY KEY (template, version, name),"
                                   " FOREIGN KEY (template, version) REFERENCES "
                                   "env_template_versions (template, version))")
                        .arg(blob);
    m.statements << QStringLiteral("CREATE TABLE env_kinds ("
                                   " name VARCHAR(64) PRIMARY KEY,"
                                   " builtin INTEGER NOT NULL DEFAULT 0,"
                                   " description TEXT NOT NULL DEFAULT '',"
                                   " created_by VARCHAR(255) NOT NULL DEFAULT '',"
                                   " created_at VARCHAR(32) NOT NULL DEFAULT '')");
    for (const char *kind : {"test", "integration", "production"})
        m.statements << QStringLiteral("INSERT INTO env_kinds (name, builtin) VALUES ('%1', 1)")
                            .arg(QLatin1String(kind));
    m.statements << QStringLiteral("CREATE TABLE env_variables ("
                                   " template VARCHAR(255) NOT NULL,"
                                   " kind VARCHAR(64) NOT NULL,"
                                   " var_key VARCHAR(255) NOT NULL,"
                                   " value TEXT NOT NULL DEFAULT '',"
                                   " secret INTEGER NOT NULL DEFAULT 0,"
                                   " updated_by VARCHAR(255) NOT NULL,"
                                   " updated_at VARCHAR(32) NOT NULL,"
                                   " PRIMARY KEY (template, kind, var_key))");
    m.statements << QStringLiteral("CREATE TABLE environments ("
                                   " id VARCHAR(64) PRIMARY KEY,"
                                   " name VARCHAR(255) NOT NULL,"
                                   " template VARCHAR(255) NOT NULL,"
                                   " template_version INTEGER NOT NULL,"
                                   " kind VARCHAR(64) NOT NULL,"
                                   " host_id VARCHAR(255) NOT NULL DEFAULT '',"
                                   " host_url VARCHAR(2048) NOT NULL DEFAULT '',"
                                   " os_user VARCHAR(255) NOT NULL,"
                                   " owner VARCHAR(255) NOT NULL DEFAULT '',"
                                   " state VARCHAR(16) NOT NULL,"
                                   " created_at VARCHAR(32) NOT NULL,"
                                   " ready_at VARCHAR(32) NOT NULL DEFAULT '',"
                                   " failed_at VARCHAR(32) NOT NULL DEFAULT '',"
                                   " recycled_at VARCHAR(32) NOT NULL DEFAULT '',"
                                   " recycled_by VARCHAR(255) NOT NULL DEFAULT '',"
                                   " error TEXT NOT NULL DEFAULT '',"
                                   " overrides TEXT NOT NULL DEFAULT '{}',"
                                   " secret_keys TEXT NOT NULL DEFAULT '[]',"
                                   " updated_at VARCHAR(32) NOT NULL)");
    // Both back ends take a partial index: the database itself refuses a second live name.
    m.statements << QStringLiteral(
        "CREATE UNIQUE INDEX environments_live_name ON environments (name) "
        "WHERE state IN ('provisioning', 'ready', 'recycling')");
    m.statements << QStringLiteral("CREATE INDEX environments_state ON environments (state)");
    m.statements << QStringLiteral("CREATE INDEX environments_user ON environments (os_user)");
    return m;
}

} // namespace slipway::core
