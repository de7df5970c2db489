#include "core/deploy/secretenv.h"

#include <QRegularExpression>
#include <algorithm>

namespace slipway::core {

bool SecretEnv::looksSecret(const QString &key) {
    for (const QLatin1String word : {QLatin1String("PASSWORD"), QLatin1String("SECRET"),
                                     QLatin1String("TOKEN"), QLatin1String("KEY")})
        if (key.contains(word, Qt::CaseInsensitive))
            return true;
    return false;
}

QString SecretEnv::keyOf(const QString &assignment) {
    const qsizetype eq = assignment.indexOf(QLatin1Char('='));
    return eq < 0 ? assignment : assignment.left(eq);
}

QString SecretEnv::valueOf(const QString &assignment) {
    const qsizetype eq = assignment.indexOf(QLatin1Char('='));
    return eq < 0 ? QString() : assignment.mid(eq + 1);
}

bool SecretEnv::isSecret(const QString &key, const QStringList &secretKeys) {
    return secretKeys.contains(key) || looksSecret(key);
}

QStringList SecretEnv::masked(const QStringList &env, const QStringList &secretKeys) {
    QStringList out;
    QStringList shown;
    for (const QString &e : env) {
        const QString key = keyOf(e);
        shown.append(key);
        out.append(isSecret(key, secretKeys) ? key + QLatin1Char('=') + mask() : e);
    }
    for (const QString &key : secretKeys)
        if (!shown.contains(key))
            out.append(key + QLatin1Char('=') + mask());
    return out;
}

QString SecretEnv::scrub(const QString &text, const SecretValues &values) {
    if (text.isEmpty())
        return text;
    QString out = text;
    // Longest first, so a value that contains another is masked whole.
    QStringList known;
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        if (it.value().size() >= 3)
            known.append(it.value());
    std::sort(known.begin(), known.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
    for (const QString &v : std::as_const(known))
        out.replace(v, mask());
    // NAME=value where NAME looks secret; the value ends at white space or punctuation that
    // ends a value in a message, unless it is quoted.
    static const QRegularExpression assignment(
        QStringLiteral("(?<![A-Za-z0-9_.-])((?:[A-Za-z_][A-Za-z0-9_.-]*)?"
                       "(?:PASSWORD|SECRET|TOKEN|KEY)[A-Za-z0-9_.-]*=)"
                       "(\"[^\"]*\"|'[^']*'|[^\\s,;\"'\\]\\)}]+)"),
        QRegularExpression::CaseInsensitiveOption);
    out.replace(assignment, QStringLiteral("\\1") + mask());
    return out;
}

} // namespace slipway::core
