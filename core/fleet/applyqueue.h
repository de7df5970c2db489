// ApplyQueue: applies list results on the owning (GUI) thread a few milliseconds per event-loop
// turn. Hosts answer at about the same time (ten hosts after a burst), and their results
// applied back to back in one turn would keep paint and input waiting. The models' own sliced
// inserts share the turn, so the budget leaves room for one of them. Past the budget the rest
// waits for the next turn, after paint and input; one result is never split, so every model
// sees whole lists in the order they came.
#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <deque>
#include <functional>
#include <utility>

namespace slipway::core {

class ApplyQueue : public QObject {
public:
    // The calling thread's queue, made on first use; it lives as long as the thread does.
    static ApplyQueue *forThisThread();

    // Runs `job` now if this turn's budget allows, else on a later turn; a job whose `owner` is
    // gone by then does not run, and its captures are freed off this thread.
    void run(QObject *owner, std::function<void()> job);

private:
    static constexpr qint64 kBudgetNs = 2000000;

    ApplyQueue();
    void runOne(const std::function<void()> &job);
    void nextTurn();

    std::deque<std::pair<QPointer<QObject>, std::function<void()>>> jobs_;
    QTimer turn_;
    qint64 spentNs_ = 0;
};

} // namespace slipway::core
