#include "bench/cpupinning.h"

#include <QDir>
#include <QFile>
#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <unistd.h>

namespace slipway::bench {

namespace {

// The pinning in force, for the exit and signal handlers: an interrupted bench must not leave
// the shared engine on one CPU.
CpuPinning *g_active = nullptr;

QByteArray readSmall(const QString &path, qint64 max = 4096) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return {};
    return f.read(max);
}

QList<int> tasksOf(int pid) {
    QList<int> tids;
    for (const QString &t : QDir(QStringLiteral("/proc/%1/task").arg(pid))
                                .entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        tids.append(t.toInt());
    return tids;
}

cpu_set_t oneCpu(int cpu) {
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    return set;
}

void onSignal(int sig) {
    if (g_active)
        g_active->restoreSaved();
    std::signal(sig, SIG_DFL);
    std::raise(sig);
}

void atExit() {
    if (g_active)
        g_active->restore();
}

} // namespace

CpuPinning::CpuPinning() {
    static bool installed = false;
    if (!installed) {
        installed = true;
        std::atexit(atExit);
        for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT})
            std::signal(sig, onSignal);
    }
}

CpuPinning::~CpuPinning() {
    restore();
}

void CpuPinning::pinTasks(int pid, int cpu, const QString &exceptPrefix) {
    cpu_set_t processMask;
    if (sched_getaffinity(pid, sizeof processMask, &processMask) != 0)
        return;
    processes_.push_back({pid, processMask});
    const cpu_set_t target = oneCpu(cpu);
    for (int tid : tasksOf(pid)) {
        if (!exceptPrefix.isEmpty() &&
            QString::fromUtf8(
                readSmall(QStringLiteral("/proc/%1/task/%2/comm").arg(pid).arg(tid)).trimmed())
                .startsWith(exceptPrefix))
            continue;
        cpu_set_t mask;
        if (sched_getaffinity(tid, sizeof mask, &mask) != 0)
            continue; // ended meanwhile
        if (std::none_of(saved_.begin(), saved_.end(),
                         [tid](const Saved &s) { return s.tid == tid; }))
            saved_.push_back({tid, mask});
        sched_setaffinity(tid, sizeof target, &target);
    }
    if (!active_) {
        active_ = true;
        g_active = this;
    }
}

QList<int> CpuPinning::find(const QStringList &commPrefixes, const QString &cmdlineMark) {
    QList<int> pids;
    for (const QString &p : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        bool numeric = false;
        const int pid = p.toInt(&numeric);
        if (!numeric || pid == getpid())
            continue;
        const QString comm =
            QString::fromUtf8(readSmall(QStringLiteral("/proc/%1/comm").arg(pid)).trimmed());
        if (std::none_of(commPrefixes.begin(), commPrefixes.end(),
                         [&](const QString &prefix) { return comm.startsWith(prefix); }))
            continue;
        QByteArray cmdline = readSmall(QStringLiteral("/proc/%1/cmdline").arg(pid), 65536);
        cmdline.replace('\0', ' ');
        if (!cmdline.contains(cmdlineMark.toUtf8()))
            continue;
        pids.append(pid);
    }
    return pids;
}

int CpuPinning::pinProcesses(const QStringList &commPrefixes, const QString &cmdlineMark, int cpu) {
    queries_.emplace_back(commPrefixes, cmdlineMark);
    const QList<int> pids = find(commPrefixes, cmdlineMark);
    for (int pid : pids)
        pinTasks(pid, cpu, {});
    const int n = int(pids.size());
    description_ << QStringLiteral("%1 process(es) %2* on CPU %3")
                        .arg(n)
                        .arg(commPrefixes.join(QStringLiteral("*, ")))
                        .arg(cpu);
    return n;
}

int CpuPinning::pinProcess(int pid, int cpu) {
    if (::kill(pid, 0) != 0)
        return 0;
    pinTasks(pid, cpu, {});
    description_ << QStringLiteral("process %1 on CPU %2").arg(pid).arg(cpu);
    return 1;
}

void CpuPinning::pinSelf(int cpu, const QString &exceptPrefix) {
    pinTasks(getpid(), cpu, exceptPrefix);
    description_ << QStringLiteral("this bench on CPU %1").arg(cpu);
}

void CpuPinning::pinThisThread(int cpu) {
    const cpu_set_t target = oneCpu(cpu);
    sched_setaffinity(0, sizeof target, &target);
}

void CpuPinning::restoreSaved() {
    // No allocation: this also runs from a signal handler.
    for (const Saved &s : saved_)
        sched_setaffinity(s.tid, sizeof s.mask, &s.mask);
}

void CpuPinning::restore() {
    if (!active_)
        return;
    active_ = false;
    if (g_active == this)
        g_active = nullptr;
    restoreSaved();
    // ... then threads born while pinned (a new shim's process is reaped and re-listed by
    // the engine; its threads inherit whatever their creator had).
    for (const Process &p : processes_) {
        cpu_set_t now;
        if (sched_getaffinity(p.pid, sizeof now, &now) != 0)
            continue;
        for (int tid : tasksOf(p.pid)) {
            if (std::any_of(saved_.begin(), saved_.end(),
                            [tid](const Saved &s) { return s.tid == tid; }))
                continue;
            sched_setaffinity(tid, sizeof p.mask, &p.mask);
        }
    }
    // ... and processes born while pinned (a shim per started container) that are still there.
    for (const auto &[prefixes, mark] : queries_) {
        if (processes_.empty())
            break;
        for (int pid : find(prefixes, mark)) {
            if (std::any_of(processes_.begin(), processes_.end(),
                            [pid](const Process &p) { return p.pid == pid; }))
                continue;
            for (int tid : tasksOf(pid))
                sched_setaffinity(tid, sizeof processes_.front().mask, &processes_.front().mask);
        }
    }
}

} // namespace slipway::bench
