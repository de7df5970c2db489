#include "core/deploy/deploymentrecord.h"
#include "core/deploy/secretenv.h"
#include "core/store/migrations.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace slipway::core {

namespace {

bool failed(const QSqlQuery &q, QString *error) {
    if (error)
        *error = q.lastError().text();
    return false;
}

struct Scrubbed {
    qint64 id = 0;
    QVariantList values;
};

// Rewrites `columns` of every row of `table` whose text `change` alters: one UPDATE per row.
bool rewriteRows(QSqlDatabase &db, const QString &table, const QStringList &columns,
                 const std::function<QString(int column, const QString &)> &change,
                 QList<Scrubbed> *rows, QString *error) {
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT id, %1 FROM %2 ORDER BY id")
                    .arg(columns.join(QStringLiteral(", ")), table)))
        return failed(q, error);
    while (q.next()) {
        Scrubbed row;
        row.id = q.value(0).toLongLong();
        bool changed = false;
        for (int i = 0; i < columns.size(); ++i) {
            const QString before = q.value(i + 1).toString();
            const QString after = change(i, before);
            changed = changed || after != before;
            row.values.append(after);
        }
        if (changed)
            rows->append(row);
    }
    return true;
}

bool updateRows(QSqlDatabase &db, const QString &table, const QStringList &columns,
                const QList<Scrubbed> &rows, QString *error) {
    QStringList sets;
    for (const QString &c : columns)
        sets.append(c + QStringLiteral(" = ?"));
    for (const Scrubbed &row : rows) {
        QSqlQuery update(db);
        if (!update.prepare(QStringLiteral("UPDATE %1 SET %2 WHERE id = ?")
                                .arg(table, sets.join(QStringLiteral(", ")))))
            return failed(update, error);
        for (const QVariant &v : row.values)
            update.addBindValue(v);
        update.addBindValue(row.id);
        if (!update.exec())
            return failed(update, error);
    }
    return true;
}

} // namespace

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

// Versions before 4 stored a deployment's environment whole, secrets included, and could quote
// a "KEY=value" in a detail or an audit row. This keeps the keys of secrets and drops their
// values (DeploymentConfig reads an old "env" that way), masks secret assignments in details
// and audit rows (lifting the audit log's no-update trigger for this transaction only), then
// has the SQLite file compacted so no free page keeps an old value.
Migration secretsMigration(SqlDialect dialect) {
    Migration m;
    m.version = 4;
    m.description = QStringLiteral("secret values removed from configs and the audit log");
    m.vacuum = true;
    m.rewrite = [dialect](QSqlDatabase &db, QString *error) {
        QList<Scrubbed> deployments;
        const auto deploymentChange = [](int column, const QString &text) {
            if (column == 1)
                return SecretEnv::scrub(text);
            // A config that does not parse is left as it is nowhere else: its secrets go.
            const auto config = DeploymentConfig::fromJson(text);
            return config ? config->toJson() : SecretEnv::scrub(text);
        };
        if (!rewriteRows(db, QStringLiteral("deployments"),
                         {QStringLiteral("config"), QStringLiteral("detail")}, deploymentChange,
                         &deployments, error) ||
            !updateRows(db, QStringLiteral("deployments"),
                        {QStringLiteral("config"), QStringLiteral("detail")}, deployments, error))
            return false;
        QList<Scrubbed> audit;
        const QStringList auditColumns = {QStringLiteral("target"), QStringLiteral("detail")};
        if (!rewriteRows(
                db, QStringLiteral("audit_log"), auditColumns,
                [](int, const QString &text) { return SecretEnv::scrub(text); }, &audit, error))
            return false;
        if (audit.isEmpty())
            return true;
        QSqlQuery lift(db);
        if (!lift.exec(dropAuditNoUpdateTrigger(dialect)))
            return failed(lift, error);
        if (!updateRows(db, QStringLiteral("audit_log"), auditColumns, audit, error))
            return false;
        QSqlQuery restore(db);
        if (!restore.exec(auditNoUpdateTrigger(dialect)))
            return failed(restore, error);
        return true;
    };
    return m;
}

} // namespace slipway::core
