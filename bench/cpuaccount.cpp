#include "bench/cpuaccount.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <algorithm>
#include <pthread.h>
#include <unistd.h>

namespace slipway::bench {

namespace {

QByteArray readSmall(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return {};
    return f.read(4096);
}

qint64 monotonicNs() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

} // namespace

CpuAccount::CpuAccount() = default;

void CpuAccount::watchProcesses(const QStringList &commPrefixes, const QString &group) {
    byComm_.emplace_back(commPrefixes, group);
}

void CpuAccount::watchPid(int pid, const QString &group) {
    byPid_.emplace_back(pid, group);
}

void CpuAccount::nameThisThread(const char *name) {
    pthread_setname_np(pthread_self(), name);
}

QString CpuAccount::threadGroup(int tid, const QString &comm) {
    if (tid == getpid())
        return QStringLiteral("GUI thread");
    if (comm == u"fakeengine")
        return QStringLiteral("scripted engines (threads of this process)");
    if (comm == u"slipway-client")
        return QStringLiteral("engine clients (transport, parse, convert)");
    if (comm.startsWith(u"Thread (pooled)"))
        return QStringLiteral("Qt thread pool (releases)");
    if (comm.startsWith(u"bench-"))
        return QStringLiteral("bench's own load (start/kill calls)");
    return QStringLiteral("other threads of this process (%1)").arg(comm);
}

CpuAccount::Snapshot CpuAccount::snapshot() const {
    Snapshot s;
    const auto addProcess = [&](int pid,
                                const std::function<QString(int, const QString &)> &group) {
        const QString taskDir = QStringLiteral("/proc/%1/task").arg(pid);
        for (const QString &t : QDir(taskDir).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            const int tid = t.toInt();
            const QString base = taskDir + u'/' + t;
            const QString comm =
                QString::fromUtf8(readSmall(base + QStringLiteral("/comm")).trimmed());
            // "<ns on a CPU> <ns runnable, waiting for one> <slices>"
            const QList<QByteArray> fields =
                readSmall(base + QStringLiteral("/schedstat")).split(' ');
            if (fields.size() < 2)
                continue; // ended meanwhile
            const QString g = group(tid, comm);
            if (g.isEmpty())
                continue;
            s[{pid, tid}] = {g, fields[0].toLongLong(), fields[1].toLongLong()};
        }
    };
    const int self = getpid();
    addProcess(self, [](int tid, const QString &comm) { return threadGroup(tid, comm); });
    for (const auto &[pid, group] : byPid_)
        addProcess(pid, [group = group](int, const QString &) { return group; });
    if (!byComm_.empty()) {
        for (const QString &p : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
            bool numeric = false;
            const int pid = p.toInt(&numeric);
            if (!numeric || pid == self)
                continue;
            const QString comm =
                QString::fromUtf8(readSmall(QStringLiteral("/proc/%1/comm").arg(pid)).trimmed());
            for (const auto &[prefixes, group] : byComm_) {
                if (std::none_of(prefixes.begin(), prefixes.end(),
                                 [&](const QString &prefix) { return comm.startsWith(prefix); }))
                    continue;
                addProcess(pid, [group = group](int, const QString &) { return group; });
                break;
            }
        }
    }
    return s;
}

CpuAccount::Machine CpuAccount::machine() {
    // "cpu  user nice system idle iowait irq softirq steal ..." in clock ticks
    const QList<QByteArray> f =
        readSmall(QStringLiteral("/proc/stat")).split('\n').value(0).simplified().split(' ');
    if (f.size() < 9)
        return {};
    const qint64 tick = 1000000000 / sysconf(_SC_CLK_TCK);
    return {(f[1].toLongLong() + f[2].toLongLong() + f[3].toLongLong() + f[6].toLongLong() +
             f[7].toLongLong()) *
                tick,
            f[8].toLongLong() * tick};
}

void CpuAccount::start() {
    first_ = snapshot();
    machineFirst_ = machine();
    startedNs_ = monotonicNs();
}

void CpuAccount::stop() {
    wallNs_ = monotonicNs() - startedNs_;
    last_ = snapshot();
    machineLast_ = machine();
}

QStringList CpuAccount::report() const {
    struct Sum {
        qint64 runNs = 0, waitNs = 0;
        int threads = 0;
    };
    QMap<QString, Sum> groups;
    qint64 accounted = 0;
    for (const auto &[key, now] : last_) {
        Times before;
        if (auto it = first_.find(key); it != first_.end())
            before = it->second; // else born meanwhile: all its time is in the window
        const qint64 run = now.runNs - before.runNs, wait = now.waitNs - before.waitNs;
        if (run <= 0 && wait <= 0)
            continue;
        Sum &sum = groups[now.group];
        sum.runNs += run;
        sum.waitNs += wait;
        ++sum.threads;
        accounted += run;
    }
    std::vector<std::pair<QString, Sum>> sorted;
    for (auto it = groups.cbegin(); it != groups.cend(); ++it)
        sorted.emplace_back(it.key(), it.value());
    std::sort(sorted.begin(), sorted.end(),
              [](const auto &a, const auto &b) { return a.second.runNs > b.second.runNs; });
    QStringList lines;
    const long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    lines << QStringLiteral("over %1 ms wall, %2 CPUs: CPU time (ms) by thread group, and its "
                            "time runnable but waiting for a CPU")
                 .arg(wallNs_ / 1e6, 0, 'f', 0)
                 .arg(cpus);
    for (const auto &[group, sum] : sorted)
        lines << QStringLiteral("%1: ran %2, waited %3 (%4 threads)")
                     .arg(group)
                     .arg(sum.runNs / 1e6, 0, 'f', 1)
                     .arg(sum.waitNs / 1e6, 0, 'f', 1)
                     .arg(sum.threads);
    const qint64 busy = machineLast_.busyNs - machineFirst_.busyNs;
    lines << QStringLiteral("machine, all CPUs busy: %1 of %2; not in the groups above: %3 "
                            "(processes that ended meanwhile, e.g. runc, and anything else on "
                            "this machine)")
                 .arg(busy / 1e6, 0, 'f', 0)
                 .arg(double(wallNs_) * cpus / 1e6, 0, 'f', 0)
                 .arg(std::max<qint64>(0, busy - accounted) / 1e6, 0, 'f', 0);
    // On a VM: time its host gave the CPUs to someone else. A thread due to run then neither
    // runs nor waits as this machine's kernel counts it: the stall meter shows it as neither.
    lines << QStringLiteral("steal (this VM's CPUs taken by its host): %1")
                 .arg((machineLast_.stealNs - machineFirst_.stealNs) / 1e6, 0, 'f', 0);
    return lines;
}

} // namespace slipway::bench
