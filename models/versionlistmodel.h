// VersionListModel: the versions of one application's image repository: each tag and digest
// the registry lists, and what only the hosts hold, with the hosts that hold each and which
// one runs now. Reloads change rows in place.
#pragma once

#include "core/deploy/registryversions.h"
#include "models/keyedrowsmodel.h"

namespace slipway::models {

class VersionListModel : public KeyedRowsModel<core::ImageVersion> {
    Q_OBJECT

public:
    enum Column { VersionColumn, DigestColumn, RegistryColumn, HostsColumn, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1,
        ReferenceRole, // what a deploy of this row pulls
        DigestRole,
        InRegistryRole,
        CurrentRole, // bool: the application runs this digest now
    };

    explicit VersionListModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setVersions(const core::VersionList &list);
    // Marks the row of the digest (or image ID) the application runs now.
    void setCurrentDigest(const QString &digest);
    core::ImageVersion version(int row) const; // empty outside the rows
    int rowOfTag(const QString &tag) const;    // -1 if not shown
    QString repository() const { return repository_; }

protected:
    QString keyOf(const core::ImageVersion &v) const override;
    bool sameRow(const core::ImageVersion &a, const core::ImageVersion &b) const override;

private:
    QString repository_;
    QString current_;
};

} // namespace slipway::models
