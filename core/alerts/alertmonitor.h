// AlertMonitor: evaluates the alert rules against the hosts (HostMonitor, through HostAlerts),
// their containers (Inventory) and their utilization (Metrics); fires and clears alerts
// (AlertLifecycle), counts restarts (RestartTracker), and edits the rules and acknowledges
// alerts (AlertRequests), all recorded through the StoreThread. Lives on the GUI thread and
// never waits: the database and engine answers come back through its Mailbox and its parts'.
#pragma once

#include "core/alerts/alert.h"
#include "core/alerts/alertrule.h"
#include "core/base/mailbox.h"
#include "core/fleet/containerevent.h"
#include "core/fleet/containerrecord.h"
#include "core/fleet/exitintents.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <chrono>
#include <memory>
#include <optional>

namespace slipway::core {

class AlertLifecycle;
class AlertRequests;
class ContainerDetailsLoader;
class HostAlerts;
struct ContainerDetails;
class HostMonitor;
class Inventory;
class Metrics;
class RestartTracker;
class StoreThread;
struct HostStatus;

class AlertMonitor : public QObject {
    Q_OBJECT

public:
    struct Options {
        // Durations (host down for N s) and restart windows are checked this often; host CPU
        // and memory on every Metrics round.
        std::chrono::milliseconds tick{1000};
        int historyLimit = 500; // cleared alerts kept (and shown) besides the firing ones
    };

    // Any of `hosts`, `inventory` and `metrics` may be null: their rules then never fire.
    AlertMonitor(std::shared_ptr<StoreThread> store, HostMonitor *hosts, Inventory *inventory,
                 Metrics *metrics, Options options, QObject *parent = nullptr);
    AlertMonitor(std::shared_ptr<StoreThread> store, HostMonitor *hosts, Inventory *inventory,
                 Metrics *metrics, QObject *parent = nullptr);
    ~AlertMonitor() override;

    // Loads the rules and the open and recent alerts, then evaluates; loaded() tells when.
    void start();
    bool isLoaded() const { return loaded_; }
    // Reads the rules again (another desk changed them): ruleSaved and ruleRemoved follow for
    // what differs.
    void reloadRules();

    QList<AlertRule> rules() const { return rules_; }
    std::optional<AlertRule> rule(qint64 id) const;
    QList<Alert> alerts() const; // firing and recent, newest first
    std::optional<Alert> alert(quint64 serial) const;
    // The alert of `ruleId` firing on `targetKey` (Alert::hostKey, Alert::containerKey).
    std::optional<Alert> firing(qint64 ruleId, const QString &targetKey) const;
    int firingCount() const;
    int unacknowledgedCount() const; // firing and not acknowledged
    // Whether the containers' last exits were asked for: for tests, which check its bound.
    const ExitIntents &exitIntents() const { return intents_; }

    // Requests answer with requestFinished(request, ok, error); the error names the problem.
    quint64 saveRule(const AlertRule &rule); // adds (no id) or edits; audited
    quint64 removeRule(qint64 ruleId);       // its alerts clear; audited
    quint64 setRuleEnabled(qint64 ruleId, bool enabled);
    quint64 acknowledge(quint64 serial); // as the OS user; audited

signals:
    void loaded();
    void problem(const QString &message); // the database could not be read or written
    void ruleSaved(const slipway::core::AlertRule &rule); // added or changed
    void ruleRemoved(qint64 ruleId);
    void alertFired(const slipway::core::Alert &alert);   // a new row, at the top
    void alertCleared(const slipway::core::Alert &alert); // the condition is gone
    void alertUpdated(const slipway::core::Alert &alert); // recorded (id), acknowledged
    void alertsDropped(const QList<quint64> &serials);    // old cleared ones past the limit
    void alertsChanged();                                 // after any of the above
    void requestFinished(quint64 request, bool ok, const QString &error);
    void auditAppended();

private:
    struct Seen {
        QString state;
        qint64 stateSince = 0;
    };

    void onLoaded(const QList<AlertRule> &rules, const QList<Alert> &alerts, const QString &error);
    void connectSources();
    void evaluateEverything();
    void evaluateRule(const AlertRule &rule);
    void evaluateContainer(const ContainerRef &record, const AlertRule *only = nullptr);
    void evaluateContainerRule(const AlertRule &rule, const ContainerRecord &r);
    void evaluateExited(const AlertRule &rule, const ContainerRecord &r);
    void onContainerEvents(const QString &hostId, const ContainerEventList &events);
    void checkQuietExit(const ContainerRecord &r);
    void onQuietExitChecked(const QString &hostId, const QString &containerId,
                            const ContainerDetails *details); // null: not answered
    void onContainers(const ContainerList &records);
    void onContainersRemoved(const ContainerList &records);
    void onHostSynced(const QString &hostId);
    void onTick();
    void onRestartsCounted(const QString &hostId, const QString &containerId);
    bool restartRuleEnabled() const;
    void onRuleSaved(const AlertRule &rule);
    void applyRule(const AlertRule &rule);
    void dropRule(qint64 ruleId);
    void onRuleRemoved(qint64 ruleId);

    QString hostName(const QString &hostId) const;
    QString containerTarget(const ContainerRecord &r) const;

    std::shared_ptr<StoreThread> store_;
    HostMonitor *hosts_;
    Inventory *inventory_;
    Metrics *metrics_;
    Options options_;
    Mailbox mailbox_;
    QTimer tick_;
    ContainerDetailsLoader *inspector_ = nullptr;
    bool loaded_ = false;
    bool started_ = false;
    qint64 startedAtSecs_ = 0;

    AlertLifecycle *lifecycle_;
    RestartTracker *restarts_;
    HostAlerts *hostAlerts_; // reads rules_
    AlertRequests *requests_;

    QList<AlertRule> rules_;
    QHash<QString, Seen> seen_; // container key
    ExitIntents intents_;       // container key -> whether its last exit was asked for
    QSet<QString> exitChecks_;  // container keys being inspected for checkQuietExit
};

} // namespace slipway::core
