#include "envvalidatecommand.h"

#include "clihosts.h"
#include "clitr.h"
#include "core/environments/composereader.h"
#include "core/environments/composewriter.h"
#include "core/environments/kindstore.h"
#include "core/environments/templatestore.h"
#include "core/environments/yamltree.h"
#include "core/store/store.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace slipway::cli {

namespace {

using namespace core::env;

// At most one byte past the reader's bound: a bigger file is refused by the reader, unread.
bool readBounded(const QString &path, QByteArray *out, QString *why) {
    QFile file(path);
    if (!QFileInfo(path).isFile() || !file.open(QIODevice::ReadOnly)) {
        *why = file.errorString();
        return false;
    }
    *out = file.read(YamlTree::maxBytes + 1);
    return true;
}

QString location(const TemplateError &e, const QString &composeArg, const QString &dir) {
    QString file = e.file == composeArg ? composeArg : QDir(dir).filePath(e.file);
    if (e.pos.line > 0)
        file += QStringLiteral(":%1:%2").arg(e.pos.line).arg(e.pos.column);
    return file;
}

// --kind: the kind's values for the template (its defaults < the kind's < `variables`, the
// --var values), from the database; a template not stored gives only the --var values, once
// the kind is known.
bool kindVariables(const QCommandLineParser &parser, const QString &folderName,
                   QMap<QString, QString> *variables, QString *error) {
    auto store = core::Store::open(storeLocation(parser), error);
    if (!store)
        return false;
    const QString kind = parser.value(QStringLiteral("kind"));
    const QString templateName = parser.isSet(QStringLiteral("template"))
                                     ? parser.value(QStringLiteral("template"))
                                     : folderName;
    core::env::KindStore kinds(store->database());
    if (!kinds.hasKind(kind, error)) {
        if (error->isEmpty())
            *error = tr("--kind \"%1\": no such kind").arg(kind);
        return false;
    }
    if (!core::env::TemplateStore(store->database()).version(templateName))
        return true;
    // Secrets resolve to their mask: validate prints what it resolved, and never a secret.
    core::env::SecretSources masked;
    for (const QString &k : {QString(), kind})
        for (const auto &v : kinds.variables(templateName, k, error))
            if (core::env::KindVariables::isSecret(v.key, v.secret) && !variables->contains(v.key))
                masked.environment.insert(
                    v.key, core::env::KindVariable{v.key, {}, true, {}, {}}.displayValue());
    const auto resolved = kinds.resolve(templateName, kind, *variables, masked, error);
    if (!resolved)
        return false;
    *variables = resolved->values;
    return true;
}

} // namespace

int runEnvValidate(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Reads a Compose template and the env files it names (relative to its folder) and "
           "prints it resolved, as docker-compose config does, or every error as "
           "FILE:LINE:COLUMN: KEY: MESSAGE. Reads variables only from --var, never from the "
           "environment. Never talks to an engine."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("The Compose file."));
    parser.addOption({QStringLiteral("var"), tr("A variable for interpolation (repeatable)."),
                      QStringLiteral("K=V")});
    parser.addOption({QStringLiteral("project-name"),
                      tr("The project name (default: the file's name: key, else its folder)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("kind"),
                      tr("Resolve with this kind's variables of the template stored under the "
                         "file's folder name (as env up imports it), under --var; read from "
                         "the local database."),
                      QStringLiteral("K")});
    parser.addOption({QStringLiteral("template"),
                      tr("The stored template whose kind variables --kind takes (default: the "
                         "file's folder name)."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("data-dir"),
                      tr("The directory of Slipway's database (default: the GUI's)."),
                      QStringLiteral("DIR")});
    addDatabaseOption(parser);
    parser.addOption({QStringLiteral("json"), tr("Print JSON.")});
    QTextStream out(stdout);
    QTextStream err(stderr);
    const auto usage = [&](const QString &why) {
        err << arguments.value(0) << ": " << why << '\n' << parser.helpText();
        return 2;
    };
    if (!parser.parse(arguments))
        return usage(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText();
        return 0;
    }
    if (parser.positionalArguments().size() != 1)
        return usage(tr("expected one FILE"));

    ComposeInput input;
    const QString path = parser.positionalArguments().first();
    input.fileName = path;
    const QFileInfo info(path);
    const QString dir = info.absolutePath();
    input.baseDirectory = dir;
    input.defaultProjectName = QFileInfo(dir).fileName();
    input.projectName = parser.value(QStringLiteral("project-name"));
    if (parser.isSet(QStringLiteral("project-name")) &&
        ComposeReader::normalizeProjectName(input.projectName).isEmpty())
        return usage(tr("--project-name \"%1\" has no letter or digit").arg(input.projectName));
    for (const QString &var : parser.values(QStringLiteral("var"))) {
        const qsizetype eq = var.indexOf(u'=');
        if (eq <= 0)
            return usage(tr("--var \"%1\": expected K=V").arg(var));
        input.variables.insert(var.left(eq), var.mid(eq + 1));
    }
    QString why;
    if (parser.isSet(QStringLiteral("kind")) &&
        !kindVariables(parser, QFileInfo(dir).fileName(), &input.variables, &why)) {
        err << "slipctl: " << why << '\n';
        return 1;
    }
    if (!readBounded(path, &input.compose, &why)) {
        err << "slipctl: " << tr("cannot read %1: %2").arg(path, why) << '\n';
        return 1;
    }
    ComposeResult result = ComposeReader::read(input);
    // Only the files the template names are read, from its folder; then it is read again.
    if (!result.namedFiles.isEmpty()) {
        for (const QString &name : std::as_const(result.namedFiles)) {
            QByteArray bytes;
            if (readBounded(QDir(dir).filePath(name), &bytes, &why))
                input.files.insert(name, bytes);
        }
        result = ComposeReader::read(input);
    }
    const bool json = parser.isSet(QStringLiteral("json"));
    if (!result.project) {
        QJsonArray errors;
        for (const TemplateError &e : std::as_const(result.errors)) {
            err << location(e, path, dir) << ": "
                << (e.key.isEmpty() ? QString() : e.key + QStringLiteral(": ")) << e.message
                << '\n';
            errors.append(QJsonObject{{QStringLiteral("file"), e.file},
                                      {QStringLiteral("line"), e.pos.line},
                                      {QStringLiteral("column"), e.pos.column},
                                      {QStringLiteral("key"), e.key},
                                      {QStringLiteral("message"), e.message}});
        }
        if (json)
            out << QJsonDocument(QJsonObject{{QStringLiteral("ok"), false},
                                             {QStringLiteral("errors"), errors}})
                       .toJson(QJsonDocument::Indented);
        return 1;
    }
    if (json)
        out << ComposeWriter::json(*result.project);
    else
        out << ComposeWriter::yaml(*result.project);
    return 0;
}

} // namespace slipway::cli
