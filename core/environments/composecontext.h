// ComposeContext: what reading one Compose file shares: the input, the errors found so far and
// the typed readers of values (interpolated, checked, each problem recorded with its position).
#pragma once

#include "core/environments/composereader.h"
#include "core/environments/yamltree.h"

#include <QCoreApplication>
#include <optional>

namespace slipway::core::env {

class ComposeContext {
    Q_DECLARE_TR_FUNCTIONS(ComposeContext)

public:
    ComposeContext(const ComposeInput &input, QList<TemplateError> *errors)
        : input(input), errors(errors) {}

    const ComposeInput &input;
    QList<TemplateError> *errors;
    QStringList namedFiles;
    QMap<QString, QMap<QString, QString>> envFiles; // each env file's variables, read once

    static QString join(const QString &path, const QString &key) {
        return path.isEmpty() ? key : path + QLatin1Char('.') + key;
    }
    static QString index(const QString &path, qsizetype i) {
        return path + QLatin1Char('[') + QString::number(i) + QLatin1Char(']');
    }

    void error(SourcePos pos, const QString &path, const QString &message) const;

    // A scalar (a number or boolean as written), interpolated; nullopt after recording an
    // error. `what` says what was expected, for the message.
    std::optional<QString> text(const YamlNode &node, const QString &path,
                                const QString &what = {}) const;
    std::optional<bool> boolean(const YamlNode &node, const QString &path) const;
    std::optional<qint64> integer(const YamlNode &node, const QString &path, qint64 min,
                                  qint64 max) const;
    std::optional<double> number(const YamlNode &node, const QString &path) const;
    std::optional<qint64> duration(const YamlNode &node, const QString &path) const;
    // A list of scalars.
    std::optional<QStringList> list(const YamlNode &node, const QString &path) const;
    // A string or a list of strings.
    std::optional<QStringList> stringOrList(const YamlNode &node, const QString &path) const;
    // A mapping of scalars, or a list of "KEY<sep>VALUE" strings; a key without a value (null
    // in a mapping, no separator in a list) maps to nullopt.
    std::optional<QMap<QString, std::optional<QString>>>
    listOrDict(const YamlNode &node, const QString &path, QChar separator = u'=') const;
    // A mapping, else an error.
    bool isMap(const YamlNode &node, const QString &path) const;
};

// Splits a command line as a POSIX shell would (quotes, backslashes), as Compose does for
// command and entrypoint strings; nullopt with an unclosed quote.
std::optional<QStringList> splitShellWords(const QString &text);

} // namespace slipway::core::env
