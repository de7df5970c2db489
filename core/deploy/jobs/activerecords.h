// ActiveRecords: the deployment records and applications that jobs of this process are working
// on, so that a recovery (or a second window, or slipctl on the same store) leaves them alone.
#pragma once

#include <QDateTime>
#include <QSet>
#include <QString>
#include <chrono>
#include <memory>
#include <mutex>

namespace slipway::core {

class StoreThread;

// One per store in a process, whatever number of Deployers share that store.
struct ActiveRecords {
    std::mutex mutex;
    QSet<qint64> ids;
    QSet<QString> apps;       // key(app, env) with an operation under way
    QSet<QString> recovering; // those of `apps` that a recovery holds, for a moment only

    static std::shared_ptr<ActiveRecords> forStore(const std::shared_ptr<StoreThread> &store);
    // "app\nenv": how `apps` and `recovering` name an application.
    static QString key(const QString &app, const QString &env);
};

// "machine:pid" of a record still running: is that process gone? `me` is this process's
// owner, `activeIds` the records it works on now; another machine's process cannot be asked, so
// it is given `patience` from `startedAt`.
bool ownerGone(const QString &owner, const QString &me, const QSet<qint64> &activeIds, qint64 id,
               const QDateTime &startedAt, std::chrono::milliseconds patience);

} // namespace slipway::core
