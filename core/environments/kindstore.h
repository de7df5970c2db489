// KindStore: the kinds of environment (test, integration, production and the user's own) and
// each template's variables per kind, in the Store's database. Use it on the thread that owns
// the Store (the store thread).
#pragma once

#include "core/environments/kindvariables.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <optional>

namespace slipway::core::env {

struct Kind {
    QString name;
    bool builtin = false; // test, integration, production: always there
    QString description;
    QString createdBy;
    QDateTime createdAt; // UTC; null for the built-in ones
};

class KindStore {
    Q_DECLARE_TR_FUNCTIONS(KindStore)

public:
    explicit KindStore(QSqlDatabase db) : db_(std::move(db)) {}

    // Built-in kinds first (test, integration, production), then the user's by name.
    QList<Kind> kinds(QString *error = nullptr) const;
    bool hasKind(const QString &name, QString *error = nullptr) const;
    // Adds a user-defined kind ("kind.add" audited). Refused when the name is not valid or
    // taken.
    bool addKind(const QString &name, const QString &description, QString *error);
    // Removes a user-defined kind and every template's variables for it, in one transaction
    // ("kind.remove"). The built-in kinds cannot be removed. Environments provisioned as that
    // kind keep their record.
    bool removeKind(const QString &name, QString *error);

    // The variables `templateName` gives `kind` (kind "" : the template's defaults, for every
    // kind), by key. Secret ones carry no value (KindVariable::displayValue masks them).
    QList<KindVariable> variables(const QString &templateName, const QString &kind,
                                  QString *error = nullptr) const;
    // Sets one variable (inserted or replaced) of an existing template and kind (or "");
    // "template.variables" audited with the value masked when secret. A secret (marked, or a
    // key that looks secret) given with a value is refused: its value belongs in the
    // environment or the secrets file, or is given at provision time.
    bool setVariable(const QString &templateName, const QString &kind, const KindVariable &variable,
                     QString *error);
    bool removeVariable(const QString &templateName, const QString &kind, const QString &key,
                        QString *error);
    // Replaces the whole set of `kind`'s variables of `templateName` at once (the editor's Save),
    // one audit row listing what changed. With `readVersion` (variablesVersion() as the editor
    // read it; -1: unchecked) it is refused when someone saved the set since, and `current`
    // then holds the set as it is.
    bool replaceVariables(const QString &templateName, const QString &kind,
                          const QList<KindVariable> &variables, QString *error,
                          int readVersion = -1, QList<KindVariable> *current = nullptr);
    // The version of `kind`'s set of variables of `templateName`, bumped by every change to it;
    // 0 when it was never written.
    int variablesVersion(const QString &templateName, const QString &kind,
                         QString *error = nullptr) const;

    // The values an environment of `templateName` as `kind` gets: the template's defaults <
    // the kind's variables < `overrides` (KindVariables::resolve). The kind must exist.
    std::optional<ResolvedVariables> resolve(const QString &templateName, const QString &kind,
                                             const QMap<QString, QString> &overrides,
                                             const SecretSources &sources, QString *error) const;

private:
    bool checkTarget(const QString &templateName, const QString &kind, QString *error) const;
    bool checkVariable(const QString &templateName, const QString &kind, const KindVariable &v,
                       QString *error) const;
    bool insertVariable(const QString &templateName, const QString &kind, const KindVariable &v,
                        QString *error);
    // Inside the caller's transaction: the set's next version, refused (with `current`) when
    // `readVersion` >= 0 and someone changed it since.
    bool bumpVersion(const QString &templateName, const QString &kind, int readVersion,
                     QList<KindVariable> *current, QString *error);

    QSqlDatabase db_;
};

} // namespace slipway::core::env
