// TemplateContent, TemplateVersion: a template as stored, its Compose file and the files it
// names (env files, config files) as bytes, and one saved version of it with who and when.
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QMap>
#include <QString>

namespace slipway::core::env {

struct TemplateContent {
    QString composeFile = QStringLiteral("compose.yaml"); // its name among `files`
    QMap<QString, QByteArray> files; // relative name ("app.env", "conf/nginx.conf") -> bytes

    QByteArray compose() const { return files.value(composeFile); }
    // SHA-256 (hex) over the compose file's name and every file's name and bytes: two
    // contents are the same template exactly when their hashes are equal.
    QString hash() const;
};

struct TemplateVersion {
    enum class Source { Editor, Import, Builtin };

    QString name;    // the template's
    int version = 0; // 1, 2, 3... per template
    TemplateContent content;
    QString hash;
    Source source = Source::Editor;
    QString origin; // the folder it was imported from; empty otherwise
    QString savedBy;
    QDateTime savedAt; // UTC

    static QString sourceName(Source s); // "editor", "import", "builtin"
    static Source sourceFromName(const QString &name);
};

// The bounds and rules a template is checked against before it is stored.
class TemplateRules {
    Q_DECLARE_TR_FUNCTIONS(TemplateRules)

public:
    static constexpr qsizetype kMaxFileBytes = 1 << 20;  // each file
    static constexpr qsizetype kMaxTotalBytes = 8 << 20; // all of them
    static constexpr int kMaxFiles = 200;

    // A template name: 1-255 of [A-Za-z0-9._-], starting with a letter or digit (it appears in
    // the secrets file as "[TEMPLATE/KIND]" and in labels). Empty when fine, else why not.
    static QString checkName(const QString &name);
    // A file name as the Compose file writes it, relative to the template's folder:
    // "./app.env" -> "app.env". Empty with `why` when absolute, leaving the folder ("../x"),
    // or empty.
    static QString normalizeFileName(const QString &name, QString *why);
    // The whole content: names normalized, the compose file among the files and not empty,
    // within the bounds. False with `error` naming the file and the rule.
    static bool check(TemplateContent *content, QString *error);
};

} // namespace slipway::core::env
