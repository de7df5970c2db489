// Alert: one firing (or past) alert: which rule found what on which target, when, and who
// acknowledged it.
#pragma once

#include "core/alerts/alertrule.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace slipway::core {

struct Alert {
    qint64 id = 0;      // the database's; 0 until the row is written
    quint64 serial = 0; // this process's handle for it, set by the AlertMonitor: rows find
                        // their alert by it before the database has answered with the id
    qint64 ruleId = 0;
    AlertRule::Kind kind = AlertRule::Kind::HostCpu;
    QString ruleName;  // as the rule was called when it fired
    QString targetKey; // "host:<host id>" or "container:<host id>/<container id>"
    QString target;    // for people: "web-1 on build-02"
    QString hostId;
    QDateTime firedAt;   // UTC
    QDateTime clearedAt; // UTC; null while firing
    QString acknowledgedBy;
    QDateTime acknowledgedAt; // UTC; null until acknowledged
    QString detail;           // what was seen: "CPU 97 % for 5 min (over 90 %)"

    bool firing() const { return !clearedAt.isValid(); }
    bool acknowledged() const { return acknowledgedAt.isValid(); }

    static QString hostKey(const QString &hostId);
    static QString containerKey(const QString &hostId, const QString &containerId);

    friend bool operator==(const Alert &, const Alert &) = default;
};

} // namespace slipway::core

Q_DECLARE_METATYPE(slipway::core::Alert)
