// DeploymentRecord: one deployment of an application in an environment (a deploy, a
// rollback, a scale): the image pinned by digest, the container config used, who, when, and
// how it went. A rollback point is one of these, never a mutable tag.
#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <optional>

namespace slipway::core {

// What every replica of a deployment is created from; stored with the record as JSON so a
// rollback starts exactly what ran before. Secrets are the exception: the JSON lists their
// keys, never their values (see core/deploy/secretenv.h and core/deploy/secretresolver.h).
struct DeploymentConfig {
    QString image;  // the reference the user gave: "127.0.0.1:5515/slipway/web:1.1.0"
    QString digest; // "sha256:…" the reference resolved to when deployed
    // `digest` is the image's own ID: a local-only image (never pushed or pulled) has no
    // registry digest, so it is pinned by ID, created from it, and never pulled.
    bool pinnedById = false;
    QStringList env;     // "K=V"; a request may carry a secret's value here, a record never
    QStringList secret;  // the keys whose values are secrets, in the order they were given
    QStringList publish; // "HOST:CONTAINER" or "IP:HOST:CONTAINER"; HOST 0 or empty: any port
    QStringList cmd;     // empty: the image's own
    QString healthCmd;   // empty: the image's own health check, else a TCP probe of the ports
    QString network;     // empty: the engine's default bridge
    // Every new replica is watched this long once healthy: an exit, restart or OOM kill in it
    // fails the change (Swarm's --update-monitor). 0: not watched.
    static constexpr int kDefaultMonitorMs = 5000;
    static constexpr int kMaxMonitorMs = 86'400'000; // a day: longer is a typo, never a plan
    int monitorMs = kDefaultMonitorMs;
    QString probe; // a ProbeSpec ("http://:8080/health"); empty: none

    // "repository@sha256:…" (or the image ID when pinned by it): what containers are created
    // from.
    QString pinnedReference() const;
    // A fixed host port (not 0) means two versions cannot run side by side on one host.
    bool hasFixedHostPort() const;

    // Moves every secret of `env` (a key in `secret` or one that looks secret) out of it: its
    // key into `secret`, its value into the result. What stays in `env` is plain.
    QHash<QString, QString> takeSecrets();
    // The environment for display: secrets as "KEY=******" (SecretEnv::masked).
    QStringList maskedEnv() const;

    // Never holds a secret's value: secrets in `env` are written as keys in "secret".
    QString toJson() const;
    // Secrets in a stored "env" (written before secrets were kept apart) come back as keys.
    // A record written before "monitorMs" existed reads as the default period.
    static std::optional<DeploymentConfig> fromJson(const QString &json, QString *error = nullptr);

    friend bool operator==(const DeploymentConfig &, const DeploymentConfig &) = default;
};

struct DeploymentRecord {
    enum class Kind { Deploy, Rollback, Scale, Undo, Adopt };
    enum class Result { Running, Ok, Failed, Interrupted };

    qint64 id = 0;   // assigned by the Store: a number for people, unique in this store only
    QString uid;     // a UUID, unique across every store: what labels and names carry
    QString storeId; // the store it belongs to (set by the job that reads or begins it)
    QString app;
    QString env;
    QString version; // slipway.version: the image's tag, else the digest's first 12 hex digits
    Kind kind = Kind::Deploy;
    DeploymentConfig config;
    int replicas = 0;
    QStringList hosts; // host ids the replicas run on
    QString osUser;
    QDateTime startedAt; // UTC
    QDateTime finishedAt;
    Result result = Result::Running;
    QString detail; // the reason it failed, in the engine's or health check's words; notes
    // Filled in when history is read: false when no host holds the image and the registry
    // no longer has its digest.
    bool restorable = true;

    static QString kindName(Kind kind);       // "deploy", as stored
    static QString resultName(Result result); // "ok", as stored
};

using DeploymentHistory = QList<DeploymentRecord>; // newest first

} // namespace slipway::core

Q_DECLARE_METATYPE(slipway::core::DeploymentRecord)
