#include "core/environments/provisionjob.h"

#include "core/base/cancellation.h"
#include "core/base/describeerror.h"
#include "core/deploy/rolloutsteps.h"
#include "core/environments/composelabels.h"
#include "core/environments/environmentcleanup.h"
#include "core/environments/provisioncheck.h"
#include "core/environments/servicecontainer.h"
#include "core/environments/servicewait.h"
#include "engine/dockerclient.h"

#include <QHash>
#include <QSet>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace slipway::core::env {

namespace {

QString q(const std::string &s) {
    return QString::fromStdString(s);
}

QString conditionText(Dependency::Condition c) {
    switch (c) {
    case Dependency::Condition::Started:
        return ProvisionJob::tr("started");
    case Dependency::Condition::Healthy:
        return ProvisionJob::tr("healthy");
    case Dependency::Condition::CompletedSuccessfully:
        return ProvisionJob::tr("completed successfully");
    }
    return {};
}

ServiceWait::Goal goalOf(Dependency::Condition c) {
    switch (c) {
    case Dependency::Condition::Started:
        return ServiceWait::Goal::Started;
    case Dependency::Condition::Healthy:
        return ServiceWait::Goal::Healthy;
    case Dependency::Condition::CompletedSuccessfully:
        return ServiceWait::Goal::Completed;
    }
    return ServiceWait::Goal::Started;
}

// Which services have started their replicas (and their container IDs), or failed: what a
// dependent waits for before it asks the engine about its dependency's condition.
class StartBoard {
public:
    void started(const QString &service, std::vector<std::string> ids) {
        {
            std::lock_guard lock(mutex_);
            started_.insert(service, std::move(ids));
        }
        cv_.notify_all();
    }
    void failed(const QString &service) {
        {
            std::lock_guard lock(mutex_);
            failed_.insert(service, true);
        }
        cv_.notify_all();
    }
    // False when the service failed or the provision is stopping.
    bool waitStarted(const QString &service, const std::atomic<bool> &stop,
                     std::vector<std::string> *ids) {
        std::unique_lock lock(mutex_);
        while (!stop.load()) {
            if (failed_.contains(service))
                return false;
            if (auto it = started_.find(service); it != started_.end()) {
                *ids = *it;
                return true;
            }
            cv_.wait_for(lock, std::chrono::milliseconds(100));
        }
        return false;
    }

private:
    std::mutex mutex_;
    std::condition_variable cv_;
    QHash<QString, std::vector<std::string>> started_;
    QHash<QString, bool> failed_;
};

} // namespace

struct ProvisionJob::Impl {
    std::shared_ptr<engine::DockerClient> client;
    ComposeProject project;
    EnvironmentIdentity identity;
    ProvisionOptions options;
    std::shared_ptr<Cancellation> cancel;
    ServiceFn onService;
    StepFn onStep;
    StartBoard board;
    std::mutex mutex;
    QString error; // the first failure
    QSet<QString> failedServices;
    QStringList containers;

    void report(const QString &service, ServiceState state, const QString &text = {}) {
        if (onService)
            onService(ServiceProgress{service, state, text});
    }

    void step(const QString &text) {
        if (onStep)
            onStep(text);
    }

    // The first failure wins and stops every other service.
    void fail(const QString &service, const QString &why) {
        {
            std::lock_guard lock(mutex);
            // After the user's cancel, what fails on the way out is not the reason.
            if (error.isEmpty() && !cancel->isCancelled())
                error = why;
            failedServices.insert(service);
        }
        if (!service.isEmpty())
            report(service, ServiceState::Failed, why);
        cancel->cancel(why);
    }

    QString hostName() const {
        return options.hostName.isEmpty() ? q(client->endpoint().url()) : options.hostName;
    }

    bool createNetworks(QStringList *created) {
        for (const NetworkSpec &n : project.networks) {
            if (n.external)
                continue;
            if (cancel->isCancelled())
                return false;
            engine::NetworkCreate spec;
            spec.name = ServiceContainers::networkName(project, n.key).toStdString();
            spec.driver = n.driver.toStdString();
            spec.internal = n.internal;
            spec.attachable = n.attachable;
            for (auto it = n.driverOpts.begin(); it != n.driverOpts.end(); ++it)
                spec.options.emplace(it.key().toStdString(), it.value().toStdString());
            spec.labels =
                ComposeLabels::toEngine(ComposeLabels::networkLabels(project, n, identity));
            step(tr("Creating network %1").arg(q(spec.name)));
            auto r = client->createNetwork(spec).wait();
            if (!r) {
                fail({}, tr("creating network %1: %2").arg(q(spec.name), describeError(r.error())));
                return false;
            }
            created->append(q(spec.name));
        }
        return true;
    }

    bool createVolumes(QStringList *created) {
        for (const VolumeSpec &v : project.volumes) {
            if (v.external)
                continue;
            if (cancel->isCancelled())
                return false;
            engine::VolumeCreate spec;
            spec.name = ServiceContainers::volumeName(project, v.key).toStdString();
            spec.driver = v.driver.toStdString();
            for (auto it = v.driverOpts.begin(); it != v.driverOpts.end(); ++it)
                spec.driverOpts.emplace(it.key().toStdString(), it.value().toStdString());
            spec.labels =
                ComposeLabels::toEngine(ComposeLabels::volumeLabels(project, v, identity));
            step(tr("Creating volume %1").arg(q(spec.name)));
            auto r = client->createVolume(spec).wait();
            if (!r) {
                fail({}, tr("creating volume %1: %2").arg(q(spec.name), describeError(r.error())));
                return false;
            }
            created->append(q(spec.name));
        }
        return true;
    }

    bool pullImage(const ServiceSpec &s) {
        DeployHost host(QString(), hostName(), q(client->endpoint().url()), client);
        PullOptions pull;
        pull.policy = PullPolicy::Missing;
        pull.stallTimeout = options.pullStallTimeout;
        pull.cancel = cancel.get();
        QString why;
        const auto pinned = RolloutSteps::resolveImage(
            host, s.image, pull,
            [this, name = s.name](const QString &, int done, int total) {
                report(name, ServiceState::Pulling,
                       tr("pulling %1%").arg(total > 0 ? done * 100 / total : 0));
            },
            &why);
        if (!pinned && !cancel->isCancelled())
            fail(s.name, tr("pulling the image of service %1: %2").arg(s.name, why));
        return pinned.has_value();
    }

    bool waitForDependencies(const ServiceSpec &s) {
        for (const Dependency &dep : s.dependsOn) {
            report(s.name, ServiceState::Waiting,
                   tr("waiting for %1 (%2)").arg(dep.service, conditionText(dep.condition)));
            std::vector<std::string> ids;
            if (!board.waitStarted(dep.service, cancel->flag(), &ids))
                return false;
            for (std::size_t i = 0; i < ids.size(); ++i) {
                const QString name =
                    ComposeLabels::containerName(project.name, dep.service, int(i) + 1);
                QString why;
                const auto outcome = ServiceWait::wait(*client, ids[i], name, goalOf(dep.condition),
                                                       options.readyTimeout, cancel->flag(), &why,
                                                       options.probeHealth);
                if (outcome == ServiceWait::Outcome::Cancelled)
                    return false;
                if (outcome == ServiceWait::Outcome::Failed) {
                    // The dependency is what failed; its dependent only waited for it.
                    fail(dep.service,
                         tr("service %1 did not become %2 (service %3 waits for it): %4")
                             .arg(dep.service, conditionText(dep.condition), s.name, why));
                    return false;
                }
            }
        }
        return true;
    }

    bool createReplicas(const ServiceSpec &s, std::vector<std::string> *ids) {
        report(s.name, ServiceState::Creating);
        for (int n = 1; n <= s.replicas; ++n) {
            if (cancel->isCancelled())
                return false;
            const ServiceContainer spec = ServiceContainers::make(project, s, n, identity);
            const QString name = q(spec.create.name);
            auto created = client->createContainer(spec.create).wait();
            if (!created) {
                fail(s.name, tr("creating container %1 of service %2: %3")
                                 .arg(name, s.name, describeError(created.error())));
                return false;
            }
            ids->push_back(created.value());
            {
                std::lock_guard lock(mutex);
                containers.append(name);
            }
            for (const auto &[network, endpoint] : spec.connect) {
                auto r = client->connectNetwork(network, created.value(), endpoint).wait();
                if (!r) {
                    fail(s.name, tr("connecting container %1 of service %2 to network %3: %4")
                                     .arg(name, s.name, q(network), describeError(r.error())));
                    return false;
                }
            }
        }
        return true;
    }

    bool startReplicas(const ServiceSpec &s, const std::vector<std::string> &ids) {
        report(s.name, ServiceState::Starting);
        for (std::size_t i = 0; i < ids.size(); ++i) {
            if (cancel->isCancelled())
                return false;
            auto r = client->startContainer(ids[i]).wait();
            if (!r) {
                fail(s.name,
                     tr("starting container %1 of service %2: %3")
                         .arg(ComposeLabels::containerName(project.name, s.name, int(i) + 1),
                              s.name, describeError(r.error())));
                return false;
            }
        }
        return true;
    }

    // Ready: healthy when the container has a health check, else running (or done with 0).
    bool waitReady(const ServiceSpec &s, const std::vector<std::string> &ids) {
        for (std::size_t i = 0; i < ids.size(); ++i) {
            const QString name = ComposeLabels::containerName(project.name, s.name, int(i) + 1);
            QString why;
            const bool health = ServiceWait::hasHealthCheck(*client, ids[i], &why);
            if (!why.isEmpty()) {
                fail(s.name,
                     tr("inspecting container %1 of service %2: %3").arg(name, s.name, why));
                return false;
            }
            if (health)
                report(s.name, ServiceState::WaitingForHealth);
            const auto outcome =
                ServiceWait::wait(*client, ids[i], name,
                                  health ? ServiceWait::Goal::Healthy : ServiceWait::Goal::Started,
                                  options.readyTimeout, cancel->flag(), &why, options.probeHealth);
            if (outcome == ServiceWait::Outcome::Cancelled)
                return false;
            if (outcome == ServiceWait::Outcome::Failed) {
                fail(s.name, tr("waiting for service %1: %2").arg(s.name, why));
                return false;
            }
        }
        report(s.name, ServiceState::Ready);
        return true;
    }

    void runService(const ServiceSpec &s) {
        std::vector<std::string> ids;
        const bool ok = pullImage(s) && waitForDependencies(s) && createReplicas(s, &ids) &&
                        startReplicas(s, ids);
        if (!ok) {
            board.failed(s.name);
            if (cancel->isCancelled() && !failedHere(s.name))
                report(s.name, ServiceState::Failed, tr("stopped: %1").arg(cancel->reason()));
            return;
        }
        board.started(s.name, ids);
        if (!waitReady(s, ids) && cancel->isCancelled() && !failedHere(s.name))
            report(s.name, ServiceState::Failed, tr("stopped: %1").arg(cancel->reason()));
    }

    // Whether `service` reported its own failure (so that it is not reported twice).
    bool failedHere(const QString &service) {
        std::lock_guard lock(mutex);
        return failedServices.contains(service);
    }
};

ProvisionJob::ProvisionJob(std::shared_ptr<engine::DockerClient> client, ComposeProject project,
                           EnvironmentIdentity identity, ProvisionOptions options,
                           std::shared_ptr<Cancellation> cancel, ServiceFn onService, StepFn onStep)
    : d(std::make_unique<Impl>()) {
    d->client = std::move(client);
    d->project = std::move(project);
    d->identity = std::move(identity);
    d->options = std::move(options);
    d->cancel = cancel ? std::move(cancel) : std::make_shared<Cancellation>();
    d->onService = std::move(onService);
    d->onStep = std::move(onStep);
}

ProvisionJob::~ProvisionJob() = default;

EnvironmentOutcome ProvisionJob::run() {
    EnvironmentOutcome out;
    d->step(tr("Checking the template"));
    QStringList problems = ProvisionCheck::offline(d->project, d->identity);
    if (problems.isEmpty()) {
        d->step(tr("Checking the engine"));
        problems = ProvisionCheck::online(*d->client, d->project, d->identity);
    }
    if (!problems.isEmpty()) {
        out.error =
            tr("refused before anything was created: %1").arg(problems.join(QStringLiteral("; ")));
        return out;
    }
    if (d->cancel->isCancelled()) {
        out.error = d->cancel->reason();
        return out;
    }
    for (const ServiceSpec &s : d->project.services)
        d->report(s.name, ServiceState::Waiting);

    if (d->createNetworks(&out.networks) && d->createVolumes(&out.volumes)) {
        d->step(tr("Starting services"));
        std::vector<std::thread> threads;
        // Wave order: a service's dependencies' threads are already running when it starts.
        for (const QStringList &wave : d->project.waves())
            for (const QString &name : wave)
                if (const ServiceSpec *s = d->project.service(name))
                    threads.emplace_back([this, s] { d->runService(*s); });
        for (auto &t : threads)
            t.join();
    }

    QString failure;
    {
        std::lock_guard lock(d->mutex);
        failure = d->error;
        out.containers = d->containers;
    }
    if (failure.isEmpty() && d->cancel->isCancelled())
        failure = d->cancel->reason();
    if (failure.isEmpty()) {
        out.ok = true;
        d->step(tr("Ready"));
        return out;
    }
    d->step(tr("Removing what was created"));
    const auto cleanup =
        EnvironmentCleanup::remove(*d->client, d->identity, EnvironmentCleanup::Volumes::RemoveAll);
    out.error = failure;
    if (!cleanup.ok())
        out.error += QLatin1Char('\n') + tr("and removing what was created failed: %1")
                                             .arg(cleanup.errors.join(QStringLiteral("; ")));
    out.containers = cleanup.containers;
    out.networks = cleanup.networks;
    out.volumes = cleanup.volumes;
    return out;
}

} // namespace slipway::core::env
