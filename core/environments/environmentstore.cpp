#include "core/environments/environmentstore.h"

#include "core/base/errortext.h"
#include "core/environments/environmentsql.h"
#include "core/environments/kindvariables.h"
#include "core/store/sqltransaction.h"
#include "core/store/store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QSysInfo>
#include <QUuid>
#include <QVariant>

namespace slipway::core::env {

namespace {

const char *kColumns = "id, name, template, template_version, kind, host_id, host_url, os_user, "
                       "owner, state, created_at, ready_at, failed_at, recycled_at, recycled_by, "
                       "error, overrides, secret_keys, updated_at, version";

const char *kLiveStates = "('provisioning', 'ready', 'recycling')";

EnvironmentRecord readRecord(const QSqlQuery &q) {
    EnvironmentRecord r;
    r.id = q.value(0).toString();
    r.name = q.value(1).toString();
    r.templateName = q.value(2).toString();
    r.templateVersion = q.value(3).toInt();
    r.kind = q.value(4).toString();
    r.hostId = q.value(5).toString();
    r.hostUrl = q.value(6).toString();
    r.osUser = q.value(7).toString();
    r.owner = q.value(8).toString();
    r.state = EnvironmentRecord::stateFromName(q.value(9).toString())
                  .value_or(EnvironmentRecord::State::Failed);
    r.createdAt = sql::fromIso(q.value(10).toString());
    r.readyAt = sql::fromIso(q.value(11).toString());
    r.failedAt = sql::fromIso(q.value(12).toString());
    r.recycledAt = sql::fromIso(q.value(13).toString());
    r.recycledBy = q.value(14).toString();
    r.error = q.value(15).toString();
    const QJsonObject overrides = QJsonDocument::fromJson(q.value(16).toString().toUtf8()).object();
    for (auto it = overrides.begin(); it != overrides.end(); ++it)
        r.overrides.insert(it.key(), it.value().toString());
    for (const QJsonValue &k : QJsonDocument::fromJson(q.value(17).toString().toUtf8()).array())
        r.secretKeys.append(k.toString());
    // Whatever was written by hand, a secret's value is never handed out.
    r.overrides = KindVariables::masked(r.overrides, r.secretKeys);
    r.updatedAt = sql::fromIso(q.value(18).toString());
    r.version = q.value(19).toInt();
    return r;
}

QString overridesJson(const QMap<QString, QString> &values) {
    QJsonObject o;
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        o.insert(it.key(), it.value());
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString auditDetail(const EnvironmentRecord &r) {
    QStringList overrides;
    for (auto it = r.overrides.cbegin(); it != r.overrides.cend(); ++it)
        overrides.append(it.key() + QLatin1Char('=') + it.value());
    QString detail =
        QStringLiteral("%1 v%2 as %3").arg(r.templateName).arg(r.templateVersion).arg(r.kind);
    if (!overrides.isEmpty())
        detail += QStringLiteral("; ") + overrides.join(QLatin1Char(' '));
    if (!r.error.isEmpty())
        detail += QStringLiteral("; ") + r.error;
    return detail;
}

} // namespace

QString EnvironmentStore::processOwner() {
    return QStringLiteral("%1:%2")
        .arg(QSysInfo::machineHostName())
        .arg(QCoreApplication::applicationPid());
}

QString EnvironmentStore::checkName(const QString &name) {
    static const QRegularExpression valid(QStringLiteral("^[a-z0-9][a-z0-9_-]{0,62}$"));
    if (name.isEmpty())
        return tr("An environment needs a name.");
    if (!valid.match(name).hasMatch())
        return tr("The environment name \"%1\" is not a valid Compose project name: use up to "
                  "63 lowercase letters, digits, '_' or '-', starting with a letter or digit.")
            .arg(name);
    return {};
}

std::optional<EnvironmentRecord> EnvironmentStore::begin(const EnvironmentRecord &given,
                                                         QString *error) {
    QString ignored;
    error = error ? error : &ignored;
    if (const QString why = checkName(given.name); !why.isEmpty()) {
        *error = why;
        return std::nullopt;
    }
    if (given.kind.isEmpty()) {
        *error = tr("The environment %1 has no kind.").arg(given.name);
        return std::nullopt;
    }
    EnvironmentRecord r = given;
    if (r.id.isEmpty())
        r.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (r.osUser.isEmpty())
        r.osUser = Store::currentOsUser();
    if (r.owner.isEmpty())
        r.owner = processOwner();
    r.state = State::Provisioning;
    r.createdAt = QDateTime::currentDateTimeUtc();
    r.readyAt = r.failedAt = r.recycledAt = QDateTime();
    r.recycledBy.clear();
    r.error.clear();
    r.secretKeys.sort();
    r.secretKeys.removeDuplicates();
    for (auto it = r.overrides.cbegin(); it != r.overrides.cend(); ++it)
        if (KindVariables::isSecret(it.key(), false) && !r.secretKeys.contains(it.key()))
            r.secretKeys.append(it.key());
    r.secretKeys.sort();
    r.overrides = KindVariables::masked(r.overrides, r.secretKeys);
    r.updatedAt = r.createdAt;
    r.version = 1;

    SqlTransaction tx(db_);
    if (!tx.begun(error))
        return std::nullopt;
    QSqlQuery source(db_);
    if (!sql::run(source,
                  QStringLiteral("SELECT 1 FROM env_template_versions WHERE template = ? AND "
                                 "version = ?"),
                  {r.templateName, r.templateVersion}, error))
        return std::nullopt;
    if (!source.next()) {
        *error =
            tr("The template %1 has no version %2.").arg(r.templateName).arg(r.templateVersion);
        return std::nullopt;
    }
    source.finish();
    QSqlQuery kind(db_);
    if (!sql::run(kind, QStringLiteral("SELECT 1 FROM env_kinds WHERE name = ?"), {r.kind}, error))
        return std::nullopt;
    if (!kind.next()) {
        *error = tr("There is no kind \"%1\".").arg(r.kind);
        return std::nullopt;
    }
    kind.finish();
    QSqlQuery taken(db_);
    if (!sql::run(taken,
                  QStringLiteral("SELECT os_user, state FROM environments WHERE name = ? AND "
                                 "state IN %1")
                      .arg(QLatin1String(kLiveStates)),
                  {r.name}, error))
        return std::nullopt;
    if (taken.next()) {
        *error = tr("An environment named %1 already exists (%2, provisioned by %3); recycle "
                    "it first or choose another name.")
                     .arg(r.name, taken.value(1).toString(), taken.value(0).toString());
        return std::nullopt;
    }
    taken.finish();
    QSqlQuery insert(db_);
    if (!sql::run(insert,
                  QStringLiteral("INSERT INTO environments (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                                 "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)")
                      .arg(QLatin1String(kColumns)),
                  {r.id, r.name, r.templateName, r.templateVersion, r.kind, r.hostId, r.hostUrl,
                   r.osUser, r.owner, EnvironmentRecord::stateName(r.state),
                   sql::isoUtc(r.createdAt), QString(), QString(), QString(), QString(), QString(),
                   overridesJson(r.overrides),
                   QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(r.secretKeys))
                                         .toJson(QJsonDocument::Compact)),
                   sql::isoUtc(r.updatedAt)},
                  error)) {
        // Another process took the name between the check and the insert (PostgreSQL checks
        // rows as it writes them): the unique index refused it.
        if (error->contains(QLatin1String("environments_live_name")) ||
            error->contains(QLatin1String("environments.name")))
            *error = tr("An environment named %1 was just provisioned by someone else; choose "
                        "another name.")
                         .arg(r.name);
        return std::nullopt;
    }
    if (!tx.commit(error))
        return std::nullopt;
    return r;
}

bool EnvironmentStore::transition(const QString &id, const Change &change, QString *error) {
    QString ignored;
    error = error ? error : &ignored;
    SqlTransaction tx(db_);
    if (!tx.begun(error))
        return false;
    QString failed;
    const auto current = record(id, &failed);
    if (!current) {
        *error = failed;
        return false;
    }
    const auto changedMeanwhile = [&](const EnvironmentRecord &now) {
        if (change.current)
            *change.current = now;
        *error = tr("The environment %1 was changed by someone else meanwhile (now: %2, "
                    "version %3); look at it again.")
                     .arg(now.name, EnvironmentRecord::stateName(now.state))
                     .arg(now.version);
        return false;
    };
    if (change.readVersion > 0 && current->version != change.readVersion)
        return changedMeanwhile(*current);
    if (!change.from.contains(current->state)) {
        QStringList from;
        for (State s : change.from)
            from.append(EnvironmentRecord::stateName(s));
        *error = tr("The environment %1 is %2, not %3.")
                     .arg(current->name, EnvironmentRecord::stateName(current->state),
                          from.join(tr(" or ")));
        return false;
    }
    const QString now = sql::nowUtc();
    QString sets = QStringLiteral("state = ?, updated_at = ?, version = version + 1");
    QVariantList values{EnvironmentRecord::stateName(change.to), now};
    if (!change.timeColumn.isEmpty()) {
        sets += QStringLiteral(", %1 = ?").arg(change.timeColumn);
        values.append(now);
    }
    if (change.errorText) {
        sets += QStringLiteral(", error = ?");
        values.append(keptText(*change.errorText));
    }
    if (!change.recycledBy.isEmpty()) {
        sets += QStringLiteral(", recycled_by = ?");
        values.append(change.recycledBy);
    }
    values << id << current->version;
    QSqlQuery update(db_);
    // Only from the version read above: of two processes acting at once, one wins.
    if (!sql::run(
            update,
            QStringLiteral("UPDATE environments SET %1 WHERE id = ? AND version = ?").arg(sets),
            values, error))
        return false;
    if (update.numRowsAffected() != 1) {
        update.finish();
        QString failed;
        const auto now = record(id, &failed);
        if (!now) {
            *error = failed;
            return false;
        }
        return changedMeanwhile(*now);
    }
    if (!change.auditAction.isEmpty()) {
        EnvironmentRecord after = *current;
        after.error = change.errorText.value_or(current->error);
        AuditEntry e;
        // Who acted: the provisioner for a provision, whoever began the recycle for a recycle.
        e.osUser = change.to == State::Recycled || current->state == State::Recycling
                       ? current->recycledBy
                       : current->osUser;
        e.action = change.auditAction;
        e.target = current->name;
        e.host = current->hostUrl;
        e.result = change.auditOk ? QStringLiteral("ok") : QStringLiteral("failed");
        e.detail = auditDetail(after);
        if (!sql::appendAudit(db_, e, error))
            return false;
    }
    return tx.commit(error);
}

bool EnvironmentStore::markReady(const QString &id, QString *error) {
    Change c{{State::Provisioning},
             State::Ready,
             QStringLiteral("ready_at"),
             QString(),
             {},
             QStringLiteral("environment.provision"),
             true};
    return transition(id, c, error);
}

bool EnvironmentStore::markFailed(const QString &id, const QString &why, QString *error) {
    Change c{{State::Provisioning},
             State::Failed,
             QStringLiteral("failed_at"),
             why,
             {},
             QStringLiteral("environment.provision"),
             false};
    return transition(id, c, error);
}

bool EnvironmentStore::beginRecycle(const QString &id, QString *error, const QString &by,
                                    int readVersion, std::optional<EnvironmentRecord> *current) {
    Change c{{State::Ready, State::Failed},
             State::Recycling,
             QString(),
             std::nullopt,
             by.isEmpty() ? Store::currentOsUser() : by,
             QString(),
             true,
             readVersion,
             current};
    return transition(id, c, error);
}

bool EnvironmentStore::markRecycled(const QString &id, QString *error) {
    Change c{{State::Recycling},
             State::Recycled,
             QStringLiteral("recycled_at"),
             std::nullopt,
             {},
             QStringLiteral("environment.recycle"),
             true};
    return transition(id, c, error);
}

bool EnvironmentStore::recycleFailed(const QString &id, const QString &why, QString *error) {
    Change c{{State::Recycling},
             State::Ready,
             QString(),
             why,
             {},
             QStringLiteral("environment.recycle"),
             false};
    return transition(id, c, error);
}

QList<EnvironmentRecord> EnvironmentStore::select(const QString &where, const QVariantList &values,
                                                  const QString &order, QString *error) const {
    QList<EnvironmentRecord> out;
    QSqlQuery q(db_);
    if (!sql::run(q,
                  QStringLiteral("SELECT %1 FROM environments %2 ORDER BY %3")
                      .arg(QLatin1String(kColumns), where, order),
                  values, error))
        return out;
    while (q.next())
        out.append(readRecord(q));
    return out;
}

std::optional<EnvironmentRecord> EnvironmentStore::record(const QString &id, QString *error) const {
    QString failed;
    const QList<EnvironmentRecord> found =
        select(QStringLiteral("WHERE id = ?"), {id}, QStringLiteral("id"), &failed);
    if (found.isEmpty()) {
        if (error)
            *error =
                failed.isEmpty() ? tr("There is no environment with the id %1.").arg(id) : failed;
        return std::nullopt;
    }
    return found.first();
}

std::optional<EnvironmentRecord> EnvironmentStore::liveByName(const QString &name,
                                                              QString *error) const {
    const QList<EnvironmentRecord> found =
        select(QStringLiteral("WHERE name = ? AND state IN %1").arg(QLatin1String(kLiveStates)),
               {name}, QStringLiteral("created_at"), error);
    if (found.isEmpty())
        return std::nullopt;
    return found.first();
}

QList<EnvironmentRecord> EnvironmentStore::all(int limit, QString *error) const {
    return select(QString(), {},
                  limit > 0 ? QStringLiteral("created_at DESC, id LIMIT %1").arg(limit)
                            : QStringLiteral("created_at DESC, id"),
                  error);
}

QList<EnvironmentRecord> EnvironmentStore::live(QString *error) const {
    return select(QStringLiteral("WHERE state IN %1").arg(QLatin1String(kLiveStates)), {},
                  QStringLiteral("created_at DESC, id"), error);
}

QList<EnvironmentRecord> EnvironmentStore::mine(const QString &osUser, bool includeEnded,
                                                QString *error) const {
    const QString who = osUser.isEmpty() ? Store::currentOsUser() : osUser;
    QString where = QStringLiteral("WHERE os_user = ?");
    if (!includeEnded)
        where += QStringLiteral(" AND state IN %1").arg(QLatin1String(kLiveStates));
    return select(where, {who}, QStringLiteral("created_at DESC, id"), error);
}

QList<EnvironmentRecord> EnvironmentStore::unfinished(QString *error) const {
    return select(QStringLiteral("WHERE state IN ('provisioning', 'recycling')"), {},
                  QStringLiteral("created_at, id"), error);
}

} // namespace slipway::core::env
