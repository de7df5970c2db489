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
    p.version = q.value(5).toInt();
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
             QStringLiteral(
                 "SELECT app, env, paused, paused_by, paused_at, version FROM app_reconcile "
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
             QStringLiteral(
                 "SELECT app, env, paused, paused_by, paused_at, version FROM app_reconcile "
                 "WHERE paused <> 0 ORDER BY app, env"),
             {}, error))
        return list;
    while (q.next())
        list.append(readPause(q));
    return list;
}

QList<ReconcilePause> ReconcileSettings::all(QString *error) const {
    QList<ReconcilePause> list;
    QSqlQuery q(db_);
    if (!run(q,
             QStringLiteral("SELECT app, env, paused, paused_by, paused_at, version FROM "
                            "app_reconcile ORDER BY app, env"),
             {}, error))
        return list;
    while (q.next())
        list.append(readPause(q));
    return list;
}

bool ReconcileSettings::setPaused(const QString &app, const QString &env, bool paused,
                                  const QString &by, QString *error, int readVersion,
                                  ReconcilePause *current) {
    SqlTransaction tx(db_);
    if (!tx.begun(error))
        return false;
    const auto now = pause(app, env, error);
    if (!now)
        return false;
    const auto changedMeanwhile = [&](const ReconcilePause &p) {
        if (current)
            *current = p;
        if (error)
            *error =
                tr("The reconcile of %1 in %2 was changed by someone else meanwhile (now: "
                   "%3); look at it again.")
                    .arg(app, env,
                         p.paused ? tr("paused by %1 at %2")
                                        .arg(p.pausedBy, p.pausedAt.toString(Qt::ISODateWithMs))
                                  : tr("running"));
        return false;
    };
    if (readVersion >= 0 && now->version != readVersion)
        return changedMeanwhile(*now);
    const QString at = paused ? QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)
                              : QString::fromLatin1("");
    const QString who = paused ? by : QString::fromLatin1("");
    QSqlQuery update(db_);
    if (!run(update,
             QStringLiteral("UPDATE app_reconcile SET paused = ?, paused_by = ?, paused_at = ?, "
                            "version = version + 1 WHERE app = ? AND env = ? AND version = ?"),
             {paused ? 1 : 0, who, at, app, env, now->version}, error))
        return false;
    if (now->version > 0 && update.numRowsAffected() != 1) {
        update.finish();
        const auto after = pause(app, env, error);
        return after ? changedMeanwhile(*after) : false;
    }
    if (now->version == 0) {
        QSqlQuery insert(db_);
        if (!run(insert,
                 QStringLiteral("INSERT INTO app_reconcile (app, env, paused, paused_by, "
                                "paused_at, version) VALUES (?, ?, ?, ?, ?, 1)"),
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
