#include "core/environments/provisioner.h"

#include "core/base/cancellation.h"
#include "core/environments/environmentcleanup.h"
#include "engine/dockerclient.h"

#include <thread>

namespace slipway::core::env {

struct Provisioner::Impl {
    explicit Impl(Provisioner *owner) : mailbox(owner) {}

    std::shared_ptr<engine::DockerClient> client;
    ProvisionOptions options;
    Mailbox mailbox;
    std::thread worker;
    std::shared_ptr<Cancellation> cancel;
    bool busy = false;

    void join() {
        if (worker.joinable())
            worker.join();
    }
};

Provisioner::Provisioner(std::shared_ptr<engine::DockerClient> client, ProvisionOptions options,
                         QObject *parent)
    : QObject(parent), d(std::make_unique<Impl>(this)) {
    d->client = std::move(client);
    d->options = std::move(options);
}

Provisioner::~Provisioner() {
    d->mailbox.close();
    if (d->cancel)
        d->cancel->cancel(tr("Cancelled: the application is closing"));
    d->join();
}

bool Provisioner::busy() const {
    return d->busy;
}

namespace {

EnvironmentOutcome cleanupOutcome(const EnvironmentCleanup::Report &r) {
    EnvironmentOutcome out;
    out.ok = r.ok();
    out.error = r.errors.join(QLatin1Char('\n'));
    out.containers = r.containers;
    out.networks = r.networks;
    out.volumes = r.volumes;
    out.keptVolumes = r.keptVolumes;
    return out;
}

} // namespace

bool Provisioner::provision(const ComposeProject &project, const EnvironmentIdentity &identity) {
    if (d->busy || !d->client)
        return false;
    d->join();
    d->busy = true;
    d->cancel = std::make_shared<Cancellation>();
    const Mailbox box = d->mailbox;
    Provisioner *self = this;
    auto onService = [box, self](const ServiceProgress &p) {
        box.post([self, p] { emit self->serviceChanged(p); });
    };
    auto onStep = [box, self](const QString &step) {
        box.post([self, step] { emit self->stepChanged(step); });
    };
    auto job = std::make_shared<ProvisionJob>(d->client, project, identity, d->options, d->cancel,
                                              onService, onStep);
    d->worker = std::thread([job, box, self, impl = d.get()] {
        const EnvironmentOutcome out = job->run();
        box.post([self, impl, out] {
            impl->busy = false;
            emit self->finished(out);
        });
    });
    return true;
}

bool Provisioner::recycle(const EnvironmentIdentity &identity) {
    return startCleanup(identity, EnvironmentCleanup::Volumes::KeepMarked);
}

bool Provisioner::sweep(const EnvironmentIdentity &identity) {
    return startCleanup(identity, EnvironmentCleanup::Volumes::RemoveAll);
}

bool Provisioner::startCleanup(const EnvironmentIdentity &identity,
                               EnvironmentCleanup::Volumes volumes) {
    if (d->busy || !d->client)
        return false;
    d->join();
    d->busy = true;
    d->cancel = std::make_shared<Cancellation>();
    const Mailbox box = d->mailbox;
    Provisioner *self = this;
    d->worker = std::thread([client = d->client, identity, volumes, box, self, impl = d.get()] {
        const auto out = cleanupOutcome(EnvironmentCleanup::remove(*client, identity, volumes));
        box.post([self, impl, out] {
            impl->busy = false;
            emit self->finished(out);
        });
    });
    return true;
}

void Provisioner::cancel() {
    if (d->busy && d->cancel)
        d->cancel->cancel(tr("Cancelled by the user"));
}

} // namespace slipway::core::env
