// EnvironmentServiceModel: the services of one environment: while it is provisioned, each
// service's step (waiting, pulling, creating, waiting for health, ready, failed) as the
// provision reports it; afterwards what runs of it, its health and its published endpoints.
#pragma once

#include "core/environments/environmentstatus.h"
#include "core/environments/serviceprogress.h"
#include "models/keyedrowsmodel.h"

namespace slipway::models {

struct EnvironmentServiceRow {
    QString name;
    std::optional<core::env::ServiceProgress> progress; // the provision's latest word
    core::env::ServiceStatus status;                    // what runs
};

class EnvironmentServiceModel : public KeyedRowsModel<EnvironmentServiceRow> {
    Q_OBJECT

public:
    enum Column { ServiceColumn, StateColumn, ReplicasColumn, EndpointsColumn, ColumnCount };
    enum Role { EndpointRole = Qt::UserRole + 1, ContainerRole };

    explicit EnvironmentServiceModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Shows `environmentId`: its services from `status` (may be empty while provisioning);
    // progress kept from before is dropped when the environment changes.
    void show(const QString &environmentId, const QList<core::env::ServiceStatus> &status);
    // A provision's step, applied when it is of the environment shown; a service not listed
    // yet gets a row.
    void apply(const QString &environmentId, const core::env::ServiceProgress &progress);
    QString environmentId() const { return environmentId_; }
    const EnvironmentServiceRow *service(int row) const;

protected:
    QString keyOf(const EnvironmentServiceRow &r) const override;
    bool sameRow(const EnvironmentServiceRow &a, const EnvironmentServiceRow &b) const override;

private:
    void rebuild();

    QString environmentId_;
    QList<core::env::ServiceStatus> status_;
    QMap<QString, core::env::ServiceProgress> progress_;
};

} // namespace slipway::models
