// StringPool: one shared copy of each repeated string (image names, label keys, states), so
// 8,000 containers do not hold 8,000 copies of "com.docker.compose.project".
#pragma once

#include <QSet>
#include <QString>
#include <mutex>
#include <string_view>

namespace slipway::core {

// Thread-safe: list replies are converted on the engine's threads.
class StringPool {
public:
    QString intern(std::string_view utf8);
    QString intern(const QString &text);

    // Forgets strings nobody but the pool holds any more; cheap to call after each full list.
    void prune();
    qsizetype size() const;

    // Holds the pool's lock for a whole conversion, so a long list locks once, not per string.
    class Batch {
    public:
        explicit Batch(StringPool &pool) : pool_(pool), lock_(pool.mutex_) {}
        QString intern(std::string_view utf8) { return pool_.internLocked(utf8); }
        QString intern(const QString &text) { return pool_.internLocked(text); }

    private:
        StringPool &pool_;
        std::lock_guard<std::mutex> lock_;
    };

private:
    QString internLocked(std::string_view utf8);
    QString internLocked(const QString &text);

    mutable std::mutex mutex_;
    QSet<QString> strings_;
    qsizetype sizeAfterPrune_ = 0;
};

} // namespace slipway::core
