#include "core/store/teamroles.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace slipway::core {

namespace {

constexpr TeamRoles::Right all[] = {TeamRoles::Right::Viewer, TeamRoles::Right::Operator,
                                    TeamRoles::Right::Approver};

// DDL, which PostgreSQL cannot prepare: identifiers are quoted by the driver.
bool run(QSqlDatabase &db, const QString &sql, QString *error) {
    QSqlQuery q(db);
    if (!q.exec(sql)) {
        if (error)
            *error = q.lastError().text().trimmed();
        return false;
    }
    return true;
}

QString quoted(const QSqlDatabase &db, const QString &identifier) {
    return db.driver()->escapeIdentifier(identifier, QSqlDriver::FieldName);
}

bool ensureRole(QSqlDatabase &db, const QString &name, QString *error) {
    QSqlQuery exists(db);
    exists.prepare(QStringLiteral("SELECT 1 FROM pg_roles WHERE rolname = ?"));
    exists.addBindValue(name);
    if (!exists.exec()) {
        if (error)
            *error = exists.lastError().text();
        return false;
    }
    return exists.next() ||
           run(db, QStringLiteral("CREATE ROLE %1 NOLOGIN").arg(quoted(db, name)), error);
}

// A scoped operator has the operator's table privileges through this role, and the policies
// below let it write only the rows of its targets.
QString scopedRole(const QSqlDatabase &db, QString *error) {
    const QString op = TeamRoles::groupRole(db, TeamRoles::Right::Operator, error);
    return op.isEmpty() ? op : op + QStringLiteral("_scoped");
}

// The tables whose rows belong to one application: everyone reads them; a full operator
// writes any row, a scoped one only its targets' (the owner and superusers are not bound).
bool rowSecurity(QSqlDatabase &db, const QString &fullOperator, QString *error) {
    const QString literal = QStringLiteral("'%1'").arg(
        QString(fullOperator).remove(u'"').replace(QLatin1String("'"), QLatin1String("''")));
    if (!run(db,
             QStringLiteral(
                 "CREATE OR REPLACE FUNCTION slipway_may(a text, e text) RETURNS boolean "
                 "LANGUAGE sql STABLE AS $$ SELECT pg_has_role(session_user, %1, 'MEMBER') OR "
                 "EXISTS (SELECT 1 FROM team_targets t WHERE t.role_name = session_user AND "
                 "t.app = a AND (t.env = '' OR t.env = e)) $$")
                 .arg(literal),
             error))
        return false;
    for (const char *table : {"deployments", "app_reconcile", "deployment_retention"}) {
        const QString t = QLatin1String(table);
        for (const QString &sql :
             {QStringLiteral("ALTER TABLE %1 ENABLE ROW LEVEL SECURITY").arg(t),
              QStringLiteral("DROP POLICY IF EXISTS slipway_read ON %1").arg(t),
              QStringLiteral("CREATE POLICY slipway_read ON %1 FOR SELECT USING (true)").arg(t),
              QStringLiteral("DROP POLICY IF EXISTS slipway_write ON %1").arg(t),
              QStringLiteral("CREATE POLICY slipway_write ON %1 FOR ALL USING (slipway_may(app, "
                             "env)) WITH CHECK (slipway_may(app, env))")
                  .arg(t)})
            if (!run(db, sql, error))
                return false;
    }
    return true;
}

bool bound(QSqlQuery &q, const QString &sql, const QVariantList &values, QString *error) {
    q.prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text().trimmed();
        return false;
    }
    return true;
}

} // namespace

std::optional<TeamRoles::Right> TeamRoles::parse(const QString &word) {
    for (Right r : all)
        if (TeamRoles::word(r) == word.trimmed().toLower())
            return r;
    return std::nullopt;
}

QString TeamRoles::word(Right right) {
    switch (right) {
    case Right::Viewer:
        return QStringLiteral("viewer");
    case Right::Operator:
        return QStringLiteral("operator");
    case Right::Approver:
        return QStringLiteral("approver");
    }
    return {};
}

QStringList TeamRoles::words() {
    QStringList out;
    for (Right r : all)
        out << word(r);
    return out;
}

QString TeamRoles::groupRole(const QSqlDatabase &db, Right right, QString *error) {
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT current_database()")) || !q.next()) {
        if (error)
            *error = q.lastError().text();
        return {};
    }
    return q.value(0).toString() + QLatin1Char('_') + word(right);
}

bool TeamRoles::apply(QSqlDatabase db, QString *error) {
    QString roles[3];
    for (Right r : all) {
        const QString name = groupRole(db, r, error);
        if (name.isEmpty())
            return false;
        roles[int(r)] = quoted(db, name);
        if (!ensureRole(db, name, error))
            return false;
    }
    const QString scopedName = scopedRole(db, error);
    if (scopedName.isEmpty() || !ensureRole(db, scopedName, error))
        return false;
    const QString scoped = quoted(db, scopedName);
    const QString &viewer = roles[int(Right::Viewer)], &approver = roles[int(Right::Approver)];
    const QString op = roles[int(Right::Operator)] + QStringLiteral(", ") + scoped;
    const QString everyone = QStringList{viewer, op, approver}.join(u", ");
    const QStringList statements = {
        // Nobody gets anything by default; rights come from these three roles only.
        QStringLiteral("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC"),
        QStringLiteral("REVOKE CREATE ON SCHEMA public FROM PUBLIC"),
        QStringLiteral("GRANT USAGE ON SCHEMA public TO %1").arg(everyone),
        QStringLiteral("GRANT SELECT ON ALL TABLES IN SCHEMA public TO %1").arg(everyone),
        QStringLiteral("GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %1").arg(op),
        // What only the owner changes, and the log nobody changes.
        QStringLiteral("REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON schema_migrations, "
                       "store_identity, audit_log, team_targets FROM %1")
            .arg(everyone),
        QStringLiteral("GRANT INSERT ON audit_log TO %1, %2").arg(op, approver),
        QStringLiteral("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %1, %2")
            .arg(op, approver),
    };
    for (const QString &sql : statements)
        if (!run(db, sql, error))
            return false;
    return rowSecurity(db, roles[int(Right::Operator)], error);
}

bool TeamRoles::grant(QSqlDatabase db, const QString &role, Right right, QString *error,
                      const QString &target) {
    QSqlQuery exists(db);
    if (!bound(exists, QStringLiteral("SELECT rolcanlogin FROM pg_roles WHERE rolname = ?"), {role},
               error))
        return false;
    if (!exists.next()) {
        if (error)
            *error = tr("the server has no role \"%1\": create it first (CREATE ROLE %1 LOGIN)")
                         .arg(role);
        return false;
    }
    if (target.isEmpty()) {
        const QString group = groupRole(db, right, error);
        return !group.isEmpty() &&
               run(db, QStringLiteral("GRANT %1 TO %2").arg(quoted(db, group), quoted(db, role)),
                   error);
    }
    const auto scope = splitTarget(right, target, error);
    if (!scope)
        return false;
    const QString scoped = scopedRole(db, error);
    QSqlQuery insert(db);
    return !scoped.isEmpty() &&
           bound(insert,
                 QStringLiteral("INSERT INTO team_targets (role_name, app, env) SELECT ?, ?, ? "
                                "WHERE NOT EXISTS (SELECT 1 FROM team_targets WHERE role_name "
                                "= ? AND app = ? AND env = ?)"),
                 {role, scope->first, scope->second, role, scope->first, scope->second}, error) &&
           run(db, QStringLiteral("GRANT %1 TO %2").arg(quoted(db, scoped), quoted(db, role)),
               error);
}

bool TeamRoles::revoke(QSqlDatabase db, const QString &role, Right right, QString *error,
                       const QString &target) {
    if (target.isEmpty()) {
        const QString group = groupRole(db, right, error);
        return !group.isEmpty() &&
               run(db, QStringLiteral("REVOKE %1 FROM %2").arg(quoted(db, group), quoted(db, role)),
                   error);
    }
    const auto scope = splitTarget(right, target, error);
    if (!scope)
        return false;
    QSqlQuery remove(db);
    if (!bound(remove,
               QStringLiteral("DELETE FROM team_targets WHERE role_name = ? AND app = ? AND env "
                              "= ?"),
               {role, scope->first, scope->second}, error))
        return false;
    QSqlQuery left(db);
    if (!bound(left, QStringLiteral("SELECT 1 FROM team_targets WHERE role_name = ?"), {role},
               error))
        return false;
    if (left.next())
        return true;
    const QString scoped = scopedRole(db, error);
    return !scoped.isEmpty() &&
           run(db, QStringLiteral("REVOKE %1 FROM %2").arg(quoted(db, scoped), quoted(db, role)),
               error);
}

std::optional<std::pair<QString, QString>>
TeamRoles::splitTarget(Right right, const QString &target, QString *error) {
    if (right != Right::Operator) {
        if (error)
            *error = tr("only operator can be given for a target (an application, or "
                        "APP/ENV)");
        return std::nullopt;
    }
    const QStringList parts = target.trimmed().split(u'/');
    if (parts.size() > 2 || parts[0].isEmpty() || (parts.size() == 2 && parts[1].isEmpty())) {
        if (error)
            *error = tr("the target \"%1\" is an application, or APP/ENV").arg(target);
        return std::nullopt;
    }
    return std::pair{parts[0], parts.value(1, QStringLiteral(""))}; // "" binds as '', not NULL
}

QStringList TeamRoles::targets(QSqlDatabase db, QString *error) {
    QStringList out;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT app, env FROM team_targets WHERE role_name = "
                               "session_user ORDER BY app, env"))) {
        if (error)
            *error = q.lastError().text();
        return out;
    }
    while (q.next())
        out << (q.value(1).toString().isEmpty()
                    ? q.value(0).toString()
                    : q.value(0).toString() + QLatin1Char('/') + q.value(1).toString());
    return out;
}

QList<TeamRoles::Right> TeamRoles::held(QSqlDatabase db, QString *error) {
    QList<Right> out;
    for (Right r : all) {
        const QString group = groupRole(db, r, error);
        if (group.isEmpty())
            return {};
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT pg_has_role(session_user, ?, 'MEMBER')"));
        q.addBindValue(group);
        if (q.exec() && q.next() && q.value(0).toBool())
            out << r;
    }
    return out;
}

} // namespace slipway::core
