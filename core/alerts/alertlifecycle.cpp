#include "core/alerts/alertlifecycle.h"

#include "core/alerts/alertstore.h"
#include "core/base/errortext.h"
#include "core/store/storethread.h"

#include <QDateTime>

namespace slipway::core {

namespace {

struct FireResult {
    std::optional<Alert> saved;
    QString error;
};

} // namespace

AlertLifecycle::AlertLifecycle(std::shared_ptr<StoreThread> store, int historyLimit,
                               QObject *parent)
    : QObject(parent), store_(std::move(store)), historyLimit_(historyLimit), mailbox_(this) {}

AlertLifecycle::~AlertLifecycle() {
    mailbox_.close();
}

void AlertLifecycle::load(const QList<Alert> &alerts) {
    alerts_ = alerts;
    for (Alert &a : alerts_) {
        a.serial = nextSerial_++;
        if (a.firing())
            firing_.insert({a.ruleId, a.targetKey}, a.serial);
    }
}

void AlertLifecycle::fire(const AlertRule &rule, const QString &targetKey, const QString &target,
                          const QString &hostId, const QString &detail) {
    if (firing_.contains({rule.id, targetKey}))
        return;
    Alert a;
    a.serial = nextSerial_++;
    a.ruleId = rule.id;
    a.kind = rule.kind;
    a.ruleName = rule.name;
    a.targetKey = targetKey;
    a.target = target;
    a.hostId = hostId;
    a.firedAt = QDateTime::currentDateTimeUtc();
    a.detail = keptText(detail); // may hold a daemon's words: the status, a host's error
    alerts_.prepend(a);
    firing_.insert({rule.id, targetKey}, a.serial);
    emit alertFired(a);
    emit alertsChanged();
    if (rule.id < 0)
        return; // the database could not be opened
    store_->run<FireResult>(
        [a](Store *store, const QString &openError) {
            FireResult r;
            r.error = openError;
            if (store)
                r.saved = AlertStore(*store).fire(a, &r.error);
            return r;
        },
        mailbox_,
        [this, serial = a.serial](const FireResult &r) {
            if (!r.saved)
                emit problem(tr("An alert could not be recorded: %1").arg(r.error));
            const int i = indexOfSerial(serial);
            if (!r.saved || i < 0)
                return;
            const std::optional<Alert> &saved = r.saved;
            Alert &a = alerts_[i];
            a.id = saved->id;
            a.firedAt = saved->firedAt; // an open alert of the same condition was kept
            a.acknowledgedBy = saved->acknowledgedBy;
            a.acknowledgedAt = saved->acknowledgedAt;
            if (!saved->detail.isEmpty() && saved->detail != a.detail && a.firing())
                a.detail = saved->detail;
            emit alertUpdated(a);
            emit alertsChanged();
        });
}

void AlertLifecycle::clear(qint64 ruleId, const QString &targetKey, const QString &whyText) {
    const QString why = keptText(whyText);
    const auto it = firing_.constFind({ruleId, targetKey});
    if (it == firing_.constEnd())
        return;
    const int i = indexOfSerial(*it);
    firing_.erase(it);
    if (i < 0)
        return;
    Alert &a = alerts_[i];
    a.clearedAt = QDateTime::currentDateTimeUtc();
    if (!why.isEmpty())
        a.detail = a.detail.isEmpty() ? why : a.detail + QStringLiteral(" — ") + why;
    const Alert cleared = a;
    emit alertCleared(cleared);
    if (ruleId >= 0)
        store_->post([cleared, why](Store *store, const QString &) {
            // A failure leaves the alert open in the database; the next start clears it
            // when its condition is gone.
            if (store)
                AlertStore(*store).clear(cleared.ruleId, cleared.targetKey, cleared.clearedAt, why);
        });
    dropOldHistory();
    emit alertsChanged();
}

void AlertLifecycle::clearWhere(const std::function<bool(const Alert &)> &match,
                                const QString &why) {
    QList<FiringKey> keys;
    for (auto it = firing_.constBegin(); it != firing_.constEnd(); ++it) {
        const int i = indexOfSerial(it.value());
        if (i >= 0 && match(alerts_[i]))
            keys.append(it.key());
    }
    for (const FiringKey &k : keys)
        clear(k.first, k.second, why);
}

void AlertLifecycle::dropOldHistory() {
    int cleared = 0;
    QList<quint64> dropped;
    for (int i = 0; i < alerts_.size();) {
        if (!alerts_[i].firing() && ++cleared > historyLimit_) {
            dropped.append(alerts_[i].serial);
            alerts_.removeAt(i);
        } else {
            ++i;
        }
    }
    if (!dropped.isEmpty())
        emit alertsDropped(dropped);
}

int AlertLifecycle::indexOfSerial(quint64 serial) const {
    for (int i = 0; i < alerts_.size(); ++i)
        if (alerts_[i].serial == serial)
            return i;
    return -1;
}

std::optional<Alert> AlertLifecycle::alert(quint64 serial) const {
    const int i = indexOfSerial(serial);
    if (i < 0)
        return std::nullopt;
    return alerts_[i];
}

std::optional<Alert> AlertLifecycle::firing(qint64 ruleId, const QString &targetKey) const {
    const auto it = firing_.constFind({ruleId, targetKey});
    if (it == firing_.constEnd())
        return std::nullopt;
    return alert(*it);
}

int AlertLifecycle::unacknowledgedCount() const {
    int n = 0;
    for (auto it = firing_.constBegin(); it != firing_.constEnd(); ++it)
        if (const auto a = alert(it.value()); a && !a->acknowledged())
            ++n;
    return n;
}

bool AlertLifecycle::isFiring(qint64 ruleId, const QString &targetKey) const {
    return firing_.contains({ruleId, targetKey});
}

void AlertLifecycle::setAcknowledged(quint64 serial, const Alert &recorded) {
    const int i = indexOfSerial(serial);
    if (i < 0)
        return;
    alerts_[i].acknowledgedBy = recorded.acknowledgedBy;
    alerts_[i].acknowledgedAt = recorded.acknowledgedAt;
    emit alertUpdated(alerts_[i]);
    emit alertsChanged();
}

} // namespace slipway::core
