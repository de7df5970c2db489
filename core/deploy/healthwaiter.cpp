#include "core/deploy/healthwaiter.h"

#include "core/deploy/replicaprobe.h"
#include "engine/dockerclient.h"

#include <QElapsedTimer>
#include <QThread>

namespace slipway::core {

namespace {

constexpr int kPollMs = 200;
constexpr qint64 kSettleMs = 1500;     // running this long without a check counts as up
constexpr qint64 kEngineLostMs = 3000; // no answer this long: the engine is gone
// Unhealthy this long fails the replica: one slow check on a busy host (the image's own
// timeout exceeded) turns healthy at the next success and must not abort a rollout.
constexpr qint64 kUnhealthyMs = 5000;

QString lastOutput(const engine::HealthState &health) {
    if (health.log.empty())
        return {};
    return QString::fromStdString(health.log.back().output).trimmed();
}

// The first published TCP port's container side: what a replica without a health check or a
// probe of its own is probed on.
int publishedContainerPort(const engine::ContainerInspect &c) {
    for (const auto &[key, bindings] : c.ports) {
        if (key.size() <= 4 || key.compare(key.size() - 4, 4, "/tcp") != 0)
            continue;
        for (const auto &b : bindings)
            if (!b.hostPort.empty())
                return std::atoi(key.c_str());
    }
    return 0;
}

// Where one target stands.
struct Watch {
    bool healthy = false;
    qint64 healthyAt = -1; // when it turned healthy: the monitor period starts there
    bool watched = false;  // healthy and watched for the monitor period
    int restarts = -1;     // the engine's restart count when first seen
    qint64 runningSince = -1;
    qint64 failingSince = -1;
    qint64 unhealthySince = -1;
    bool probeDecided = false; // whether it needs a probe has been decided
    std::optional<ProbeSpec> probe;
    QString probeId;
    bool probePassed = false;
};

} // namespace

HealthWaiter::Checks HealthWaiter::checksFor(const DeploymentConfig &config) {
    Checks checks;
    checks.monitor = std::chrono::milliseconds(std::max(0, config.monitorMs));
    if (!config.probe.isEmpty()) {
        checks.probe = ProbeSpec::parse(config.probe, &checks.problem);
        if (!checks.probe && checks.problem.isEmpty())
            checks.problem = tr("the probe %1 is not valid").arg(config.probe);
    }
    return checks;
}

HealthWaiter::Outcome HealthWaiter::wait(const QList<Target> &targets,
                                         std::chrono::milliseconds timeout, const Checks &checks,
                                         const std::atomic<bool> &cancelled,
                                         const ProgressFn &progress, QString *why) {
    if (!checks.problem.isEmpty()) {
        *why = checks.problem;
        return Outcome::Failed;
    }
    QElapsedTimer clock;
    clock.start();
    QList<Watch> watch(targets.size());
    // Probe containers go whatever happens: success, failure, cancel or a lost engine.
    const auto removeProbes = [&] {
        for (int i = 0; i < targets.size(); ++i)
            if (!watch[i].probeId.isEmpty())
                ReplicaProbe::remove(targets[i].host, std::exchange(watch[i].probeId, {}));
    };
    const auto finish = [&](Outcome outcome) {
        removeProbes();
        return outcome;
    };
    QString lastSeen; // the latest health output or state, for the timeout message
    const qint64 monitorMs = checks.monitor.count();
    for (;;) {
        int healthyCount = 0;
        int done = 0;
        for (int i = 0; i < targets.size(); ++i) {
            Watch &w = watch[i];
            if (w.watched) {
                ++healthyCount;
                ++done;
                continue;
            }
            const Target &t = targets[i];
            auto r = t.host.client->inspectContainer(t.containerId.toStdString()).wait();
            if (!r) {
                const engine::Error &e = r.error();
                if (e.kind == engine::ErrorKind::Http && e.httpStatus == 404) {
                    *why = tr("%1 on %2 is gone: %3")
                               .arg(t.name, t.host.name, QString::fromStdString(e.describe()));
                    return finish(Outcome::Failed);
                }
                if (w.failingSince < 0)
                    w.failingSince = clock.elapsed();
                if (clock.elapsed() - w.failingSince > kEngineLostMs) {
                    *why = tr("the engine on %1 stopped answering: %2")
                               .arg(t.host.name, QString::fromStdString(e.describe()));
                    return finish(Outcome::EngineLost);
                }
                continue;
            }
            w.failingSince = -1;
            const engine::ContainerInspect &c = r.value();
            if (w.restarts < 0)
                w.restarts = c.restartCount;
            // An OOM kill, an exit, or a restart policy bringing a crashing replica back (between
            // two polls, seen only in the count): it is failing all the same.
            if (c.state.oomKilled) {
                *why = tr("%1 on %2 was killed: out of memory").arg(t.name, t.host.name);
                return finish(Outcome::Failed);
            }
            if (!c.state.running || c.state.restarting) {
                QString reason = QString::fromStdString(c.state.error);
                if (reason.isEmpty())
                    reason = tr("exited with code %1").arg(c.state.exitCode);
                *why = tr("%1 on %2 is not running: %3").arg(t.name, t.host.name, reason);
                return finish(Outcome::Failed);
            }
            if (c.restartCount > w.restarts) {
                *why = tr("%1 on %2 restarted %n time(s) (last exit code %3)", "",
                          c.restartCount - w.restarts)
                           .arg(t.name, t.host.name)
                           .arg(c.state.exitCode);
                return finish(Outcome::Failed);
            }
            const bool hasCheck = c.state.health && c.state.health->status != "none";
            if (!w.probeDecided) {
                w.probeDecided = true;
                w.probe = checks.probe;
                if (!w.probe && !hasCheck)
                    if (const int port = publishedContainerPort(c); port > 0)
                        w.probe = ProbeSpec{ProbeSpec::Kind::Tcp, port, {}};
            }
            bool up = true;
            if (hasCheck) {
                const engine::HealthState &h = *c.state.health;
                if (!lastOutput(h).isEmpty())
                    lastSeen = lastOutput(h);
                if (h.status != "unhealthy" || (!h.log.empty() && h.log.back().exitCode < 0)) {
                    // A check the engine cut off at its timeout says the host is slow, not
                    // that the replica is broken: wait on, up to the health timeout.
                    w.unhealthySince = -1;
                } else if (w.unhealthySince < 0) {
                    w.unhealthySince = clock.elapsed();
                } else if (clock.elapsed() - w.unhealthySince >= kUnhealthyMs) {
                    *why = tr("%1 on %2 is unhealthy: %3")
                               .arg(t.name, t.host.name,
                                    lastOutput(h).isEmpty() ? tr("the health check failed")
                                                            : lastOutput(h));
                    return finish(Outcome::Failed);
                }
                // Once healthy, a check that fails for a moment does not undo it.
                up = w.healthy || h.status == "healthy";
            }
            if (w.probe && !w.probePassed) {
                if (w.probeId.isEmpty()) {
                    const auto left = std::chrono::milliseconds(
                        std::max<qint64>(1000, timeout.count() - clock.elapsed()));
                    w.probeId =
                        ReplicaProbe::start(t.host, t.containerId, t.name, *w.probe, left, why);
                    if (w.probeId.isEmpty())
                        return finish(Outcome::Failed);
                }
                QString detail;
                switch (ReplicaProbe::look(t.host, w.probeId, &detail)) {
                case ReplicaProbe::State::Passed:
                    w.probePassed = true;
                    ReplicaProbe::remove(t.host, std::exchange(w.probeId, {}));
                    break;
                case ReplicaProbe::State::GaveUp:
                    *why = tr("%1 on %2 did not answer the probe %3: %4")
                               .arg(t.name, t.host.name, w.probe->toString(), detail);
                    return finish(Outcome::Failed);
                case ReplicaProbe::State::Trying:
                    lastSeen = tr("no answer yet to the probe %1").arg(w.probe->toString());
                    break;
                }
                up = up && w.probePassed;
            } else if (!w.probe && !hasCheck) {
                if (w.runningSince < 0)
                    w.runningSince = clock.elapsed();
                up = clock.elapsed() - w.runningSince >= kSettleMs;
            }
            if (up && !w.healthy) {
                w.healthy = true;
                w.healthyAt = clock.elapsed();
            }
            if (!w.healthy)
                continue;
            ++healthyCount;
            // An unhealthy spell (still inside its grace) must end before the watch does.
            if (clock.elapsed() - w.healthyAt >= monitorMs && w.unhealthySince < 0) {
                w.watched = true;
                ++done;
            }
        }
        const int total = int(targets.size());
        if (progress) {
            if (healthyCount < total || monitorMs == 0)
                progress(tr("Waiting for %n replica(s) to be healthy", "", total), healthyCount,
                         total);
            else
                progress(tr("Watching %n replica(s) for %1 s", "", total)
                             .arg(monitorMs / 1000.0, 0, 'f', monitorMs % 1000 ? 1 : 0),
                         done, total);
        }
        if (done == total)
            return finish(Outcome::Healthy);
        if (cancelled.load()) {
            *why = tr("cancelled");
            return finish(Outcome::Cancelled);
        }
        // The deadline is for being healthy; the monitor period comes on top of it.
        if (healthyCount < total && clock.elapsed() > timeout.count()) {
            for (int i = 0; i < targets.size(); ++i)
                if (!watch[i].healthy && !watch[i].probeId.isEmpty() && watch[i].probe)
                    lastSeen =
                        tr("no answer to the probe %1: %2")
                            .arg(watch[i].probe->toString(),
                                 ReplicaProbe::lastAttempt(targets[i].host, watch[i].probeId));
            *why = tr("not healthy within %1 s").arg(timeout.count() / 1000.0, 0, 'f', 1);
            if (!lastSeen.isEmpty())
                *why += QStringLiteral(": ") + lastSeen;
            return finish(Outcome::Failed);
        }
        QThread::msleep(kPollMs);
    }
}

} // namespace slipway::core
