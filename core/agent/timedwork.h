// TimedWork: while this process leads (Leadership), runs each registered TimedJob on its
// period, one run of a job at a time; a follower runs nothing. Lives on the GUI thread (or
// slipctl's) and never waits.
#pragma once

#include "core/agent/timedjob.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <memory>
#include <vector>

namespace slipway::core {

class Leadership;

class TimedWork : public QObject {
    Q_OBJECT

public:
    explicit TimedWork(Leadership *leadership, QObject *parent = nullptr);
    ~TimedWork() override;

    // The list of timed work: every job is added here, before start().
    void add(std::unique_ptr<TimedJob> job);
    // Starts competing for leadership; the jobs run while it leads.
    void start();

    bool leading() const { return leading_; }
    Leadership *leadership() const { return leadership_; }
    // Every job has run (to its end) at least once since this process began to lead.
    bool eachRanOnce() const;

signals:
    void leadingChanged(bool leading);
    // One run of a job ended.
    void ran(const QString &job, bool ok, const QString &detail);

private:
    struct Entry {
        std::unique_ptr<TimedJob> job;
        qint64 dueMs = 0;
        bool running = false;
        bool ranOnce = false;
        quint64 generation = 0; // runs begun in an earlier term are not counted
    };
    void onLeading(bool leading);
    void tick();

    Leadership *leadership_;
    std::vector<Entry> jobs_;
    QTimer timer_;
    QElapsedTimer clock_;
    bool leading_ = false;
    quint64 term_ = 0;
    std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

} // namespace slipway::core
