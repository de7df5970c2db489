#include "models/environmenttablemodel.h"

#include "core/fleet/statustext.h"

#include <QBrush>
#include <QLocale>

namespace slipway::models {

using core::env::EnvironmentRecord;
using core::env::EnvironmentStatus;

EnvironmentTableModel::EnvironmentTableModel(QObject *parent) : KeyedRowsModel(parent) {}

int EnvironmentTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EnvironmentTableModel::headerData(int section, Qt::Orientation orientation,
                                           int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Environment");
    case TemplateColumn:
        return tr("Template");
    case KindColumn:
        return tr("Kind");
    case HostColumn:
        return tr("Host");
    case StateColumn:
        return tr("State");
    case ServicesColumn:
        return tr("Services");
    case OwnerColumn:
        return tr("Owner");
    case CreatedColumn:
        return tr("Created");
    case LivedColumn:
        return tr("Lived");
    }
    return {};
}

QString EnvironmentTableModel::stateText(EnvironmentRecord::State state) {
    switch (state) {
    case EnvironmentRecord::State::Provisioning:
        return tr("provisioning");
    case EnvironmentRecord::State::Ready:
        return tr("ready");
    case EnvironmentRecord::State::Failed:
        return tr("failed");
    case EnvironmentRecord::State::Recycling:
        return tr("recycling");
    case EnvironmentRecord::State::Recycled:
        return tr("recycled");
    }
    return {};
}

QVariant EnvironmentTableModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= rows_.size())
        return {};
    const EnvironmentStatus &e = rows_[index.row()];
    const EnvironmentRecord &r = e.record;
    switch (role) {
    case IdRole:
        return r.id;
    case LiveRole:
        return r.live();
    case EndpointsRole: {
        QStringList all;
        for (const auto &s : e.services)
            all += s.endpoints;
        return all;
    }
    case Qt::ToolTipRole:
        if (index.column() == StateColumn && !r.error.isEmpty())
            return r.error;
        return {};
    case Qt::ForegroundRole:
        if (index.column() == StateColumn && r.state == EnvironmentRecord::State::Failed)
            return QBrush(QColor(0xc0, 0x39, 0x2b));
        if (index.column() == ServicesColumn && r.state == EnvironmentRecord::State::Ready &&
            e.servicesRunning() < e.services.size())
            return QBrush(QColor(0xc0, 0x39, 0x2b));
        if (!r.live())
            return QBrush(QColor(0x80, 0x80, 0x80));
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case NameColumn:
        return r.name;
    case TemplateColumn:
        return QStringLiteral("%1 v%2").arg(r.templateName).arg(r.templateVersion);
    case KindColumn:
        return r.kind;
    case HostColumn:
        return hostName_ ? hostName_(r.hostId) : r.hostId;
    case StateColumn:
        return stateText(r.state);
    case ServicesColumn:
        if (!r.live())
            return QString();
        return tr("%1/%2 running").arg(e.servicesRunning()).arg(e.services.size());
    case OwnerColumn:
        return r.osUser;
    case CreatedColumn:
        return QLocale().toString(r.createdAt.toLocalTime(), QLocale::ShortFormat);
    case LivedColumn:
        return core::StatusText::duration(r.livedMs() / 1000);
    }
    return {};
}

void EnvironmentTableModel::setHostNames(std::function<QString(const QString &)> hostName) {
    hostName_ = std::move(hostName);
    if (!rows_.isEmpty())
        emit dataChanged(index(0, HostColumn), index(int(rows_.size()) - 1, HostColumn));
}

void EnvironmentTableModel::setEnvironments(const QList<EnvironmentStatus> &environments) {
    replaceRows(environments);
}

const EnvironmentStatus *EnvironmentTableModel::environment(int row) const {
    return row >= 0 && row < rows_.size() ? &rows_[row] : nullptr;
}

int EnvironmentTableModel::rowOf(const QString &environmentId) const {
    for (int i = 0; i < rows_.size(); ++i)
        if (rows_[i].record.id == environmentId)
            return i;
    return -1;
}

QString EnvironmentTableModel::keyOf(const EnvironmentStatus &e) const {
    return e.record.id;
}

bool EnvironmentTableModel::sameRow(const EnvironmentStatus &a, const EnvironmentStatus &b) const {
    // The Lived column moves on its own: a row is "the same" only when nothing else changed,
    // and the view repaints that column on a timer.
    return a.record.state == b.record.state && a.record.error == b.record.error &&
           a.record.hostId == b.record.hostId && a.record.updatedAt == b.record.updatedAt &&
           a.services == b.services;
}

} // namespace slipway::models
