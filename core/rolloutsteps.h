// Rollout steps: the blocking engine steps of a deployment (resolve a tag to its digest, make
// sure a host has the image, start one replica, list an application's replicas, stop and
// remove). They wait on engine calls, so they run only on a deployer's worker thread.
#pragma once

#include "core/deploymentrecord.h"
#include "core/secretenv.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <functional>
#include <memory>

namespace slipway::engine {
class DockerClient;
}

namespace slipway::core {

// A host a deployment may use, as the GUI thread saw it when the operation began.
struct DeployHost {
    QString id;
    QString name;
    QString url;
    std::shared_ptr<engine::DockerClient> client;
    bool local = false; // a unix socket: ports published on 127.0.0.1 are reachable from here
};

// One container of an application, as the engine lists it.
struct Replica {
    QString hostId;
    QString id;
    QString name;
    QString state; // "running", "exited", ...
    QString version;
    qint64 created = 0;
    qint64 deploymentId = 0; // slipway.deployment, 0 when absent
    bool running() const {
        return state == QLatin1String("running") || state == QLatin1String("restarting");
    }
};

using ProgressFn = std::function<void(const QString &step, int done, int total)>;

class RolloutSteps {
    Q_DECLARE_TR_FUNCTIONS(RolloutSteps)

public:
    static constexpr const char *kAppLabel = "slipway.app";
    static constexpr const char *kEnvLabel = "slipway.env";
    static constexpr const char *kVersionLabel = "slipway.version";
    static constexpr const char *kDeploymentLabel = "slipway.deployment";

    // Pulls `image` by its tag on `host` and returns the digest its repository gave
    // ("sha256:…"), or empty with `error`.
    static QString resolveDigest(const DeployHost &host, const QString &image,
                                 const ProgressFn &progress, QString *error);
    // Pulls `pinned` (repo@digest) on `host` unless the host has it already.
    static bool ensureImage(const DeployHost &host, const QString &pinned,
                            const ProgressFn &progress, QString *error);
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
    // A container that is already gone counts as removed.
    static bool remove(const DeployHost &host, const QString &containerId, QString *error);
    // The engine (through `host`) can pull `pinned` from its registry, or has it.
    static bool restorable(const DeployHost &host, const QString &pinned);
};

} // namespace slipway::core
