// AlertStore: the alert rules and the alert history in the Store's database. Synchronous: it
// runs on the store thread (StoreThread), on the Store's own connection.
#pragma once

#include "core/alerts/alert.h"
#include "core/alerts/alertrule.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace slipway::core {

class Store;

class AlertStore {
    Q_DECLARE_TR_FUNCTIONS(AlertStore)

public:
    explicit AlertStore(QSqlDatabase db);
    explicit AlertStore(const Store &store);

    QList<AlertRule> rules(QString *error = nullptr) const; // in the order they were made
    std::optional<AlertRule> rule(qint64 id, QString *error = nullptr) const;
    // A rule without an id is added; one with an id is updated, but only if nobody saved it
    // since `rule.version` was read (two people may edit the same rule in team mode). Returns
    // the rule as saved, with its id and new version. When someone had, `current` holds the
    // rule as it is now.
    std::optional<AlertRule> saveRule(const AlertRule &rule, QString *error = nullptr,
                                      std::optional<AlertRule> *current = nullptr);
    // Its alerts stay in the history. With `readVersion` (0: any) only the rule as it was
    // read: one someone changed since is kept, and `current` holds it.
    bool removeRule(qint64 id, QString *error = nullptr, int readVersion = 0,
                    std::optional<AlertRule> *current = nullptr);

    // Records a fired alert. When an open alert of the same rule and target is there already
    // (written before a restart, or by another workstation sharing the database) that one is
    // kept and returned instead, so a condition is one alert however many watch it.
    std::optional<Alert> fire(const Alert &alert, QString *error = nullptr);
    // Closes the open alert of `ruleId` on `targetKey`, adding `why` to its detail. Closing
    // one that is not open (closed elsewhere already) is not an error.
    bool clear(qint64 ruleId, const QString &targetKey, const QDateTime &at, const QString &why,
               QString *error = nullptr);
    // Marks an alert acknowledged unless someone did already; then fails saying who.
    std::optional<Alert> acknowledge(qint64 id, const QString &user, const QDateTime &at,
                                     QString *error = nullptr);

    std::optional<Alert> alert(qint64 id, QString *error = nullptr) const;
    QList<Alert> openAlerts(QString *error = nullptr) const; // newest first
    // Every open alert and the newest `limit` cleared ones, newest first.
    QList<Alert> recentAlerts(int limit, QString *error = nullptr) const;

private:
    static QString changedMeanwhile(const AlertRule &now);

    QSqlDatabase db_;
};

} // namespace slipway::core
