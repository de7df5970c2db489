// ImageTableModel: one row per tag of each image on each host (an untagged image is one row),
// fed by an ImageCatalog's batches: rows are inserted, changed and removed one by one, keyed
// by (host, image ID, tag), never reset after the first fill.
#pragma once

#include "core/fleet/imagerecord.h"
#include "models/keyedrecordsmodel.h"

#include <QTimer>

namespace slipway::core {
class ImageCatalog;
}

namespace slipway::models {

class ImageTableModel : public KeyedRecordsModel<core::ImageRecord> {
    Q_OBJECT

public:
    enum Column {
        HostColumn,
        RepositoryColumn,
        TagColumn,
        IdColumn,
        DigestColumn,
        SizeColumn,
        CreatedColumn,
        UsedByColumn,
        DanglingColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1, // the raw value: bytes, Unix seconds, counts
        KeyRole,                     // core::ImageRecord::key()
        HostIdRole,
        ImageIdRole,   // the full "sha256:..." ID
        ReferenceRole, // what remove takes: "repo:tag", or the ID when untagged
        DanglingRole,
        StaleRole,     // the host did not answer: the last known state, greyed
        FilterTextRole // everything the free-text filter looks at, lower case
    };

    explicit ImageTableModel(QObject *parent = nullptr);
    // Starts with the catalog's images and follows its changes.
    explicit ImageTableModel(core::ImageCatalog *catalog, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The moment ages are counted to; 0 (the default) means the current time.
    void setNow(qint64 unixSeconds);

public slots:
    void insertRecords(const slipway::core::ImageList &records);
    void changeRecords(const slipway::core::ImageList &records);
    void removeRecords(const slipway::core::ImageList &records);

private:
    QVariant display(const core::ImageRecord &r, int column) const;
    QVariant sortValue(const core::ImageRecord &r, int column) const;
    qint64 now() const;

    qint64 now_ = 0;
    QTimer ageTimer_; // ages move on by themselves
};

} // namespace slipway::models
