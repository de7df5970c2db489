// AuditTableModel: the audit log, newest first; entries that arrive later are inserted at the
// top, row by row.
#pragma once

#include "core/store/auditentry.h"

#include <QAbstractTableModel>
#include <QList>

namespace slipway::models {

class AuditTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        TimeColumn,
        UserColumn,
        ActionColumn,
        TargetColumn,
        HostColumn,
        ResultColumn,
        DetailColumn,
        ColumnCount
    };

    explicit AuditTableModel(QObject *parent = nullptr);

    // `newestFirst` as the Store returns it; only entries newer than those shown are added.
    void merge(const QList<core::AuditEntry> &newestFirst);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<core::AuditEntry> entries_; // newest first
};

} // namespace slipway::models
