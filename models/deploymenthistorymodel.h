// DeploymentHistoryModel: the deployments of one application in one environment, newest
// first: when, what kind, version and digest, replicas, hosts (records name them by their
// engine's ID; shown by name when a host here has that ID), who, result and the reason;
// versions whose image can no longer be pulled are marked; the environment (secrets masked) is
// in the version's tooltip. Reloads change rows in place.
#pragma once

#include "core/deploy/deploymentrecord.h"
#include "models/keyedrowsmodel.h"

namespace slipway::core {
class Inventory;
}

namespace slipway::models {

class DeploymentHistoryModel : public KeyedRowsModel<core::DeploymentRecord> {
    Q_OBJECT

public:
    enum Column {
        WhenColumn,
        KindColumn,
        VersionColumn,
        DigestColumn,
        ReplicasColumn,
        HostsColumn,
        WhoColumn,
        ResultColumn,
        RestorableColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1,
        IdRole,
        ResultRole,     // DeploymentRecord::Result as int
        RestorableRole, // bool
        ImageRole,      // the reference deployed
        EnvRole,        // QStringList "K=V", secrets as "K=******"
    };

    // `inventory` (may be null) names the hosts.
    explicit DeploymentHistoryModel(core::Inventory *inventory = nullptr,
                                    QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setHistory(const core::DeploymentHistory &history); // newest first
    core::DeploymentRecord record(int row) const;            // empty outside the rows
    int rowOfId(qint64 id) const;                            // -1 if not shown
    // The newest successful deployment before the current one: what "previous" rolls back to.
    int previousRow() const;

    static QString resultText(core::DeploymentRecord::Result result);
    static QString kindText(core::DeploymentRecord::Kind kind);

protected:
    QString keyOf(const core::DeploymentRecord &r) const override;
    bool sameRow(const core::DeploymentRecord &a, const core::DeploymentRecord &b) const override;

private:
    core::Inventory *inventory_;
};

} // namespace slipway::models
