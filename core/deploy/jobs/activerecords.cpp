#include "core/deploy/jobs/activerecords.h"

#include <cerrno>
#include <map>
#include <signal.h>

namespace slipway::core {

std::shared_ptr<ActiveRecords> ActiveRecords::forStore(const std::shared_ptr<StoreThread> &store) {
    static std::mutex mutex;
    static std::map<const StoreThread *, std::weak_ptr<ActiveRecords>> byStore;
    std::lock_guard lock(mutex);
    std::erase_if(byStore, [](const auto &entry) { return entry.second.expired(); });
    auto &slot = byStore[store.get()];
    auto active = slot.lock();
    if (!active) {
        active = std::make_shared<ActiveRecords>();
        slot = active;
    }
    return active;
}

QString ActiveRecords::key(const QString &app, const QString &env) {
    return app + QLatin1Char('\n') + env;
}

bool ownerGone(const QString &owner, const QString &me, const QSet<qint64> &activeIds, qint64 id,
               const QDateTime &startedAt, std::chrono::milliseconds patience) {
    const QString machine = owner.section(QLatin1Char(':'), 0, -2);
    const qint64 pid = owner.section(QLatin1Char(':'), -1).toLongLong();
    if (owner == me)
        return !activeIds.contains(id);
    if (machine == me.section(QLatin1Char(':'), 0, -2) && pid > 0)
        return ::kill(pid_t(pid), 0) != 0 && errno == ESRCH;
    // Another machine's process cannot be asked: give it far longer than any rollout takes.
    return startedAt.isValid() &&
           startedAt.msecsTo(QDateTime::currentDateTimeUtc()) > patience.count();
}

} // namespace slipway::core
