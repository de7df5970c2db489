#include "core/store/storethread.h"

namespace slipway::core {

class StoreThread::Worker : public QObject {
public:
    explicit Worker(StoreLocation where) : where_(std::move(where)) {}

    Store *store() {
        if (!store_ && !tried_) {
            tried_ = true;
            store_ = Store::open(where_, &error_);
        }
        return store_.get();
    }
    const QString &error() const { return error_; }
    void close() { store_.reset(); }

private:
    StoreLocation where_;
    std::unique_ptr<Store> store_;
    QString error_;
    bool tried_ = false;
};

StoreThread::StoreThread(QString databasePath)
    : StoreThread(StoreLocation{std::move(databasePath), {}, {}}) {}

StoreThread::StoreThread(StoreLocation where)
    : where_(where), worker_(new Worker(std::move(where))) {
    thread_.setObjectName(QStringLiteral("slipway-store"));
    worker_->moveToThread(&thread_);
    thread_.start();
}

StoreThread::~StoreThread() {
    // The connection must be closed on the thread that opened it.
    QMetaObject::invokeMethod(
        worker_, [w = worker_] { w->close(); }, Qt::BlockingQueuedConnection);
    thread_.quit();
    thread_.wait();
    delete worker_;
}

void StoreThread::post(std::function<void(Store *, const QString &)> job) {
    QMetaObject::invokeMethod(
        worker_,
        [w = worker_, job = std::move(job)] {
            Store *store = w->store();
            job(store, w->error());
        },
        Qt::QueuedConnection);
}

void StoreThread::dispose(std::shared_ptr<void> object) {
    QMetaObject::invokeMethod(
        worker_, [object = std::move(object)]() mutable { object.reset(); }, Qt::QueuedConnection);
}

} // namespace slipway::core
