// Migration 9: what lets several desks work on one database at once. A version on the rows two
// people can act on at the same time (an environment, an application's reconcile pause, a
// template's variables for one kind; alert rules have had one since migration 2), so that the
// second of two writes made from the same reading loses with the current state instead of
// silently overwriting the first. On PostgreSQL, every shared table also announces its
// changes (NOTIFY slipway_changes, the table's name as payload) so that other desks' views
// reload within moments without polling (ChangeFeed).
#include "core/store/migrations.h"

namespace slipway::core {

QStringList sharedTables() {
    return {QStringLiteral("audit_log"),
            QStringLiteral("alert_rules"),
            QStringLiteral("alerts"),
            QStringLiteral("deployments"),
            QStringLiteral("deployment_retention"),
            QStringLiteral("adopted_containers"),
            QStringLiteral("retired_containers"),
            QStringLiteral("app_reconcile"),
            QStringLiteral("env_templates"),
            QStringLiteral("env_template_versions"),
            QStringLiteral("env_kinds"),
            QStringLiteral("env_variables"),
            QStringLiteral("env_variable_sets"),
            QStringLiteral("environments")};
}

Migration liveMigration(SqlDialect dialect) {
    Migration m;
    m.version = 9;
    m.description = QStringLiteral("row versions, and change notifications on PostgreSQL");
    m.statements << QStringLiteral(
        "ALTER TABLE environments ADD COLUMN version INTEGER NOT NULL DEFAULT 1");
    m.statements << QStringLiteral(
        "ALTER TABLE app_reconcile ADD COLUMN version INTEGER NOT NULL DEFAULT 1");
    // A kind's variables are edited as one set (the editor's Save replaces them all), so the
    // set has the version, not each variable: its rows are deleted and inserted again.
    m.statements << QStringLiteral("CREATE TABLE env_variable_sets ("
                                   " template VARCHAR(255) NOT NULL,"
                                   " kind VARCHAR(64) NOT NULL,"
                                   " version INTEGER NOT NULL DEFAULT 1,"
                                   " PRIMARY KEY (template, kind))");
    m.statements << QStringLiteral(
        "INSERT INTO env_variable_sets (template, kind) SELECT DISTINCT template, kind FROM "
        "env_variables");
    if (dialect == SqlDialect::Postgres) {
        // Statement-level: one notification per statement, and PostgreSQL folds the same
        // payload sent twice in one transaction into one, delivered at commit.
        m.statements << QStringLiteral(
            "CREATE FUNCTION slipway_notify_change() RETURNS trigger AS $$ BEGIN"
            " PERFORM pg_notify('slipway_changes', TG_TABLE_NAME); RETURN NULL; END $$"
            " LANGUAGE plpgsql");
        for (const QString &table : sharedTables())
            m.statements << QStringLiteral("CREATE TRIGGER %1_notify AFTER INSERT OR UPDATE OR "
                                           "DELETE ON %1 FOR EACH STATEMENT EXECUTE FUNCTION "
                                           "slipway_notify_change()")
                                .arg(table);
    }
    return m;
}

} // namespace slipway::core
