// Migration 8: "who" as the server sees it. On PostgreSQL triggers set the audit's db_user,
// and every record's own who column, to session_user, whatever the client sent, so an edited
// client cannot write someone else's name; on the desk's SQLite file db_user stays empty (the
// OS user is all there is).
#include "core/store/migrations.h"

namespace slipway::core {

Migration teamMigration(SqlDialect dialect) {
    Migration m;
    m.version = 8;
    m.description = QStringLiteral("the audit's role as the server sees it");
    m.statements << QStringLiteral(
        "ALTER TABLE audit_log ADD COLUMN db_user VARCHAR(255) NOT NULL DEFAULT ''");
    // `slipctl db grant ROLE operator --target APP[/ENV]`: what a scoped operator may change
    // (TeamRoles::apply turns it into row-level security on PostgreSQL).
    m.statements << QStringLiteral("CREATE TABLE team_targets ("
                                   " role_name VARCHAR(255) NOT NULL,"
                                   " app VARCHAR(255) NOT NULL,"
                                   " env VARCHAR(255) NOT NULL DEFAULT '',"
                                   " PRIMARY KEY (role_name, app, env))");
    if (dialect == SqlDialect::Postgres) {
        // session_user is the login, never a SET ROLE: what the person authenticated as.
        m.statements << QStringLiteral(
            "CREATE FUNCTION audit_log_who() RETURNS trigger AS $$ BEGIN"
            " NEW.db_user := session_user; RETURN NEW; END $$ LANGUAGE plpgsql");
        m.statements << QStringLiteral("CREATE TRIGGER audit_log_who BEFORE INSERT ON audit_log "
                                       "FOR EACH ROW EXECUTE FUNCTION audit_log_who()");
        // The records' own "who" columns likewise: a name the client writes (when it writes
        // one: an empty recycled_by stays empty) becomes the session's login.
        m.statements << QStringLiteral(
            "CREATE FUNCTION slipway_who() RETURNS trigger AS $$ BEGIN"
            " IF coalesce(to_jsonb(NEW) ->> TG_ARGV[0], '') <> '' AND (TG_OP = 'INSERT' OR"
            " (to_jsonb(NEW) ->> TG_ARGV[0]) IS DISTINCT FROM (to_jsonb(OLD) ->> TG_ARGV[0]))"
            " THEN NEW := jsonb_populate_record(NEW, jsonb_build_object(TG_ARGV[0],"
            " session_user::text)); END IF; RETURN NEW; END $$ LANGUAGE plpgsql");
        const std::pair<const char *, const char *> columns[] = {
            {"deployments", "os_user"},
            {"environments", "os_user"},
            {"environments", "recycled_by"},
            {"env_templates", "created_by"},
            {"env_template_versions", "saved_by"},
            {"env_kinds", "created_by"},
            {"env_variables", "updated_by"},
            {"app_reconcile", "paused_by"},
            {"alerts", "acknowledged_by"}};
        for (const auto &[table, column] : columns)
            m.statements << QStringLiteral("CREATE TRIGGER %1_%2_who BEFORE INSERT OR UPDATE ON "
                                           "%1 FOR EACH ROW EXECUTE FUNCTION slipway_who('%2')")
                                .arg(QLatin1String(table), QLatin1String(column));
    }
    return m;
}

} // namespace slipway::core
