// AlertTableModel: the firing and recent alerts of an AlertMonitor, newest first; fired alerts
// are inserted at the top, cleared and acknowledged ones change in place, row by row.
#pragma once

#include "core/alerts/alert.h"

#include <QAbstractTableModel>
#include <QList>

namespace slipway::core {
class AlertMonitor;
}

namespace slipway::models {

class AlertTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        StateColumn,
        FiredColumn,
        RuleColumn,
        TargetColumn,
        ClearedColumn,
        AcknowledgedColumn,
        DetailColumn, // last: it takes the width that is left
        ColumnCount
    };
    enum Role {
        SerialRole = Qt::UserRole + 1, // quint64, AlertMonitor's handle
        FiringRole,                    // bool
        AcknowledgedRole,              // bool
    };

    explicit AlertTableModel(core::AlertMonitor *monitor, QObject *parent = nullptr);

    core::Alert alert(int row) const; // a default Alert for a row out of range
    int rowOf(quint64 serial) const;  // -1 if not shown

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString stateText(const core::Alert &alert);

private:
    void insertAlert(const core::Alert &alert);
    void updateAlert(const core::Alert &alert);
    void dropAlerts(const QList<quint64> &serials);
    void load();

    core::AlertMonitor *monitor_;
    QList<core::Alert> alerts_; // newest first
};

} // namespace slipway::models
