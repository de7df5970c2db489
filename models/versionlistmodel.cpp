#include "models/versionlistmodel.h"

#include <QColor>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>

namespace slipway::models {

using core::ImageVersion;

VersionListModel::VersionListModel(QObject *parent) : KeyedRowsModel(parent) {}

int VersionListModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString VersionListModel::keyOf(const ImageVersion &v) const {
    return v.tag + u'@' + v.digest;
}

bool VersionListModel::sameRow(const ImageVersion &a, const ImageVersion &b) const {
    return a == b;
}

void VersionListModel::setVersions(const core::VersionList &list) {
    if (list.repository != repository_) {
        // Another application's versions: none of the old rows belong here.
        repository_ = list.repository;
        replaceRows({});
    }
    replaceRows(list.versions);
}

void VersionListModel::setCurrentDigest(const QString &digest) {
    if (digest == current_)
        return;
    current_ = digest;
    if (!rows_.isEmpty())
        emit dataChanged(index(0, 0), index(int(rows_.size()) - 1, ColumnCount - 1));
}

ImageVersion VersionListModel::version(int row) const {
    return row >= 0 && row < rows_.size() ? rows_[row] : ImageVersion{};
}

int VersionListModel::rowOfTag(const QString &tag) const {
    for (int i = 0; i < rows_.size(); ++i)
        if (rows_[i].tag == tag)
            return i;
    return -1;
}

QVariant VersionListModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= rows_.size() || index.column() >= ColumnCount)
        return {};
    const ImageVersion &v = rows_[index.row()];
    const int column = index.column();
    const bool current = !current_.isEmpty() && v.digest == current_;
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case VersionColumn:
            if (v.tag.isEmpty())
                return tr("(untagged)");
            return current ? tr("%1 (running)").arg(v.tag) : v.tag;
        case DigestColumn: {
            if (v.digest.isEmpty())
                return v.error.isEmpty() ? QString() : tr("unknown");
            const qsizetype colon = v.digest.indexOf(u':');
            return v.digest.left(colon + 1) + v.digest.mid(colon + 1, 12);
        }
        case RegistryColumn:
            return v.inRegistry ? tr("yes") : tr("no");
        case HostsColumn:
            return v.hostNames.isEmpty() ? tr("none") : v.hostNames.join(QStringLiteral(", "));
        }
        return {};
    case Qt::ToolTipRole:
        if (column == DigestColumn)
            return v.error.isEmpty() ? v.digest : v.error;
        if (column == VersionColumn)
            return v.reference();
        if (column == RegistryColumn && !v.inRegistry)
            return tr("The registry does not list this version; only hosts hold it.");
        return {};
    case Qt::FontRole:
        if (current) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::ForegroundRole:
        if (column == RegistryColumn && !v.inRegistry)
            return QColor(0x8a, 0x5a, 0x00);
        if (column == DigestColumn && !v.error.isEmpty())
            return QColor(0xa3, 0x20, 0x20);
        if (column == HostsColumn && v.hostIds.isEmpty())
            return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
        return {};
    case SortRole:
        return data(index, Qt::DisplayRole);
    case ReferenceRole:
        return v.reference();
    case DigestRole:
        return v.digest;
    case InRegistryRole:
        return v.inRegistry;
    case CurrentRole:
        return current;
    }
    return {};
}

QVariant VersionListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case VersionColumn:
        return tr("Version");
    case DigestColumn:
        return tr("Digest");
    case RegistryColumn:
        return tr("In registry");
    case HostsColumn:
        return tr("On hosts");
    }
    return {};
}

} // namespace slipway::models
