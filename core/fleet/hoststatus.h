// HostStatus: what the last probe of one engine found, or why it could not.
#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace slipway::core {

struct HostStatus {
    Q_DECLARE_TR_FUNCTIONS(HostStatus)

public:
    enum class State { Connecting, Up, Down };

    State state = State::Connecting;
    QString error;       // why it is down, in the engine's words
    QDateTime checkedAt; // when the last probe finished (UTC)
    QDateTime lastUpAt;  // when it last answered; the fields below are from then

    QString engineVersion; // "20.10.24+dfsg1"
    QString apiVersion;    // the version Slipway speaks to it, "1.41"
    QString hostName;      // the engine's own host name
    QString os;            // "Debian GNU/Linux 12 (bookworm)"
    QString osType;        // "linux"
    QString kernel;
    QString arch;
    int cpus = 0;
    qint64 memoryBytes = 0;
    int containersRunning = 0;
    int containersTotal = 0;
    int images = 0;
    QString swarmRole; // "manager", "worker", "" when not in a swarm, else the node state
    // The engine's own ID (GET /info "ID"): what deployment records name the host by, the same
    // in every workstation whatever URL reaches it. Empty before it first answers (or when an
    // engine gives none).
    QString engineId;
    // The other hosts (names) whose engine answered with the same ID: one engine reached at
    // several endpoints (its socket and its TLS listener, say). Flagged, never merged.
    QStringList sameEngineAs;

    bool tls = false;          // the connection is TLS
    bool tlsVerifyOff = false; // TLS without checking the engine's certificate: warn

    bool everUp() const { return lastUpAt.isValid(); }

    static QString stateName(State state);    // translated, for people
    static QString formatBytes(qint64 bytes); // "15.6 GiB"
    // "same engine as build-07, build-07-tls"; empty when `others` is.
    static QString sameEngineText(const QStringList &others);
    // For each of the hosts (their engine IDs and names, in one order), the names of the others
    // with the same non-empty engine ID.
    static QList<QStringList> sameEngine(const QStringList &engineIds, const QStringList &names);

    friend bool operator==(const HostStatus &, const HostStatus &) = default;
};

} // namespace slipway::core

Q_DECLARE_METATYPE(slipway::core::HostStatus)
