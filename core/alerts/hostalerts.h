// HostAlerts: the host rules of an AlertMonitor: a host unreachable for a while (HostMonitor),
// its CPU or memory over a threshold for a while (Metrics). Fires and clears through the
// monitor's AlertLifecycle.
#pragma once

#include "core/alerts/alertrule.h"

#include <QHash>
#include <QObject>
#include <QPair>
#include <functional>

namespace slipway::core {

class AlertLifecycle;
class HostMonitor;
class Metrics;
struct HostStatus;

class HostAlerts : public QObject {
    Q_OBJECT

public:
    // `rules` are the monitor's, as it keeps them; `hosts` and `metrics` may be null: their
    // rules then never fire. `hostName` names a host id for people.
    HostAlerts(const QList<AlertRule> *rules, AlertLifecycle *lifecycle, HostMonitor *hosts,
               Metrics *metrics, std::function<QString(const QString &)> hostName, QObject *parent);

    void onHostStatus(const QString &hostId, const HostStatus &status);
    void forgetHost(const QString &hostId);
    // A changed threshold or duration starts the count again.
    void forgetRule(qint64 ruleId);
    // Every rule of its kind, or `only`.
    void evaluateDown(const AlertRule *only = nullptr);
    void evaluateUsage(const AlertRule *only = nullptr);

private:
    using RuleHost = QPair<qint64, QString>; // rule id, host id

    const QList<AlertRule> *rules_;
    AlertLifecycle *lifecycle_;
    HostMonitor *hosts_;
    Metrics *metrics_;
    std::function<QString(const QString &)> hostName_;
    QHash<RuleHost, qint64> overSinceMs_; // host CPU / memory over the threshold since
    QHash<QString, qint64> downSinceMs_;  // host id -> first seen down
    QHash<QString, QString> downError_;
};

} // namespace slipway::core
