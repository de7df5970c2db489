#include "models/servicetablemodel.h"

#include "core/fleet/servicecatalog.h"

#include <QColor>
#include <QGuiApplication>
#include <QPalette>
#include <algorithm>

namespace slipway::models {

using core::ServiceRecord;

namespace {

QColor greyed() {
    return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
}

QString shortDigest(const QString &digest) {
    return digest.startsWith(QLatin1String("sha256:")) ? digest.mid(7, 12) : digest.left(12);
}

} // namespace

ServiceTableModel::ServiceTableModel(QObject *parent) : KeyedRecordsModel(parent) {}

ServiceTableModel::ServiceTableModel(core::ServiceCatalog *catalog, QObject *parent)
    : ServiceTableModel(parent) {
    insertRecords(catalog->services());
    connect(catalog, &core::ServiceCatalog::servicesInserted, this,
            &ServiceTableModel::insertRecords);
    connect(catalog, &core::ServiceCatalog::servicesChanged, this,
            &ServiceTableModel::changeRecords);
    connect(catalog, &core::ServiceCatalog::servicesRemoved, this,
            &ServiceTableModel::removeRecords);
}

int ServiceTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

void ServiceTableModel::insertRecords(const core::ServiceList &records) {
    insertBatch(records);
}

void ServiceTableModel::changeRecords(const core::ServiceList &records) {
    changeBatch(records);
}

void ServiceTableModel::removeRecords(const core::ServiceList &records) {
    removeBatch(records);
}

QString ServiceTableModel::updateText(const ServiceRecord &r) {
    const QString &s = r.updateState;
    if (s.isEmpty())
        return r.converged() ? QString() : tr("starting replicas");
    if (s == QLatin1String("updating"))
        return tr("updating");
    if (s == QLatin1String("paused"))
        return tr("update paused");
    if (s == QLatin1String("completed"))
        return tr("updated");
    if (s == QLatin1String("rollback_started"))
        return tr("rolling back");
    if (s == QLatin1String("rollback_paused"))
        return tr("rollback paused");
    if (s == QLatin1String("rollback_completed"))
        return r.automaticRollback ? tr("rolled back by the engine") : tr("rolled back");
    return s;
}

QVariant ServiceTableModel::display(const ServiceRecord &r, int column) const {
    switch (column) {
    case HostColumn:
        return r.hostName;
    case NameColumn:
        return r.name;
    case ImageColumn:
        return r.image;
    case DigestColumn:
        return shortDigest(r.digest);
    case ReplicasColumn:
        return r.global ? tr("%1 (global)").arg(r.running)
                        : tr("%1 / %2").arg(r.running).arg(r.desired);
    case UpdateColumn:
        return updateText(r);
    case PreviousColumn:
        return r.hasPrevious ? r.previousImage : QString();
    }
    return {};
}

QVariant ServiceTableModel::sortValue(const ServiceRecord &r, int column) const {
    switch (column) {
    case HostColumn:
        return r.hostName;
    case NameColumn:
        return r.name;
    case ImageColumn:
        return r.image;
    case DigestColumn:
        return r.digest;
    case ReplicasColumn:
        return r.desired;
    case UpdateColumn:
        return r.updateState;
    case PreviousColumn:
        return r.previousImage;
    }
    return {};
}

QString ServiceTableModel::toolTip(const ServiceRecord &r, int column) const {
    if (r.stale)
        return tr("%1 does not answer; this is what it had when it last did.").arg(r.hostName);
    switch (column) {
    case ImageColumn:
    case DigestColumn:
        return r.reference();
    case ReplicasColumn: {
        QString text = tr("%1 running, %2 on the current image, %3 asked for")
                           .arg(r.running)
                           .arg(r.upToDate)
                           .arg(r.desired);
        if (!r.lastTaskError.isEmpty())
            text += u'\n' + tr("Last task error: %1").arg(r.lastTaskError);
        return text;
    }
    case UpdateColumn: {
        QStringList lines;
        if (!r.rollbackReason.isEmpty() && r.rollbackReason != r.updateMessage)
            lines << r.rollbackReason;
        if (!r.updateMessage.isEmpty())
            lines << r.updateMessage;
        if (r.automaticRollback && !r.lastTaskError.isEmpty())
            lines << tr("Last task error: %1").arg(r.lastTaskError);
        lines << tr("Updates: %1, on failure: %2")
                     .arg(r.updateOrder.isEmpty() ? tr("stop-first (engine default)")
                                                  : r.updateOrder,
                          r.failureAction.isEmpty() ? tr("pause (engine default)")
                                                    : r.failureAction);
        return lines.join(u'\n');
    }
    case PreviousColumn:
        if (!r.hasPrevious)
            return tr("No previous spec: nothing to roll back to.");
        return tr("Roll back goes to %1%2 with %3 replicas, %4.")
            .arg(r.previousImage,
                 r.previousDigest.isEmpty() ? QString() : u'@' + shortDigest(r.previousDigest))
            .arg(r.previousReplicas)
            .arg(r.rollbackOrder.isEmpty() ? tr("stop-first (engine default)") : r.rollbackOrder);
    }
    return {};
}

QVariant ServiceTableModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const ServiceRecord &r = rows_[index.row()];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(r, column);
    case Qt::ForegroundRole:
        if (r.stale)
            return greyed();
        if (column == ReplicasColumn && !r.converged() && !r.updating())
            return QColor(0xb0, 0x6a, 0x00);
        if (column == UpdateColumn && (r.updateState.endsWith(QLatin1String("paused")) ||
                                       (r.rolledBack() && r.automaticRollback)))
            return QColor(0xa8, 0x24, 0x24);
        return {};
    case Qt::TextAlignmentRole:
        if (column == ReplicasColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        return toolTip(r, column);
    case SortRole:
        return sortValue(r, column);
    case KeyRole:
        return r.key();
    case HostIdRole:
        return r.hostId;
    case ServiceIdRole:
        return r.id;
    case StaleRole:
        return r.stale;
    }
    return {};
}

QVariant ServiceTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case HostColumn:
        return tr("Host");
    case NameColumn:
        return tr("Service");
    case ImageColumn:
        return tr("Image");
    case DigestColumn:
        return tr("Digest");
    case ReplicasColumn:
        return tr("Replicas");
    case UpdateColumn:
        return tr("Last update");
    case PreviousColumn:
        return tr("Previous image");
    }
    return {};
}

} // namespace slipway::models
