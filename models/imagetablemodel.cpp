#include "models/imagetablemodel.h"

#include "core/fleet/imagecatalog.h"

#include <QDateTime>
#include <QFont>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>
#include <algorithm>

namespace slipway::models {

using core::ImageRecord;
using core::ImageText;

namespace {

QColor greyed() {
    return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
}

QString none() {
    return QStringLiteral("<none>");
}

} // namespace

ImageTableModel::ImageTableModel(QObject *parent) : KeyedRecordsModel(parent) {
    ageTimer_.setInterval(60 * 1000);
    connect(&ageTimer_, &QTimer::timeout, this, [this] {
        if (!rows_.isEmpty())
            emit dataChanged(index(0, CreatedColumn), index(rowCount() - 1, CreatedColumn),
                             {Qt::DisplayRole});
    });
    ageTimer_.start();
}

ImageTableModel::ImageTableModel(core::ImageCatalog *catalog, QObject *parent)
    : ImageTableModel(parent) {
    insertRecords(catalog->images());
    connect(catalog, &core::ImageCatalog::imagesInserted, this, &ImageTableModel::insertRecords);
    connect(catalog, &core::ImageCatalog::imagesChanged, this, &ImageTableModel::changeRecords);
    connect(catalog, &core::ImageCatalog::imagesRemoved, this, &ImageTableModel::removeRecords);
}

int ImageTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

void ImageTableModel::setNow(qint64 unixSeconds) {
    now_ = unixSeconds;
    if (!rows_.isEmpty())
        emit dataChanged(index(0, CreatedColumn), index(rowCount() - 1, CreatedColumn));
}

qint64 ImageTableModel::now() const {
    return now_ > 0 ? now_ : QDateTime::currentSecsSinceEpoch();
}

void ImageTableModel::insertRecords(const core::ImageList &records) {
    insertBatch(records);
}

void ImageTableModel::changeRecords(const core::ImageList &records) {
    changeBatch(records);
}

void ImageTableModel::removeRecords(const core::ImageList &records) {
    removeBatch(records);
}

QVariant ImageTableModel::display(const ImageRecord &r, int column) const {
    switch (column) {
    case HostColumn:
        return r.hostName;
    case RepositoryColumn:
        return r.repository.isEmpty() ? none() : r.repository;
    case TagColumn:
        return r.tag.isEmpty() ? none() : r.tag;
    case IdColumn:
        return r.shortId();
    case DigestColumn:
        return r.shortDigest();
    case SizeColumn:
        return ImageText::size(r.size);
    case CreatedColumn:
        return ImageText::age(r.created, now());
    case UsedByColumn:
        return r.usedBy;
    case DanglingColumn:
        return r.dangling ? tr("dangling") : QString();
    }
    return {};
}

QVariant ImageTableModel::sortValue(const ImageRecord &r, int column) const {
    switch (column) {
    case HostColumn:
        return r.hostName;
    case RepositoryColumn:
        return r.repository;
    case TagColumn:
        return r.tag;
    case IdColumn:
        return r.id;
    case DigestColumn:
        return r.digest;
    case SizeColumn:
        return r.size;
    case CreatedColumn:
        return r.created;
    case UsedByColumn:
        return r.usedBy;
    case DanglingColumn:
        return r.dangling;
    }
    return {};
}

QVariant ImageTableModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const ImageRecord &r = rows_[index.row()];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(r, column);
    case Qt::ForegroundRole:
        if (r.stale || (column == DanglingColumn && r.dangling) ||
            (column == RepositoryColumn && r.repository.isEmpty()) ||
            (column == TagColumn && r.tag.isEmpty()))
            return greyed();
        return {};
    case Qt::FontRole:
        if (column == DanglingColumn && r.dangling) {
            QFont f;
            f.setItalic(true);
            return f;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (column == SizeColumn || column == UsedByColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (r.stale)
            return tr("%1 does not answer; this is what it had when it last did.").arg(r.hostName);
        switch (column) {
        case RepositoryColumn:
        case TagColumn:
            return r.repoTags.isEmpty() ? tr("No tags") : r.repoTags.join(u'\n');
        case IdColumn:
            return r.id;
        case DigestColumn:
            return r.repoDigests.join(u'\n');
        case SizeColumn:
            return tr("%1 bytes").arg(QLocale().toString(r.size));
        case CreatedColumn:
            return r.created > 0 ? QLocale().toString(QDateTime::fromSecsSinceEpoch(r.created),
                                                      QLocale::ShortFormat)
                                 : QString();
        case UsedByColumn:
            return r.usedByNames.isEmpty() ? tr("No container uses this image.")
                                           : tr("Used by: %1").arg(r.usedByNames.join(", "));
        case DanglingColumn:
            return r.dangling ? tr("No tag points to this image any more; it can be removed by "
                                   "its ID.")
                              : QString();
        }
        return {};
    case SortRole:
        return sortValue(r, column);
    case KeyRole:
        return r.key();
    case HostIdRole:
        return r.hostId;
    case ImageIdRole:
        return r.id;
    case ReferenceRole:
        return r.reference();
    case DanglingRole:
        return r.dangling;
    case StaleRole:
        return r.stale;
    case FilterTextRole:
        return QStringList{r.hostName,
                           r.repository,
                           r.tag,
                           r.repository + u':' + r.tag,
                           r.id,
                           r.digest,
                           r.dangling ? QStringLiteral("dangling") : QString(),
                           r.usedByNames.join(u' ')}
            .join(u'\n')
            .toLower();
    }
    return {};
}

QVariant ImageTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case HostColumn:
        return tr("Host");
    case RepositoryColumn:
        return tr("Repository");
    case TagColumn:
        return tr("Tag");
    case IdColumn:
        return tr("Image ID");
    case DigestColumn:
        return tr("Digest");
    case SizeColumn:
        return tr("Size");
    case CreatedColumn:
        return tr("Created");
    case UsedByColumn:
        return tr("Used by");
    case DanglingColumn:
        return tr("Dangling");
    }
    return {};
}

} // namespace slipway::models
