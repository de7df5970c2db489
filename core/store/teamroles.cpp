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
        QSqlQuery exists(db);
        exists.prepare(QStringLiteral("SELECT 1 FROM pg_roles WHERE rolname = ?"));
        exists.addBindValue(name);
        if (!exists.exec()) {
            if (error)
                *error = exists.lastError().text();
            return false;
        }
        if (!exists.next() &&
            !run(db, QStringLiteral("CREATE ROLE %1 NOLOGIN").arg(roles[int(r)]), error))
            return false;
    }
    const QString &viewer = roles[int(Right::Viewer)], &op = roles[int(Right::Operator)],
                  &approver = roles[int(Right::Approver)];
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
                       "store_identity, audit_log FROM %1")
            .arg(everyone),
        QStringLiteral("GRANT INSERT ON audit_log TO %1, %2").arg(op, approver),
        QStringLiteral("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %1, %2")
            .arg(op, approver),
    };
    for (const QString &sql : statements)
        if (!run(db, sql, error))
            return false;
    return true;
}

bool TeamRoles::grant(QSqlDatabase db, const QString &role, Right right, QString *error) {
    QSqlQuery exists(db);
    exists.prepare(QStringLiteral("SELECT rolcanlogin FROM pg_roles WHERE rolname = ?"));
    exists.addBindValue(role);
    if (!exists.exec()) {
        if (error)
            *error = exists.lastError().text();
        return false;
    }
    if (!exists.next()) {
        if (error)
            *error = tr("the server has no role \"%1\": create it first (CREATE ROLE %1 LOGIN)")
                         .arg(role);
        return false;
    }
    const QString group = groupRole(db, right, error);
    return !group.isEmpty() &&
           run(db, QStringLiteral("GRANT %1 TO %2").arg(quoted(db, group), quoted(db, role)),
               error);
}

bool TeamRoles::revoke(QSqlDatabase db, const QString &role, Right right, QString *error) {
    const QString group = groupRole(db, right, error);
    return !group.isEmpty() &&
           run(db, QStringLiteral("REVOKE %1 FROM %2").arg(quoted(db, group), quoted(db, role)),
               error);
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
