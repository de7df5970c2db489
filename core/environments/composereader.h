// ComposeReader: a Compose template (its file, the files it names, the variables) read into a
// ComposeProject, or every problem found, each with its file, line, column and key. Reads no
// disk and no process environment: the caller passes everything it means to.
#pragma once

#include "core/environments/composeproject.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>

namespace slipway::core::env {

struct ComposeInput {
    QString fileName = QStringLiteral("compose.yml"); // for errors
    QByteArray compose;
    QMap<QString, QByteArray> files; // the files it names (env_file), by their clean relative name
    QMap<QString, QString> variables;
    QString projectName;        // over the file's `name:`
    QString defaultProjectName; // when neither is set (slipctl: the file's folder, as Compose)
    QString baseDirectory;      // relative bind mount sources are resolved against it
    bool remoteHost = false;    // relative bind mounts are refused: the folder is on this machine
};

struct ComposeResult {
    std::optional<ComposeProject> project; // set when there is no error
    QList<TemplateError> errors;           // in file order
    QStringList namedFiles; // every file the template names (found or not), clean and relative
};

class ComposeReader {
    Q_DECLARE_TR_FUNCTIONS(ComposeReader)

public:
    static ComposeResult read(const ComposeInput &input);

    // Compose's project name rule: lowercase, only [a-z0-9_-]; empty when nothing is left.
    static QString normalizeProjectName(const QString &name);
};

} // namespace slipway::core::env
