#include "core/fleet/applyqueue.h"

#include "core/base/releaseoffthread.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>

namespace slipway::core {

ApplyQueue *ApplyQueue::forThisThread() {
    thread_local QPointer<ApplyQueue> queue;
    if (!queue) {
        queue = new ApplyQueue;
        if (QCoreApplication::instance() &&
            QCoreApplication::instance()->thread() == QThread::currentThread())
            queue->setParent(QCoreApplication::instance());
        else
            QObject::connect(QThread::currentThread(), &QThread::finished, queue.data(),
                             &QObject::deleteLater);
    }
    return queue;
}

void ApplyQueue::run(QObject *owner, std::function<void()> job) {
    if (jobs_.empty() && spentNs_ < kBudgetNs) {
        runOne(job);
        return;
    }
    jobs_.emplace_back(owner, std::move(job));
    if (!turn_.isActive())
        turn_.start();
}

ApplyQueue::ApplyQueue() {
    turn_.setSingleShot(true);
    turn_.setInterval(0);
    connect(&turn_, &QTimer::timeout, this, &ApplyQueue::nextTurn);
}

void ApplyQueue::runOne(const std::function<void()> &job) {
    QElapsedTimer t;
    t.start();
    job();
    spentNs_ += t.nsecsElapsed();
    // The budget is per turn: it is renewed when the event loop comes round again.
    if (!turn_.isActive())
        turn_.start();
}

void ApplyQueue::nextTurn() {
    spentNs_ = 0;
    while (!jobs_.empty() && spentNs_ < kBudgetNs) {
        auto [owner, job] = std::move(jobs_.front());
        jobs_.pop_front();
        if (owner)
            runOne(job);
        else
            releaseOffThread(std::move(job)); // its list is an engine thread's to free
    }
    if (!jobs_.empty() && !turn_.isActive())
        turn_.start();
}

} // namespace slipway::core
