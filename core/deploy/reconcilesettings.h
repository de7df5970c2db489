// ReconcileSettings: what the reconcile loop keeps and may not touch: the replica count each
// application's current deployment wants, and the per-application pause ops set to work by
// hand (app_reconcile). Use it on the thread that owns the Store (the store thread).
#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace slipway::core {

// Whether reconcile is paused for one application in one environment, and by whom.
struct ReconcilePause {
    QString app;
    QString env;
    bool paused = false;
    QString pausedBy;   // the OS user (or the database role in team mode) that paused it
    QDateTime pausedAt; // UTC
    int version = 0;    // bumped by every pause and resume; 0 while nothing was ever set

    friend bool operator==(const ReconcilePause &, const ReconcilePause &) = default;
};

// The newest successful deployment of an application: what it should run.
struct DesiredReplicas {
    QString app;
    QString env;
    qint64 deploymentId = 0;
    int replicas = 0;

    friend bool operator==(const DesiredReplicas &, const DesiredReplicas &) = default;
};

class ReconcileSettings {
    Q_DECLARE_TR_FUNCTIONS(ReconcileSettings)

public:
    explicit ReconcileSettings(QSqlDatabase db) : db_(std::move(db)) {}

    // Not paused (and no row) when nothing was ever set; nullopt with `error` when the
    // database did not answer.
    std::optional<ReconcilePause> pause(const QString &app, const QString &env,
                                        QString *error = nullptr) const;
    // Every application whose reconcile is paused now.
    QList<ReconcilePause> pausedAll(QString *error = nullptr) const;
    // Every application ever paused or resumed, with its version.
    QList<ReconcilePause> all(QString *error = nullptr) const;
    // Pauses (recording `by` and now) or resumes; one row per application either way. With
    // `readVersion` (the pause's version as the caller read it, 0: none yet; -1: unchecked) it
    // is refused when someone paused or resumed it since, and `current` then holds it as it is.
    bool setPaused(const QString &app, const QString &env, bool paused, const QString &by,
                   QString *error = nullptr, int readVersion = -1,
                   ReconcilePause *current = nullptr);

    // Each application's current deployment and its replica count.
    QList<DesiredReplicas> desired(QString *error = nullptr) const;

private:
    QSqlDatabase db_;
};

} // namespace slipway::core
