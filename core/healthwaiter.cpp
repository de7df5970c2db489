#include "core/healthwaiter.h"

#include "engine/dockerclient.h"

#include <QElapsedTimer>
#include <QThread>
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

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

} // namespace

bool HealthWaiter::tcpConnects(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(quint16(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bool ok = ::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0;
    if (!ok && errno == EINPROGRESS) {
        pollfd p{fd, POLLOUT, 0};
        int err = 0;
        socklen_t len = sizeof err;
        ok = ::poll(&p, 1, 500) == 1 && ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) == 0 &&
             err == 0;
    }
    ::close(fd);
    return ok;
}

HealthWaiter::Outcome HealthWaiter::wait(const QList<Target> &targets,
                                         std::chrono::milliseconds timeout,
                                         const std::atomic<bool> &cancelled,
                                         const ProgressFn &progress, QString *why) {
    QElapsedTimer clock;
    clock.start();
    QList<bool> healthy(targets.size(), false);
    QList<qint64> runningSince(targets.size(), -1);
    QList<qint64> failingSince(targets.size(), -1);
    QList<qint64> unhealthySince(targets.size(), -1);
    QString lastSeen; // the latest health output or state, for the timeout message
    const QString step = tr("Waiting for %n replica(s) to be healthy", "", int(targets.size()));
    for (;;) {
        int done = 0;
        for (int i = 0; i < targets.size(); ++i) {
            if (healthy[i]) {
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
                    return Outcome::Failed;
                }
                if (failingSince[i] < 0)
                    failingSince[i] = clock.elapsed();
                if (clock.elapsed() - failingSince[i] > kEngineLostMs) {
                    *why = tr("the engine on %1 stopped answering: %2")
                               .arg(t.host.name, QString::fromStdString(e.describe()));
                    return Outcome::EngineLost;
                }
                continue;
            }
            failingSince[i] = -1;
            const engine::ContainerInspect &c = r.value();
            if (!c.state.running || c.state.restarting) {
                // A restart policy brings a crashing replica back: it is failing all the same.
                QString reason = QString::fromStdString(c.state.error);
                if (reason.isEmpty())
                    reason = tr("exited with code %1").arg(c.state.exitCode);
                *why = tr("%1 on %2 is not running: %3").arg(t.name, t.host.name, reason);
                return Outcome::Failed;
            }
            if (c.state.health && c.state.health->status != "none") {
                const engine::HealthState &h = *c.state.health;
                if (!lastOutput(h).isEmpty())
                    lastSeen = lastOutput(h);
                if (h.status == "healthy") {
                    healthy[i] = true;
                    ++done;
                } else if (h.status != "unhealthy" ||
                           (!h.log.empty() && h.log.back().exitCode < 0)) {
                    // A check the engine cut off at its timeout says the host is slow, not
                    // that the replica is broken: wait on, up to the health timeout.
                    unhealthySince[i] = -1;
                } else if (unhealthySince[i] < 0) {
                    unhealthySince[i] = clock.elapsed();
                } else if (clock.elapsed() - unhealthySince[i] >= kUnhealthyMs) {
                    *why = tr("%1 on %2 is unhealthy: %3")
                               .arg(t.name, t.host.name,
                                    lastOutput(h).isEmpty() ? tr("the health check failed")
                                                            : lastOutput(h));
                    return Outcome::Failed;
                }
                continue;
            }
            // No health check: a published TCP port that accepts, else running for a while.
            int port = 0;
            for (const auto &[key, bindings] : c.ports) {
                if (key.size() > 4 && key.compare(key.size() - 4, 4, "/tcp") == 0) {
                    for (const auto &b : bindings)
                        if (!b.hostPort.empty() && port == 0)
                            port = std::atoi(b.hostPort.c_str());
                }
            }
            if (port > 0 && t.host.local) {
                if (tcpConnects(port)) {
                    healthy[i] = true;
                    ++done;
                } else {
                    lastSeen = tr("nothing accepts connections on 127.0.0.1:%1").arg(port);
                }
                continue;
            }
            if (runningSince[i] < 0)
                runningSince[i] = clock.elapsed();
            if (clock.elapsed() - runningSince[i] >= kSettleMs) {
                healthy[i] = true;
                ++done;
            }
        }
        if (progress)
            progress(step, done, int(targets.size()));
        if (done == targets.size())
            return Outcome::Healthy;
        if (cancelled.load()) {
            *why = tr("cancelled");
            return Outcome::Cancelled;
        }
        if (clock.elapsed() > timeout.count()) {
            *why = tr("not healthy within %1 s").arg(timeout.count() / 1000.0, 0, 'f', 1);
            if (!lastSeen.isEmpty())
                *why += QStringLiteral(": ") + lastSeen;
            return Outcome::Failed;
        }
        QThread::msleep(kPollMs);
    }
}

} // namespace slipway::core
