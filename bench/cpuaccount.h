// CpuAccount: who had the CPUs between two moments: the run and wait time of every thread of
// this process (grouped: GUI thread, engine clients, scripted engines, ...) and of the other
// processes named (dockerd, containerd, shims, the scripted engines' own process), plus the
// machine's total, from /proc. It answers "who took the CPU while the GUI thread waited".
#pragma once

#include <QMap>
#include <QString>
#include <QStringList>
#include <functional>
#include <map>
#include <utility>

namespace slipway::bench {

class CpuAccount {
public:
    // A group name for a thread of a watched process, or empty to leave it out.
    using Classifier = std::function<QString(int pid, int tid, const QString &comm)>;

    // Threads of this process, grouped by their names (see threadGroup()).
    CpuAccount();
    // Also every process whose command name starts with one of `commPrefixes`, found when
    // start() and stop() run (so processes born meanwhile count), under `group`.
    void watchProcesses(const QStringList &commPrefixes, const QString &group);
    // Also process `pid` (all its threads) under `group`.
    void watchPid(int pid, const QString &group);

    void start();
    void stop();
    // Lines "group: run ms (threads n), waited ms", heaviest first, then the machine's total
    // busy time of all CPUs and what no watched thread accounts for.
    QStringList report() const;

    // The group of a thread of this process by its name: "GUI thread" (the main one),
    // "scripted engines" (fakeengine), "engine clients" (slipway-client), "Qt thread pool",
    // "bench load" (bench-*), else the name itself.
    static QString threadGroup(int tid, const QString &comm);
    // Names the calling thread (15 bytes at most), e.g. "slipway-client".
    static void nameThisThread(const char *name);

private:
    struct Times {
        QString group;
        qint64 runNs = 0;
        qint64 waitNs = 0;
    };
    using Snapshot = std::map<std::pair<int, int>, Times>; // (pid, tid) -> times
    Snapshot snapshot() const;
    struct Machine {
        qint64 busyNs = 0;
        qint64 stealNs = 0; // a VM's CPUs taken by its host: no thread of this machine ran
    };
    static Machine machine();

    std::vector<std::pair<QStringList, QString>> byComm_;
    std::vector<std::pair<int, QString>> byPid_;
    Snapshot first_, last_;
    Machine machineFirst_, machineLast_;
    qint64 wallNs_ = 0;
    qint64 startedNs_ = 0;
};

} // namespace slipway::bench
