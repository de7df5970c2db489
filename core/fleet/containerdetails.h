// ContainerDetails: everything the details pane shows about one container (command,
// environment, mounts, networks, labels, restart policy, ports, health log), as Qt values;
// ContainerDetailsLoader inspects a container off the GUI thread and delivers them there.
#pragma once

#include "core/base/mailbox.h"
#include "core/fleet/containerrecord.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>

namespace slipway::engine {
class DockerClient;
struct ContainerInspect;
} // namespace slipway::engine

namespace slipway::core {

class HostMonitor;

struct ContainerDetails {
    struct Mount {
        QString type; // "bind", "volume", "tmpfs"
        QString name; // of a volume
        QString source;
        QString destination;
        QString mode;
        bool readWrite = true;
        friend bool operator==(const Mount &, const Mount &) = default;
    };
    struct Network {
        QString name;
        QString id;
        QString ipAddress; // empty when the container is not running
        QStringList aliases;
        friend bool operator==(const Network &, const Network &) = default;
    };
    struct Port {
        QString containerPort; // "8080/tcp"
        QString hostIp;        // empty when not published
        QString hostPort;
        bool published() const { return !hostPort.isEmpty(); }
        friend bool operator==(const Port &, const Port &) = default;
    };
    struct HealthCheck {
        QDateTime start;
        QDateTime end;
        int exitCode = 0;
        QString output;
        friend bool operator==(const HealthCheck &, const HealthCheck &) = default;
    };

    QString hostId;
    QString id;
    QString name;
    QString image;   // the reference it was created from
    QString imageId; // "sha256:..."
    QDateTime created;
    // State
    QString state; // "running", "exited", ...
    int exitCode = 0;
    QString error; // the engine's reason it could not start, if any
    bool oomKilled = false;
    int pid = 0;
    QDateTime startedAt;
    QDateTime finishedAt;
    int restartCount = 0;
    // Config
    QStringList entrypoint;
    QStringList command;
    QString workingDir;
    QString user;
    QString hostname;
    bool tty = false;
    QList<std::pair<QString, QString>> environment; // in the engine's order
    LabelList labels;                               // sorted by key
    QString restartPolicy;                          // "no", "always", "on-failure", ...
    int restartMaxRetries = 0;
    QString networkMode;
    qint64 memoryLimit = 0; // bytes, 0 unlimited
    qint64 nanoCpus = 0;
    QList<Port> ports;
    QList<Network> networks;
    QList<Mount> mounts;
    // Health
    QString health;         // "healthy", "unhealthy", "starting", or "" without a healthcheck
    QStringList healthTest; // ["CMD-SHELL", "wget ..."]
    int failingStreak = 0;
    QList<HealthCheck> healthLog; // oldest first, as the engine keeps them (the last five)

    // The entrypoint and command as one shell-like line, quoting words with spaces.
    QString commandLine() const;
    // "on-failure (5 retries)", "always", "no"
    QString restartPolicyText() const;
    QString label(QStringView key) const;
    QString env(QStringView key) const;

    static ContainerDetails fromInspect(const engine::ContainerInspect &inspect,
                                        const QString &hostId);
    // RFC 3339 with up to nanoseconds; an invalid QDateTime for Go's zero time or garbage.
    static QDateTime parseTime(QStringView text);

    friend bool operator==(const ContainerDetails &, const ContainerDetails &) = default;
};

// Asks the engine of a host about one container; lives on the GUI thread and answers there.
class ContainerDetailsLoader : public QObject {
    Q_OBJECT

public:
    // How to reach a host's engine; called on this object's thread only. The owner of the
    // clients keeps them alive: the loader holds them weakly while a request runs.
    using ClientLookup = std::function<std::shared_ptr<engine::DockerClient>(const QString &)>;

    explicit ContainerDetailsLoader(ClientLookup lookup, QObject *parent = nullptr);
    explicit ContainerDetailsLoader(HostMonitor *monitor, QObject *parent = nullptr);
    ~ContainerDetailsLoader() override;

    // Starts an inspect; the answer is loaded() or failed() with this request number, and,
    // when given, `done` (ok, details, error), all on this object's thread.
    quint64 load(const QString &hostId, const QString &containerId,
                 std::function<void(bool, const ContainerDetails &, const QString &)> done = {});

signals:
    void loaded(quint64 request, const slipway::core::ContainerDetails &details);
    void failed(quint64 request, const QString &hostId, const QString &containerId,
                const QString &error);

private:
    ClientLookup lookup_;
    Mailbox mailbox_;
    quint64 nextRequest_ = 1;
};

} // namespace slipway::core

Q_DECLARE_METATYPE(slipway::core::ContainerDetails)
