// AlertMonitor: evaluates the alert rules against the hosts (HostMonitor), their containers
// (Inventory) and their utilization (Metrics); fires and clears alerts, records them and the
// rule edits and acknowledgements through the StoreThread. Lives on the GUI thread and never
// waits: the database and engine answers come back through its Mailbox.
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

class ContainerDetailsLoader;
struct ContainerDetails;
class HostMonitor;
class Inventory;
class Metrics;
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

    QList<AlertRule> rules() const { return rules_; }
    std::optional<AlertRule> rule(qint64 id) const;
    QList<Alert> alerts() const { return alerts_; } // firing and recent, newest first
    std::optional<Alert> alert(quint64 serial) const;
    // The alert of `ruleId` firing on `targetKey` (Alert::hostKey, Alert::containerKey).
    std::optional<Alert> firing(qint64 ruleId, const QString &targetKey) const;
    int firingCount() const { return int(firing_.size()); }
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
    struct Restarts {
        QList<qint64> atMs; // when each counted restart was seen, oldest first
        int lastCount = -1; // the engine's RestartCount at the last look; -1 before
        qint64 watchedSince = 0;
        bool inFlight = false;
        bool again = false; // changed while being inspected: look once more
    };
    struct Seen {
        QString state;
        qint64 stateSince = 0;
    };
    using FiringKey = QPair<qint64, QString>; // rule id, target key

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
    void evaluateHostUsage(const AlertRule *only = nullptr);
    void evaluateHostDown(const AlertRule *only = nullptr);
    void onContainers(const ContainerList &records);
    void onContainersRemoved(const ContainerList &records);
    void onHostStatus(const QString &hostId, const HostStatus &status);
    void onHostSynced(const QString &hostId);
    void onTick();
    void inspectRestarts(const QString &hostId, const QString &containerId);
    void onRestartCount(const QString &hostId, const QString &containerId, int count,
                        const QString &state);
    int restartsWithin(const Restarts &tracker, int windowSeconds, qint64 nowMs) const;
    bool restartRuleEnabled() const;

    void fire(const AlertRule &rule, const QString &targetKey, const QString &target,
              const QString &hostId, const QString &detail);
    void clear(qint64 ruleId, const QString &targetKey, const QString &why);
    void clearWhere(const std::function<bool(const Alert &)> &match, const QString &why);
    int indexOfSerial(quint64 serial) const;
    void dropOldHistory();
    QString hostName(const QString &hostId) const;
    QString containerTarget(const ContainerRecord &r) const;
    quint64 finishLater(bool ok, const QString &error);

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

    QList<AlertRule> rules_;
    QList<Alert> alerts_;              // newest first
    QHash<FiringKey, quint64> firing_; // serial of the open alert
    quint64 nextSerial_ = 1;
    quint64 nextRequest_ = 1;

    QHash<FiringKey, qint64> overSinceMs_; // host CPU / memory over the threshold since
    QHash<QString, qint64> downSinceMs_;   // host id -> first seen down
    QHash<QString, QString> downError_;
    QHash<QString, Restarts> restarts_; // container key
    QHash<QString, Seen> seen_;         // container key
    ExitIntents intents_;               // container key -> whether its last exit was asked for
    QSet<QString> exitChecks_;          // container keys being inspected for checkQuietExit
};

} // namespace slipway::core
