// EnvironmentTableModel: "My environments": each environment with its template, kind, host,
// state, how many of its services run, its owner and how long it has lived. Reloads change
// rows in place, so the selection survives the Inventory's updates.
#pragma once

#include "core/environments/environmentstatus.h"
#include "models/keyedrowsmodel.h"

#include <functional>

namespace slipway::models {

class EnvironmentTableModel : public KeyedRowsModel<core::env::EnvironmentStatus> {
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        TemplateColumn,
        KindColumn,
        HostColumn,
        StateColumn,
        ServicesColumn,
        OwnerColumn,
        CreatedColumn,
        LivedColumn,
        ColumnCount
    };
    enum Role { IdRole = Qt::UserRole + 1, LiveRole, EndpointsRole };

    explicit EnvironmentTableModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // `hostName` names the hosts in the Host column (their ids otherwise).
    void setHostNames(std::function<QString(const QString &hostId)> hostName);
    void setEnvironments(const QList<core::env::EnvironmentStatus> &environments);
    const core::env::EnvironmentStatus *environment(int row) const; // null outside the rows
    int rowOf(const QString &environmentId) const;                  // -1 if not shown

    // An environment's state for people (the records keep stateName's English words).
    static QString stateText(core::env::EnvironmentRecord::State state);

protected:
    QString keyOf(const core::env::EnvironmentStatus &e) const override;
    bool sameRow(const core::env::EnvironmentStatus &a,
                 const core::env::EnvironmentStatus &b) const override;

private:
    std::function<QString(const QString &)> hostName_;
};

} // namespace slipway::models
