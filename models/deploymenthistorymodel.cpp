#include "models/deploymenthistorymodel.h"

#include "core/fleet/inventory.h"

#include <QColor>
#include <QFont>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

namespace slipway::models {

using core::DeploymentRecord;

DeploymentHistoryModel::DeploymentHistoryModel(core::Inventory *inventory, QObject *parent)
    : KeyedRowsModel(parent), inventory_(inventory) {
    // Records name hosts by their engine's ID, which a host's name is found by once its engine
    // has answered, often after the history is shown.
    if (inventory_)
        connect(inventory_, &core::Inventory::hostNameChanged, this, [this] {
            if (!rows_.isEmpty())
                emit dataChanged(index(0, HostsColumn), index(int(rows_.size()) - 1, HostsColumn));
        });
}

int DeploymentHistoryModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString DeploymentHistoryModel::keyOf(const DeploymentRecord &r) const {
    return QString::number(r.id);
}

bool DeploymentHistoryModel::sameRow(const DeploymentRecord &a, const DeploymentRecord &b) const {
    return a.id == b.id && a.result == b.result && a.finishedAt == b.finishedAt &&
           a.detail == b.detail && a.restorable == b.restorable && a.replicas == b.replicas &&
           a.hosts == b.hosts && a.version == b.version && a.config == b.config &&
           a.kind == b.kind && a.osUser == b.osUser && a.startedAt == b.startedAt;
}

void DeploymentHistoryModel::setHistory(const core::DeploymentHistory &history) {
    replaceRows(history);
}

DeploymentRecord DeploymentHistoryModel::record(int row) const {
    return row >= 0 && row < rows_.size() ? rows_[row] : DeploymentRecord{};
}

int DeploymentHistoryModel::rowOfId(qint64 id) const {
    for (int i = 0; i < rows_.size(); ++i)
        if (rows_[i].id == id)
            return i;
    return -1;
}

int DeploymentHistoryModel::previousRow() const {
    // The current version is the newest successful deployment; "previous" is the newest
    // successful one before it with another digest.
    int current = -1;
    for (int i = 0; i < rows_.size(); ++i) {
        if (rows_[i].result != DeploymentRecord::Result::Ok)
            continue;
        if (current < 0) {
            current = i;
            continue;
        }
        if (rows_[i].config.digest != rows_[current].config.digest)
            return i;
    }
    return -1;
}

QString DeploymentHistoryModel::resultText(DeploymentRecord::Result result) {
    switch (result) {
    case DeploymentRecord::Result::Running:
        return tr("running");
    case DeploymentRecord::Result::Ok:
        return tr("ok");
    case DeploymentRecord::Result::Failed:
        return tr("failed");
    case DeploymentRecord::Result::Interrupted:
        return tr("interrupted");
    }
    return {};
}

QString DeploymentHistoryModel::kindText(DeploymentRecord::Kind kind) {
    switch (kind) {
    case DeploymentRecord::Kind::Deploy:
        return tr("deploy");
    case DeploymentRecord::Kind::Rollback:
        return tr("rollback");
    case DeploymentRecord::Kind::Scale:
        return tr("scale");
    case DeploymentRecord::Kind::Undo:
        return tr("undo");
    case DeploymentRecord::Kind::Adopt:
        return tr("adopt");
    }
    return {};
}

QVariant DeploymentHistoryModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= rows_.size() || index.column() >= ColumnCount)
        return {};
    const DeploymentRecord &r = rows_[index.row()];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case WhenColumn:
            return QLocale().toString(r.startedAt.toLocalTime(), QLocale::ShortFormat);
        case KindColumn:
            return kindText(r.kind);
        case VersionColumn:
            return r.version;
        case DigestColumn: {
            const QString &d = r.config.digest;
            const qsizetype colon = d.indexOf(u':');
            return d.left(colon + 1) + d.mid(colon + 1, 12);
        }
        case ReplicasColumn:
            return r.replicas;
        case HostsColumn: {
            QStringList names;
            for (const QString &id : r.hosts) {
                const QString name = inventory_ ? inventory_->hostName(id) : QString();
                names.append(name.isEmpty() ? id : name);
            }
            return names.join(QStringLiteral(", "));
        }
        case WhoColumn:
            return r.osUser;
        case ResultColumn:
            if (r.result == DeploymentRecord::Result::Failed && !r.detail.isEmpty())
                return tr("failed: %1").arg(r.detail.section(u'\n', 0, 0));
            return resultText(r.result);
        case RestorableColumn:
            return r.restorable ? tr("yes") : tr("no: image gone");
        }
        return {};
    case Qt::ToolTipRole:
        if (column == DigestColumn || column == VersionColumn) {
            // Secrets as KEY=******: their values are never stored, so never shown.
            const QStringList env = r.config.maskedEnv();
            if (column == DigestColumn || env.isEmpty())
                return r.config.pinnedReference();
            return r.config.pinnedReference() + u'\n' + env.join(u'\n');
        }
        if (column == ResultColumn && !r.detail.isEmpty())
            return r.detail;
        if (column == WhenColumn && r.finishedAt.isValid())
            return tr("Finished %1")
                .arg(QLocale().toString(r.finishedAt.toLocalTime(), QLocale::LongFormat));
        if (column == RestorableColumn && !r.restorable)
            return tr("No host holds this image and the registry no longer has its digest: "
                      "it cannot be rolled back to.");
        return {};
    case Qt::ForegroundRole:
        if (!r.restorable)
            return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
        if (column == ResultColumn) {
            if (r.result == DeploymentRecord::Result::Failed ||
                r.result == DeploymentRecord::Result::Interrupted)
                return QColor(0xa3, 0x20, 0x20);
            if (r.result == DeploymentRecord::Result::Ok)
                return QColor(0x1f, 0x6a, 0x2e);
        }
        return {};
    case Qt::FontRole:
        if (!r.restorable) {
            QFont f;
            f.setItalic(true);
            return f;
        }
        return {};
    case SortRole:
        if (column == WhenColumn)
            return r.startedAt;
        return data(index, Qt::DisplayRole);
    case IdRole:
        return r.id;
    case ResultRole:
        return int(r.result);
    case RestorableRole:
        return r.restorable;
    case ImageRole:
        return r.config.image;
    case EnvRole:
        return r.config.maskedEnv();
    }
    return {};
}

QVariant DeploymentHistoryModel::headerData(int section, Qt::Orientation orientation,
                                            int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case WhenColumn:
        return tr("When");
    case KindColumn:
        return tr("Kind");
    case VersionColumn:
        return tr("Version");
    case DigestColumn:
        return tr("Digest");
    case ReplicasColumn:
        return tr("Replicas");
    case HostsColumn:
        return tr("Hosts");
    case WhoColumn:
        return tr("Who");
    case ResultColumn:
        return tr("Result");
    case RestorableColumn:
        return tr("Restorable");
    }
    return {};
}

} // namespace slipway::models
