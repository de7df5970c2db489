// Migration 8: the audit's "who" as the server sees it. On PostgreSQL a trigger sets db_user
// to session_user on every insert, whatever the client sent, so an edited client cannot write
// someone else's name; on the desk's SQLite file it stays empty (the OS user is all there is).
#include "core/store/migrations.h"

namespace slipway::core {

Migration teamMigration(SqlDialect dialect) {
    Migration m;
    m.version = 8;
    m.description = QStringLiteral("the audit's role as the server sees it");
    m.statements << QStringLiteral(
        "ALTER TABLE audit_log ADD COLUMN db_user VARCHAR(255) NOT NULL DEFAULT ''");
    if (dialect == SqlDialect::Postgres) {
        // SECURITY DEFINER is not needed: session_user is the login, never a SET ROLE.
        m.statements << QStringLiteral(
            "CREATE FUNCTION audit_log_who() RETURNS trigger AS $$ BEGIN"
            " NEW.db_user := session_user; RETURN NEW; END $$ LANGUAGE plpgsql");
        m.statements << QStringLiteral("CREATE TRIGGER audit_log_who BEFORE INSERT ON audit_log "
                                       "FOR EACH ROW EXECUTE FUNCTION audit_log_who()");
    }
    return m;
}

} // namespace slipway::core
