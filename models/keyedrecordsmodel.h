// KeyedRecordsModel<T>: a table model base for records that a catalog reports in batches of
// inserts, changes and removals (T has key() and operator==). Row-level signals only, a
// key-to-row index, and removals bottom-up one contiguous run at a time, so the rows above keep
// their numbers and selections survive. KeyedRowsModel is the other case: whole lists replaced.
#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QString>
#include <algorithm>
#include <functional>

namespace slipway::models {

template <class T> class KeyedRecordsModel : public QAbstractTableModel {
public:
    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override {
        return parent.isValid() ? 0 : int(rows_.size());
    }
    T record(int row) const { return row >= 0 && row < rows_.size() ? rows_[row] : T{}; }
    int rowOf(const QString &key) const { return index_.value(key, -1); } // -1: not there

protected:
    // A key already shown is a change; a key twice in one batch: the later one wins.
    void insertBatch(const QList<T> &records) {
        QList<T> fresh;
        QList<T> known;
        QHash<QString, int> batch;
        for (const T &r : records) {
            const QString key = r.key();
            if (index_.contains(key)) {
                known.append(r);
            } else if (auto it = batch.find(key); it != batch.end()) {
                fresh[*it] = r;
            } else {
                batch.insert(key, int(fresh.size()));
                fresh.append(r);
            }
        }
        if (!known.isEmpty())
            changeBatch(known);
        if (fresh.isEmpty())
            return;
        const int first = int(rows_.size());
        beginInsertRows({}, first, first + int(fresh.size()) - 1);
        rows_.append(fresh);
        reindex(first);
        endInsertRows();
    }

    // A key not shown yet is an insert.
    void changeBatch(const QList<T> &records) {
        for (const T &r : records) {
            const int row = index_.value(r.key(), -1);
            if (row < 0) {
                insertBatch({r});
                continue;
            }
            if (rows_[row] == r)
                continue;
            rows_[row] = r;
            emit dataChanged(index(row, 0), index(row, columnCount() - 1));
        }
    }

    void removeBatch(const QList<T> &records) {
        QList<int> rows;
        for (const T &r : records)
            if (const int row = index_.value(r.key(), -1); row >= 0)
                rows.append(row);
        if (rows.isEmpty())
            return;
        std::sort(rows.begin(), rows.end(), std::greater<int>());
        rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
        int i = 0;
        while (i < rows.size()) {
            const int last = rows[i];
            int first = last;
            while (i + 1 < rows.size() && rows[i + 1] == first - 1)
                first = rows[++i];
            ++i;
            beginRemoveRows({}, first, last);
            for (int row = first; row <= last; ++row)
                index_.remove(rows_[row].key());
            rows_.remove(first, last - first + 1);
            reindex(first);
            endRemoveRows();
        }
    }

    QList<T> rows_;

private:
    void reindex(int from) {
        for (int i = from; i < rows_.size(); ++i)
            index_.insert(rows_[i].key(), i);
    }

    QHash<QString, int> index_; // key -> row
};

} // namespace slipway::models
