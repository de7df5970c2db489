// EnvironmentStore: the records of provisioned environments in the Store's database, each
// state change one transaction with its audit row. Use it on the thread that owns the Store
// (the store thread).
#pragma once

#include "core/environments/environmentrecord.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <optional>

namespace slipway::core::env {

class EnvironmentStore {
    Q_DECLARE_TR_FUNCTIONS(EnvironmentStore)

public:
    explicit EnvironmentStore(QSqlDatabase db) : db_(std::move(db)) {}

    // "machine:pid" of this process: what `owner` holds for the records it provisions.
    static QString processOwner();
    // A Compose project name: 1-63 of [a-z0-9_-], starting with a letter or digit. Empty when
    // fine, else why not.
    static QString checkName(const QString &name);

    // Records the start of a provision: `record` stored as provisioning, with a new UUID unless
    // it has one, createdAt now, osUser the OS user and owner processOwner() unless given.
    // Overrides are stored with the values of secret keys (`secretKeys`, or keys that look
    // secret) masked. Refused, with nothing written, when the name is not valid, the template,
    // version or kind is missing, or a live environment already has the name (checked in the
    // same transaction, and by the database's own unique index).
    std::optional<EnvironmentRecord> begin(const EnvironmentRecord &record, QString *error);
    // provisioning -> ready ("environment.provision", ok).
    bool markReady(const QString &id, QString *error);
    // provisioning -> failed with `why` ("environment.provision", failed): also how recovery
    // ends a provision whose process died.
    bool markFailed(const QString &id, const QString &why, QString *error);
    // ready (or failed, to remove what a failed clean-up left) -> recycling; `by` defaults to
    // the OS user. With `readVersion` (the record's version as the caller read it, 0: any) it
    // is refused when someone changed the record since, and `current` then holds it as it is.
    bool beginRecycle(const QString &id, QString *error, const QString &by = {},
                      int readVersion = 0, std::optional<EnvironmentRecord> *current = nullptr);
    // recycling -> recycled ("environment.recycle", ok).
    bool markRecycled(const QString &id, QString *error);
    // recycling -> ready with `why` kept ("environment.recycle", failed): it still exists.
    bool recycleFailed(const QString &id, const QString &why, QString *error);

    std::optional<EnvironmentRecord> record(const QString &id, QString *error = nullptr) const;
    // The live environment named `name`, if any.
    std::optional<EnvironmentRecord> liveByName(const QString &name,
                                                QString *error = nullptr) const;
    // Newest first. `limit` 0: all.
    QList<EnvironmentRecord> all(int limit = 0, QString *error = nullptr) const;
    QList<EnvironmentRecord> live(QString *error = nullptr) const;
    // The environments `osUser` provisioned (default: this OS user), live ones only unless
    // `includeEnded`.
    QList<EnvironmentRecord> mine(const QString &osUser = {}, bool includeEnded = false,
                                  QString *error = nullptr) const;
    // Records left provisioning or recycling, oldest first: after a crash these are what
    // recovery sweeps (their `owner` says which process ran them).
    QList<EnvironmentRecord> unfinished(QString *error = nullptr) const;

private:
    using State = EnvironmentRecord::State;
    struct Change {
        QList<State> from;
        State to;
        QString timeColumn; // set to now: "ready_at", "failed_at", "recycled_at" or empty
        std::optional<QString> errorText; // the new `error`, when it changes
        QString recycledBy;
        QString auditAction; // empty: no audit row
        bool auditOk = true;
        int readVersion = 0; // 0: whatever version the record has now
        std::optional<EnvironmentRecord> *current = nullptr; // the record, when it was changed
    };
    bool transition(const QString &id, const Change &change, QString *error);
    QList<EnvironmentRecord> select(const QString &where, const QVariantList &values,
                                    const QString &order, QString *error) const;

    QSqlDatabase db_;
};

} // namespace slipway::core::env
