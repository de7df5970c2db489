#include "core/alerts/alertstore.h"

#include "core/base/errortext.h"
#include "core/store/sqlerrortext.h"
#include "core/store/sqltransaction.h"
#include "core/store/store.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace slipway::core {

namespace {

void setError(QString *error, const QString &message) {
    if (error)
        *error = message;
}

QString iso(const QDateTime &at) {
    return at.isValid() ? at.toUTC().toString(Qt::ISODateWithMs) : QStringLiteral("");
}

QDateTime parseIso(const QString &text) {
    if (text.isEmpty())
        return {};
    return QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
}

bool exec(QSqlQuery &query, const QString &sql, const QVariantList &values, QString *error) {
    if (!query.prepare(sql)) {
        setError(error, sqlErrorText(query.lastError()));
        return false;
    }
    for (const QVariant &v : values) {
        // A null QString binds as SQL NULL; the schema wants '' for "not set".
        if (v.typeId() == QMetaType::QString && v.toString().isNull())
            query.addBindValue(QStringLiteral(""));
        else
            query.addBindValue(v);
    }
    if (!query.exec()) {
        setError(error, sqlErrorText(query.lastError()));
        return false;
    }
    return true;
}

const QString kRuleColumns = QStringLiteral(
    "id, kind, name, enabled, threshold, for_seconds, restart_count, window_seconds, version");
const QString kAlertColumns =
    QStringLiteral("id, rule_id, kind, rule_name, target_key, target, host_id, fired_at, "
                   "cleared_at, acknowledged_by, acknowledged_at, detail");

std::optional<AlertRule> ruleFrom(const QSqlQuery &q) {
    const auto kind = AlertRule::kindFromKey(q.value(1).toString());
    if (!kind)
        return std::nullopt; // written by a newer Slipway: not ours to evaluate
    AlertRule r;
    r.id = q.value(0).toLongLong();
    r.kind = *kind;
    r.name = q.value(2).toString();
    r.enabled = q.value(3).toInt() != 0;
    r.threshold = q.value(4).toDouble();
    r.forSeconds = q.value(5).toInt();
    r.count = q.value(6).toInt();
    r.windowSeconds = q.value(7).toInt();
    r.version = q.value(8).toInt();
    return r;
}

Alert alertFrom(const QSqlQuery &q) {
    Alert a;
    a.id = q.value(0).toLongLong();
    a.ruleId = q.value(1).toLongLong();
    a.kind = AlertRule::kindFromKey(q.value(2).toString()).value_or(AlertRule::Kind::HostCpu);
    a.ruleName = q.value(3).toString();
    a.targetKey = q.value(4).toString();
    a.target = q.value(5).toString();
    a.hostId = q.value(6).toString();
    a.firedAt = parseIso(q.value(7).toString());
    a.clearedAt = parseIso(q.value(8).toString());
    a.acknowledgedBy = q.value(9).toString();
    a.acknowledgedAt = parseIso(q.value(10).toString());
    a.detail = q.value(11).toString();
    return a;
}

} // namespace

AlertStore::AlertStore(QSqlDatabase db) : db_(std::move(db)) {}
AlertStore::AlertStore(const Store &store) : db_(store.database()) {}

QList<AlertRule> AlertStore::rules(QString *error) const {
    QList<AlertRule> rules;
    QSqlQuery q(db_);
    if (!exec(q, QStringLiteral("SELECT %1 FROM alert_rules ORDER BY id").arg(kRuleColumns), {},
              error))
        return rules;
    while (q.next())
        if (auto r = ruleFrom(q))
            rules.append(*r);
    return rules;
}

std::optional<AlertRule> AlertStore::rule(qint64 id, QString *error) const {
    QSqlQuery q(db_);
    if (!exec(q, QStringLiteral("SELECT %1 FROM alert_rules WHERE id = ?").arg(kRuleColumns), {id},
              error))
        return std::nullopt;
    if (!q.next()) {
        setError(error, tr("There is no alert rule %1; someone may have removed it.").arg(id));
        return std::nullopt;
    }
    return ruleFrom(q);
}

QString AlertStore::changedMeanwhile(const AlertRule &now) {
    return tr("The rule \"%1\" was changed by someone else meanwhile (now: %2%3, version %4); "
              "look at it again and repeat the change.")
        .arg(now.name, now.condition(), now.enabled ? QString() : tr(", disabled"))
        .arg(now.version);
}

std::optional<AlertRule> AlertStore::saveRule(const AlertRule &rule, QString *error,
                                              std::optional<AlertRule> *current) {
    if (const QString why = rule.validationError(); !why.isEmpty()) {
        setError(error, why);
        return std::nullopt;
    }
    const QString now = iso(QDateTime::currentDateTimeUtc());
    const QVariantList fields = {AlertRule::kindKey(rule.kind),
                                 rule.name.trimmed(),
                                 rule.enabled ? 1 : 0,
                                 rule.threshold,
                                 rule.forSeconds,
                                 rule.count,
                                 rule.windowSeconds,
                                 now};
    SqlTransaction tx(db_);
    if (!tx.begun(error))
        return std::nullopt;
    qint64 id = rule.id;
    if (id == 0) {
        QSqlQuery insert(db_);
        if (!exec(insert,
                  QStringLiteral("INSERT INTO alert_rules (kind, name, enabled, threshold, "
                                 "for_seconds, restart_count, window_seconds, updated_at, "
                                 "version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1) RETURNING id"),
                  fields, error))
            return std::nullopt;
        // RETURNING: the id in the same statement, alike on SQLite and PostgreSQL.
        id = insert.next() ? insert.value(0).toLongLong() : 0;
        insert.finish();
    } else {
        QSqlQuery update(db_);
        if (!exec(update,
                  QStringLiteral("UPDATE alert_rules SET kind = ?, name = ?, enabled = ?, "
                                 "threshold = ?, for_seconds = ?, restart_count = ?, "
                                 "window_seconds = ?, updated_at = ?, version = version + 1 "
                                 "WHERE id = ? AND version = ?"),
                  fields + QVariantList{id, rule.version}, error))
            return std::nullopt;
        if (update.numRowsAffected() == 0) {
            update.finish();
            QString why;
            const auto now = this->rule(id, &why);
            if (current)
                *current = now;
            setError(error, now ? changedMeanwhile(*now) : why);
            return std::nullopt;
        }
    }
    auto saved = this->rule(id, error);
    if (!saved || !tx.commit(error))
        return std::nullopt;
    return saved;
}

bool AlertStore::removeRule(qint64 id, QString *error, int readVersion,
                            std::optional<AlertRule> *current) {
    QSqlQuery q(db_);
    if (!exec(q,
              readVersion > 0
                  ? QStringLiteral("DELETE FROM alert_rules WHERE id = ? AND version = ?")
                  : QStringLiteral("DELETE FROM alert_rules WHERE id = ?"),
              readVersion > 0 ? QVariantList{id, readVersion} : QVariantList{id}, error))
        return false;
    if (q.numRowsAffected() == 0) {
        q.finish();
        QString why;
        const auto now = rule(id, &why);
        if (current)
            *current = now;
        setError(error,
                 now ? changedMeanwhile(*now)
                     : tr("There is no alert rule %1; someone may have removed it.").arg(id));
        return false;
    }
    return true;
}

std::optional<Alert> AlertStore::fire(const Alert &alert, QString *error) {
    SqlTransaction tx(db_);
    if (!tx.begun(error))
        return std::nullopt;
    QSqlQuery open(db_);
    if (!exec(open,
              QStringLiteral("SELECT %1 FROM alerts WHERE cleared_at = '' AND rule_id = ? AND "
                             "target_key = ? ORDER BY id LIMIT 1")
                  .arg(kAlertColumns),
              {alert.ruleId, alert.targetKey}, error))
        return std::nullopt;
    if (open.next()) {
        Alert existing = alertFrom(open);
        open.finish();
        if (!tx.commit(error))
            return std::nullopt;
        return existing;
    }
    open.finish();
    QSqlQuery insert(db_);
    if (!exec(insert,
              QStringLiteral("INSERT INTO alerts (rule_id, kind, rule_name, target_key, target, "
                             "host_id, fired_at, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                             "RETURNING id"),
              {alert.ruleId, AlertRule::kindKey(alert.kind), alert.ruleName, alert.targetKey,
               alert.target, alert.hostId,
               iso(alert.firedAt.isValid() ? alert.firedAt : QDateTime::currentDateTimeUtc()),
               keptText(alert.detail)},
              error))
        return std::nullopt;
    Alert saved = alert;
    saved.id = insert.next() ? insert.value(0).toLongLong() : 0;
    insert.finish();
    if (saved.id <= 0) {
        setError(error, tr("the database gave the new alert no id"));
        return std::nullopt;
    }
    if (!saved.firedAt.isValid())
        saved.firedAt = QDateTime::currentDateTimeUtc();
    // The row's own precision, so what is shown equals what is read back later.
    saved.firedAt = parseIso(iso(saved.firedAt));
    saved.clearedAt = {};
    if (!tx.commit(error))
        return std::nullopt;
    return saved;
}

bool AlertStore::clear(qint64 ruleId, const QString &targetKey, const QDateTime &at,
                       const QString &why, QString *error) {
    QSqlQuery q(db_);
    const QString sql =
        why.isEmpty()
            ? QStringLiteral("UPDATE alerts SET cleared_at = ? WHERE cleared_at = '' AND "
                             "rule_id = ? AND target_key = ?")
            : QStringLiteral("UPDATE alerts SET cleared_at = ?, detail = CASE WHEN detail = '' "
                             "THEN ? ELSE detail || ' — ' || ? END WHERE cleared_at = '' AND "
                             "rule_id = ? AND target_key = ?");
    QVariantList values{iso(at.isValid() ? at : QDateTime::currentDateTimeUtc())};
    if (!why.isEmpty())
        values << keptText(why) << keptText(why);
    values << ruleId << targetKey;
    return exec(q, sql, values, error);
}

std::optional<Alert> AlertStore::acknowledge(qint64 id, const QString &user, const QDateTime &at,
                                             QString *error) {
    if (user.trimmed().isEmpty()) {
        setError(error, tr("An acknowledgement needs a user."));
        return std::nullopt;
    }
    QSqlQuery q(db_);
    if (!exec(q,
              QStringLiteral("UPDATE alerts SET acknowledged_by = ?, acknowledged_at = ? WHERE "
                             "id = ? AND acknowledged_at = ''"),
              {user, iso(at.isValid() ? at : QDateTime::currentDateTimeUtc()), id}, error))
        return std::nullopt;
    const bool updated = q.numRowsAffected() > 0;
    auto current = alert(id, error);
    if (!current)
        return std::nullopt;
    if (!updated) {
        setError(error, tr("%1 acknowledged this alert already, at %2.")
                            .arg(current->acknowledgedBy,
                                 current->acknowledgedAt.toLocalTime().toString(Qt::ISODate)));
        return std::nullopt;
    }
    return current;
}

std::optional<Alert> AlertStore::alert(qint64 id, QString *error) const {
    QSqlQuery q(db_);
    if (!exec(q, QStringLiteral("SELECT %1 FROM alerts WHERE id = ?").arg(kAlertColumns), {id},
              error))
        return std::nullopt;
    if (!q.next()) {
        setError(error, tr("There is no alert %1.").arg(id));
        return std::nullopt;
    }
    return alertFrom(q);
}

QList<Alert> AlertStore::openAlerts(QString *error) const {
    QList<Alert> alerts;
    QSqlQuery q(db_);
    if (!exec(q,
              QStringLiteral("SELECT %1 FROM alerts WHERE cleared_at = '' ORDER BY id DESC")
                  .arg(kAlertColumns),
              {}, error))
        return alerts;
    while (q.next())
        alerts.append(alertFrom(q));
    return alerts;
}

QList<Alert> AlertStore::recentAlerts(int limit, QString *error) const {
    QList<Alert> alerts = openAlerts(error);
    QSqlQuery q(db_);
    if (!exec(q,
              QStringLiteral("SELECT %1 FROM alerts WHERE cleared_at <> '' ORDER BY id DESC "
                             "LIMIT ?")
                  .arg(kAlertColumns),
              {qMax(0, limit)}, error))
        return alerts;
    while (q.next())
        alerts.append(alertFrom(q));
    std::sort(alerts.begin(), alerts.end(),
              [](const Alert &a, const Alert &b) { return a.id > b.id; });
    return alerts;
}

} // namespace slipway::core
