#include "core/environments/envfile.h"

#include <QRegularExpression>

namespace slipway::core::env {

namespace {

// python-dotenv's expansion: ${NAME} and ${NAME:-default}, the file's earlier values first.
QString expand(const QString &value, const QMap<QString, QString> &fileValues,
               const QMap<QString, QString> &variables) {
    static const QRegularExpression re(QStringLiteral("\\$\\{([^}:]*)(?::-([^}]*))?\\}"));
    QString result;
    qsizetype last = 0;
    auto it = re.globalMatch(value);
    while (it.hasNext()) {
        const auto m = it.next();
        result += value.mid(last, m.capturedStart() - last);
        const QString name = m.captured(1);
        QString v = variables.contains(name) ? variables.value(name) : fileValues.value(name);
        if (v.isEmpty())
            v = m.captured(2);
        result += v;
        last = m.capturedEnd();
    }
    return result + value.mid(last);
}

} // namespace

void EnvFile::read(const QByteArray &bytes, const QString &file,
                   const QMap<QString, QString> &variables, QMap<QString, QString> *out,
                   QList<TemplateError> *errors) {
    static const QRegularExpression keyRe(QStringLiteral("^[A-Za-z_][A-Za-z0-9_.-]*$"));
    QString text = QString::fromUtf8(bytes);
    if (text.startsWith(QChar(0xfeff)))
        text.remove(0, 1);
    const QStringList lines = text.split(u'\n');
    QMap<QString, QString> values;
    for (int n = 0; n < lines.size(); ++n) {
        QString line = lines[n];
        if (line.endsWith(u'\r'))
            line.chop(1);
        const SourcePos pos{n + 1, 1};
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(u'#'))
            continue;
        QString rest = trimmed;
        if (rest.startsWith(QLatin1String("export ")))
            rest = rest.mid(7).trimmed();
        const qsizetype eq = rest.indexOf(u'=');
        const QString key = (eq < 0 ? rest : rest.left(eq)).trimmed();
        if (!keyRe.match(key).hasMatch()) {
            errors->append({file, pos, key,
                            tr("expected KEY=VALUE, a bare KEY or a # comment: \"%1\"")
                                .arg(trimmed.left(80))});
            continue;
        }
        if (eq < 0) {
            // A bare KEY takes the variable; unset, the container does not get it.
            if (variables.contains(key))
                values.insert(key, variables.value(key));
            continue;
        }
        QString value = rest.mid(eq + 1).trimmed();
        if (value.startsWith(u'\'') || value.startsWith(u'"')) {
            const QChar q = value[0];
            qsizetype end = 1;
            QString unquoted;
            bool closed = false;
            for (; end < value.size(); ++end) {
                const QChar c = value[end];
                if (q == u'"' && c == u'\\' && end + 1 < value.size()) {
                    const QChar e = value[++end];
                    unquoted += e == u'n' ? QChar(u'\n') : e == u't' ? QChar(u'\t') : e;
                    continue;
                }
                if (c == q) {
                    closed = true;
                    break;
                }
                unquoted += c;
            }
            const QString after = value.mid(end + 1).trimmed();
            if (!closed || (!after.isEmpty() && !after.startsWith(u'#'))) {
                errors->append(
                    {file, pos, key,
                     tr("the value of %1 has an unclosed quote or text after it").arg(key)});
                continue;
            }
            value = q == u'"' ? expand(unquoted, values, variables) : unquoted;
        } else {
            if (const qsizetype hash = value.indexOf(QLatin1String(" #")); hash >= 0)
                value = value.left(hash).trimmed();
            value = expand(value, values, variables);
        }
        values.insert(key, value);
    }
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        out->insert(it.key(), it.value());
}

} // namespace slipway::core::env
