// EnvironmentRecord: one environment provisioned from a template, as the database keeps it:
// what it was made from, where, by whom, its state and when each state was reached.
#pragma once

#include <QDateTime>
#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>

namespace slipway::core::env {

struct EnvironmentRecord {
    // provisioning -> ready -> recycling -> recycled; provisioning -> failed; a failed recycle
    // goes back to ready. Live: provisioning, ready, recycling (its name is taken).
    enum class State { Provisioning, Ready, Failed, Recycling, Recycled };

    QString id;   // a UUID: the environment's identity in labels, across every store
    QString name; // the Compose project name
    QString templateName;
    int templateVersion = 0;
    QString kind;
    QString hostId;
    QString hostUrl; // slipctl's host ids change between runs; the URL does not
    QString osUser;  // who provisioned it (the Store's OS user, as deployment records)
    QString owner;   // the process provisioning it ("machine:pid"), for recovery
    State state = State::Provisioning;
    QDateTime createdAt; // UTC, all of them; null until reached
    QDateTime readyAt;
    QDateTime failedAt;
    QDateTime recycledAt;
    QString recycledBy;
    QString error; // why it failed, or why the last recycle did
    // The provision-time overrides, each secret's value already masked; never a secret's value.
    QMap<QString, QString> overrides;
    QStringList secretKeys; // the keys whose values were secrets (masked wherever shown)
    QDateTime updatedAt;
    // Bumped by every change: an action taken on what someone read loses, with the current
    // record, when another changed it since (migration 9).
    int version = 1;

    bool live() const;
    // How long it lived, in milliseconds: from creation to its recycling (or failure), or to
    // `now` while it is live.
    qint64 livedMs(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;

    static QString stateName(State s); // "provisioning", "ready", "failed", ...
    static std::optional<State> stateFromName(const QString &name);
};

} // namespace slipway::core::env
