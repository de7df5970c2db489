// SecretEnv: which environment variables of a deployment are secrets, and how they are shown.
// Slipway never stores a secret's value: a deployment's config lists the key
// (DeploymentConfig::secret) and the value is found again at each change that creates replicas
// (SecretResolver). Everything that shows or records an environment masks it here.
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace slipway::core {

// Key → value of the secrets one change uses: held in memory for that change only.
using SecretValues = QHash<QString, QString>;

class SecretEnv {
public:
    // What a secret's value is shown as, everywhere.
    static QString mask() { return QStringLiteral("******"); }

    // A name containing PASSWORD, SECRET, TOKEN or KEY (any case) is always a secret.
    static bool looksSecret(const QString &key);
    // "K=V" → "K"; the whole text when it has no '='.
    static QString keyOf(const QString &assignment);
    // "K=V" → "V"; empty when it has no '='.
    static QString valueOf(const QString &assignment);
    // `key` is listed in `secretKeys` or looks secret.
    static bool isSecret(const QString &key, const QStringList &secretKeys);

    // `env` ("K=V") for display: each secret's value replaced by mask(), then one "K=******"
    // for each key in `secretKeys` that `env` does not hold.
    static QStringList masked(const QStringList &env, const QStringList &secretKeys);

    // `text` with every value of `values` (of three characters or more: shorter ones would
    // mask ordinary words) and every value assigned to a secret-looking name ("DB_PASSWORD=x",
    // "DB_PASSWORD=\"a b\"") replaced by mask(): for messages, details and the audit log.
    static QString scrub(const QString &text, const SecretValues &values = {});
};

} // namespace slipway::core
