#include "core/fleet/hostprobe.h"

#include "engine/dockerclient.h"

namespace slipway::core {

namespace {

struct ProbeState {
    HostStatus status;
    int pending = 2; // version and info
    QString error;
    std::function<void(const HostStatus &)> done;

    // Called on the owner's thread as each of version/info lands.
    void settle() {
        if (--pending > 0)
            return;
        status.checkedAt = QDateTime::currentDateTimeUtc();
        if (error.isEmpty()) {
            status.state = HostStatus::State::Up;
            status.lastUpAt = status.checkedAt;
        } else {
            status.state = HostStatus::State::Down;
            status.error = error;
        }
        done(status);
    }
};

QString q(const std::string &s) {
    return QString::fromStdString(s);
}

QString swarmRole(const engine::SwarmState &swarm) {
    if (swarm.localNodeState == "active")
        return swarm.controlAvailable ? QStringLiteral("manager") : QStringLiteral("worker");
    if (swarm.localNodeState == "inactive" || swarm.localNodeState.empty())
        return {};
    return q(swarm.localNodeState);
}

void fail(const std::shared_ptr<ProbeState> &st, const engine::Error &error) {
    st->pending = 1;
    st->error = q(error.describe());
    st->settle();
}

} // namespace

void probeHost(const std::shared_ptr<engine::DockerClient> &client, const Mailbox &mailbox,
               std::function<void(const HostStatus &)> done,
               std::optional<std::chrono::milliseconds> timeout) {
    auto st = std::make_shared<ProbeState>();
    st->done = std::move(done);
    const engine::Endpoint &endpoint = client->endpoint();
    st->status.tls = endpoint.tls;
    st->status.tlsVerifyOff = endpoint.tls && !endpoint.tlsFiles.verifyPeer;
    std::weak_ptr<engine::DockerClient> weak = client;
    // Every step hops back to the owner's thread before the next request, so no engine
    // thread ever holds the client (and so never runs its destructor).
    client->negotiate(timeout).then(
        [weak, mailbox, st, timeout](engine::Result<std::string> negotiated) {
            mailbox.post([weak, mailbox, st, negotiated, timeout] {
                const auto c = weak.lock();
                if (!c)
                    return;
                if (!negotiated) {
                    fail(st, negotiated.error());
                    return;
                }
                st->status.apiVersion = q(negotiated.value());
                c->version(timeout).then([mailbox, st](engine::Result<engine::VersionInfo> v) {
                    mailbox.post([st, v] {
                        if (!v) {
                            st->error = q(v.error().describe());
                        } else {
                            st->status.engineVersion = q(v.value().version);
                            st->status.kernel = q(v.value().kernelVersion);
                            st->status.arch = q(v.value().arch);
                            st->status.osType = q(v.value().os);
                        }
                        st->settle();
                    });
                });
                c->info(timeout).then([mailbox, st](engine::Result<engine::SystemInfo> i) {
                    mailbox.post([st, i] {
                        if (!i) {
                            if (st->error.isEmpty())
                                st->error = q(i.error().describe());
                        } else {
                            const engine::SystemInfo &info = i.value();
                            st->status.engineId = q(info.id);
                            st->status.hostName = q(info.name);
                            st->status.os = q(info.operatingSystem);
                            st->status.cpus = info.cpus;
                            st->status.memoryBytes = info.memTotal;
                            st->status.containersRunning = info.containersRunning;
                            st->status.containersTotal = info.containers;
                            st->status.images = info.images;
                            st->status.swarmRole = swarmRole(info.swarm);
                            if (st->status.kernel.isEmpty())
                                st->status.kernel = q(info.kernelVersion);
                            if (st->status.arch.isEmpty())
                                st->status.arch = q(info.architecture);
                        }
                        st->settle();
                    });
                });
            });
        });
}

} // namespace slipway::core
