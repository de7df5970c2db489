// ServiceTableModel: one row per Swarm service of each manager host, fed by a ServiceCatalog's
// batches: rows are inserted, changed and removed one by one, keyed by (host, service ID),
// never reset after the first fill.
#pragma once

#include "core/fleet/servicerecord.h"
#include "models/keyedrecordsmodel.h"

namespace slipway::core {
class ServiceCatalog;
}

namespace slipway::models {

class ServiceTableModel : public KeyedRecordsModel<core::ServiceRecord> {
    Q_OBJECT

public:
    enum Column {
        HostColumn,
        NameColumn,
        ImageColumn,
        DigestColumn,
        ReplicasColumn,
        UpdateColumn,
        PreviousColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1, // the raw value
        KeyRole,                     // core::ServiceRecord::key()
        HostIdRole,
        ServiceIdRole,
        StaleRole, // the host did not answer: the last known state, greyed
    };

    explicit ServiceTableModel(QObject *parent = nullptr);
    // Starts with the catalog's services and follows its changes.
    explicit ServiceTableModel(core::ServiceCatalog *catalog, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // "completed", "rolled back by the engine", ...: the update state for people.
    static QString updateText(const core::ServiceRecord &r);

public slots:
    void insertRecords(const slipway::core::ServiceList &records);
    void changeRecords(const slipway::core::ServiceList &records);
    void removeRecords(const slipway::core::ServiceList &records);

private:
    QVariant display(const core::ServiceRecord &r, int column) const;
    QVariant sortValue(const core::ServiceRecord &r, int column) const;
    QString toolTip(const core::ServiceRecord &r, int column) const;
};

} // namespace slipway::models
