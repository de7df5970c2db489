#include "core/alerts/alertrule.h"
#include "core/store/migrations.h"

#include <QDateTime>

namespace slipway::core {

namespace {

QString quoted(QString text) {
    return QLatin1Char('\'') + text.replace(QLatin1Char('\''), QStringLiteral("''")) +
           QLatin1Char('\'');
}

} // namespace

// Alerts keep their rule's name and kind as they were when they fired, so the history still
// reads right after a rule is renamed or removed; rule_id therefore has no foreign key.
Migration alertsMigration(SqlDialect dialect) {
    Migration m;
    m.version = 2;
    m.description = QStringLiteral("alert rules and alerts");
    const QString idColumn = dialect == SqlDialect::Postgres
                                 ? QStringLiteral("id BIGSERIAL PRIMARY KEY")
                                 : QStringLiteral("id INTEGER PRIMARY KEY AUTOINCREMENT");
    m.statements << QStringLiteral("CREATE TABLE alert_rules (%1,"
                                   " kind VARCHAR(32) NOT NULL,"
                                   " name VARCHAR(255) NOT NULL,"
                                   " enabled INTEGER NOT NULL DEFAULT 1,"
                                   " threshold DOUBLE PRECISION NOT NULL DEFAULT 0,"
                                   " for_seconds INTEGER NOT NULL DEFAULT 0,"
                                   " restart_count INTEGER NOT NULL DEFAULT 0,"
                                   " window_seconds INTEGER NOT NULL DEFAULT 0,"
                                   " version INTEGER NOT NULL DEFAULT 1,"
                                   " updated_at VARCHAR(32) NOT NULL)")
                        .arg(idColumn);
    m.statements << QStringLiteral("CREATE TABLE alerts (%1,"
                                   " rule_id BIGINT NOT NULL,"
                                   " kind VARCHAR(32) NOT NULL,"
                                   " rule_name VARCHAR(255) NOT NULL,"
                                   " target_key VARCHAR(1024) NOT NULL,"
                                   " target VARCHAR(1024) NOT NULL DEFAULT '',"
                                   " host_id VARCHAR(255) NOT NULL DEFAULT '',"
                                   " fired_at VARCHAR(32) NOT NULL,"
                                   " cleared_at VARCHAR(32) NOT NULL DEFAULT '',"
                                   " acknowledged_by VARCHAR(255) NOT NULL DEFAULT '',"
                                   " acknowledged_at VARCHAR(32) NOT NULL DEFAULT '',"
                                   " detail TEXT NOT NULL DEFAULT '')")
                        .arg(idColumn);
    // The open alerts are read on every start and looked up on every fire and clear.
    m.statements << QStringLiteral(
        "CREATE INDEX alerts_open ON alerts (cleared_at, rule_id, target_key)");
    m.statements << QStringLiteral("CREATE INDEX alerts_fired_at ON alerts (fired_at)");
    // The defaults are seeded here, once: a user who removes them does not get them back.
    const QString now = quoted(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    for (const AlertRule &r : AlertRule::defaults())
        m.statements << QStringLiteral("INSERT INTO alert_rules (kind, name, enabled, threshold, "
                                       "for_seconds, restart_count, window_seconds, version, "
                                       "updated_at) VALUES (%1, %2, 1, %3, %4, %5, %6, 1, %7)")
                            .arg(quoted(AlertRule::kindKey(r.kind)), quoted(r.name))
                            .arg(r.threshold)
                            .arg(r.forSeconds)
                            .arg(r.count)
                            .arg(r.windowSeconds)
                            .arg(now);
    return m;
}

} // namespace slipway::core
