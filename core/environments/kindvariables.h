// KindVariable and KindVariables: the variables a template gives each kind of environment
// (test, integration, production, user-defined), how each is shown (secrets masked), and how
// the values one environment gets are resolved: template defaults < kind variables <
// provision-time overrides, secrets found again at each provision since none is stored.
#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace slipway::core::env {

struct KindVariable {
    QString key;
    QString value; // always empty for a secret: Slipway never stores a secret's value
    bool secret = false;
    QString updatedBy; // filled by KindStore
    QDateTime updatedAt;

    // What every listing shows: the value, or SecretEnv::mask() for a secret.
    QString displayValue() const;
};

// Where a secret's value is looked for at provision time, after the overrides.
struct SecretSources {
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QString file; // the secrets file; empty: SecretResolver::defaultFile()
};

// The variables one environment is provisioned with.
struct ResolvedVariables {
    QMap<QString, QString> values; // what the template reader interpolates with
    QStringList secretKeys;        // the keys whose values are secrets, sorted

    // `values` with each secret's value masked: for records, listings and the audit log.
    QMap<QString, QString> displayed() const;
};

class KindVariables {
    Q_DECLARE_TR_FUNCTIONS(KindVariables)

public:
    // A variable is secret when marked so or when its key looks secret (SecretEnv::looksSecret:
    // PASSWORD, SECRET, TOKEN or KEY in it), as for deployments.
    static bool isSecret(const QString &key, bool marked);
    // `key` as Compose interpolates it: [A-Za-z_][A-Za-z0-9_]*, at most 255. Empty when fine.
    static QString checkKey(const QString &key);
    // A kind's name: 1-64 of [a-z0-9_-], starting with a letter or digit. Empty when fine.
    static QString checkKind(const QString &name);
    // `values` with the values of `secretKeys` (and of secret-looking keys) masked.
    static QMap<QString, QString> masked(const QMap<QString, QString> &values,
                                         const QStringList &secretKeys);

    // The values for `templateName` in `kind`: `defaults` (the template's own, kind '') under
    // `kindVariables` under `overrides`. A key secret at any level stays secret. A secret with
    // no override is looked for in `sources.environment`, then in the secrets file (lines
    // before any section, then those under "[TEMPLATE/KIND]", which win). False with `error`
    // naming every secret nothing gave a value for and where to put one, or the secrets file's
    // problem; `out` is untouched then.
    static bool resolve(const QString &templateName, const QString &kind,
                        const QList<KindVariable> &defaults,
                        const QList<KindVariable> &kindVariables,
                        const QMap<QString, QString> &overrides, const SecretSources &sources,
                        ResolvedVariables *out, QString *error);
};

} // namespace slipway::core::env
