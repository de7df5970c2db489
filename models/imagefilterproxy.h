// ImageFilterProxy: the Images table as the user narrows it: free text (every word must
// appear in the host, repository, tag, ID, digest or the names of the containers using the
// image) and whether dangling images are shown; sorts by the model's raw values.
#pragma once

#include <QSortFilterProxyModel>
#include <QStringList>

namespace slipway::models {

class ImageFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT

public:
    explicit ImageFilterProxy(QObject *parent = nullptr);

    QString filterText() const { return text_; }
    bool showDangling() const { return showDangling_; }

public slots:
    void setFilterText(const QString &text);
    void setShowDangling(bool show);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString text_;
    QStringList words_;
    bool showDangling_ = true;
};

} // namespace slipway::models
