#include "envtemplatecommands.h"

#include "clianswer.h"
#include "clihosts.h"
#include "clitr.h"
#include "core/environments/kindstore.h"
#include "core/environments/templatestore.h"
#include "core/store/store.h"
#include "textable.h"

#include <QCommandLineParser>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace slipway::cli {

namespace {

using core::env::KindVariable;

// The common options, so that a script may pass --host to every command alike; these read
// only the database (--data-dir).
void addStoreOptions(QCommandLineParser &parser) {
    addCommonOptions(parser);
}

std::unique_ptr<core::Store> openStore(const QCommandLineParser &parser, QString *error) {
    return core::Store::open(storeLocation(parser), error);
}

} // namespace

int runEnvVars(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Shows or changes a template's variables for a kind (without --kind: the template's "
           "own, under every kind's). A secret keeps only its name: its value comes from the "
           "environment, the secrets file or --var at env up."));
    parser.addPositionalArgument(QStringLiteral("template"), tr("The template."));
    parser.addOption({QStringLiteral("kind"), tr("The kind."), QStringLiteral("K")});
    parser.addOption(
        {QStringLiteral("set"), tr("Sets KEY=VALUE; repeatable."), QStringLiteral("KEY=VALUE")});
    parser.addOption({QStringLiteral("secret"), tr("Declares KEY a secret; repeatable."),
                      QStringLiteral("KEY")});
    parser.addOption(
        {QStringLiteral("unset"), tr("Removes KEY; repeatable."), QStringLiteral("KEY")});
    addStoreOptions(parser);
    parser.process(arguments);
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (parser.positionalArguments().size() != 1)
        return refuse(err, tr("env vars takes one template (see --help)."));
    const QString name = parser.positionalArguments().first();
    const QString kind = parser.value(QStringLiteral("kind"));
    QList<KindVariable> changes;
    for (const QString &set : parser.values(QStringLiteral("set"))) {
        const qsizetype eq = set.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return refuse(
                err,
                tr("--set \"%1\": expected KEY=VALUE.").arg(set.section(QLatin1Char('='), 0, 0)));
        changes.append(KindVariable{set.left(eq), set.mid(eq + 1), false, {}, {}});
    }
    for (const QString &key : parser.values(QStringLiteral("secret")))
        changes.append(KindVariable{key, QString(), true, {}, {}});
    QString error;
    auto store = openStore(parser, &error);
    if (!store)
        return refuse(err, error);
    if (!core::env::TemplateStore(store->database()).version(name, 0, &error))
        return refuse(err, error.isEmpty() ? tr("no template is named \"%1\"").arg(name) : error);
    core::env::KindStore kinds(store->database());
    for (const KindVariable &v : std::as_const(changes))
        if (!kinds.setVariable(name, kind, v, &error))
            return refuse(err, error);
    for (const QString &key : parser.values(QStringLiteral("unset")))
        if (!kinds.removeVariable(name, kind, key, &error))
            return refuse(err, error);
    const QList<KindVariable> vars = kinds.variables(name, kind, &error);
    if (!error.isEmpty())
        return refuse(err, error);
    QJsonArray array;
    TextTable table({tr("VARIABLE"), tr("VALUE"), tr("SECRET"), tr("SET BY")});
    for (const KindVariable &v : vars) {
        array.append(QJsonObject{{"key", v.key},
                                 {"value", v.displayValue()},
                                 {"secret", v.secret},
                                 {"updatedBy", v.updatedBy},
                                 {"updatedAt", v.updatedAt.toString(Qt::ISODateWithMs)}});
        table.addRow({v.key, v.displayValue(), v.secret ? tr("yes") : QString(), v.updatedBy});
    }
    if (parser.isSet(QStringLiteral("json")))
        out << QJsonDocument(array).toJson(QJsonDocument::Indented);
    else
        table.print(out);
    return 0;
}

int runEnvVersions(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Lists the templates, or the versions of one, newest first."));
    parser.addPositionalArgument(QStringLiteral("template"), tr("The template."),
                                 QStringLiteral("[TEMPLATE]"));
    addStoreOptions(parser);
    parser.process(arguments);
    QTextStream out(stdout);
    QTextStream err(stderr);
    QString error;
    auto store = openStore(parser, &error);
    if (!store)
        return refuse(err, error);
    core::env::TemplateStore templates(store->database());
    QJsonArray array;
    if (parser.positionalArguments().isEmpty()) {
        TextTable table({tr("TEMPLATE"), tr("VERSION"), tr("FROM"), tr("SAVED BY"), tr("SAVED")});
        for (const auto &t : templates.templates(&error)) {
            const QString source = core::env::TemplateVersion::sourceName(t.source);
            array.append(QJsonObject{{"name", t.name},
                                     {"version", t.latest},
                                     {"source", source},
                                     {"savedBy", t.updatedBy},
                                     {"savedAt", t.updatedAt.toString(Qt::ISODateWithMs)}});
            table.addRow({t.name, QString::number(t.latest), source, t.updatedBy,
                          t.updatedAt.toString(Qt::ISODate)});
        }
        if (!error.isEmpty())
            return refuse(err, error);
        if (parser.isSet(QStringLiteral("json")))
            out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        else
            table.print(out);
        return 0;
    }
    const QString name = parser.positionalArguments().first();
    const auto history = templates.history(name, &error);
    if (!error.isEmpty())
        return refuse(err, error);
    if (history.isEmpty())
        return refuse(err, tr("no template is named \"%1\"").arg(name));
    TextTable table({tr("VERSION"), tr("FROM"), tr("ORIGIN"), tr("SAVED BY"), tr("SAVED")});
    for (const auto &v : history) {
        const QString source = core::env::TemplateVersion::sourceName(v.source);
        array.append(QJsonObject{{"version", v.version},
                                 {"source", source},
                                 {"origin", v.origin},
                                 {"hash", v.hash},
                                 {"savedBy", v.savedBy},
                                 {"savedAt", v.savedAt.toString(Qt::ISODateWithMs)}});
        table.addRow({QString::number(v.version), source, v.origin, v.savedBy,
                      v.savedAt.toString(Qt::ISODate)});
    }
    if (parser.isSet(QStringLiteral("json")))
        out << QJsonDocument(array).toJson(QJsonDocument::Indented);
    else
        table.print(out);
    return 0;
}

int runEnvDiff(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("The changes between two versions of a template, file by file, as a unified diff "
           "(default: the newest against the one before)."));
    parser.addPositionalArgument(QStringLiteral("template"), tr("The template."));
    parser.addPositionalArgument(QStringLiteral("from"), tr("The older version."),
                                 QStringLiteral("[FROM [TO]]"));
    addStoreOptions(parser);
    parser.process(arguments);
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QStringList args = parser.positionalArguments();
    if (args.isEmpty() || args.size() > 3)
        return refuse(err, tr("env diff takes TEMPLATE [FROM [TO]] (see --help)."));
    QString error;
    auto store = openStore(parser, &error);
    if (!store)
        return refuse(err, error);
    core::env::TemplateStore templates(store->database());
    const auto newest = templates.version(args[0], 0, &error);
    if (!newest)
        return refuse(err, error);
    bool okFrom = true, okTo = true;
    const int to = args.size() > 2 ? args[2].toInt(&okTo) : newest->version;
    const int from = args.size() > 1 ? args[1].toInt(&okFrom) : to - 1;
    if (!okFrom || !okTo || from < 1 || to < 1)
        return refuse(
            err,
            tr("versions are numbers from 1 (\"%1\" has %2)").arg(args[0]).arg(newest->version));
    const auto diff = templates.diff(args[0], from, to, &error);
    if (!diff)
        return refuse(err, error);
    if (parser.isSet(QStringLiteral("json")))
        out << QJsonDocument(QJsonObject{{"name", diff->name},
                                         {"from", diff->from},
                                         {"to", diff->to},
                                         {"diff", diff->text()}})
                   .toJson(QJsonDocument::Indented);
    else
        out << diff->text();
    return 0;
}

} // namespace slipway::cli
