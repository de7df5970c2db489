#include "core/agent/fleetjobs.h"

#include "core/agent/timedwork.h"
#include "core/deploy/deployer.h"
#include "core/deploy/reconciler.h"
#include "core/environments/environments.h"
#include "core/fleet/hostmonitor.h"

#include <QHash>
#include <QPointer>

namespace slipway::core {

namespace {

// Finishes what interrupted deployments left (Deployer::recover), once every host has
// answered its first probe: recovery that ran earlier would miss what they hold.
class RecoverTimed final : public TimedJob {
public:
    RecoverTimed(Deployer *deployer, HostMonitor *hosts, std::chrono::milliseconds period)
        : deployer_(deployer), hosts_(hosts), period_(period) {
        QObject::connect(
            deployer_, &Deployer::finished, &context_,
            [this](quint64 request, bool ok, const QString &error, const DeploymentRecord &record) {
                const auto it = pending_.find(request);
                if (it == pending_.end())
                    return;
                const Done done = std::move(it.value());
                pending_.erase(it);
                done(Outcome{true, ok, ok ? record.detail : error});
            });
    }
    QString name() const override { return QStringLiteral("recover"); }
    std::chrono::milliseconds period() const override { return period_; }
    void run(Done done) override {
        if (!answered()) {
            done(Outcome{false, true, {}});
            return;
        }
        pending_.insert(deployer_->recover(), std::move(done));
    }

private:
    bool answered() const {
        if (!hosts_)
            return true;
        if (!hosts_->isLoaded())
            return false;
        for (int i = 0; i < hosts_->hostCount(); ++i)
            if (hosts_->status(i).state == HostStatus::State::Connecting)
                return false;
        return true;
    }

    QPointer<Deployer> deployer_;
    HostMonitor *hosts_;
    std::chrono::milliseconds period_;
    QObject context_;
    QHash<quint64, Done> pending_;
};

// Desired replica counts: the Reconciler acts (on its own ticks and on container changes) only
// while this process leads; each run is one more look.
class ReconcileTimed final : public TimedJob {
public:
    ReconcileTimed(Reconciler *reconciler, std::chrono::milliseconds period)
        : reconciler_(reconciler), period_(period) {}
    QString name() const override { return QStringLiteral("reconcile"); }
    std::chrono::milliseconds period() const override { return period_; }
    void run(Done done) override {
        if (reconciler_)
            reconciler_->lookNow();
        done(Outcome{});
    }
    void setLeading(bool leading) override {
        if (reconciler_)
            reconciler_->setActing(leading);
    }

private:
    QPointer<Reconciler> reconciler_;
    std::chrono::milliseconds period_;
};

// What interrupted provisions and recycles left on the engines, swept after each reload of the
// environment records (and when a host answers again) while this process leads.
class SweepTimed final : public TimedJob {
public:
    SweepTimed(env::Environments *environments, std::chrono::milliseconds period)
        : environments_(environments), period_(period) {}
    QString name() const override { return QStringLiteral("environment-sweep"); }
    std::chrono::milliseconds period() const override { return period_; }
    void run(Done done) override {
        if (environments_)
            environments_->refresh();
        done(Outcome{});
    }
    void setLeading(bool leading) override {
        if (environments_)
            environments_->setSweeping(leading);
    }

private:
    QPointer<env::Environments> environments_;
    std::chrono::milliseconds period_;
};

} // namespace

void addFleetJobs(TimedWork *work, const FleetJobPeriods &periods, Deployer *deployer,
                  HostMonitor *hosts, Reconciler *reconciler, env::Environments *environments) {
    if (deployer)
        work->add(std::make_unique<RecoverTimed>(deployer, hosts, periods.recover));
    if (reconciler)
        work->add(std::make_unique<ReconcileTimed>(reconciler, periods.reconcile));
    if (environments)
        work->add(std::make_unique<SweepTimed>(environments, periods.sweep));
}

} // namespace slipway::core
