// RecordedChange: a change of an application that is recorded as a deployment (deploy,
// rollback, scale, undo): begun as a running record, carried out with the safe replacement,
// and ended as a success (the old replicas drained, stopped and kept for the undo window) or a
// failure (what it started removed, the old version left running), audited either way.
#pragma once

#include "core/deploy/jobs/appchange.h"

#include <QDateTime>
#include <QPair>

namespace slipway::core {

struct ChangeResult : JobOutcome {
    QDateTime nextSweep; // when the replicas it retired are due for removal
};

class RecordedChange : public AppChange {
    Q_DECLARE_TR_FUNCTIONS(DeploymentJob)

public:
    using AppChange::AppChange;

protected:
    static constexpr int kMaxReplicas = 100;

    static ChangeResult refusal(const QString &why);
    // A placement's refusal with why hosts were left out: "no host … (h2 has not …)".
    static QString withNotes(const QString &why, const QStringList &notes);

    bool begin(DeploymentRecord *record, QString *error);
    void end(const DeploymentRecord &record);
    ChangeResult fail(DeploymentRecord record, const QString &reason,
                      DeploymentRecord::Result result = DeploymentRecord::Result::Failed);
    // `restored`: retired rows whose replicas serve again (an undo).
    ChangeResult succeed(DeploymentRecord record, const QString &detail,
                         const QList<Replica> &retire, const QList<qint64> &restored = {});
    // Replaces `old` with replicas of `record` on `targetHosts` (one per entry): start first,
    // or stop first per host where a fixed host port forces it.
    ChangeResult replace(DeploymentRecord record, const QList<Replica> &old,
                         QStringList targetHosts, PullPolicy pull);
    // Takes the running ones of `leaving` out of a load balancer's view before they stop;
    // returns a note naming those it could not.
    QString drain(const QList<Replica> &leaving);
    void removeAll(const QList<QPair<QString, QString>> &started); // (host id, container id)
};

} // namespace slipway::core
