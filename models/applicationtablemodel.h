// ApplicationTableModel: one row per application and environment (containers labelled
// slipway.app / slipway.env) across all hosts, derived from the Inventory's containers: the
// version running now, its digest, replicas running of total, hosts and health. Rows are
// inserted, changed and removed as the Inventory's row signals come, never reset.
#pragma once

#include "core/containerrecord.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QStringList>
#include <utility>

namespace slipway::core {
class Inventory;
}

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
        HealthRole, // "healthy", "unhealthy", "starting", "" (no health check), "down"
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

    core::Inventory *inventory_;
    QHash<AppKey, QHash<ContainerKey, core::ContainerRef>> members_;
    QHash<ContainerKey, AppKey> appOf_;
    QList<Application> rows_;
    QHash<AppKey, int> rowByKey_;
};

} // namespace slipway::models
