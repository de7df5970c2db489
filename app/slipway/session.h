// Session: the core services one Slipway window works with (hosts, inventory, metrics and what
// slipctl stats reads of them, alerts, deployments, images, Swarm services, environments,
// records), made and started in one place so the executable and the GUI tests compose them the
// same way.
#pragma once

#include "core/fleet/hostmonitor.h"

#include <QObject>
#include <memory>

namespace slipway::core {
class AlertMonitor;
class AuditLog;
class ChangeFeed;
class Deployer;
class ImageCatalog;
class Inventory;
class Metrics;
class Leadership;
class Reconciler;
class RegistryVersions;
class ServiceCatalog;
class StatsService;
class StoreThread;
class TimedWork;
} // namespace slipway::core

namespace slipway::core::env {
class Environments;
}

namespace slipway::app {

class Session : public QObject {
    Q_OBJECT

public:
    Session(std::shared_ptr<core::StoreThread> store, core::HostMonitor::Options hostOptions,
            QObject *parent = nullptr);
    ~Session() override;

    // Loads the hosts and starts probing, sampling and alerting; competes for the timed work
    // (keeping replica counts, finishing interrupted deployments once every host has answered,
    // sweeping environments), which this window runs while no agent or other window leads.
    void start();

    std::shared_ptr<core::StoreThread> store() const { return store_; }
    core::HostMonitor *hosts() const { return hosts_; }
    core::AuditLog *audit() const { return audit_; }
    core::Inventory *inventory() const { return inventory_; }
    core::ImageCatalog *images() const { return images_; }
    core::Metrics *metrics() const { return metrics_; }
    core::AlertMonitor *alerts() const { return alerts_; }
    core::Deployer *deployer() const { return deployer_; }
    core::Reconciler *reconciler() const { return reconciler_; }
    core::RegistryVersions *registryVersions() const { return registryVersions_; }
    core::ServiceCatalog *services() const { return services_; }
    core::env::Environments *environments() const { return environments_; }
    core::TimedWork *timedWork() const { return timedWork_; }
    // What other desks change in the team database; null in single-user mode.
    core::ChangeFeed *changeFeed() const { return feed_; }

private:
    std::shared_ptr<core::StoreThread> store_;
    core::HostMonitor *hosts_;
    core::AuditLog *audit_;
    core::Inventory *inventory_;
    core::ImageCatalog *images_;
    core::Metrics *metrics_;
    core::StatsService *statsService_ = nullptr; // made by start()
    core::AlertMonitor *alerts_;
    core::Deployer *deployer_;
    core::Reconciler *reconciler_;
    core::RegistryVersions *registryVersions_;
    core::ServiceCatalog *services_;
    core::env::Environments *environments_;
    core::Leadership *leadership_;
    core::TimedWork *timedWork_;
    core::ChangeFeed *feed_ = nullptr;
};

} // namespace slipway::app
