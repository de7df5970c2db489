#include "core/fleet/inventory.h"

#include "core/base/describeerror.h"
#include "core/base/stringpool.h"
#include "core/fleet/hostmonitor.h"
#include "core/store/auditwrite.h"
#include "core/store/storethread.h"
#include "engine/dockerclient.h"

namespace slipway::core {

Inventory::Inventory(std::shared_ptr<StoreThread> store, Options options, QObject *parent)
    : QObject(parent), store_(std::move(store)), options_(options), mailbox_(this),
      pool_(std::make_shared<StringPool>()),
      gate_(std::make_shared<RefreshGate>(RefreshGate::defaultCapacity())) {
    qRegisterMetaType<ContainerList>();
    qRegisterMetaType<SyncState>();
    qRegisterMetaType<Action>();
}

Inventory::~Inventory() {
    mailbox_.close();
}

void Inventory::attach(HostMonitor *monitor) {
    for (const HostConfig &config : monitor->hosts())
        onHostChanged(config, monitor);
    connect(monitor, &HostMonitor::hostInserted, this,
            [this, monitor](int, const HostConfig &config) { onHostChanged(config, monitor); });
    connect(monitor, &HostMonitor::hostUpdated, this,
            [this, monitor](int, const HostConfig &config) { onHostChanged(config, monitor); });
    connect(monitor, &HostMonitor::hostRemoved, this,
            [this](int, const QString &id) { removeHost(id); });
    connect(monitor, &HostMonitor::statusChanged, this,
            [this, monitor](int index, const HostStatus &status) {
                onHostStatus(monitor->host(index).id, status);
            });
}

void Inventory::onHostChanged(const HostConfig &config, HostMonitor *monitor) {
    auto it = hosts_.find(config.id);
    const auto client = monitor->client(config.id);
    if (it == hosts_.end()) {
        addHost(config.id, config.name, config.url, client);
        return;
    }
    Host &host = it->second;
    if (host.name != config.name) {
        host.name = config.name;
        emit hostNameChanged(config.id, config.name);
    }
    host.url = config.url;
    // HostMonitor makes a new client when the settings change; keep the rows, resync.
    if (host.client.lock() != client) {
        host.client = client;
        host.sync->setClient(client);
    }
}

void Inventory::onHostStatus(const QString &hostId, const HostStatus &status) {
    auto it = hosts_.find(hostId);
    if (it == hosts_.end())
        return;
    if (!status.engineId.isEmpty() && status.engineId != it->second.engineId) {
        it->second.engineId = status.engineId;
        emit hostNameChanged(status.engineId, it->second.name);
    }
    if (status.state == HostStatus::State::Up)
        it->second.sync->retryNow();
    else if (status.state == HostStatus::State::Down)
        it->second.sync->connectionLost(status.error);
}

void Inventory::addHost(const QString &hostId, const QString &name, const QString &url,
                        const std::shared_ptr<engine::DockerClient> &client) {
    if (hosts_.count(hostId))
        removeHost(hostId);
    Host host;
    host.name = name;
    host.url = url;
    host.client = client;
    // hostId itself, not the pool's copy: the GUI thread never takes the pool's lock.
    host.sync = std::make_unique<HostInventory>(hostId, client, pool_, options_, gate_);
    HostInventory *sync = host.sync.get();
    connect(sync, &HostInventory::inserted, this, &Inventory::containersInserted);
    connect(sync, &HostInventory::changed, this, &Inventory::containersChanged);
    connect(sync, &HostInventory::removed, this, &Inventory::containersRemoved);
    connect(
        sync, &HostInventory::containerEvents, this,
        [this, hostId](const ContainerEventList &events) { emit containerEvents(hostId, events); });
    connect(sync, &HostInventory::stateChanged, this,
            [this, hostId](SyncState state, const QString &error) {
                emit hostSyncStateChanged(hostId, state, error);
            });
    hosts_.emplace(hostId, std::move(host));
    hostOrder_.append(hostId);
    sync->start();
}

void Inventory::removeHost(const QString &hostId) {
    auto it = hosts_.find(hostId);
    if (it == hosts_.end())
        return;
    const ContainerList gone = it->second.sync->containers().values();
    hosts_.erase(it); // closes its mailbox and cancels its stream
    hostOrder_.removeAll(hostId);
    if (!gone.isEmpty())
        emit containersRemoved(gone);
}

void Inventory::retryHost(const QString &hostId) {
    if (auto it = hosts_.find(hostId); it != hosts_.end())
        it->second.sync->retryNow();
}

QString Inventory::hostName(const QString &hostId) const {
    if (auto it = hosts_.find(hostId); it != hosts_.end())
        return it->second.name;
    for (const QString &id : hostOrder_) // the first host of that engine, as placement takes it
        if (const Host &h = hosts_.at(id); !hostId.isEmpty() && h.engineId == hostId)
            return h.name;
    return {};
}

Inventory::SyncState Inventory::hostState(const QString &hostId) const {
    auto it = hosts_.find(hostId);
    return it == hosts_.end() ? SyncState::Stopped : it->second.sync->state();
}

QString Inventory::hostError(const QString &hostId) const {
    auto it = hosts_.find(hostId);
    return it == hosts_.end() ? QString() : it->second.sync->error();
}

const HostInventory *Inventory::host(const QString &hostId) const {
    auto it = hosts_.find(hostId);
    return it == hosts_.end() ? nullptr : it->second.sync.get();
}

ContainerList Inventory::containers() const {
    ContainerList all;
    all.reserve(containerCount());
    for (const QString &id : hostOrder_)
        all.append(containers(id));
    return all;
}

ContainerList Inventory::containers(const QString &hostId) const {
    auto it = hosts_.find(hostId);
    return it == hosts_.end() ? ContainerList() : it->second.sync->containers().values();
}

ContainerRef Inventory::container(const QString &hostId, const QString &containerId) const {
    auto it = hosts_.find(hostId);
    return it == hosts_.end() ? nullptr : it->second.sync->containers().value(containerId);
}

int Inventory::containerCount() const {
    int n = 0;
    for (const auto &[id, host] : hosts_)
        n += int(host.sync->containers().size());
    return n;
}

QString Inventory::actionName(Action action) {
    switch (action) {
    case Action::Start:
        return tr("Start");
    case Action::Stop:
        return tr("Stop");
    case Action::Restart:
        return tr("Restart");
    case Action::Kill:
        return tr("Kill");
    case Action::Remove:
        return tr("Remove");
    case Action::ForceRemove:
        return tr("Force remove");
    }
    return {};
}

QString Inventory::auditAction(Action action) {
    switch (action) {
    case Action::Start:
        return QStringLiteral("container.start");
    case Action::Stop:
        return QStringLiteral("container.stop");
    case Action::Restart:
        return QStringLiteral("container.restart");
    case Action::Kill:
        return QStringLiteral("container.kill");
    case Action::Remove:
    case Action::ForceRemove:
        return QStringLiteral("container.remove");
    }
    return {};
}

quint64 Inventory::perform(Action action, const QString &hostId, const QString &containerId,
                           std::function<void(bool ok, const QString &error)> done) {
    const quint64 request = nextRequest_++;
    auto it = hosts_.find(hostId);
    const auto client = it == hosts_.end() ? nullptr : it->second.client.lock();
    const ContainerRef record = container(hostId, containerId);
    // Audit by name when known: that is what people recognise in the log.
    const QString target = record ? record->name : containerId;
    const auto finish = [this, request, action, hostId, containerId, target,
                         done](bool ok, const QString &error) {
        if (ok) {
            if (auto h = hosts_.find(hostId); h != hosts_.end())
                h->second.sync->refresh(containerId); // in case the events lag behind
        }
        audit(action, hostId, target, ok ? QString() : error);
        if (done)
            done(ok, error);
        emit actionFinished(request, hostId, containerId, action, ok, error);
    };
    if (!client) {
        const QString error =
            it == hosts_.end()
                ? tr("There is no host with the id \"%1\".").arg(hostId)
                : tr("The host \"%1\" has no usable connection.").arg(it->second.name);
        QMetaObject::invokeMethod(
            this, [finish, error] { finish(false, error); }, Qt::QueuedConnection);
        return request;
    }
    const std::string id = containerId.toStdString();
    engine::Call<engine::Unit> call;
    switch (action) {
    case Action::Start:
        call = client->startContainer(id);
        break;
    case Action::Stop:
        call = client->stopContainer(id);
        break;
    case Action::Restart:
        call = client->restartContainer(id);
        break;
    case Action::Kill:
        call = client->killContainer(id);
        break;
    case Action::Remove:
        call = client->removeContainer(id, false);
        break;
    case Action::ForceRemove:
        call = client->removeContainer(id, true);
        break;
    }
    call.then([mailbox = mailbox_, finish](engine::Result<engine::Unit> r) {
        const bool ok = r.ok();
        const QString error = ok ? QString() : describeError(r.error());
        mailbox.post([finish, ok, error] { finish(ok, error); });
    });
    return request;
}

void Inventory::audit(Action action, const QString &hostId, const QString &target,
                      const QString &error) {
    if (!store_)
        return;
    AuditEntry e;
    e.action = auditAction(action);
    e.target = target;
    auto it = hosts_.find(hostId);
    e.host = it == hosts_.end() ? hostId : it->second.url;
    e.result = error.isEmpty() ? QStringLiteral("ok") : QStringLiteral("failed");
    e.detail = error;
    writeAudit(*store_, mailbox_, e, [this] { emit auditAppended(); });
}

} // namespace slipway::core
