#include "core/alerts/alertrequests.h"

#include "core/alerts/alertstore.h"
#include "core/store/storethread.h"

#include <QDateTime>

namespace slipway::core {

namespace {

struct RuleResult {
    std::optional<AlertRule> rule;
    QString error;
};

struct AckResult {
    std::optional<Alert> alert; // as the database has it now, also after a refusal
    QString error;
};

} // namespace

AlertRequests::AlertRequests(std::shared_ptr<StoreThread> store, QObject *parent)
    : QObject(parent), store_(std::move(store)), mailbox_(this) {}

AlertRequests::~AlertRequests() {
    mailbox_.close();
}

quint64 AlertRequests::finishLater(bool ok, const QString &error) {
    const quint64 request = nextRequest_++;
    QMetaObject::invokeMethod(
        this, [this, request, ok, error] { emit finished(request, ok, error); },
        Qt::QueuedConnection);
    return request;
}

quint64 AlertRequests::saveRule(const AlertRule &rule, const std::optional<AlertRule> &before,
                                const std::function<void(const AlertRule &)> &saved) {
    if (const QString why = rule.validationError(); !why.isEmpty())
        return finishLater(false, why);
    if (rule.id < 0)
        return finishLater(false, tr("The rules cannot be changed: the database is not open."));
    const quint64 request = nextRequest_++;
    const bool adding = rule.id == 0;
    store_->run<RuleResult>(
        [rule, adding, before](Store *store, const QString &openError) {
            RuleResult r;
            if (!store) {
                r.error = openError;
                return r;
            }
            r.rule = AlertStore(*store).saveRule(rule, &r.error);
            AuditEntry e;
            e.action =
                adding ? QStringLiteral("alert.rule.add") : QStringLiteral("alert.rule.edit");
            e.target = rule.name.trimmed();
            e.result = r.rule ? QStringLiteral("ok") : QStringLiteral("failed");
            QString what = QStringLiteral("%1: %2%3")
                               .arg(AlertRule::kindKey(rule.kind), rule.condition(),
                                    rule.enabled ? QString() : QStringLiteral(" (disabled)"));
            if (before && before->condition() != rule.condition())
                what = before->condition() + QStringLiteral(" -> ") + what;
            else if (before && before->enabled != rule.enabled)
                what = rule.enabled ? QStringLiteral("enabled") : QStringLiteral("disabled");
            e.detail = r.rule ? what : r.error;
            store->appendAudit(e);
            return r;
        },
        mailbox_,
        [this, request, saved](const RuleResult &r) {
            if (r.rule)
                saved(*r.rule);
            emit finished(request, r.rule.has_value(), r.error);
        });
    return request;
}

quint64 AlertRequests::setRuleEnabled(qint64 ruleId, const std::optional<AlertRule> &current,
                                      bool enabled,
                                      const std::function<void(const AlertRule &)> &saved) {
    if (!current)
        return finishLater(false, tr("There is no alert rule %1.").arg(ruleId));
    AlertRule r = *current;
    r.enabled = enabled;
    return saveRule(r, current, saved);
}

quint64 AlertRequests::removeRule(qint64 ruleId, const std::optional<AlertRule> &current,
                                  const std::function<void()> &removed) {
    if (!current)
        return finishLater(false, tr("There is no alert rule %1.").arg(ruleId));
    if (ruleId < 0)
        return finishLater(false, tr("The rules cannot be changed: the database is not open."));
    const quint64 request = nextRequest_++;
    store_->run<QString>(
        [rule = *current](Store *store, const QString &openError) {
            if (!store)
                return openError;
            QString error;
            const bool ok = AlertStore(*store).removeRule(rule.id, &error, rule.version);
            AuditEntry e;
            e.action = QStringLiteral("alert.rule.remove");
            e.target = rule.name;
            e.result = ok ? QStringLiteral("ok") : QStringLiteral("failed");
            e.detail = ok ? AlertRule::kindKey(rule.kind) + QStringLiteral(": ") + rule.condition()
                          : error;
            store->appendAudit(e);
            return ok ? QString() : error;
        },
        mailbox_,
        [this, request, removed](const QString &error) {
            if (error.isEmpty())
                removed();
            emit finished(request, error.isEmpty(), error);
        });
    return request;
}

quint64
AlertRequests::acknowledge(const std::optional<Alert> &a,
                           const std::function<void(const std::optional<Alert> &)> &answered) {
    if (!a)
        return finishLater(false, tr("That alert is no longer listed."));
    if (a->acknowledged())
        return finishLater(false, tr("%1 acknowledged this alert already.").arg(a->acknowledgedBy));
    if (a->id <= 0)
        return finishLater(false, tr("The alert is not recorded yet; try again in a moment."));
    const quint64 request = nextRequest_++;
    store_->run<AckResult>(
        [alert = *a](Store *store, const QString &openError) {
            AckResult r;
            if (!store) {
                r.error = openError;
                return r;
            }
            AlertStore alerts(*store);
            r.alert = alerts.acknowledge(alert.id, Store::currentOsUser(),
                                         QDateTime::currentDateTimeUtc(), &r.error);
            AuditEntry e;
            e.action = QStringLiteral("alert.acknowledge");
            e.target = alert.target;
            e.result = r.alert ? QStringLiteral("ok") : QStringLiteral("failed");
            e.detail = r.alert ? alert.ruleName + QStringLiteral(": ") + alert.detail : r.error;
            store->appendAudit(e);
            if (!r.alert)
                r.alert = alerts.alert(alert.id); // to show who was first
            return r;
        },
        mailbox_,
        [this, request, answered](const AckResult &r) {
            answered(r.alert);
            emit finished(request, r.error.isEmpty(), r.error);
        });
    return request;
}

} // namespace slipway::core
