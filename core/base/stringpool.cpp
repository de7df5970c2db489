#include "core/base/stringpool.h"

namespace slipway::core {

QString StringPool::internLocked(const QString &text) {
    if (text.isEmpty())
        return {};
    auto it = strings_.constFind(text);
    if (it != strings_.constEnd())
        return *it;
    return *strings_.insert(text);
}

QString StringPool::internLocked(std::string_view utf8) {
    if (utf8.empty())
        return {};
    return internLocked(QString::fromUtf8(utf8.data(), qsizetype(utf8.size())));
}

QString StringPool::intern(std::string_view utf8) {
    std::lock_guard lock(mutex_);
    return internLocked(utf8);
}

QString StringPool::intern(const QString &text) {
    std::lock_guard lock(mutex_);
    return internLocked(text);
}

void StringPool::prune() {
    std::lock_guard lock(mutex_);
    // Pruning walks the whole set; only do it once the pool has grown noticeably.
    if (strings_.size() < 1024 || strings_.size() < 2 * sizeAfterPrune_)
        return;
    // A string only the pool references cannot be copied by anyone else without this lock.
    strings_.removeIf([](const QString &s) { return s.isDetached(); });
    sizeAfterPrune_ = strings_.size();
}

qsizetype StringPool::size() const {
    std::lock_guard lock(mutex_);
    return strings_.size();
}

} // namespace slipway::core
