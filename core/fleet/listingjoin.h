// ListingJoin<Record>: the answers one catalog listing needs (ImageCatalog, ServiceCatalog),
// joined on whichever engine thread brings the last one, which also builds the records so that
// the GUI thread only compares. Core-internal: it holds engine results.
#pragma once

#include "engine/result.h"

#include <QList>
#include <QString>
#include <mutex>

namespace slipway::core {

template <typename Record> struct ListingJoin {
    std::mutex mutex;
    int pending = 2;
    QString hostId;
    QString hostName;
    QString error;         // the first error wins
    QList<Record> records; // set once every answer is in and all worked

    // Keeps the value of `r` in `slot`, or its error as `describe` words it.
    template <typename T, typename Describe>
    void take(engine::Result<T> r, T &slot, Describe describe) {
        std::lock_guard lock(mutex);
        if (r)
            slot = std::move(r).value();
        else if (error.isEmpty())
            error = describe(r.error());
    }
};

} // namespace slipway::core
