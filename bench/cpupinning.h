// CpuPinning: puts processes (every thread of them) on chosen CPUs for one measurement and
// gives them back their own affinities afterwards, also when the bench exits early or is
// interrupted. Models an engine running on another machine: it cannot take the GUI's CPU.
#pragma once

#include <QString>
#include <QStringList>
#include <sched.h>
#include <utility>
#include <vector>

namespace slipway::bench {

class CpuPinning {
public:
    CpuPinning();
    ~CpuPinning(); // restore()
    CpuPinning(const CpuPinning &) = delete;
    CpuPinning &operator=(const CpuPinning &) = delete;

    // Every process whose command name starts with one of `commPrefixes` and whose command line
    // contains `cmdlineMark` (e.g. the private engine's run directory), with all its threads.
    // Returns how many processes were pinned.
    int pinProcesses(const QStringList &commPrefixes, const QString &cmdlineMark, int cpu);
    int pinProcess(int pid, int cpu); // all threads of `pid`; 1, or 0 if it is gone
    // Every thread of this process except those named by `except` (name prefix).
    void pinSelf(int cpu, const QString &exceptPrefix = {});
    // Pins the calling thread only (it is restored with the rest of this process).
    static void pinThisThread(int cpu);

    // Gives every thread touched its affinity back; threads born meanwhile in a pinned
    // process get the affinity their process had. Safe to call twice.
    void restore();
    void restoreSaved(); // only the threads saved, without allocating: for a signal handler
    // One line: what is pinned where, for the bench's output.
    QString describe() const { return description_.join(QStringLiteral("; ")); }

private:
    struct Saved {
        int tid;
        cpu_set_t mask;
    };
    struct Process {
        int pid;
        cpu_set_t mask; // what its main thread had: for threads born while pinned
    };
    void pinTasks(int pid, int cpu, const QString &exceptPrefix);
    static QList<int> find(const QStringList &commPrefixes, const QString &cmdlineMark);

    std::vector<Saved> saved_;
    std::vector<Process> processes_;
    std::vector<std::pair<QStringList, QString>> queries_; // of pinProcesses()
    QStringList description_;
    bool active_ = false;
};

} // namespace slipway::bench
