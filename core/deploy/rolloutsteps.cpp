#include "core/deploy/rolloutsteps.h"

#include "core/base/cancellation.h"
#include "core/deploy/publishspec.h"
#include "core/deploy/replicadrain.h"
#include "core/fleet/pullprogress.h"
#include "engine/dockerclient.h"
#include "engine/imagereference.h"
#include "engine/registryauth.h"

#include <QDateTime>
#include <QSysInfo>
#include <atomic>
#include <condition_variable>
#include <mutex>

namespace slipway::core {

namespace {

QString q(const std::string &s) {
    return QString::fromStdString(s);
}

QString describe(const engine::Error &e) {
    return q(e.describe());
}

QString shortRef(const QString &pinned) {
    const qsizetype at = pinned.indexOf(QLatin1Char('@'));
    return at < 0 ? pinned : pinned.left(at + 8 + 12);
}

qint64 nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// Waits for a pull to end; gives up when nothing was heard for the stall bound or the change is
// cancelled, and then cancels the request. `heard`: when the last progress message came.
bool watchPull(engine::Call<engine::Unit> call, const std::shared_ptr<std::atomic<qint64>> &heard,
               const PullOptions &options, const QString &ref, const DeployHost &host,
               QString *error) {
    struct Slot {
        std::mutex mutex;
        std::condition_variable cv;
        std::optional<engine::Result<engine::Unit>> result;
    };
    auto slot = std::make_shared<Slot>();
    call.then([slot](engine::Result<engine::Unit> r) {
        {
            std::lock_guard lock(slot->mutex);
            slot->result.emplace(std::move(r));
        }
        slot->cv.notify_all();
    });
    const int abortId =
        options.cancel ? options.cancel->onCancel([call]() mutable { call.cancel(); }) : 0;
    QString reason;
    {
        std::unique_lock lock(slot->mutex);
        while (!slot->result) {
            slot->cv.wait_for(lock, std::chrono::milliseconds(100));
            if (slot->result)
                break;
            if (options.cancel && options.cancel->isCancelled()) {
                reason = options.cancel->reason();
                break;
            }
            const qint64 quiet = nowMs() - heard->load();
            if (options.stallTimeout.count() > 0 && quiet > options.stallTimeout.count()) {
                reason = RolloutSteps::tr("pulling %1 on %2 stalled: no progress for %3 s")
                             .arg(ref, host.name)
                             .arg(options.stallTimeout.count() / 1000.0);
                break;
            }
        }
        // A cancel aborts the request itself, which may end before this loop sees the flag.
        if (reason.isEmpty() && slot->result && !*slot->result && options.cancel &&
            options.cancel->isCancelled())
            reason = options.cancel->reason();
    }
    if (options.cancel)
        options.cancel->drop(abortId);
    if (!reason.isEmpty()) {
        call.cancel();
        // The transport completes a cancelled request at once; bounded all the same.
        std::unique_lock lock(slot->mutex);
        slot->cv.wait_for(lock, std::chrono::seconds(5), [&] { return slot->result.has_value(); });
        *error = reason;
        return false;
    }
    if (!*slot->result) {
        *error = RolloutSteps::tr("pulling %1 on %2: %3")
                     .arg(ref, host.name, describe(slot->result->error()));
        return false;
    }
    return true;
}

bool pull(const DeployHost &host, const QString &ref, const PullOptions &options,
          const ProgressFn &progress, QString *error) {
    auto tracker = std::make_shared<PullProgressTracker>();
    auto heard = std::make_shared<std::atomic<qint64>>(nowMs());
    const QString step = RolloutSteps::tr("Pulling %1 on %2").arg(shortRef(ref), host.name);
    if (progress)
        progress(step, 0, 100);
    // This worker thread may read config.json and run a credential helper.
    const auto auth = engine::registryAuthFor(ref.toStdString());
    if (!auth) {
        *error =
            RolloutSteps::tr("pulling %1 on %2: %3").arg(ref, host.name, describe(auth.error()));
        return false;
    }
    auto call = host.client->pullImage(
        ref.toStdString(),
        [tracker, progress, step, heard](const engine::ProgressMessage &m) {
            heard->store(nowMs());
            tracker->add(m);
            const PullProgress p = tracker->snapshot();
            if (progress && p.fraction >= 0)
                progress(step, int(p.fraction * 100), 100);
        },
        auth.value());
    if (!watchPull(call, heard, options, ref, host, error))
        return false;
    if (progress)
        progress(step, 100, 100);
    return true;
}

bool isNotFound(const engine::Error &e) {
    return e.kind == engine::ErrorKind::Http && e.httpStatus == 404;
}

Replica toReplica(const QString &hostId, const engine::ContainerSummary &c) {
    Replica r;
    r.hostId = hostId;
    r.id = q(c.id);
    r.name = q(c.name());
    r.state = q(c.state);
    r.created = c.created;
    if (auto it = c.labels.find(RolloutSteps::kVersionLabel); it != c.labels.end())
        r.version = q(it->second);
    if (auto it = c.labels.find(RolloutSteps::kStoreLabel); it != c.labels.end())
        r.storeId = q(it->second);
    if (auto it = c.labels.find(RolloutSteps::kOwnerLabel); it != c.labels.end())
        r.owner = q(it->second);
    if (auto it = c.labels.find(RolloutSteps::kDeploymentLabel); it != c.labels.end()) {
        if (r.storeId.isEmpty())
            r.legacyNumber = q(it->second).toLongLong();
        else
            r.deploymentUid = q(it->second);
    }
    return r;
}

} // namespace

std::optional<ImagePin> RolloutSteps::resolveImage(const DeployHost &host, const QString &image,
                                                   const PullOptions &pull,
                                                   const ProgressFn &progress, QString *error) {
    auto ref = engine::ImageReference::parse(image.toStdString());
    if (!ref) {
        *error = q(ref.error().message);
        return std::nullopt;
    }
    if (!ref.value().digest.empty())
        return ImagePin{q(ref.value().digest), false}; // pinned already: nothing to resolve
    auto inspected = host.client->inspectImage(image.toStdString()).wait();
    const bool missing = !inspected && isNotFound(inspected.error());
    if (!inspected && !missing) {
        *error = tr("inspecting %1 on %2: %3").arg(image, host.name, describe(inspected.error()));
        return std::nullopt;
    }
    if (pull.policy == PullPolicy::Never && missing) {
        *error = tr("%1 is not on %2, and the pull policy \"never\" does not pull it")
                     .arg(image, host.name);
        return std::nullopt;
    }
    if (pull.policy == PullPolicy::Always || missing) {
        if (!slipway::core::pull(host, image, pull, progress, error))
            return std::nullopt;
        inspected = host.client->inspectImage(image.toStdString()).wait();
        if (!inspected) {
            *error =
                tr("inspecting %1 on %2: %3").arg(image, host.name, describe(inspected.error()));
            return std::nullopt;
        }
    }
    const std::string prefix = ref.value().repository + "@";
    for (const std::string &d : inspected.value().repoDigests) {
        if (d.rfind(prefix, 0) == 0)
            return ImagePin{q(d.substr(prefix.size())), false};
    }
    // Never pushed or pulled under this name: pinned by the ID of what the host has.
    return ImagePin{q(inspected.value().id), true};
}

bool RolloutSteps::hasImage(const DeployHost &host, const DeploymentConfig &config) {
    return bool(host.client->inspectImage(config.pinnedReference().toStdString()).wait());
}

bool RolloutSteps::ensureImage(const DeployHost &host, const DeploymentConfig &config,
                               const PullOptions &pull, const ProgressFn &progress,
                               QString *error) {
    const QString pinned = config.pinnedReference();
    if ((pull.policy != PullPolicy::Always || config.pinnedById) && hasImage(host, config))
        return true;
    if (config.pinnedById) {
        *error = tr("%1 (image %2) is not on %3, and a local-only image cannot be pulled")
                     .arg(config.image, config.digest.left(19), host.name);
        return false;
    }
    if (pull.policy == PullPolicy::Never) {
        *error = tr("%1 is not on %2, and the pull policy \"never\" does not pull it")
                     .arg(pinned, host.name);
        return false;
    }
    return slipway::core::pull(host, pinned, pull, progress, error);
}

QString RolloutSteps::startReplica(const DeployHost &host, const DeploymentRecord &record,
                                   const QString &name, QString *error,
                                   const SecretValues &secrets) {
    if (host.fenced(error))
        return {};
    const DeploymentConfig &c = record.config;
    engine::ContainerCreate spec;
    spec.name = name.toStdString();
    spec.image = c.pinnedReference().toStdString();
    for (const QString &e : c.env)
        spec.env.push_back(e.toStdString());
    for (const QString &key : c.secret)
        if (secrets.contains(key))
            spec.env.push_back((key + QLatin1Char('=') + secrets.value(key)).toStdString());
    for (const QString &a : c.cmd)
        spec.cmd.push_back(a.toStdString());
    spec.labels[kAppLabel] = record.app.toStdString();
    spec.labels[kEnvLabel] = record.env.toStdString();
    spec.labels[kVersionLabel] = record.version.toStdString();
    // The UUIDs, not the store's own number: another store's recovery must never take this
    // replica for one of its records (an earlier Slipway reads the UUID as no number at all).
    spec.labels[kDeploymentLabel] = record.uid.toStdString();
    spec.labels[kStoreLabel] = record.storeId.toStdString();
    spec.labels[kOwnerLabel] =
        QStringLiteral("%1@%2").arg(record.osUser, QSysInfo::machineHostName()).toStdString();
    QString why;
    const auto published = PublishSpec::parseAll(c.publish, &why);
    if (!published) {
        *error = why;
        return {};
    }
    for (const PublishSpec &p : *published) {
        const std::string key = p.containerKey().toStdString();
        spec.exposedPorts.push_back(key);
        spec.portBindings[key].push_back(
            {p.hostIp.toStdString(), p.hostPort ? std::to_string(p.hostPort) : std::string()});
    }
    // A deployed application comes back with its engine; a replica stopped by a replacement
    // does not (the engine remembers it was stopped on purpose).
    spec.restartPolicy.name = "unless-stopped";
    spec.networkMode = c.network.toStdString();
    // The health check that lets a replacement drain this replica later (ReplicaDrain).
    bool drainNeedsShell = false;
    if (!c.healthCmd.isEmpty()) {
        engine::HealthConfig h;
        h.test = ReplicaDrain::wrapHealthTest({"CMD-SHELL", c.healthCmd.toStdString()});
        h.intervalNs = 1'000'000'000;
        h.timeoutNs = 3'000'000'000;
        h.retries = 3;
        spec.healthcheck = h;
    } else if (auto image = host.client->inspectImage(spec.image).wait();
               image && image.value().healthcheck) {
        // Zero interval, timeout and retries keep the image's own.
        engine::HealthConfig h;
        h.test = ReplicaDrain::wrapHealthTest(image.value().healthcheck->test);
        drainNeedsShell = ReplicaDrain::needsShell(image.value().healthcheck->test);
        if (!h.test.empty())
            spec.healthcheck = h;
    }
    if (spec.healthcheck)
        spec.labels[ReplicaDrain::kLabel] = "1";

    auto created = host.client->createContainer(spec).wait();
    if (!created) {
        *error = tr("creating %1 on %2: %3").arg(name, host.name, describe(created.error()));
        return {};
    }
    if (drainNeedsShell && !host.client->statPath(created.value(), "/bin/sh").wait()) {
        // No shell for the drain check: the image's own exec-form check, undrainable.
        // Gone first, or the second create fails on the name and this one stays behind.
        if (auto removed = host.client->removeContainer(created.value(), true).wait(); !removed) {
            *error = tr("removing %1 on %2 to create it without the drain check: %3")
                         .arg(name, host.name, describe(removed.error()));
            return {};
        }
        spec.healthcheck.reset();
        spec.labels.erase(ReplicaDrain::kLabel);
        created = host.client->createContainer(spec).wait();
        if (!created) {
            *error = tr("creating %1 on %2: %3").arg(name, host.name, describe(created.error()));
            return {};
        }
    }
    const std::string id = created.value();
    auto started = host.client->startContainer(id).wait();
    if (!started) {
        *error = tr("starting %1 on %2: %3").arg(name, host.name, describe(started.error()));
        (void)host.client->removeContainer(id, true).wait();
        return {};
    }
    return q(id);
}

bool RolloutSteps::listReplicas(const DeployHost &host, const QString &app, const QString &env,
                                QList<Replica> *out, QString *error) {
    engine::Filters filters;
    filters["label"] = {std::string(kAppLabel) + "=" + app.toStdString(),
                        std::string(kEnvLabel) + "=" + env.toStdString()};
    auto r = host.client->containers(true, filters).wait();
    if (!r) {
        *error = tr("host %1: %2").arg(host.name, describe(r.error()));
        return false;
    }
    for (const auto &c : r.value())
        out->append(toReplica(host.id, c));
    return true;
}

bool RolloutSteps::listDeployed(const DeployHost &host, QList<Replica> *out, QString *error) {
    engine::Filters filters;
    filters["label"] = {kDeploymentLabel};
    auto r = host.client->containers(true, filters).wait();
    if (!r) {
        *error = tr("host %1: %2").arg(host.name, describe(r.error()));
        return false;
    }
    for (const auto &c : r.value())
        out->append(toReplica(host.id, c));
    return true;
}

bool RolloutSteps::stop(const DeployHost &host, const QString &containerId, QString *error) {
    if (host.fenced(error))
        return false;
    auto r = host.client->stopContainer(containerId.toStdString(), 10).wait();
    if (!r && !isNotFound(r.error())) {
        *error =
            tr("stopping %1 on %2: %3").arg(containerId.left(12), host.name, describe(r.error()));
        return false;
    }
    return true;
}

bool RolloutSteps::start(const DeployHost &host, const QString &containerId, QString *error) {
    if (host.fenced(error))
        return false;
    auto r = host.client->startContainer(containerId.toStdString()).wait();
    if (!r) {
        *error =
            tr("starting %1 on %2: %3").arg(containerId.left(12), host.name, describe(r.error()));
        return false;
    }
    return true;
}

bool RolloutSteps::clearDrainMarker(const DeployHost &host, const QString &containerId,
                                    QString *error) {
    if (host.fenced(error))
        return false;
    const std::vector<std::string> cmd = {"rm", "-f", ReplicaDrain::kMarker};
    auto exec = host.client->createExec(containerId.toStdString(), cmd).wait();
    if (exec)
        if (auto started = host.client->startExec(exec.value()).wait(); started)
            return true;
        else
            *error = tr("clearing the drain marker of %1 on %2: %3")
                         .arg(containerId.left(12), host.name, describe(started.error()));
    else
        *error = tr("clearing the drain marker of %1 on %2: %3")
                     .arg(containerId.left(12), host.name, describe(exec.error()));
    return false;
}

bool RolloutSteps::remove(const DeployHost &host, const QString &containerId, QString *error) {
    if (host.fenced(error))
        return false;
    auto r = host.client->removeContainer(containerId.toStdString(), true).wait();
    if (!r && !isNotFound(r.error())) {
        *error =
            tr("removing %1 on %2: %3").arg(containerId.left(12), host.name, describe(r.error()));
        return false;
    }
    return true;
}

bool RolloutSteps::restorable(const DeployHost &host, const DeploymentConfig &config,
                              QString *why) {
    if (hasImage(host, config))
        return true;
    if (config.pinnedById) {
        if (why)
            *why = tr("%1 has not the local-only image %2").arg(host.name, config.digest.left(19));
        return false;
    }
    const std::string pinned = config.pinnedReference().toStdString();
    const auto auth = engine::registryAuthFor(pinned);
    auto r = host.client
                 ->distributionInspect(pinned, std::chrono::milliseconds(10000),
                                       auth ? auth.value() : std::string())
                 .wait();
    if (!r && why)
        *why = tr("%1 has not %2 and cannot pull it: %3")
                   .arg(host.name, config.pinnedReference(), describe(r.error()));
    return bool(r);
}

} // namespace slipway::core
