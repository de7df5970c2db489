// TemplateStore: environment templates in the Store's database, every changed save a new
// version, with imports from a folder, built-in seeding and diffs. Use it on the thread that
// owns the Store (the store thread).
#pragma once

#include "core/environments/templatediff.h"
#include "core/environments/templateversion.h"

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QSqlDatabase>
#include <optional>

namespace slipway::core::env {

struct TemplateSummary {
    QString name;
    int latest = 0;                                                   // the newest version
    TemplateVersion::Source source = TemplateVersion::Source::Editor; // of the newest version
    QString composeFile;                                              // of the newest version
    QString updatedBy;
    QDateTime updatedAt; // UTC
};

class TemplateStore {
    Q_DECLARE_TR_FUNCTIONS(TemplateStore)

public:
    explicit TemplateStore(QSqlDatabase db) : db_(std::move(db)) {}

    struct Saved {
        int version = 0;      // the template's version that holds this content
        bool created = false; // false: the newest version already held it, nothing was written
    };

    // Stores `content` as the next version of `name` (version 1 for a new template) unless the
    // newest version holds the same content. `savedBy` defaults to the OS user. The version and
    // its audit row ("template.save") are written in one transaction. Nullopt with `error`
    // when the name or content is refused (TemplateRules) or the database fails.
    std::optional<Saved> save(const QString &name, const TemplateContent &content, QString *error,
                              const QString &savedBy = {});
    // Reads the Compose file and the files it names from `folder` (readTemplateFolder) and
    // saves them as `name` ("template.import", the folder kept as the version's origin).
    std::optional<Saved> importFolder(const QString &name, const QString &folder,
                                      const QString &composeFile, const QStringList &namedFiles,
                                      QString *error, const QString &savedBy = {});
    // The built-in templates (name, Compose file bytes, stored as "compose.yaml"), saved when
    // the newest built-in version of that name differs (a new Slipway ships a change): seeding
    // the same list again writes nothing, and a user's later edit of a built-in is kept until
    // the shipped file changes; a user's own template that has the name of a built-in one
    // (never seeded) is left alone. Returns the names given a new version; nullopt with `error`
    // at the first that fails (those before it stay saved).
    std::optional<QStringList> seedBuiltins(const QList<QPair<QString, QByteArray>> &builtins,
                                            QString *error);
    std::optional<QStringList> seedBuiltins(const QList<QPair<QString, TemplateContent>> &builtins,
                                            QString *error);

    // Every template, by name.
    QList<TemplateSummary> templates(QString *error = nullptr) const;
    // The versions of `name`, newest first, without their files (content.files empty).
    QList<TemplateVersion> history(const QString &name, QString *error = nullptr) const;
    // One version with its files; `version` 0: the newest. Nullopt with `error` naming what is
    // missing.
    std::optional<TemplateVersion> version(const QString &name, int version = 0,
                                           QString *error = nullptr) const;
    // The differences from version `from` to version `to` of `name`.
    std::optional<TemplateDiff> diff(const QString &name, int from, int to,
                                     QString *error = nullptr, int context = 3) const;

private:
    std::optional<Saved> saveVersion(const QString &name, TemplateContent content,
                                     TemplateVersion::Source source, const QString &origin,
                                     const QString &savedBy, QString *error);
    // The hash of the newest version of `name` from `source` (any source when nullopt); empty
    // when there is none.
    QString newestHash(const QString &name, std::optional<TemplateVersion::Source> source,
                       QString *error) const;

    QSqlDatabase db_;
};

} // namespace slipway::core::env
