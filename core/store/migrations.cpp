#include "core/store/migrations.h"

namespace slipway::core {

namespace {

// Times are ISO 8601 UTC text ("2024-05-01T12:00:00.000Z"): sortable, and the same in both
// back ends, so the Store never depends on a driver's timestamp mapping.
Migration hostsAndAudit(SqlDialect dialect) {
    Migration m;
    m.version = 1;
    m.description = QStringLiteral("hosts and the audit log");
    m.statements << QStringLiteral("CREATE TABLE hosts ("
                                   " id VARCHAR(64) PRIMARY KEY,"
                                   " name VARCHAR(255) NOT NULL,"
                                   " url VARCHAR(2048) NOT NULL,"
                                   " ca_file VARCHAR(4096) NOT NULL DEFAULT '',"
                                   " cert_file VARCHAR(4096) NOT NULL DEFAULT '',"
                                   " key_file VARCHAR(4096) NOT NULL DEFAULT '',"
                                   " verify_tls INTEGER NOT NULL DEFAULT 1,"
                                   " position INTEGER NOT NULL DEFAULT 0,"
                                   " updated_at VARCHAR(32) NOT NULL)");
    const QString idColumn = dialect == SqlDialect::Postgres
                                 ? QStringLiteral("id BIGSERIAL PRIMARY KEY")
                                 : QStringLiteral("id INTEGER PRIMARY KEY AUTOINCREMENT");
    m.statements << QStringLiteral("CREATE TABLE audit_log (%1,"
                                   " at VARCHAR(32) NOT NULL,"
                                   " os_user VARCHAR(255) NOT NULL,"
                                   " action VARCHAR(255) NOT NULL,"
                                   " target VARCHAR(1024) NOT NULL DEFAULT '',"
                                   " host VARCHAR(2048) NOT NULL DEFAULT '',"
                                   " result VARCHAR(64) NOT NULL,"
                                   " detail TEXT NOT NULL DEFAULT '')")
                        .arg(idColumn);
    m.statements << QStringLiteral("CREATE INDEX audit_log_at ON audit_log (at)");
    // Append-only is enforced by the database itself, not just by the Store's API, so a
    // second client (slipctl, a script with sqlite3) cannot rewrite history either.
    if (dialect == SqlDialect::Postgres) {
        m.statements << QStringLiteral(
            "CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$ BEGIN"
            " RAISE EXCEPTION 'audit_log is append-only'; END $$ LANGUAGE plpgsql");
        m.statements << auditNoUpdateTrigger(dialect);
    } else {
        m.statements << auditNoUpdateTrigger(dialect);
        m.statements << QStringLiteral("CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON "
                                       "audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is "
                                       "append-only'); END");
    }
    return m;
}

} // namespace

QString auditNoUpdateTrigger(SqlDialect dialect) {
    if (dialect == SqlDialect::Postgres)
        return QStringLiteral("CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON "
                              "audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()");
    return QStringLiteral("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN "
                          "SELECT RAISE(ABORT, 'audit_log is append-only'); END");
}

QString dropAuditNoUpdateTrigger(SqlDialect dialect) {
    if (dialect == SqlDialect::Postgres)
        return QStringLiteral("DROP TRIGGER audit_log_no_change ON audit_log");
    return QStringLiteral("DROP TRIGGER audit_log_no_update");
}

QList<Migration> migrations(SqlDialect dialect) {
    return {
        hostsAndAudit(dialect),         alertsMigration(dialect),    deploymentsMigration(dialect),
        secretsMigration(dialect),      ownershipMigration(dialect), reconcileMigration(dialect),
        environmentsMigration(dialect), teamMigration(dialect),      liveMigration(dialect)};
}

} // namespace slipway::core
