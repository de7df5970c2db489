#include "core/agent/timedwork.h"

#include "core/agent/leadership.h"

#include <algorithm>

namespace slipway::core {

namespace {

// How often due jobs are looked for; periods are whole seconds or more.
constexpr int kTickMs = 250;
// A job that was not ready (hosts still answering) is asked again after this.
constexpr qint64 kNotReadyMs = 500;

} // namespace

TimedWork::TimedWork(Leadership *leadership, QObject *parent)
    : QObject(parent), leadership_(leadership) {
    clock_.start();
    timer_.setInterval(kTickMs);
    connect(&timer_, &QTimer::timeout, this, &TimedWork::tick);
    connect(leadership_, &Leadership::leadingChanged, this, &TimedWork::onLeading);
}

TimedWork::~TimedWork() {
    *alive_ = false;
}

void TimedWork::add(std::unique_ptr<TimedJob> job) {
    job->setLeading(leading_);
    jobs_.push_back(Entry{std::move(job)});
}

void TimedWork::start() {
    leadership_->start();
}

bool TimedWork::eachRanOnce() const {
    return leading_ &&
           std::all_of(jobs_.begin(), jobs_.end(), [](const Entry &e) { return e.ranOnce; });
}

void TimedWork::onLeading(bool leading) {
    if (leading == leading_)
        return;
    leading_ = leading;
    ++term_;
    for (Entry &e : jobs_) {
        e.dueMs = 0; // a new leader looks at everything at once
        e.ranOnce = false;
        e.job->setLeading(leading);
    }
    if (leading) {
        timer_.start();
        tick();
    } else {
        timer_.stop();
    }
    emit leadingChanged(leading);
}

void TimedWork::tick() {
    if (!leading_)
        return;
    const qint64 now = clock_.elapsed();
    for (std::size_t i = 0; i < jobs_.size(); ++i) {
        Entry &e = jobs_[i];
        if (e.running || now < e.dueMs)
            continue;
        e.running = true;
        e.generation = term_;
        const std::weak_ptr<bool> alive = alive_;
        e.job->run([this, i, alive](const TimedJob::Outcome &outcome) {
            if (alive.expired())
                return;
            Entry &done = jobs_[i];
            done.running = false;
            const qint64 at = clock_.elapsed();
            if (!outcome.ran) {
                done.dueMs = at + kNotReadyMs;
                return;
            }
            done.dueMs = at + done.job->period().count();
            if (done.generation == term_ && leading_)
                done.ranOnce = true;
            emit ran(done.job->name(), outcome.ok, outcome.detail);
        });
    }
}

} // namespace slipway::core
