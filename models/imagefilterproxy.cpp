#include "models/imagefilterproxy.h"

#include "models/imagetablemodel.h"

namespace slipway::models {

ImageFilterProxy::ImageFilterProxy(QObject *parent) : QSortFilterProxyModel(parent) {
    setSortRole(ImageTableModel::SortRole);
    setDynamicSortFilter(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void ImageFilterProxy::setFilterText(const QString &text) {
    if (text == text_)
        return;
    text_ = text;
    words_ = text.toLower().split(u' ', Qt::SkipEmptyParts);
    invalidateRowsFilter();
}

void ImageFilterProxy::setShowDangling(bool show) {
    if (show == showDangling_)
        return;
    showDangling_ = show;
    invalidateRowsFilter();
}

bool ImageFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const {
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!showDangling_ && index.data(ImageTableModel::DanglingRole).toBool())
        return false;
    if (words_.isEmpty())
        return true;
    const QString haystack = index.data(ImageTableModel::FilterTextRole).toString();
    for (const QString &word : words_)
        if (!haystack.contains(word))
            return false;
    return true;
}

} // namespace slipway::models
