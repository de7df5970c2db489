// ListedHost<Record>: what a catalog keeps of one host between listings (the records of the
// last listing that worked, why the last one failed, whether one runs) and how a listing's
// answer or a failure changes it. Shared by ServiceCatalog and ImageCatalog; the answers of
// one listing are joined by ListingJoin (listingjoin.h).
#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <algorithm>

namespace slipway::core {

template <typename Record> struct ListedHost {
    using List = QList<Record>;
    // What a listing changed, as the catalogs' inserted, changed and removed signals carry it.
    struct Changes {
        List inserted;
        List changed;
        List removed;
    };

    QString name;
    QString url;
    QHash<QString, Record> records; // by the key the catalog gives them
    QString error;                  // why the last listing failed; empty when it worked
    bool listed = false;            // a list has come in at least once
    bool refreshing = false;
    bool again = false;     // list once more when the running listing ends
    quint64 generation = 0; // of the latest listing: the answer of an older one is dropped

    // Keeps `why` and shows every record as the last known state; returns those that changed.
    List markStale(const QString &why) {
        error = why;
        List changed;
        for (Record &r : records) {
            if (!r.stale) {
                r.stale = true;
                changed.append(r);
            }
        }
        return changed;
    }

    struct KeepAsListed {
        void operator()(Record &, const Record *) const {}
    };
    // Takes the records of a listing that worked. `keyOf(record)` is a record's key within the
    // host; `adjust(record, old)` may carry over what only the previous state knew (old is null
    // for a new record) before the two are compared. Inserted records are sorted by `less`.
    template <typename KeyOf, typename Less, typename Adjust = KeepAsListed>
    Changes replace(List fresh, KeyOf keyOf, Less less, Adjust adjust = {}) {
        error.clear();
        listed = true;
        Changes c;
        QHash<QString, Record> next;
        next.reserve(fresh.size());
        for (Record &r : fresh) {
            r.hostName = name;
            const QString key = keyOf(r);
            const auto old = records.constFind(key);
            const bool isNew = old == records.cend();
            adjust(r, isNew ? nullptr : &*old);
            if (isNew)
                c.inserted.append(r);
            else if (!(*old == r))
                c.changed.append(r);
            next.insert(key, std::move(r));
        }
        for (auto old = records.cbegin(); old != records.cend(); ++old)
            if (!next.contains(old.key()))
                c.removed.append(old.value());
        records = std::move(next);
        std::sort(c.inserted.begin(), c.inserted.end(), less);
        return c;
    }
};

} // namespace slipway::core
