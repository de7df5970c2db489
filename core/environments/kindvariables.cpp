#include "core/environments/kindvariables.h"

#include "core/deploy/secretenv.h"
#include "core/deploy/secretresolver.h"

#include <QRegularExpression>
#include <QSet>

namespace slipway::core::env {

QString KindVariable::displayValue() const {
    return KindVariables::isSecret(key, secret) ? SecretEnv::mask() : value;
}

QMap<QString, QString> ResolvedVariables::displayed() const {
    return KindVariables::masked(values, secretKeys);
}

bool KindVariables::isSecret(const QString &key, bool marked) {
    return marked || SecretEnv::looksSecret(key);
}

QString KindVariables::checkKey(const QString &key) {
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]{0,254}$"));
    if (key.isEmpty())
        return tr("A variable needs a name.");
    if (!valid.match(key).hasMatch())
        return tr("The variable name \"%1\" is not valid: use up to 255 letters, digits or '_', "
                  "not starting with a digit.")
            .arg(key);
    return {};
}

QString KindVariables::checkKind(const QString &name) {
    static const QRegularExpression valid(QStringLiteral("^[a-z0-9][a-z0-9_-]{0,63}$"));
    if (name.isEmpty())
        return tr("A kind needs a name.");
    if (!valid.match(name).hasMatch())
        return tr("The kind name \"%1\" is not valid: use up to 64 lowercase letters, digits, "
                  "'_' or '-', starting with a letter or digit.")
            .arg(name);
    return {};
}

QMap<QString, QString> KindVariables::masked(const QMap<QString, QString> &values,
                                             const QStringList &secretKeys) {
    QMap<QString, QString> out = values;
    for (auto it = out.begin(); it != out.end(); ++it)
        if (isSecret(it.key(), secretKeys.contains(it.key())))
            it.value() = SecretEnv::mask();
    return out;
}

bool KindVariables::resolve(const QString &templateName, const QString &kind,
                            const QList<KindVariable> &defaults,
                            const QList<KindVariable> &kindVariables,
                            const QMap<QString, QString> &overrides, const SecretSources &sources,
                            ResolvedVariables *out, QString *error) {
    QMap<QString, QString> values;
    QSet<QString> secret;
    QSet<QString> pending; // secrets still without a value
    for (const QList<KindVariable> *level : {&defaults, &kindVariables}) {
        for (const KindVariable &v : *level) {
            if (isSecret(v.key, v.secret)) {
                secret.insert(v.key);
                pending.insert(v.key);
                values.remove(v.key);
            } else {
                values.insert(v.key, v.value);
                pending.remove(v.key);
            }
        }
    }
    for (auto it = overrides.cbegin(); it != overrides.cend(); ++it) {
        if (const QString why = checkKey(it.key()); !why.isEmpty()) {
            *error = why;
            return false;
        }
        values.insert(it.key(), it.value());
        pending.remove(it.key());
        if (SecretEnv::looksSecret(it.key()))
            secret.insert(it.key());
    }
    QStringList missing = pending.values();
    std::sort(missing.begin(), missing.end());
    QStringList stillMissing;
    for (const QString &key : std::as_const(missing)) {
        if (sources.environment.contains(key))
            values.insert(key, sources.environment.value(key));
        else
            stillMissing.append(key);
    }
    const QString file = sources.file.isEmpty() ? SecretResolver::defaultFile() : sources.file;
    if (!stillMissing.isEmpty()) {
        SecretValues inFile;
        if (!SecretResolver::readFile(file, templateName, kind, &inFile, error))
            return false;
        for (const QString &key : std::as_const(stillMissing))
            if (inFile.contains(key))
                values.insert(key, inFile.value(key));
        stillMissing.removeIf([&](const QString &key) { return inFile.contains(key); });
    }
    if (!stillMissing.isEmpty()) {
        *error = tr("No value for the secret %1 of the template %2 as %3, and Slipway never "
                    "stores one. Give it when provisioning (--var %4=…), set it in the "
                    "environment (export %4=…), or add the line %4=… to %5 (mode 0600; under a "
                    "line [%2/%3] for this template and kind only).")
                     .arg(stillMissing.join(QStringLiteral(", ")), templateName, kind,
                          stillMissing.first(), file);
        return false;
    }
    out->values = values;
    out->secretKeys = secret.values();
    std::sort(out->secretKeys.begin(), out->secretKeys.end());
    return true;
}

} // namespace slipway::core::env
