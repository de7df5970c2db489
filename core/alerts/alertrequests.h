// AlertRequests: the rule edits and acknowledgements asked of an AlertMonitor: checked, then
// written and audited through the StoreThread. Each request answers once, a moment later,
// with finished(request, ok, error); the error names the problem.
#pragma once

#include "core/alerts/alert.h"
#include "core/alerts/alertrule.h"
#include "core/base/mailbox.h"

#include <QObject>
#include <functional>
#include <memory>
#include <optional>

namespace slipway::core {

class StoreThread;

class AlertRequests : public QObject {
    Q_OBJECT

public:
    AlertRequests(std::shared_ptr<StoreThread> store, QObject *parent);
    ~AlertRequests() override;

    // Adds `rule` (no id) or edits it; `before` is the rule as it is now. `saved` gets the
    // rule as written, before finished().
    quint64 saveRule(const AlertRule &rule, const std::optional<AlertRule> &before,
                     const std::function<void(const AlertRule &)> &saved);
    // `current` is the rule `ruleId` as it is now (none: there is no such rule).
    quint64 setRuleEnabled(qint64 ruleId, const std::optional<AlertRule> &current, bool enabled,
                           const std::function<void(const AlertRule &)> &saved);
    quint64 removeRule(qint64 ruleId, const std::optional<AlertRule> &current,
                       const std::function<void()> &removed);
    // As the OS user. `answered` gets the alert as the database has it (also after a
    // refusal: who was first), before finished().
    quint64 acknowledge(const std::optional<Alert> &alert,
                        const std::function<void(const std::optional<Alert> &)> &answered);

signals:
    void finished(quint64 request, bool ok, const QString &error);

private:
    quint64 finishLater(bool ok, const QString &error);

    std::shared_ptr<StoreThread> store_;
    Mailbox mailbox_;
    quint64 nextRequest_ = 1;
};

} // namespace slipway::core
