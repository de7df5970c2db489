// ComposeProject: a Compose file resolved for one environment (variables interpolated, anchors
// and merge keys applied, short forms expanded, every default filled), as plain values. The
// template reader makes it, `slipctl env validate` prints it, the provisioner creates it.
#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>

namespace slipway::core::env {

// Where a key or value was written, 1-based; 0 when unknown (built in code, not read).
struct SourcePos {
    int line = 0;
    int column = 0;
};

// One problem with a template: the file (the Compose file or one it names), the position, the
// key path ("services.web.ports[0]") and what is wrong, for people.
struct TemplateError {
    QString file;
    SourcePos pos;
    QString key;
    QString message;
};

struct PortSpec {
    QString hostIp;    // "" (the provisioner publishes on 127.0.0.1 then)
    QString published; // "8080", "8080-8081", or "" for an ephemeral port
    int target = 0;
    QString protocol = QStringLiteral("tcp");
};

struct MountSpec {
    enum class Type { Bind, Volume, Tmpfs };
    Type type = Type::Volume;
    QString source; // bind: an absolute path after resolving; volume: the key in `volumes`,
                    // empty for an anonymous volume
    QString target;
    bool readOnly = false;
    SourcePos pos;
};

struct HealthSpec {
    QStringList test;      // ["CMD", ...], ["CMD-SHELL", "..."] or ["NONE"]
    qint64 intervalMs = 0; // 0: the engine's default
    qint64 timeoutMs = 0;
    qint64 startPeriodMs = 0;
    int retries = 0;
};

struct Dependency {
    enum class Condition { Started, Healthy, CompletedSuccessfully };
    QString service;
    Condition condition = Condition::Started;
};

struct ServiceNetwork {
    QString network; // the key in `networks`
    QStringList aliases;
};

struct ServiceSpec {
    QString name; // the key in `services`
    SourcePos pos;
    QString image;                         // a tag or a digest reference
    std::optional<QStringList> command;    // unset: the image's
    std::optional<QStringList> entrypoint; // unset: the image's
    QMap<QString, QString> environment;    // env_file entries first, `environment` over them
    QList<PortSpec> ports;
    QList<MountSpec> volumes;
    QList<ServiceNetwork> networks;        // "default" when the file names none
    std::optional<HealthSpec> healthcheck; // unset: the image's; test ["NONE"]: disabled
    QMap<QString, QString> labels;
    int replicas = 1;
    QList<Dependency> dependsOn;
    QString workingDir;
    QString user;
    QString hostname;
    QString restart; // "no", "always", "on-failure[:N]", "unless-stopped"
    std::optional<int> stopGraceSeconds;
    QString stopSignal;
    bool tty = false;
    bool stdinOpen = false;
    QStringList extraHosts; // "name:ip"
    qint64 memLimitBytes = 0;
    double cpus = 0;
};

struct NetworkSpec {
    QString key;  // the key in `networks`
    QString name; // the engine's name: "<project>_<key>" unless `name:` or external
    bool external = false;
    QString driver; // "" (bridge)
    QMap<QString, QString> driverOpts;
    QMap<QString, QString> labels;
    bool internal = false;
    bool attachable = false;
};

struct VolumeSpec {
    QString key;
    QString name; // "<project>_<key>" unless `name:` or external
    bool external = false;
    QString driver; // "" (local)
    QMap<QString, QString> driverOpts;
    QMap<QString, QString> labels;
    bool keep = false; // x-slipway.keep-volumes names it: kept when the environment is recycled
};

// Slipway's own settings, from the top-level `x-slipway` key.
struct SlipwaySettings {
    QString description;
    QStringList keepVolumes; // volume keys kept on recycle
};

struct ComposeProject {
    QString name;                // the Compose project name (lowercase, [a-z0-9_-])
    QList<ServiceSpec> services; // sorted by name
    QList<NetworkSpec> networks; // sorted by key
    QList<VolumeSpec> volumes;   // sorted by key
    SlipwaySettings slipway;

    const ServiceSpec *service(const QString &name) const;
    // Services in waves: every service's dependencies are in an earlier wave; within a wave
    // they are independent (created in parallel). Empty when there is a cycle.
    QList<QStringList> waves() const;
};

} // namespace slipway::core::env
