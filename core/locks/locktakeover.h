// LockTakeover: the GUI's way to see who holds an application's lock on the engines and to take
// it over (AppLock::takeOver, then released at once), off the GUI thread, audited.
#pragma once

#include "core/base/mailbox.h"
#include "core/locks/applock.h"

#include <QObject>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace slipway::core {

class HostMonitor;
class StoreThread;

class LockTakeover : public QObject {
    Q_OBJECT

public:
    // The hosts are those `hosts` shows up when a request is made.
    LockTakeover(HostMonitor *hosts, std::shared_ptr<StoreThread> store, QObject *parent = nullptr);
    ~LockTakeover() override; // waits for the request under way (engine calls are bounded)

    // Answers with holderRead().
    quint64 readHolder(const QString &app, const QString &env);
    // Takes the lock from the holder whose token is `expectedToken` (the one the user saw),
    // refused when it is alive unless `evenIfAlive`; then releases it. Audited as
    // "app.takeover" either way. Answers with tookOver().
    quint64 takeOver(const QString &app, const QString &env, const QString &expectedToken,
                     bool evenIfAlive);

signals:
    // `held` false: free (or, with `error`, not known).
    void holderRead(quint64 request, bool held, const slipway::core::LockHolder &holder,
                    const QString &error);
    // `holder`: the one taken over, or (refused) the one holding it now.
    void tookOver(quint64 request, bool ok, qint64 generation,
                  const slipway::core::LockHolder &holder, const QString &error);
    void auditAppended();

private:
    QList<DeployHost> hostsNow() const;
    void enqueue(std::function<void()> job);

    HostMonitor *hosts_;
    std::shared_ptr<StoreThread> store_;
    Mailbox mailbox_;
    quint64 next_ = 0;

    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::function<void()>> jobs_;
    bool stopping_ = false;
    std::thread worker_;
};

} // namespace slipway::core

Q_DECLARE_METATYPE(slipway::core::LockHolder)
