#include "models/audittablemodel.h"

#include <QColor>
#include <QLocale>

namespace slipway::models {

AuditTableModel::AuditTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void AuditTableModel::merge(const QList<core::AuditEntry> &newestFirst) {
    const qint64 newest = entries_.isEmpty() ? 0 : entries_.first().id;
    int fresh = 0;
    while (fresh < newestFirst.size() && newestFirst[fresh].id > newest)
        ++fresh;
    if (fresh == 0)
        return;
    beginInsertRows({}, 0, fresh - 1);
    entries_ = newestFirst.mid(0, fresh) + entries_;
    endInsertRows();
}

int AuditTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(entries_.size());
}

int AuditTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditTableModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const core::AuditEntry &e = entries_[index.row()];
    if (role == Qt::ForegroundRole && index.column() == ResultColumn && e.result != "ok")
        return QColor(0xc0, 0x30, 0x30);
    if (role == Qt::ToolTipRole && index.column() == DetailColumn)
        return e.detail;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TimeColumn:
        return QLocale().toString(e.at.toLocalTime(), QLocale::ShortFormat);
    case UserColumn:
        // Team mode: the login the server wrote, not what a client said.
        return e.dbUser.isEmpty() ? e.osUser : e.dbUser;
    case ActionColumn:
        return e.action;
    case TargetColumn:
        return e.target;
    case HostColumn:
        return e.host;
    case ResultColumn:
        return e.result;
    case DetailColumn:
        return e.detail;
    }
    return {};
}

QVariant AuditTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("When");
    case UserColumn:
        return tr("User");
    case ActionColumn:
        return tr("Action");
    case TargetColumn:
        return tr("Target");
    case HostColumn:
        return tr("Host");
    case ResultColumn:
        return tr("Result");
    case DetailColumn:
        return tr("Detail");
    }
    return {};
}

} // namespace slipway::models
