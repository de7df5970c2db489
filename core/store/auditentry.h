// AuditEntry: one row of the append-only audit log: who did what, where, when, and how it went.
#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace slipway::core {

struct AuditEntry {
    qint64 id = 0;  // assigned by the Store
    QDateTime at;   // UTC; the Store fills in now when left null
    QString osUser; // the Store fills in the login name when left empty
    QString dbUser; // team mode: the server's session_user, set by the server itself
    QString action; // "host.add", "container.stop", ...
    QString target; // what the action was on: a host name, a container name
    QString host;   // the engine's URL, when there is one
    QString result; // "ok" or "failed"
    QString detail; // the error, or what changed
};

} // namespace slipway::core

Q_DECLARE_METATYPE(slipway::core::AuditEntry)
