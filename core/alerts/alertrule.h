// AlertRule: one condition Slipway watches for (host CPU or memory over a threshold for a
// while, a host that cannot be reached, an unhealthy, crash-looping or failed container), as
// the user edits it and the database stores it.
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QMetaType>
#include <QString>
#include <optional>

namespace slipway::core {

struct AlertRule {
    Q_DECLARE_TR_FUNCTIONS(AlertRule)

public:
    enum class Kind {
        HostCpu,             // a host's CPU over `threshold` % for `forSeconds`
        HostMemory,          // a host's memory over `threshold` % for `forSeconds`
        HostUnreachable,     // a host down for `forSeconds`
        ContainerUnhealthy,  // its health check says unhealthy
        ContainerRestarting, // restarted `count` times within `windowSeconds`
        ContainerExited,     // exited with a non-zero code
    };

    qint64 id = 0; // assigned by the database
    Kind kind = Kind::HostCpu;
    QString name;
    bool enabled = true;
    double threshold = 90;   // percent, HostCpu and HostMemory
    int forSeconds = 300;    // HostCpu, HostMemory, HostUnreachable
    int count = 3;           // ContainerRestarting
    int windowSeconds = 600; // ContainerRestarting
    int version = 0;         // bumped on every save: an edit of a stale copy is refused

    bool targetsHosts() const { return kind <= Kind::HostUnreachable; }
    bool usesThreshold() const { return kind == Kind::HostCpu || kind == Kind::HostMemory; }
    bool usesDuration() const { return targetsHosts(); }
    bool usesCount() const { return kind == Kind::ContainerRestarting; }

    // For people: "CPU over 90 % for 5 min".
    QString condition() const;
    // What is wrong with the fields, empty when nothing.
    QString validationError() const;

    static QList<Kind> kinds();
    static QString kindKey(Kind kind); // stored in the database: "host.cpu", ...
    static std::optional<Kind> kindFromKey(const QString &key);
    static QString kindName(Kind kind);        // translated: "Host CPU"
    static QString formatSeconds(int seconds); // "5 min", "90 s", "1 h"

    // The rules a fresh database starts with.
    static QList<AlertRule> defaults();
    // A new rule of `kind` with sensible values, unnamed.
    static AlertRule preset(Kind kind);

    friend bool operator==(const AlertRule &, const AlertRule &) = default;
};

} // namespace slipway::core

Q_DECLARE_METATYPE(slipway::core::AlertRule)
