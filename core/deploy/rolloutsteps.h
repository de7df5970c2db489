// Rollout steps: the blocking engine steps of a deployment (resolve a tag to its digest, make
// sure a host has the image, start one replica, list an application's replicas, stop and
// remove). They wait on engine calls, so they run only on a deployer's worker thread.
#pragma once

#include "core/deploy/deploymentrecord.h"
#include "core/deploy/pullpolicy.h"
#include "core/deploy/secretenv.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace slipway::engine {
class DockerClient;
}

namespace slipway::core {

// A host a deployment may use, as the GUI thread saw it when the operation began.
struct DeployHost {
    DeployHost() = default;
    DeployHost(QString id, QString name, QString url, std::shared_ptr<engine::DockerClient> client,
               bool local = false)
        : id(std::move(id)), name(std::move(name)), url(std::move(url)), client(std::move(client)),
          local(local) {}

    QString id;
    QString name;
    QString url;
    std::shared_ptr<engine::DockerClient> client;
    bool local = false; // a unix socket: ports published on 127.0.0.1 are reachable from here
    // The fence of a change: false (with why) once the application's lock on this host is no
    // longer the change's own (taken over). Every write step asks it first; unset: no lock.
    std::function<bool(QString *why)> fence;
    bool fenced(QString *why) const { return fence && !fence(why); }
};

// One container of an application, as the engine lists it.
struct Replica {
    QString hostId;
    QString id;
    QString name;
    QString state; // "running", "exited", ...
    QString version;
    qint64 created = 0;
    // slipway.store and slipway.deployment: the store that deployed it and that deployment's
    // UUID. A container of an earlier Slipway has only a number in slipway.deployment
    // (`legacyNumber`, and `storeId` empty): no store owns it until one adopts it.
    QString storeId;
    QString deploymentUid;
    qint64 legacyNumber = 0;
    qint64 deploymentId = 0; // the record of this store it belongs to; 0: none of ours
    QString owner;           // slipway.owner: who deployed it, for people
    bool running() const {
        return state == QLatin1String("running") || state == QLatin1String("restarting");
    }
};

using ProgressFn = std::function<void(const QString &step, int done, int total)>;

class Cancellation;

// How a step gets an image onto a host.
struct PullOptions {
    PullPolicy policy = PullPolicy::Missing;
    // A pull that reports nothing for this long fails and is cancelled; 0: no bound.
    std::chrono::milliseconds stallTimeout{60000};
    Cancellation *cancel = nullptr; // may be null; a cancel aborts the pull at once
};

// What a deployment pins its image to.
struct ImagePin {
    QString digest;    // the registry digest, or the image ID when `byId`
    bool byId = false; // a local-only image: no digest from a registry for its repository
};

class RolloutSteps {
    Q_DECLARE_TR_FUNCTIONS(RolloutSteps)

public:
    static constexpr const char *kAppLabel = "slipway.app";
    static constexpr const char *kEnvLabel = "slipway.env";
    static constexpr const char *kVersionLabel = "slipway.version";
    static constexpr const char *kDeploymentLabel = "slipway.deployment";
    static constexpr const char *kStoreLabel = "slipway.store";
    static constexpr const char *kOwnerLabel = "slipway.owner"; // "user@machine", for people

    // What `image` is pinned to, as `docker run --pull` would find it on `host`: pulled by its
    // tag first (always), only when the host does not have it (missing), or never. The digest
    // its repository gave, else (a local-only image) its ID; nullopt with `error`.
    static std::optional<ImagePin> resolveImage(const DeployHost &host, const QString &image,
                                                const PullOptions &pull, const ProgressFn &progress,
                                                QString *error);
    // The image `config` pins is on `host`.
    static bool hasImage(const DeployHost &host, const DeploymentConfig &config);
    // Makes sure `host` has the image `config` pins, pulling it by digest as the policy says;
    // an image pinned by ID is never pulled. False with `error` naming the image and host.
    static bool ensureImage(const DeployHost &host, const DeploymentConfig &config,
                            const PullOptions &pull, const ProgressFn &progress, QString *error);
    // Creates and starts one replica; on a failed start the container is removed again.
    // Returns its ID, or empty with the daemon's message in `error`. `secrets` holds the values
    // of the config's secret keys for this change (SecretResolver); the record never does.
    static QString startReplica(const DeployHost &host, const DeploymentRecord &record,
                                const QString &name, QString *error,
                                const SecretValues &secrets = {});
    // Every container of app/env on `host`; false when the host did not answer.
    static bool listReplicas(const DeployHost &host, const QString &app, const QString &env,
                             QList<Replica> *out, QString *error);
    // Every container carrying a slipway.deployment label on `host`.
    static bool listDeployed(const DeployHost &host, QList<Replica> *out, QString *error);
    static bool stop(const DeployHost &host, const QString &containerId, QString *error);
    static bool start(const DeployHost &host, const QString &containerId, QString *error);
    // Removes ReplicaDrain's marker in a running replica, so it reads healthy again after a
    // drain that its process never finished (killed half-way).
    static bool clearDrainMarker(const DeployHost &host, const QString &containerId,
                                 QString *error);
    // A container that is already gone counts as removed.
    static bool remove(const DeployHost &host, const QString &containerId, QString *error);
    // `host` has the image `config` pins, or (pinned by digest) can pull it from its registry;
    // false with `why` when it cannot.
    static bool restorable(const DeployHost &host, const DeploymentConfig &config,
                           QString *why = nullptr);
};

} // namespace slipway::core
