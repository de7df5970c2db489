#include "core/environments/kindstore.h"

#include "core/deploy/secretenv.h"
#include "core/environments/environmentsql.h"
#include "core/store/sqltransaction.h"
#include "core/store/store.h"

#include <QSqlQuery>
#include <QVariant>

namespace slipway::core::env {

namespace {

QString target(const QString &templateName, const QString &kind) {
    return templateName + QLatin1Char('/') + (kind.isEmpty() ? QStringLiteral("(defaults)") : kind);
}

QString describe(const KindVariable &v) {
    return v.key + QLatin1Char('=') + v.displayValue();
}

bool audit(QSqlDatabase &db, const QString &action, const QString &on, const QString &detail,
           QString *error) {
    AuditEntry e;
    e.action = action;
    e.target = on;
    e.result = QStringLiteral("ok");
    e.detail = detail;
    return sql::appendAudit(db, e, error);
}

} // namespace

QList<Kind> KindStore::kinds(QString *error) const {
    QList<Kind> out;
    QSqlQuery q(db_);
    // CASE keeps the built-in ones in their natural order, not alphabetical.
    if (!sql::run(q,
                  QStringLiteral("SELECT name, builtin, description, created_by, created_at "
                                 "FROM env_kinds ORDER BY builtin DESC, CASE name "
                                 "WHEN 'test' THEN 0 WHEN 'integration' THEN 1 "
                                 "WHEN 'production' THEN 2 ELSE 3 END, name"),
                  {}, error))
        return out;
    while (q.next()) {
        Kind k;
        k.name = q.value(0).toString();
        k.builtin = q.value(1).toInt() != 0;
        k.description = q.value(2).toString();
        k.createdBy = q.value(3).toString();
        k.createdAt = sql::fromIso(q.value(4).toString());
        out.append(k);
    }
    return out;
}

bool KindStore::hasKind(const QString &name, QString *error) const {
    QSqlQuery q(db_);
    return sql::run(q, QStringLiteral("SELECT 1 FROM env_kinds WHERE name = ?"), {name}, error) &&
           q.next();
}

bool KindStore::addKind(const QString &name, const QString &description, QString *error) {
    QString ignored;
    error = error ? error : &ignored;
    if (const QString why = KindVariables::checkKind(name); !why.isEmpty()) {
        *error = why;
        return false;
    }
    SqlTransaction tx(db_);
    if (!tx.begun(error))
        return false;
    QString failed;
    if (hasKind(name, &failed) || !failed.isEmpty()) {
        *error = failed.isEmpty() ? tr("There is already a kind \"%1\".").arg(name) : failed;
        return false;
    }
    QSqlQuery q(db_);
    if (!sql::run(q,
                  QStringLiteral("INSERT INTO env_kinds (name, builtin, description, created_by, "
                                 "created_at) VALUES (?, 0, ?, ?, ?)"),
                  {name, description, Store::currentOsUser(), sql::nowUtc()}, error))
        return false;
    return audit(db_, QStringLiteral("kind.add"), name, description, error) && tx.commit(error);
}

bool KindStore::removeKind(const QString &name, QString *error) {
    QString ignored;
    error = error ? error : &ignored;
    SqlTransaction tx(db_);
    if (!tx.begun(error))
        return false;
    QSqlQuery q(db_);
    if (!sql::run(q, QStringLiteral("SELECT builtin FROM env_kinds WHERE name = ?"), {name}, error))
        return false;
    if (!q.next()) {
        *error = tr("There is no kind \"%1\".").arg(name);
        return false;
    }
    if (q.value(0).toInt() != 0) {
        *error = tr("The kind \"%1\" is built in and cannot be removed.").arg(name);
        return false;
    }
    q.finish();
    QSqlQuery vars(db_);
    QSqlQuery kind(db_);
    QSqlQuery sets(db_);
    if (!sql::run(vars, QStringLiteral("DELETE FROM env_variables WHERE kind = ?"), {name},
                  error) ||
        !sql::run(sets, QStringLiteral("DELETE FROM env_variable_sets WHERE kind = ?"), {name},
                  error) ||
        !sql::run(kind, QStringLiteral("DELETE FROM env_kinds WHERE name = ?"), {name}, error))
        return false;
    const QString detail =
        tr("%n variable(s) removed with it", nullptr, int(vars.numRowsAffected()));
    return audit(db_, QStringLiteral("kind.remove"), name, detail, error) && tx.commit(error);
}

QList<KindVariable> KindStore::variables(const QString &templateName, const QString &kind,
                                         QString *error) const {
    QList<KindVariable> out;
    QSqlQuery q(db_);
    if (!sql::run(q,
                  QStringLiteral("SELECT var_key, value, secret, updated_by, updated_at FROM "
                                 "env_variables WHERE template = ? AND kind = ? ORDER BY var_key"),
                  {templateName, kind}, error))
        return out;
    while (q.next()) {
        KindVariable v;
        v.key = q.value(0).toString();
        v.secret = q.value(2).toInt() != 0;
        // Defensive: a value written by hand into a secret's row is never handed out.
        v.value = KindVariables::isSecret(v.key, v.secret) ? QString() : q.value(1).toString();
        v.updatedBy = q.value(3).toString();
        v.updatedAt = sql::fromIso(q.value(4).toString());
        out.append(v);
    }
    return out;
}

bool KindStore::checkTarget(const QString &templateName, const QString &kind,
                            QString *error) const {
    QSqlQuery q(db_);
    if (!sql::run(q, QStringLiteral("SELECT 1 FROM env_templates WHERE name = ?"), {templateName},
                  error))
        return false;
    if (!q.next()) {
        *error = tr("There is no template \"%1\".").arg(templateName);
        return false;
    }
    if (kind.isEmpty())
        return true;
    QString failed;
    if (!hasKind(kind, &failed)) {
        *error = failed.isEmpty() ? tr("There is no kind \"%1\".").arg(kind) : failed;
        return false;
    }
    return true;
}

bool KindStore::checkVariable(const QString &templateName, const QString &kind,
                              const KindVariable &v, QString *error) const {
    if (const QString why = KindVariables::checkKey(v.key); !why.isEmpty()) {
        *error = why;
        return false;
    }
    if (KindVariables::isSecret(v.key, v.secret) && !v.value.isEmpty()) {
        *error = tr("%1 is a secret, and Slipway never stores a secret's value. Leave it empty "
                    "here; give it when provisioning, in the environment, or in the secrets file "
                    "under [%2/%3].")
                     .arg(v.key, templateName, kind.isEmpty() ? QStringLiteral("KIND") : kind);
        return false;
    }
    return true;
}

bool KindStore::insertVariable(const QString &templateName, const QString &kind,
                               const KindVariable &v, QString *error) {
    const bool secret = KindVariables::isSecret(v.key, v.secret);
    QSqlQuery q(db_);
    return sql::run(q,
                    QStringLiteral("INSERT INTO env_variables (template, kind, var_key, value, "
                                   "secret, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                    {templateName, kind, v.key, secret ? QString() : v.value, secret ? 1 : 0,
                     Store::currentOsUser(), sql::nowUtc()},
                    error);
}

int KindStore::variablesVersion(const QString &templateName, const QString &kind,
                                QString *error) const {
    QSqlQuery q(db_);
    if (!sql::run(q,
                  QStringLiteral("SELECT version FROM env_variable_sets WHERE template = ? AND "
                                 "kind = ?"),
                  {templateName, kind}, error) ||
        !q.next())
        return 0;
    return q.value(0).toInt();
}

bool KindStore::bumpVersion(const QString &templateName, const QString &kind, int readVersion,
                            QList<KindVariable> *current, QString *error) {
    QString failed;
    const int now = variablesVersion(templateName, kind, &failed);
    if (!failed.isEmpty()) {
        *error = failed;
        return false;
    }
    if (readVersion >= 0 && now != readVersion) {
        const QList<KindVariable> vars = variables(templateName, kind, &failed);
        if (current)
            *current = vars;
        QStringList shown;
        for (const KindVariable &v : vars)
            shown.append(describe(v));
        *error = tr("The variables of %1 were changed by someone else meanwhile (now: %2); look "
                    "at them again.")
                     .arg(target(templateName, kind),
                          shown.isEmpty() ? tr("none") : shown.join(QStringLiteral(", ")));
        return false;
    }
    QSqlQuery q(db_);
    // Compared with the version read above, so that of two writers only one moves it on.
    if (now == 0)
        return sql::run(q,
                        QStringLiteral("INSERT INTO env_variable_sets (template, kind, version) "
                                       "VALUES (?, ?, 1)"),
                        {templateName, kind}, error);
    if (!sql::run(q,
                  QStringLiteral("UPDATE env_variable_sets SET version = version + 1 WHERE "
                                 "template = ? AND kind = ? AND version = ?"),
                  {templateName, kind, now}, error))
        return false;
    if (q.numRowsAffected() != 1) {
        *error = tr("The variables of %1 were changed by someone else meanwhile; look at them "
                    "again.")
                     .arg(target(templateName, kind));
        return false;
    }
    return true;
}

bool KindStore::setVariable(const QString &templateName, const QString &kind,
                            const KindVariable &variable, QString *error) {
    QString ignored;
    error = error ? error : &ignored;
    SqlTransaction tx(db_);
    if (!tx.begun(error) || !checkTarget(templateName, kind, error) ||
        !checkVariable(templateName, kind, variable, error))
        return false;
    QSqlQuery remove(db_);
    if (!sql::run(remove,
                  QStringLiteral("DELETE FROM env_variables WHERE template = ? AND kind = ? AND "
                                 "var_key = ?"),
                  {templateName, kind, variable.key}, error) ||
        !insertVariable(templateName, kind, variable, error) ||
        !bumpVersion(templateName, kind, -1, nullptr, error))
        return false;
    return audit(db_, QStringLiteral("template.variables"), target(templateName, kind),
                 tr("set %1").arg(describe(variable)), error) &&
           tx.commit(error);
}

bool KindStore::removeVariable(const QString &templateName, const QString &kind, const QString &key,
                               QString *error) {
    QString ignored;
    error = error ? error : &ignored;
    SqlTransaction tx(db_);
    if (!tx.begun(error))
        return false;
    QSqlQuery remove(db_);
    if (!sql::run(remove,
                  QStringLiteral("DELETE FROM env_variables WHERE template = ? AND kind = ? AND "
                                 "var_key = ?"),
                  {templateName, kind, key}, error))
        return false;
    if (remove.numRowsAffected() == 0) {
        *error = tr("The template %1 has no variable %2.").arg(target(templateName, kind), key);
        return false;
    }
    if (!bumpVersion(templateName, kind, -1, nullptr, error))
        return false;
    return audit(db_, QStringLiteral("template.variables"), target(templateName, kind),
                 tr("removed %1").arg(key), error) &&
           tx.commit(error);
}

bool KindStore::replaceVariables(const QString &templateName, const QString &kind,
                                 const QList<KindVariable> &variables, QString *error,
                                 int readVersion, QList<KindVariable> *current) {
    QString ignored;
    error = error ? error : &ignored;
    SqlTransaction tx(db_);
    if (!tx.begun(error) || !checkTarget(templateName, kind, error))
        return false;
    // Checked first: a stale editor learns it even when its Save would change nothing.
    if (readVersion >= 0 && variablesVersion(templateName, kind) != readVersion)
        return bumpVersion(templateName, kind, readVersion, current, error);
    QMap<QString, KindVariable> wanted;
    for (const KindVariable &v : variables) {
        if (!checkVariable(templateName, kind, v, error))
            return false;
        if (wanted.contains(v.key)) {
            *error = tr("The variable %1 is given twice.").arg(v.key);
            return false;
        }
        wanted.insert(v.key, v);
    }
    QMap<QString, KindVariable> before;
    QString failed;
    for (const KindVariable &v : this->variables(templateName, kind, &failed))
        before.insert(v.key, v);
    if (!failed.isEmpty()) {
        *error = failed;
        return false;
    }
    QStringList changes;
    for (const KindVariable &v : std::as_const(wanted)) {
        const auto old = before.constFind(v.key);
        const bool secret = KindVariables::isSecret(v.key, v.secret);
        if (old == before.cend() || old->value != (secret ? QString() : v.value) ||
            KindVariables::isSecret(old->key, old->secret) != secret)
            changes.append(tr("set %1").arg(describe(v)));
    }
    for (const KindVariable &v : std::as_const(before))
        if (!wanted.contains(v.key))
            changes.append(tr("removed %1").arg(v.key));
    if (changes.isEmpty())
        return true; // nothing to write, nothing to audit
    QSqlQuery clear(db_);
    if (!sql::run(clear,
                  QStringLiteral("DELETE FROM env_variables WHERE template = ? AND kind = ?"),
                  {templateName, kind}, error))
        return false;
    for (const KindVariable &v : std::as_const(wanted))
        if (!insertVariable(templateName, kind, v, error))
            return false;
    if (!bumpVersion(templateName, kind, readVersion, current, error))
        return false;
    return audit(db_, QStringLiteral("template.variables"), target(templateName, kind),
                 changes.join(QStringLiteral("; ")), error) &&
           tx.commit(error);
}

std::optional<ResolvedVariables> KindStore::resolve(const QString &templateName,
                                                    const QString &kind,
                                                    const QMap<QString, QString> &overrides,
                                                    const SecretSources &sources,
                                                    QString *error) const {
    QString ignored;
    error = error ? error : &ignored;
    if (kind.isEmpty()) {
        *error = tr("Say which kind of environment to provision (test, integration, "
                    "production, ...).");
        return std::nullopt;
    }
    if (!checkTarget(templateName, kind, error))
        return std::nullopt;
    QString failed;
    const QList<KindVariable> defaults = variables(templateName, QString(), &failed);
    const QList<KindVariable> own = variables(templateName, kind, &failed);
    if (!failed.isEmpty()) {
        *error = failed;
        return std::nullopt;
    }
    ResolvedVariables out;
    if (!KindVariables::resolve(templateName, kind, defaults, own, overrides, sources, &out, error))
        return std::nullopt;
    return out;
}

} // namespace slipway::core::env
