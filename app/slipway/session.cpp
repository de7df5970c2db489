#include "app/slipway/session.h"

#include "core/agent/fleetjobs.h"
#include "core/agent/leadership.h"
#include "core/agent/timedwork.h"
#include "core/alerts/alertmonitor.h"
#include "core/deploy/deployer.h"
#include "core/deploy/reconciler.h"
#include "core/deploy/registryversions.h"
#include "core/environments/environments.h"
#include "core/fleet/imagecatalog.h"
#include "core/fleet/inventory.h"
#include "core/fleet/servicecatalog.h"
#include "core/metrics/metrics.h"
#include "core/metrics/statsservice.h"
#include "core/metrics/warmstats.h"
#include "core/store/auditlog.h"
#include "core/store/changefeed.h"
#include "core/store/storethread.h"

namespace slipway::app {

Session::Session(std::shared_ptr<core::StoreThread> store, core::HostMonitor::Options hostOptions,
                 QObject *parent)
    : QObject(parent), store_(std::move(store)) {
    hosts_ = new core::HostMonitor(store_, std::move(hostOptions), this);
    audit_ = new core::AuditLog(store_, this);
    inventory_ = new core::Inventory(store_, {}, this);
    inventory_->attach(hosts_);
    images_ = new core::ImageCatalog(hosts_, audit_, this);
    metrics_ = new core::Metrics(inventory_, hosts_, this);
    alerts_ = new core::AlertMonitor(store_, hosts_, inventory_, metrics_, this);
    deployer_ = new core::Deployer(inventory_, hosts_, store_, metrics_, {}, this);
    reconciler_ = new core::Reconciler(inventory_, hosts_, deployer_, store_, this);
    registryVersions_ = new core::RegistryVersions(images_, this);
    services_ = new core::ServiceCatalog(hosts_, store_, this);
    environments_ = new core::env::Environments(store_, hosts_, inventory_, metrics_, this);
    core::Leadership::Options lead;
    lead.role = QStringLiteral("gui");
    leadership_ = new core::Leadership(store_->location(), lead, this);
    timedWork_ = new core::TimedWork(leadership_, this);
    core::addFleetJobs(timedWork_, {}, deployer_, hosts_, reconciler_, environments_);

    // Everything that writes to the audit log makes the Audit section read it again.
    connect(hosts_, &core::HostMonitor::auditAppended, audit_, &core::AuditLog::refresh);
    connect(inventory_, &core::Inventory::auditAppended, audit_, &core::AuditLog::refresh);
    connect(alerts_, &core::AlertMonitor::auditAppended, audit_, &core::AuditLog::refresh);
    connect(deployer_, &core::Deployer::auditAppended, audit_, &core::AuditLog::refresh);
    connect(reconciler_, &core::Reconciler::auditAppended, audit_, &core::AuditLog::refresh);
    connect(services_, &core::ServiceCatalog::auditAppended, audit_, &core::AuditLog::refresh);
    connect(environments_, &core::env::Environments::auditAppended, audit_,
            &core::AuditLog::refresh);

    // In team mode other desks write too: what they change is read again here within moments.
    if (store_->location().team()) {
        feed_ = new core::ChangeFeed(store_->location(), this);
        connect(feed_, &core::ChangeFeed::changed, this, [this](const QString &table) {
            if (table == QLatin1String("audit_log"))
                audit_->refresh();
            else if (table == QLatin1String("environments") ||
                     table == QLatin1String("env_templates"))
                environments_->refresh();
            else if (table == QLatin1String("alert_rules"))
                alerts_->reloadRules();
        });
    }
}

// QObject would delete its children oldest first; the users of the host monitor (and of its
// engine clients) must go before it, so they are deleted newest first here.
Session::~Session() {
    delete feed_; // first: nothing reloads while the rest goes
    delete timedWork_;
    delete leadership_;
    delete environments_;
    delete services_;
    delete registryVersions_;
    delete reconciler_;
    delete deployer_;
    delete alerts_;
    delete statsService_;
    delete metrics_;
    delete images_;
    delete inventory_;
    delete audit_;
    delete hosts_;
}

void Session::start() {
    hosts_->start();
    metrics_->start();
    // `slipctl stats` on this desk reads what this window samples (unless an agent serves it).
    statsService_ = new core::StatsService(metrics_, hosts_, this);
    QString why;
    if (!statsService_->listen(core::warmstats::socketPath(store_->location().path), &why))
        qInfo("slipway: slipctl stats is not served from this window: %s", qPrintable(why));
    alerts_->start();
    reconciler_->start();
    environments_->refresh();
    timedWork_->start();
}

} // namespace slipway::app
