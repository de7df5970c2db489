#include "core/deploy/deploymentstore.h"

#include "core/base/errortext.h"
#include "core/store/boundquery.h"
#include "core/store/sqltransaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QUuid>
#include <QVariant>

namespace slipway::core {

namespace {

QString isoUtc(const QDateTime &t) {
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString::fromLatin1("");
}

QDateTime fromIso(const QString &text) {
    if (text.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    t.setTimeZone(QTimeZone::utc());
    return t;
}

using sql::run; // core/store/boundquery.h

const char *kColumns = "id, app, env, version, kind, config, replicas, hosts, os_user, "
                       "started_at, finished_at, result, detail, owner, uid";

DeploymentRecord readRecord(const QSqlQuery &q) {
    DeploymentRecord r;
    r.id = q.value(0).toLongLong();
    r.app = q.value(1).toString();
    r.env = q.value(2).toString();
    r.version = q.value(3).toString();
    r.kind = DeploymentStore::kindFromName(q.value(4).toString())
                 .value_or(DeploymentRecord::Kind::Deploy);
    r.config = DeploymentConfig::fromJson(q.value(5).toString()).value_or(DeploymentConfig{});
    r.replicas = q.value(6).toInt();
    for (const QJsonValue &h : QJsonDocument::fromJson(q.value(7).toString().toUtf8()).array())
        r.hosts.append(h.toString());
    r.osUser = q.value(8).toString();
    r.startedAt = fromIso(q.value(9).toString());
    r.finishedAt = fromIso(q.value(10).toString());
    r.result = DeploymentStore::resultFromName(q.value(11).toString())
                   .value_or(DeploymentRecord::Result::Interrupted);
    r.detail = q.value(12).toString();
    r.uid = q.value(14).toString();
    return r;
}

QString hostsJson(const QStringList &hosts) {
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(hosts)).toJson(QJsonDocument::Compact));
}

} // namespace

std::optional<DeploymentRecord::Kind> DeploymentStore::kindFromName(const QString &name) {
    for (auto k : {DeploymentRecord::Kind::Deploy, DeploymentRecord::Kind::Rollback,
                   DeploymentRecord::Kind::Scale, DeploymentRecord::Kind::Undo,
                   DeploymentRecord::Kind::Adopt})
        if (DeploymentRecord::kindName(k) == name)
            return k;
    return std::nullopt;
}

std::optional<DeploymentRecord::Result> DeploymentStore::resultFromName(const QString &name) {
    for (auto r : {DeploymentRecord::Result::Running, DeploymentRecord::Result::Ok,
                   DeploymentRecord::Result::Failed, DeploymentRecord::Result::Interrupted})
        if (DeploymentRecord::resultName(r) == name)
            return r;
    return std::nullopt;
}

qint64 DeploymentStore::insert(const DeploymentRecord &r, const QString &owner, QString *error,
                               const QString &lockToken) {
    QSqlQuery q(db_);
    const QString uid =
        r.uid.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : r.uid;
    if (!run(q,
             QStringLiteral("INSERT INTO deployments (app, env, version, kind, config, replicas, "
                            "hosts, os_user, owner, started_at, finished_at, result, detail, uid, "
                            "lock_token) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                            "RETURNING id"),
             {r.app, r.env, r.version, DeploymentRecord::kindName(r.kind), r.config.toJson(),
              r.replicas, hostsJson(r.hosts), r.osUser, owner, isoUtc(r.startedAt),
              isoUtc(r.finishedAt), DeploymentRecord::resultName(r.result), keptText(r.detail), uid,
              lockToken},
             error))
        return 0;
    // RETURNING: the id in the same statement, alike on SQLite and PostgreSQL.
    const qint64 id = q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    if (id <= 0 && error)
        *error = tr("the database gave the new deployment no id");
    return id;
}

qint64 DeploymentStore::insertUnlessBusy(const DeploymentRecord &record, const QString &owner,
                                         const OwnerAlive &alive,
                                         std::optional<DeploymentRecord> *busy, QString *error,
                                         const QString &lockToken) {
    SqlTransaction tx(db_); // the check holds until the insert is committed
    if (!tx.begun(error))
        return 0;
    QString why;
    const auto others = running(&why);
    if (!why.isEmpty()) {
        if (error)
            *error = why;
        return 0;
    }
    for (const auto &[other, otherOwner] : others) {
        if (other.app == record.app && other.env == record.env && alive(other, otherOwner)) {
            *busy = other;
            return 0;
        }
    }
    const qint64 id = insert(record, owner, error, lockToken);
    return id > 0 && tx.commit(error) ? id : 0;
}

bool DeploymentStore::finish(qint64 id, DeploymentRecord::Result result, const QString &detail,
                             const QStringList &hosts, int replicas,
                             const QList<RetiredContainer> &retired, QString *error,
                             const QList<qint64> &restored) {
    SqlTransaction tx(db_);
    if (!tx.begun(error))
        return false;
    QSqlQuery q(db_);
    // Only a record still running: one that recovery or a take-over has already ended stays
    // as they left it, and its retired replicas are not recorded twice.
    bool ok = run(q,
                  QStringLiteral("UPDATE deployments SET result = ?, detail = ?, hosts = ?, "
                                 "replicas = ?, finished_at = ? WHERE id = ? AND result = ?"),
                  {DeploymentRecord::resultName(result), keptText(detail), hostsJson(hosts),
                   replicas, isoUtc(QDateTime::currentDateTimeUtc()), id,
                   DeploymentRecord::resultName(DeploymentRecord::Result::Running)},
                  error);
    if (ok && q.numRowsAffected() != 1) {
        if (error)
            *error = tr("deployment #%1 is no longer running: another process ended it").arg(id);
        return false;
    }
    for (const RetiredContainer &c : retired) {
        if (!ok)
            break;
        QSqlQuery insert(db_);
        ok = run(insert,
                 QStringLiteral("INSERT INTO retired_containers (deployment_id, host_id, host_url, "
                                "container_id, remove_after) VALUES (?, ?, ?, ?, ?)"),
                 {id, c.hostId, c.hostUrl, c.containerId, isoUtc(c.removeAfter)}, error);
    }
    for (qint64 back : restored) {
        if (!ok)
            break;
        QSqlQuery forget(db_);
        ok = run(forget, QStringLiteral("DELETE FROM retired_containers WHERE id = ?"), {back},
                 error);
    }
    return ok && tx.commit(error);
}

bool DeploymentStore::updateConfig(qint64 id, const QString &version,
                                   const DeploymentConfig &config, QString *error) {
    QSqlQuery q(db_);
    return run(q, QStringLiteral("UPDATE deployments SET version = ?, config = ? WHERE id = ?"),
               {version, config.toJson(), id}, error);
}

std::optional<DeploymentRecord> DeploymentStore::record(qint64 id, QString *error) const {
    QSqlQuery q(db_);
    if (!run(q,
             QStringLiteral("SELECT %1 FROM deployments WHERE id = ?").arg(QLatin1String(kColumns)),
             {id}, error) ||
        !q.next())
        return std::nullopt;
    return readRecord(q);
}

DeploymentHistory DeploymentStore::history(const QString &app, const QString &env, int limit,
                                           QString *error) const {
    DeploymentHistory list;
    QSqlQuery q(db_);
    QString sql = QStringLiteral("SELECT %1 FROM deployments WHERE app = ? AND env = ? "
                                 "ORDER BY id DESC")
                      .arg(QLatin1String(kColumns));
    if (limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(limit);
    if (!run(q, sql, {app, env}, error))
        return list;
    while (q.next())
        list.append(readRecord(q));
    return list;
}

std::optional<DeploymentRecord> DeploymentStore::current(const QString &app, const QString &env,
                                                         QString *error) const {
    QSqlQuery q(db_);
    if (!run(q,
             QStringLiteral("SELECT %1 FROM deployments WHERE app = ? AND env = ? AND result = ? "
                            "ORDER BY id DESC LIMIT 1")
                 .arg(QLatin1String(kColumns)),
             {app, env, DeploymentRecord::resultName(DeploymentRecord::Result::Ok)}, error) ||
        !q.next())
        return std::nullopt;
    return readRecord(q);
}

QList<QPair<DeploymentRecord, QString>> DeploymentStore::running(QString *error) const {
    QList<QPair<DeploymentRecord, QString>> list;
    QSqlQuery q(db_);
    if (!run(q,
             QStringLiteral("SELECT %1 FROM deployments WHERE result = ? ORDER BY id")
                 .arg(QLatin1String(kColumns)),
             {DeploymentRecord::resultName(DeploymentRecord::Result::Running)}, error))
        return list;
    while (q.next())
        list.append({readRecord(q), q.value(13).toString()});
    return list;
}

QHash<qint64, DeploymentRecord::Result> DeploymentStore::results(const QList<qint64> &ids,
                                                                 QString *error) const {
    QHash<qint64, DeploymentRecord::Result> out;
    for (qint64 id : ids) {
        QSqlQuery q(db_);
        if (!run(q, QStringLiteral("SELECT result FROM deployments WHERE id = ?"), {id}, error))
            return out;
        if (q.next())
            out.insert(id, resultFromName(q.value(0).toString())
                               .value_or(DeploymentRecord::Result::Interrupted));
    }
    return out;
}

QString DeploymentStore::storeId(QString *error) const {
    QSqlQuery q(db_);
    if (!run(q, QStringLiteral("SELECT id FROM store_identity"), {}, error) || !q.next()) {
        if (error && error->isEmpty())
            *error = tr("the database has no identity");
        return {};
    }
    return q.value(0).toString();
}

QHash<QString, DeploymentStore::Owned> DeploymentStore::byUid(const QStringList &uids,
                                                              QString *error) const {
    QHash<QString, Owned> out;
    for (const QString &uid : uids) {
        QSqlQuery q(db_);
        if (!run(q, QStringLiteral("SELECT id, app, env, result FROM deployments WHERE uid = ?"),
                 {uid}, error))
            return out;
        if (q.next())
            out.insert(uid, {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                             resultFromName(q.value(3).toString())
                                 .value_or(DeploymentRecord::Result::Interrupted)});
    }
    return out;
}

QHash<QString, qint64> DeploymentStore::adopted(QString *error) const {
    QHash<QString, qint64> out;
    QSqlQuery q(db_);
    if (!run(q, QStringLiteral("SELECT container_id, deployment_id FROM adopted_containers"), {},
             error))
        return out;
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toLongLong());
    return out;
}

qint64 DeploymentStore::insertAdoption(const DeploymentRecord &record, const QString &owner,
                                       const QList<AdoptedContainer> &containers, QString *error) {
    SqlTransaction tx(db_);
    if (!tx.begun(error))
        return 0;
    const qint64 id = insert(record, owner, error);
    if (id <= 0)
        return 0;
    const QString now = isoUtc(QDateTime::currentDateTimeUtc());
    for (const AdoptedContainer &c : containers) {
        QSqlQuery q(db_);
        if (!run(q,
                 QStringLiteral("INSERT INTO adopted_containers (deployment_id, host_id, host_url, "
                                "container_id, adopted_at) VALUES (?, ?, ?, ?, ?)"),
                 {id, c.hostId, c.hostUrl, c.containerId, now}, error))
            return 0;
    }
    return tx.commit(error) ? id : 0;
}

int DeploymentStore::interruptHolding(const QString &lockToken, const QString &detail,
                                      QString *error) {
    if (lockToken.isEmpty())
        return 0;
    QSqlQuery q(db_);
    if (!run(q,
             QStringLiteral("UPDATE deployments SET result = ?, detail = ?, finished_at = ? "
                            "WHERE lock_token = ? AND result = ?"),
             {DeploymentRecord::resultName(DeploymentRecord::Result::Interrupted), keptText(detail),
              isoUtc(QDateTime::currentDateTimeUtc()), lockToken,
              DeploymentRecord::resultName(DeploymentRecord::Result::Running)},
             error))
        return -1;
    return q.numRowsAffected();
}

int DeploymentStore::retention(const QString &app, const QString &env, int fallback) const {
    QSqlQuery q(db_);
    if (!run(q,
             QStringLiteral("SELECT versions FROM deployment_retention WHERE app = ? AND env = ?"),
             {app, env}, nullptr) ||
        !q.next())
        return fallback;
    return q.value(0).toInt();
}

bool DeploymentStore::setRetention(const QString &app, const QString &env, int versions,
                                   QString *error) {
    if (versions < 1) {
        if (error)
            *error = tr("Keep at least one version (asked for %1).").arg(versions);
        return false;
    }
    QSqlQuery update(db_);
    if (!run(update,
             QStringLiteral(
                 "UPDATE deployment_retention SET versions = ? WHERE app = ? AND env = ?"),
             {versions, app, env}, error))
        return false;
    if (update.numRowsAffected() > 0)
        return true;
    QSqlQuery insert(db_);
    return run(
        insert,
        QStringLiteral("INSERT INTO deployment_retention (app, env, versions) VALUES (?, ?, ?)"),
        {app, env, versions}, error);
}

QList<RetiredContainer> DeploymentStore::retired(QString *error) const {
    QList<RetiredContainer> list;
    QSqlQuery q(db_);
    if (!run(q,
             QStringLiteral("SELECT r.id, r.deployment_id, r.host_id, r.host_url, "
                            "r.container_id, r.remove_after, d.app, d.env "
                            "FROM retired_containers r JOIN deployments d "
                            "ON d.id = r.deployment_id ORDER BY r.remove_after"),
             {}, error))
        return list;
    while (q.next()) {
        RetiredContainer c;
        c.id = q.value(0).toLongLong();
        c.deploymentId = q.value(1).toLongLong();
        c.hostId = q.value(2).toString();
        c.hostUrl = q.value(3).toString();
        c.containerId = q.value(4).toString();
        c.removeAfter = fromIso(q.value(5).toString());
        c.app = q.value(6).toString();
        c.env = q.value(7).toString();
        list.append(c);
    }
    return list;
}

bool DeploymentStore::forgetRetired(qint64 id, QString *error) {
    QSqlQuery q(db_);
    return run(q, QStringLiteral("DELETE FROM retired_containers WHERE id = ?"), {id}, error);
}

} // namespace slipway::core
