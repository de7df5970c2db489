// TeamRoles: the rights of a team database as PostgreSQL group roles the server checks
// (viewer, operator, approver), and granting them to people's login roles.
#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <optional>
#include <utility>

namespace slipway::core {

class TeamRoles {
    Q_DECLARE_TR_FUNCTIONS(TeamRoles)

public:
    // viewer reads everything; operator also deploys, scales, provisions and recycles, and
    // edits alert rules, templates and kinds; approver reads and reviews releases. All who may
    // act may append to the audit log, none may change it.
    enum class Right { Viewer, Operator, Approver };

    static std::optional<Right> parse(const QString &word);
    static QString word(Right right);
    static QStringList words();

    // The group role of `right` in the database `db` is connected to: "<database>_<right>", so
    // that two Slipway databases on one server keep their rights apart.
    static QString groupRole(const QSqlDatabase &db, Right right, QString *error = nullptr);

    // Creates the group roles when missing and (re)grants their privileges on every table,
    // with the row-level security that holds a scoped operator to its targets; run by the
    // schema's owner after the migrations (`slipctl db migrate`).
    static bool apply(QSqlDatabase db, QString *error);
    // Grants `right` to the login role `role`, or takes it back. With a `target` ("APP" or
    // "APP/ENV"; operator only) the role may change only that application's deployments,
    // reconcile pause and retention; without, everything its right allows.
    static bool grant(QSqlDatabase db, const QString &role, Right right, QString *error,
                      const QString &target = {});
    static bool revoke(QSqlDatabase db, const QString &role, Right right, QString *error,
                       const QString &target = {});
    // The rights the connected role holds, as the server sees them, and a scoped operator's
    // targets ("APP" or "APP/ENV").
    static QList<Right> held(QSqlDatabase db, QString *error = nullptr);
    static QStringList targets(QSqlDatabase db, QString *error = nullptr);

private:
    // "APP" or "APP/ENV" as (app, env); env empty for every environment.
    static std::optional<std::pair<QString, QString>>
    splitTarget(Right right, const QString &target, QString *error);
};

} // namespace slipway::core
