// releaseOffThread(): lets the last references of `garbage` go on a pool thread. Freeing
// hundreds of records and their strings (a list reply, the records it replaced) is work the
// GUI thread need not do.
#pragma once

#include <QThreadPool>
#include <memory>
#include <utility>

namespace slipway::core {

template <class T> void releaseOffThread(T garbage) {
    auto held = std::make_shared<T>(std::move(garbage));
    QThreadPool::globalInstance()->start([held]() mutable { held.reset(); });
}

} // namespace slipway::core
