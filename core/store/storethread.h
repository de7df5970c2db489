// StoreThread: the Store, and any other disk work, on a thread of its own, so the GUI thread
// never waits on the database or the file system.
#pragma once

#include "core/base/mailbox.h"
#include "core/store/store.h"

#include <QObject>
#include <QString>
#include <QThread>
#include <functional>
#include <memory>

namespace slipway::core {

class StoreThread {
public:
    // The database opens lazily on the thread, on the first job.
    explicit StoreThread(QString databasePath);
    explicit StoreThread(StoreLocation where);
    ~StoreThread(); // finishes queued jobs, closes the database, joins the thread
    StoreThread(const StoreThread &) = delete;
    StoreThread &operator=(const StoreThread &) = delete;

    // Where the records are: what a second connection of the same process (Leadership's,
    // ChangeFeed's) opens.
    const StoreLocation &location() const { return where_; }

    // Runs `job` on the store thread; `store` is null when the database could not be opened,
    // and `openError` then says why. Its result goes to `done`, through `reply`.
    template <class R>
    void run(std::function<R(Store *store, const QString &openError)> job, Mailbox reply,
             std::function<void(R)> done) {
        post([job = std::move(job), reply, done = std::move(done)](Store *store,
                                                                   const QString &error) {
            R result = job(store, error);
            reply.post([done, result = std::move(result)] { done(result); });
        });
    }

    // Runs `job` on the store thread, with no answer.
    void post(std::function<void(Store *store, const QString &openError)> job);

    // Lets go of `object` on the store thread: for things whose destructor may wait, such as
    // an engine client joining its transport thread.
    void dispose(std::shared_ptr<void> object);

private:
    class Worker;
    StoreLocation where_;
    QThread thread_;
    Worker *worker_;
};

} // namespace slipway::core
