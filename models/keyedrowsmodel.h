// KeyedRowsModel<T>: a table model base whose rows are values with a key; replaceRows() turns a
// fresh list into row moves, inserts, removes and dataChanged, never a reset, so selection and
// scrolling survive every reload of a history or a version list.
#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace slipway::models {

template <class T> class KeyedRowsModel : public QAbstractTableModel {
public:
    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override {
        return parent.isValid() ? 0 : int(rows_.size());
    }

    const QList<T> &rows() const { return rows_; }

protected:
    virtual QString keyOf(const T &row) const = 0;
    virtual bool sameRow(const T &a, const T &b) const = 0;

    // Makes the rows `fresh`, in its order.
    void replaceRows(const QList<T> &fresh) {
        QSet<QString> wanted;
        for (const T &row : fresh)
            wanted.insert(keyOf(row));
        for (int i = int(rows_.size()) - 1; i >= 0; --i) {
            if (wanted.contains(keyOf(rows_[i])))
                continue;
            beginRemoveRows({}, i, i);
            rows_.removeAt(i);
            endRemoveRows();
        }
        for (int i = 0; i < fresh.size(); ++i) {
            const QString key = keyOf(fresh[i]);
            if (i < rows_.size() && keyOf(rows_[i]) == key) {
                if (!sameRow(rows_[i], fresh[i])) {
                    rows_[i] = fresh[i];
                    emit dataChanged(index(i, 0), index(i, columnCount() - 1));
                }
                continue;
            }
            int from = -1;
            for (int j = i + 1; j < rows_.size(); ++j)
                if (keyOf(rows_[j]) == key) {
                    from = j;
                    break;
                }
            if (from >= 0) {
                beginMoveRows({}, from, from, {}, i);
                rows_.move(from, i);
                endMoveRows();
                if (!sameRow(rows_[i], fresh[i])) {
                    rows_[i] = fresh[i];
                    emit dataChanged(index(i, 0), index(i, columnCount() - 1));
                }
                continue;
            }
            beginInsertRows({}, i, i);
            rows_.insert(i, fresh[i]);
            endInsertRows();
        }
    }

    QList<T> rows_;
};

} // namespace slipway::models
