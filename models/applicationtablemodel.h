// ApplicationTableModel: one row per application and environment (containers labelled
// slipway.app / slipway.env) across all hosts, derived from the Inventory's containers: the
// version running now, its digest, replicas running of total, hosts and health. Rows are
// inserted, changed and removed as the Inventory's row signals come, never reset. With the
// Reconciler's desired counts an application that runs fewer replicas than its deployment wants
// is "degraded", one with a crash-looping replica "restarting", never "healthy".
#pragma once

#include "core/fleet/containerrecord.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QStringList>
#include <optional>
#include <utility>

namespace slipway::core {
class Inventory;
class Reconciler;
} // namespace slipway::core

namespace slipway::models {

class ApplicationTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        AppColumn,
        EnvColumn,
        VersionColumn,
        DigestColumn,
        ReplicasColumn,
        HostsColumn,
        HealthColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1,
        AppRole,
        EnvRole,
        VersionRole,
        DigestRole, // the full digest or image ID
        ImageRole,  // the reference the current replicas were created from
        RunningRole,
        TotalRole,
        // "healthy", "unhealthy", "starting", "" (no health check), "down", "degraded" (fewer
        // run than desired), "restarting" (a replica crash-loops)
        HealthRole,
        DesiredRole,  // the replicas the current deployment wants; 0 when not known
        PausedRole,   // reconcile is paused for it
        RestartsRole, // the most restarts of a crash-looping replica
    };

    // What the records of this store want of one application (Reconciler::AppState).
    struct Desired {
        int replicas = 0;
        bool paused = false;
        QString pausedBy;
        QDateTime pausedAt;
        friend bool operator==(const Desired &, const Desired &) = default;
    };

    // One application in one environment, as its containers say now.
    struct Application {
        QString app;
        QString env;
        QString version; // of the replicas running now (the most of them), else the newest
        QString digest;  // the pinned digest of their image reference, else their image ID
        QString image;   // their image reference
        int running = 0; // replicas of `version` running
        int total = 0;   // replicas of `version` in any state
        QStringList hostIds;
        QStringList hostNames;
        QString health;
        int healthy = 0;
        int unhealthy = 0;
        int starting = 0;
        QStringList others; // "1.0.0: 2 exited" for the other versions still present
        bool stale = false; // some replica is on a host that cannot be reached
        Desired desired;    // replicas 0: not known (not deployed by this store)
        int restarting = 0; // replicas of `version` in a crash loop
        int restarts = 0;   // the most restarts among them

        friend bool operator==(const Application &, const Application &) = default;
    };

    explicit ApplicationTableModel(core::Inventory *inventory, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    Application application(int row) const;                  // empty outside the rows
    int rowOf(const QString &app, const QString &env) const; // -1 if not shown
    // Every container of the application, any version and state, newest first.
    core::ContainerList containers(const QString &app, const QString &env) const;

    // "web:1.0.0@sha256:..." -> the digest; else the image ID.
    static QString digestOf(const core::ContainerRecord &r);
    // The Health column's words for `a`: "degraded 1/2", "restarting (3 restarts)", ...
    static QString healthText(const Application &a);

    // Follows `reconciler`'s desired counts, pauses and restart counts (setDesired,
    // setRestarts); null stops following.
    void follow(core::Reconciler *reconciler);
    // What the current deployment of app/env wants; nullopt: nothing known.
    void setDesired(const QString &app, const QString &env, const std::optional<Desired> &desired);
    // How often a replica restarted by itself lately; 0: it does not crash-loop.
    void setRestarts(const QString &hostId, const QString &containerId, int restarts);

public slots:
    void insertContainers(const slipway::core::ContainerList &records);
    void changeContainers(const slipway::core::ContainerList &records);
    void removeContainers(const slipway::core::ContainerList &records);

private:
    using AppKey = std::pair<QString, QString>;       // app, env
    using ContainerKey = std::pair<QString, QString>; // host id, container id

    void apply(const core::ContainerList &records, bool removed);
    Application summarize(const AppKey &key) const;
    void refreshRows(const QList<AppKey> &keys);
    void refreshHost(const QString &hostId);

    void followStates();

    core::Inventory *inventory_;
    core::Reconciler *reconciler_ = nullptr;
    QHash<AppKey, Desired> desired_;
    QHash<ContainerKey, int> restarts_;
    QHash<AppKey, QHash<ContainerKey, core::ContainerRef>> members_;
    QHash<ContainerKey, AppKey> appOf_;
    QList<Application> rows_;
    QHash<AppKey, int> rowByKey_;
};

} // namespace slipway::models
