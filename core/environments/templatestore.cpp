#include "core/environments/templatestore.h"

#include "core/environments/environmentsql.h"
#include "core/environments/templatefolder.h"
#include "core/store/sqltransaction.h"
#include "core/store/store.h"

#include <QSqlQuery>
#include <QVariant>

namespace slipway::core::env {

namespace {

QString auditAction(TemplateVersion::Source source) {
    switch (source) {
    case TemplateVersion::Source::Import:
        return QStringLiteral("template.import");
    case TemplateVersion::Source::Builtin:
        return QStringLiteral("template.builtin");
    case TemplateVersion::Source::Editor:
        break;
    }
    return QStringLiteral("template.save");
}

} // namespace

std::optional<TemplateStore::Saved> TemplateStore::save(const QString &name,
                                                        const TemplateContent &content,
                                                        QString *error, const QString &savedBy) {
    QString ignored;
    error = error ? error : &ignored;
    return saveVersion(name, content, TemplateVersion::Source::Editor, {}, savedBy, error);
}

std::optional<TemplateStore::Saved>
TemplateStore::importFolder(const QString &name, const QString &folder, const QString &composeFile,
                            const QStringList &namedFiles, QString *error, const QString &savedBy) {
    QString ignored;
    error = error ? error : &ignored;
    if (const QString why = TemplateRules::checkName(name); !why.isEmpty()) {
        *error = why;
        return std::nullopt;
    }
    TemplateContent content;
    if (!readTemplateFolder(folder, composeFile, namedFiles, &content, error))
        return std::nullopt;
    return saveVersion(name, content, TemplateVersion::Source::Import, folder, savedBy, error);
}

std::optional<QStringList>
TemplateStore::seedBuiltins(const QList<QPair<QString, QByteArray>> &builtins, QString *error) {
    QList<QPair<QString, TemplateContent>> contents;
    for (const auto &[name, compose] : builtins) {
        TemplateContent content;
        content.files.insert(content.composeFile, compose);
        contents.append({name, content});
    }
    return seedBuiltins(contents, error);
}

std::optional<QStringList>
TemplateStore::seedBuiltins(const QList<QPair<QString, TemplateContent>> &builtins,
                            QString *error) {
    QString ignored;
    error = error ? error : &ignored;
    QStringList seeded;
    for (const auto &[name, given] : builtins) {
        TemplateContent content = given;
        QString why;
        if (!TemplateRules::checkName(name).isEmpty() || !TemplateRules::check(&content, &why)) {
            *error = tr("The built-in template \"%1\" is not valid: %2")
                         .arg(name, why.isEmpty() ? TemplateRules::checkName(name) : why);
            return std::nullopt;
        }
        QString failed;
        const QString shipped = newestHash(name, TemplateVersion::Source::Builtin, &failed);
        if (!failed.isEmpty()) {
            *error = failed;
            return std::nullopt;
        }
        if (shipped == content.hash())
            continue;
        // A template of the user's own that happens to have a built-in's name is not taken
        // over.
        if (shipped.isEmpty() && !newestHash(name, std::nullopt, &failed).isEmpty())
            continue;
        if (!failed.isEmpty()) {
            *error = failed;
            return std::nullopt;
        }
        const auto saved =
            saveVersion(name, content, TemplateVersion::Source::Builtin, QStringLiteral("built-in"),
                        QStringLiteral("slipway"), error);
        if (!saved)
            return std::nullopt;
        if (saved->created)
            seeded.append(name);
    }
    return seeded;
}

QString TemplateStore::newestHash(const QString &name,
                                  std::optional<TemplateVersion::Source> source,
                                  QString *error) const {
    QSqlQuery q(db_);
    QString sqlText = QStringLiteral("SELECT content_hash FROM env_template_versions "
                                     "WHERE template = ?");
    QVariantList values{name};
    if (source) {
        sqlText += QStringLiteral(" AND source = ?");
        values.append(TemplateVersion::sourceName(*source));
    }
    sqlText += QStringLiteral(" ORDER BY version DESC LIMIT 1");
    if (!sql::run(q, sqlText, values, error))
        return {};
    return q.next() ? q.value(0).toString() : QString();
}

std::optional<TemplateStore::Saved>
TemplateStore::saveVersion(const QString &name, TemplateContent content,
                           TemplateVersion::Source source, const QString &origin,
                           const QString &savedBy, QString *error) {
    if (const QString why = TemplateRules::checkName(name); !why.isEmpty()) {
        *error = why;
        return std::nullopt;
    }
    if (!TemplateRules::check(&content, error))
        return std::nullopt;
    const QString hash = content.hash();
    const QString who = savedBy.isEmpty() ? Store::currentOsUser() : savedBy;
    const QString now = sql::nowUtc();
    SqlTransaction tx(db_);
    if (!tx.begun(error))
        return std::nullopt;
    QSqlQuery latest(db_);
    if (!sql::run(latest, QStringLiteral("SELECT latest FROM env_templates WHERE name = ?"), {name},
                  error))
        return std::nullopt;
    const bool exists = latest.next();
    const int current = exists ? latest.value(0).toInt() : 0;
    latest.finish();
    if (exists) {
        QString failed;
        const QString newest = newestHash(name, std::nullopt, &failed);
        if (!failed.isEmpty()) {
            *error = failed;
            return std::nullopt;
        }
        if (newest == hash)
            return Saved{current, false};
    }
    const int next = current + 1;
    QSqlQuery head(db_);
    if (!exists) {
        if (!sql::run(head,
                      QStringLiteral("INSERT INTO env_templates (name, latest, created_by, "
                                     "created_at, updated_at) VALUES (?, ?, ?, ?, ?)"),
                      {name, next, who, now, now}, error))
            return std::nullopt;
    } else {
        // Only from the version read above: a save that raced this one fails here.
        if (!sql::run(head,
                      QStringLiteral("UPDATE env_templates SET latest = ?, updated_at = ? "
                                     "WHERE name = ? AND latest = ?"),
                      {next, now, name, current}, error))
            return std::nullopt;
        if (head.numRowsAffected() != 1) {
            *error = tr("The template \"%1\" was changed by someone else meanwhile; load it "
                        "again.")
                         .arg(name);
            return std::nullopt;
        }
    }
    QSqlQuery version(db_);
    if (!sql::run(version,
                  QStringLiteral("INSERT INTO env_template_versions (template, version, "
                                 "compose_file, content_hash, source, origin, saved_by, "
                                 "saved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                  {name, next, content.composeFile, hash, TemplateVersion::sourceName(source),
                   origin, who, now},
                  error))
        return std::nullopt;
    for (auto it = content.files.cbegin(); it != content.files.cend(); ++it) {
        QSqlQuery file(db_);
        if (!sql::run(file,
                      QStringLiteral("INSERT INTO env_template_files (template, version, name, "
                                     "content) VALUES (?, ?, ?, ?)"),
                      {name, next, it.key(), QVariant(it.value())}, error))
            return std::nullopt;
    }
    AuditEntry audit;
    audit.osUser = who;
    audit.action = auditAction(source);
    audit.target = QStringLiteral("%1 v%2").arg(name).arg(next);
    audit.result = QStringLiteral("ok");
    audit.detail = QStringLiteral("%1 (%2)").arg(
        content.files.keys().join(QStringLiteral(", ")),
        origin.isEmpty() ? TemplateVersion::sourceName(source) : origin);
    if (!sql::appendAudit(db_, audit, error) || !tx.commit(error))
        return std::nullopt;
    return Saved{next, true};
}

QList<TemplateSummary> TemplateStore::templates(QString *error) const {
    QList<TemplateSummary> out;
    QSqlQuery q(db_);
    if (!sql::run(q,
                  QStringLiteral("SELECT t.name, t.latest, v.source, v.compose_file, v.saved_by, "
                                 "v.saved_at FROM env_templates t JOIN env_template_versions v "
                                 "ON v.template = t.name AND v.version = t.latest "
                                 "ORDER BY t.name"),
                  {}, error))
        return out;
    while (q.next()) {
        TemplateSummary s;
        s.name = q.value(0).toString();
        s.latest = q.value(1).toInt();
        s.source = TemplateVersion::sourceFromName(q.value(2).toString());
        s.composeFile = q.value(3).toString();
        s.updatedBy = q.value(4).toString();
        s.updatedAt = sql::fromIso(q.value(5).toString());
        out.append(s);
    }
    return out;
}

namespace {

TemplateVersion readVersion(const QSqlQuery &q) {
    TemplateVersion v;
    v.name = q.value(0).toString();
    v.version = q.value(1).toInt();
    v.content.composeFile = q.value(2).toString();
    v.hash = q.value(3).toString();
    v.source = TemplateVersion::sourceFromName(q.value(4).toString());
    v.origin = q.value(5).toString();
    v.savedBy = q.value(6).toString();
    v.savedAt = sql::fromIso(q.value(7).toString());
    return v;
}

const char *kVersionColumns =
    "template, version, compose_file, content_hash, source, origin, saved_by, saved_at";

} // namespace

QList<TemplateVersion> TemplateStore::history(const QString &name, QString *error) const {
    QList<TemplateVersion> out;
    QSqlQuery q(db_);
    if (!sql::run(q,
                  QStringLiteral("SELECT %1 FROM env_template_versions WHERE template = ? "
                                 "ORDER BY version DESC")
                      .arg(QLatin1String(kVersionColumns)),
                  {name}, error))
        return out;
    while (q.next())
        out.append(readVersion(q));
    return out;
}

std::optional<TemplateVersion> TemplateStore::version(const QString &name, int number,
                                                      QString *error) const {
    QString ignored;
    QString *why = error ? error : &ignored;
    QSqlQuery q(db_);
    const bool newest = number <= 0;
    const QString sqlText =
        QStringLiteral("SELECT %1 FROM env_template_versions WHERE template = ? %2")
            .arg(QLatin1String(kVersionColumns),
                 newest ? QStringLiteral("ORDER BY version DESC LIMIT 1")
                        : QStringLiteral("AND version = ?"));
    if (!sql::run(q, sqlText, newest ? QVariantList{name} : QVariantList{name, number}, why))
        return std::nullopt;
    if (!q.next()) {
        *why = newest ? tr("There is no template \"%1\".").arg(name)
                      : tr("The template \"%1\" has no version %2.").arg(name).arg(number);
        return std::nullopt;
    }
    TemplateVersion v = readVersion(q);
    q.finish();
    QSqlQuery files(db_);
    if (!sql::run(files,
                  QStringLiteral("SELECT name, content FROM env_template_files "
                                 "WHERE template = ? AND version = ?"),
                  {name, v.version}, why))
        return std::nullopt;
    while (files.next())
        v.content.files.insert(files.value(0).toString(), files.value(1).toByteArray());
    return v;
}

std::optional<TemplateDiff> TemplateStore::diff(const QString &name, int from, int to,
                                                QString *error, int context) const {
    const auto a = version(name, from, error);
    if (!a)
        return std::nullopt;
    const auto b = version(name, to, error);
    if (!b)
        return std::nullopt;
    return diffTemplates(*a, *b, context);
}

} // namespace slipway::core::env
