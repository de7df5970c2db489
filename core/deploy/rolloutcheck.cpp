#include "core/deploy/rolloutcheck.h"

#include "engine/dockerclient.h"

#include <QElapsedTimer>
#include <QStringList>
#include <QThread>
#include <algorithm>

namespace slipway::core {

namespace {

constexpr int kPollMs = 250;
constexpr std::chrono::milliseconds kPingTimeout{2000};

QString describe(const engine::Error &e) {
    return QString::fromStdString(e.describe());
}

bool isNotFound(const engine::Error &e) {
    return e.kind == engine::ErrorKind::Http && e.httpStatus == 404;
}

// The engine did not answer at all, as opposed to answering "no".
bool isUnreachable(const engine::Error &e) {
    return e.kind == engine::ErrorKind::Transport || e.kind == engine::ErrorKind::Timeout;
}

void addHost(QList<DeployHost> *hosts, const DeployHost &h) {
    if (std::none_of(hosts->cbegin(), hosts->cend(),
                     [&](const DeployHost &known) { return known.id == h.id; }))
        hosts->append(h);
}

} // namespace

RolloutCheck::Outcome RolloutCheck::verify(const QList<Target> &targets, int expected,
                                           QString *why) {
    int running = 0;
    for (const Target &t : targets) {
        auto r = t.host.client->inspectContainer(t.containerId.toStdString()).wait();
        if (!r) {
            const engine::Error &e = r.error();
            if (isNotFound(e)) {
                *why = tr("%1 on %2 is gone").arg(t.name, t.host.name);
                return Outcome::Failed;
            }
            *why = tr("the engine on %1 does not answer: %2").arg(t.host.name, describe(e));
            return isUnreachable(e) ? Outcome::EngineLost : Outcome::Failed;
        }
        const engine::ContainerInspect &c = r.value();
        if (!c.state.running || c.state.restarting || c.state.paused) {
            *why = tr("%1 on %2 is not running (%3)")
                       .arg(t.name, t.host.name, QString::fromStdString(c.state.status));
            return Outcome::Failed;
        }
        // "starting" again is a replica the engine restarted. A check cut off at its timeout
        // says the host is slow, not that the replica broke (as in HealthWaiter).
        const auto &health = c.state.health;
        const bool slowCheck = health && health->status == "unhealthy" && !health->log.empty() &&
                               health->log.back().exitCode < 0;
        if (health && health->status != "none" && health->status != "healthy" && !slowCheck) {
            *why = health->status == "starting"
                       ? tr("%1 on %2 is starting again: the engine restarted it after it was "
                            "healthy")
                             .arg(t.name, t.host.name)
                       : tr("%1 on %2 is %3")
                             .arg(t.name, t.host.name, QString::fromStdString(health->status));
            return Outcome::Failed;
        }
        ++running;
    }
    if (running != expected) {
        *why = tr("%1 of %n replica(s) run", "", expected).arg(running);
        return Outcome::Failed;
    }
    return Outcome::Running;
}

bool RolloutCheck::waitForEngines(const QList<DeployHost> &hosts, std::chrono::milliseconds timeout,
                                  QString *why) {
    QElapsedTimer clock;
    clock.start();
    QList<DeployHost> waiting = hosts;
    QStringList silent;
    for (;;) {
        silent.clear();
        waiting.removeIf([&](const DeployHost &h) {
            auto r = h.client->ping(kPingTimeout).wait();
            if (r)
                return true;
            silent.append(tr("%1: %2").arg(h.name, describe(r.error())));
            return false;
        });
        if (waiting.isEmpty())
            return true;
        if (clock.elapsed() >= timeout.count()) {
            *why = tr("the engine did not answer again within %1 s (%2)")
                       .arg(timeout.count() / 1000.0, 0, 'f', 1)
                       .arg(silent.join(QStringLiteral("; ")));
            return false;
        }
        QThread::msleep(kPollMs);
    }
}

bool RolloutCheck::runs(const Target &t, QString *why) {
    auto r = t.host.client->inspectContainer(t.containerId.toStdString()).wait();
    if (!r) {
        *why = tr("%1 on %2: %3").arg(t.name, t.host.name, describe(r.error()));
        return false;
    }
    return r.value().state.running && !r.value().state.restarting;
}

bool RolloutCheck::giveBack(const QList<Target> &added, const QList<Target> &kept,
                            std::chrono::milliseconds timeout, QString *why) {
    QList<DeployHost> hosts;
    for (const Target &t : added)
        addHost(&hosts, t.host);
    for (const Target &t : kept)
        addHost(&hosts, t.host);
    // Calls made while the engine is away are lost, and what it brings back on its return is
    // what ran before it went: the new replicas, never the old ones Slipway stopped.
    if (!waitForEngines(hosts, timeout, why))
        return false;

    // A change whose lock was taken over while the engine was away is no longer the one to
    // act: its new replicas are the new holder's (or recovery's) business.
    for (const DeployHost &h : std::as_const(hosts))
        if (h.fenced(why))
            return false;

    QStringList problems;
    // Stopped, not yet removed: they run again below should none of the old ones.
    for (const Target &t : added)
        if (auto r = t.host.client->stopContainer(t.containerId.toStdString(), 0).wait();
            !r && !isNotFound(r.error()))
            problems.append(
                tr("stopping %1 on %2: %3").arg(t.name, t.host.name, describe(r.error())));

    // The engine may still be starting some of `kept` itself; a start of a running one is a
    // no-op. A fixed host port the stopped new replica held can take a moment to be free.
    QList<bool> up(kept.size(), false);
    QStringList lastError(kept.size());
    QElapsedTimer clock;
    clock.start();
    for (;;) {
        for (int i = 0; i < kept.size(); ++i) {
            if (up[i])
                continue;
            const Target &t = kept[i];
            lastError[i].clear();
            if (runs(t, &lastError[i])) {
                up[i] = true;
                continue;
            }
            RolloutSteps::start(t.host, t.containerId, &lastError[i]);
        }
        if (!up.contains(false) || clock.elapsed() >= timeout.count())
            break;
        QThread::msleep(kPollMs);
    }
    QStringList down;
    for (int i = 0; i < kept.size(); ++i)
        if (!up[i])
            down.append(lastError[i].isEmpty()
                            ? tr("%1 on %2 does not run").arg(kept[i].name, kept[i].host.name)
                            : lastError[i]);

    if (!kept.isEmpty() && !up.contains(true)) {
        // Not one old replica runs: the new ones are all there is to serve.
        for (const Target &t : added) {
            QString ignored; // the note below says they run on
            RolloutSteps::start(t.host, t.containerId, &ignored);
        }
        problems.append(tr("the old replicas did not start again (%1); the new ones run on")
                            .arg(down.join(QStringLiteral("; "))));
        *why = problems.join(QStringLiteral("; "));
        return false;
    }
    for (const Target &t : added)
        if (QString error; !RolloutSteps::remove(t.host, t.containerId, &error))
            problems.append(error);
    if (!down.isEmpty())
        problems.append(tr("not running again: %1").arg(down.join(QStringLiteral("; "))));
    *why = problems.join(QStringLiteral("; "));
    return problems.isEmpty();
}

} // namespace slipway::core
