// Inventory: every container on every host, kept live (one HostInventory per host), with
// row-level change signals for the models and the container actions (start, stop, restart,
// kill, remove), whose results come back on the GUI thread and go to the audit log.
#pragma once

#include "core/base/mailbox.h"
#include "core/fleet/containerrecord.h"
#include "core/fleet/hostinventory.h"

#include <QHash>
#include <QObject>
#include <QStringList>
#include <functional>
#include <map>
#include <memory>

namespace slipway::engine {
class DockerClient;
}

namespace slipway::core {

class HostMonitor;
class StoreThread;
class StringPool;
struct HostConfig;
struct HostStatus;

class Inventory : public QObject {
    Q_OBJECT

public:
    using SyncState = HostInventory::State;
    using Options = HostInventory::Options;

    enum class Action { Start, Stop, Restart, Kill, Remove, ForceRemove };
    Q_ENUM(Action)

    // `store` may be null: actions are then not written to the audit log.
    explicit Inventory(std::shared_ptr<StoreThread> store = {}, Options options = {},
                       QObject *parent = nullptr);
    ~Inventory() override;

    // Follows `monitor`'s hosts: syncs those it has, and each one added, changed or removed
    // later. A host the monitor finds up again is retried at once instead of after the
    // back-off; one it finds down loses its stream (a dead TCP peer never closes it).
    void attach(HostMonitor *monitor);

    // Syncs one host through `client`, which the caller keeps alive for as long as the host
    // is here (a null client: the host is listed, stopped). Replaces a host of the same id.
    void addHost(const QString &hostId, const QString &name, const QString &url,
                 const std::shared_ptr<engine::DockerClient> &client);
    void removeHost(const QString &hostId); // its containers are removed
    void retryHost(const QString &hostId);  // reconnect now if waiting to

    QStringList hostIds() const { return hostOrder_; }
    // The host's name; `hostId` may also be the engine ID its engine answered with, which is
    // how deployment records name hosts. Empty when unknown.
    QString hostName(const QString &hostId) const;
    SyncState hostState(const QString &hostId) const;
    QString hostError(const QString &hostId) const;
    const HostInventory *host(const QString &hostId) const; // null if unknown

    ContainerList containers() const; // all hosts
    ContainerList containers(const QString &hostId) const;
    ContainerRef container(const QString &hostId, const QString &containerId) const;
    int containerCount() const;

    // Acts on one container. The result comes as actionFinished(request, ...) and, when
    // given, through `done`, both on this object's thread; a failure carries the engine's own
    // message. Returns the request number.
    quint64 perform(Action action, const QString &hostId, const QString &containerId,
                    std::function<void(bool ok, const QString &error)> done = {});
    static QString actionName(Action action);  // "Stop", for people
    static QString auditAction(Action action); // "container.stop", for the audit log

signals:
    // Batches of records, per host and per refresh; a change carries the new version.
    void containersInserted(const slipway::core::ContainerList &records);
    void containersChanged(const slipway::core::ContainerList &records);
    void containersRemoved(const slipway::core::ContainerList &records);
    // A host's container events, in order, as they come (HostInventory::containerEvents).
    void containerEvents(const QString &hostId, const slipway::core::ContainerEventList &events);
    void hostSyncStateChanged(const QString &hostId, slipway::core::Inventory::SyncState state,
                              const QString &error);
    // Also with the engine ID, when a host's engine is identified: hostName() knows it now.
    void hostNameChanged(const QString &hostId, const QString &name);
    void actionFinished(quint64 request, const QString &hostId, const QString &containerId,
                        slipway::core::Inventory::Action action, bool ok, const QString &error);
    void auditAppended(); // an action was written to the audit log

private:
    struct Host {
        QString name;
        QString url;
        std::weak_ptr<engine::DockerClient> client;
        std::unique_ptr<HostInventory> sync;
        QString engineId; // the last one it answered with
    };
    void onHostChanged(const HostConfig &config, HostMonitor *monitor);
    void onHostStatus(const QString &hostId, const HostStatus &status);
    void audit(Action action, const QString &hostId, const QString &target, const QString &error);

    std::shared_ptr<StoreThread> store_;
    Options options_;
    Mailbox mailbox_;
    std::shared_ptr<StringPool> pool_;
    std::shared_ptr<RefreshGate> gate_; // the hosts' turns for background full lists
    std::map<QString, Host> hosts_;
    QStringList hostOrder_;
    quint64 nextRequest_ = 1;
};

} // namespace slipway::core
