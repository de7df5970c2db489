// Reconciler: keeps each application's current deployment at its replica count, as Swarm
// keeps a service's: when the inventory shows fewer replicas running than the record wants,
// it asks the Deployer to reconcile that application (one at a time per application, backing
// off after a failure), unless ops paused it. Also says how often crash-looping replicas have
// restarted (the engine's RestartCount). Lives on the GUI thread and never waits.
#pragma once

#include "core/base/backoff.h"
#include "core/base/mailbox.h"
#include "core/deploy/reconcilesettings.h"
#include "core/fleet/containerrecord.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <chrono>
#include <memory>
#include <optional>

namespace slipway::core {

class ContainerDetailsLoader;
class Deployer;
class HostMonitor;
class Inventory;
class StoreThread;

class Reconciler : public QObject {
    Q_OBJECT

public:
    struct Options {
        std::chrono::milliseconds interval{5000}; // the periodic look at every application
        std::chrono::milliseconds settle{300};    // after a container change, before a look
        std::chrono::milliseconds firstBackoff{5000};
        std::chrono::milliseconds maxBackoff{300000};
        // A replica whose RestartCount grew within this long counts as crash-looping.
        std::chrono::milliseconds restartMemory{60000};
    };

    // What this store's records say of one application.
    struct AppState {
        qint64 deploymentId = 0;
        int replicas = 0; // the desired count
        ReconcilePause pause;
        friend bool operator==(const AppState &, const AppState &) = default;
    };

    // `hosts` may be null (then only the inventory's sync states gate a look).
    Reconciler(Inventory *inventory, HostMonitor *hosts, Deployer *deployer,
               std::shared_ptr<StoreThread> store, Options options, QObject *parent = nullptr);
    Reconciler(Inventory *inventory, HostMonitor *hosts, Deployer *deployer,
               std::shared_ptr<StoreThread> store, QObject *parent = nullptr)
        : Reconciler(inventory, hosts, deployer, std::move(store), Options{}, parent) {}
    ~Reconciler() override;

    // Reads the records, then looks every interval and after container changes.
    void start();
    // Whether this process acts on what it sees (on by default): only the leader of the timed
    // work does (core/agent); a follower still reads the records, for display.
    void setActing(bool acting);
    bool acting() const { return acting_; }
    // Reads the records and looks now.
    void lookNow() { load(); }
    // Nothing read, looked at or asked of the Deployer is under way, and every host has
    // answered: what a look would do has been done (`slipctl agent --once` waits for it).
    bool settled() const {
        return !loading_ && !soon_.isActive() && inFlight_.isEmpty() && hostsReady();
    }

    // Null when this store has no current deployment of app/env (not loaded yet, or none).
    std::optional<AppState> state(const QString &app, const QString &env) const;
    // How often the replica restarted lately by itself; 0 when it does not crash-loop.
    int restarts(const QString &hostId, const QString &containerId) const;

    // Pauses or resumes reconcile of app/env for everyone using this database, with an audit
    // entry (app.reconcile.pause / .resume); answers with pauseFinished(request, ...).
    quint64 setPaused(const QString &app, const QString &env, bool paused);

signals:
    void statesChanged();
    void restartsChanged(const QString &hostId, const QString &containerId, int restarts);
    void pauseFinished(quint64 request, bool ok, const QString &error);
    // A reconcile the Deployer ran for app/env: what it did, or why it failed.
    void reconciled(const QString &app, const QString &env, bool ok, const QString &error,
                    const QString &detail);
    void auditAppended();

private:
    using Key = std::pair<QString, QString>; // app, env
    struct Restarts {
        int lastCount = -1; // the engine's RestartCount at the last look
        int shown = 0;
        qint64 grewAtMs = 0;
        bool inFlight = false;
        bool again = false;
    };
    struct Seen {
        QString state;
        qint64 stateSince = 0;
    };

    void load();
    void look();
    void lookSoon();
    bool hostsReady() const;
    void onContainers(const ContainerList &records);
    void onRemoved(const ContainerList &records);
    void inspect(const QString &hostId, const QString &containerId);
    void forgetOldRestarts();

    Inventory *inventory_;
    HostMonitor *hosts_;
    Deployer *deployer_;
    std::shared_ptr<StoreThread> store_;
    Options options_;
    Mailbox mailbox_;
    ContainerDetailsLoader *inspector_;
    QTimer tick_;
    QTimer soon_;
    bool loading_ = false;
    bool acting_ = true;
    QHash<Key, AppState> states_;
    QHash<quint64, Key> asked_; // Deployer requests under way
    QSet<Key> inFlight_;
    QHash<Key, Backoff> backoff_;
    QHash<Key, qint64> notBeforeMs_;
    QHash<QString, Restarts> restarts_; // by "host\ncontainer"
    QHash<QString, Seen> seen_;
    QElapsedTimer clock_;
    quint64 nextRequest_ = 1;
};

} // namespace slipway::core
