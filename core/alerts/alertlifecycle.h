// AlertLifecycle: the firing and recent alerts of an AlertMonitor: fires an alert once per
// rule and target, clears it when its condition is gone, records both through the StoreThread,
// and keeps a bounded history of cleared ones. Lives on the GUI thread and never waits.
#pragma once

#include "core/alerts/alert.h"
#include "core/alerts/alertrule.h"
#include "core/base/mailbox.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <functional>
#include <memory>
#include <optional>

namespace slipway::core {

class StoreThread;

class AlertLifecycle : public QObject {
    Q_OBJECT

public:
    AlertLifecycle(std::shared_ptr<StoreThread> store, int historyLimit, QObject *parent);
    ~AlertLifecycle() override;

    // Takes the open and recent alerts read from the database (newest first).
    void load(const QList<Alert> &alerts);

    QList<Alert> alerts() const { return alerts_; } // firing and recent, newest first
    std::optional<Alert> alert(quint64 serial) const;
    // The alert of `ruleId` firing on `targetKey`.
    std::optional<Alert> firing(qint64 ruleId, const QString &targetKey) const;
    bool isFiring(qint64 ruleId, const QString &targetKey) const;
    int firingCount() const { return int(firing_.size()); }
    int unacknowledgedCount() const; // firing and not acknowledged

    // Nothing happens when `rule` fires on `targetKey` already.
    void fire(const AlertRule &rule, const QString &targetKey, const QString &target,
              const QString &hostId, const QString &detail);
    void clear(qint64 ruleId, const QString &targetKey, const QString &why);
    void clearWhere(const std::function<bool(const Alert &)> &match, const QString &why);
    // Who acknowledged the alert `serial`, and when, as the database has it.
    void setAcknowledged(quint64 serial, const Alert &recorded);

signals:
    void problem(const QString &message); // an alert could not be recorded
    void alertFired(const slipway::core::Alert &alert);
    void alertCleared(const slipway::core::Alert &alert);
    void alertUpdated(const slipway::core::Alert &alert);
    void alertsDropped(const QList<quint64> &serials);
    void alertsChanged();

private:
    using FiringKey = QPair<qint64, QString>; // rule id, target key

    int indexOfSerial(quint64 serial) const;
    void dropOldHistory();

    std::shared_ptr<StoreThread> store_;
    int historyLimit_;
    Mailbox mailbox_;
    QList<Alert> alerts_;              // newest first
    QHash<FiringKey, quint64> firing_; // serial of the open alert
    quint64 nextSerial_ = 1;
};

} // namespace slipway::core
