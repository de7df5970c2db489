#include "core/deploy/reconcilesettings.h"

#include "core/deploy/deploymentrecord.h"
#include "core/store/boundquery.h"
#include "core/store/sqltransaction.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QVariant>

namespace slipway::core {

namespace {

using sql::run; // core/store/boundquery.h: the same binding on both back ends

ReconcilePause readPause(const QSqlQuery &q) {
    ReconcilePause p;
    p.app = q.value(0).toString();
    p.env = q.value(1).toString();
    p.paused = q.value(2).toInt() != 0;
    p.pausedBy = q.value(3).toString();
    const QString at = q.value(4).toString();
    if (!at.isEmpty()) {
        p.pausedAt = QDateTime::fromString(at, Qt::ISODateWithMs);
        p.pausedAt.setTimeZone(QTimeZone::utc());
    }
    return p;
}

} // namespace

std::optional<ReconcilePause> ReconcileSettings::pause(const QString &app, const QString &env,
                                                       QString *error) const {
    QSqlQuery q(db_);
    if (!run(q,
             QStringLiteral("SELECT app, env, paused, paused_by, paused_at FROM app_reconcile "
                            "WHERE app = ? AND env = ?"),
             {app, env}, error))
        return std::nullopt;
    if (q.next())
        return readPause(q);
    ReconcilePause none;
    none.app = app;
    none.env = env;
    return none;
}

QList<ReconcilePause> ReconcileSettings::pausedAll(QString *error) const {
    QList<ReconcilePause> list;
    QSqlQuery q(db_);
    if (!run(q,
             QStringLiteral("SELECT app, env, paused, paused_by, paused_at FROM app_reconcile "
                            "WHERE paused <> 0 ORDER BY app, env"),
             {}, error))
        return list;
    while (q.next())
        list.append(readPause(q));
    return list;
}

bool ReconcileSettings::setPaused(const QString &app, const QString &env, bool paused,
                                  const QString &by, QString *error) {
    SqlTransaction tx(db_);
    if (!tx.begun(error))
        return false;
    const QString at = paused ? QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)
                              : QString::fromLatin1("");
    const QString who = paused ? by : QString::fromLatin1("");
    QSqlQuery update(db_);
    if (!run(update,
             QStringLiteral("UPDATE app_reconcile SET paused = ?, paused_by = ?, paused_at = ? "
                            "WHERE app = ? AND env = ?"),
             {paused ? 1 : 0, who, at, app, env}, error))
        return false;
    if (update.numRowsAffected() <= 0) {
        QSqlQuery insert(db_);
        if (!run(insert,
                 QStringLiteral("INSERT INTO app_reconcile (app, env, paused, paused_by, "
                                "paused_at) VALUES (?, ?, ?, ?, ?)"),
                 {app, env, paused ? 1 : 0, who, at}, error))
            return false;
    }
    return tx.commit(error);
}

QList<DesiredReplicas> ReconcileSettings::desired(QString *error) const {
    QList<DesiredReplicas> list;
    QSqlQuery q(db_);
    const QString ok = DeploymentRecord::resultName(DeploymentRecord::Result::Ok);
    if (!run(q,
             QStringLiteral("SELECT d.app, d.env, d.id, d.replicas FROM deployments d "
                            "WHERE d.result = ? AND d.id = (SELECT MAX(n.id) FROM deployments n "
                            "WHERE n.app = d.app AND n.env = d.env AND n.result = ?) "
                            "ORDER BY d.app, d.env"),
             {ok, ok}, error))
        return list;
    while (q.next()) {
        DesiredReplicas d;
        d.app = q.value(0).toString();
        d.env = q.value(1).toString();
        d.deploymentId = q.value(2).toLongLong();
        d.replicas = q.value(3).toInt();
        list.append(d);
    }
    return list;
}

} // namespace slipway::core
