#include "core/deploy/replicadrain.h"

#include "core/base/describeerror.h"
#include "engine/dockerclient.h"

#include <QElapsedTimer>
#include <QStringList>
#include <thread>

namespace slipway::core {

namespace {

constexpr std::chrono::milliseconds kPoll{100};
constexpr std::chrono::milliseconds kMarkLimit{5000}; // writing the marker is one shell builtin
// Docker's health check defaults, for a zero in both the container's and the image's config.
constexpr std::int64_t kDefaultIntervalNs = 30'000'000'000;
constexpr std::int64_t kDefaultTimeoutNs = 30'000'000'000;
constexpr int kDefaultRetries = 3;
// The engine's own part: starting each check (an exec) and recording its result.
constexpr std::chrono::milliseconds kEngineSlack{2000};

bool sleepUnlessCancelled(std::chrono::milliseconds total, const std::atomic<bool> &cancelled) {
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < total.count()) {
        if (cancelled.load())
            return false;
        std::this_thread::sleep_for(
            std::min(kPoll, total - std::chrono::milliseconds(clock.elapsed())));
    }
    return !cancelled.load();
}

// Runs the marker command in the container and waits for it to end; empty on success.
QString mark(const ReplicaDrain::Target &t) {
    const std::string id = t.containerId.toStdString();
    const std::vector<std::string> cmd = {"/bin/sh", "-c",
                                          std::string(": > ") + ReplicaDrain::kMarker};
    auto exec = t.host.client->createExec(id, cmd).wait();
    if (!exec)
        return describeError(exec.error());
    if (auto started = t.host.client->startExec(exec.value()).wait(); !started)
        return describeError(started.error());
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < kMarkLimit.count()) {
        auto state = t.host.client->inspectExec(exec.value()).wait();
        if (!state)
            return describeError(state.error());
        if (!state.value().running)
            return state.value().exitCode == 0
                       ? QString()
                       : ReplicaDrain::tr("the marker command exited with %1")
                             .arg(state.value().exitCode);
        std::this_thread::sleep_for(kPoll);
    }
    return ReplicaDrain::tr("the marker command did not finish");
}

std::string shellQuoted(const std::string &arg) {
    std::string out = "'";
    for (char c : arg) {
        if (c == '\'')
            out += "'\\''";
        else
            out += c;
    }
    return out + "'";
}

QString seconds(std::chrono::milliseconds ms) {
    return QString::number(ms.count() / 1000.0, 'f', ms.count() % 1000 ? 1 : 0);
}

enum class Seen { Draining, Drained, Gone };

Seen look(const ReplicaDrain::Target &t) {
    auto r = t.host.client->inspectContainer(t.containerId.toStdString()).wait();
    if (!r || !r.value().state.running)
        return Seen::Gone;
    const auto &health = r.value().state.health;
    return health && health->status == "unhealthy" ? Seen::Drained : Seen::Draining;
}

} // namespace

std::vector<std::string> ReplicaDrain::wrapHealthTest(const std::vector<std::string> &test) {
    std::string command;
    if (test.size() == 2 && test[0] == "CMD-SHELL" && !test[1].empty()) {
        command = test[1];
    } else if (test.size() >= 2 && test[0] == "CMD") {
        command = "exec";
        for (std::size_t i = 1; i < test.size(); ++i)
            command += " " + shellQuoted(test[i]);
    } else {
        return {};
    }
    return {"CMD-SHELL", std::string("[ ! -e ") + kMarker + " ] || exit 1; " + command};
}

std::chrono::milliseconds
ReplicaDrain::timeToUnhealthy(const std::optional<engine::HealthConfig> &container,
                              const std::optional<engine::HealthConfig> &image) {
    const auto pick = [&](auto field, auto fallback) {
        if (container && (*container).*field > 0)
            return (*container).*field;
        if (image && (*image).*field > 0)
            return (*image).*field;
        return fallback;
    };
    const std::int64_t interval = pick(&engine::HealthConfig::intervalNs, kDefaultIntervalNs);
    const std::int64_t timeout = pick(&engine::HealthConfig::timeoutNs, kDefaultTimeoutNs);
    const int retries = pick(&engine::HealthConfig::retries, kDefaultRetries);
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::nanoseconds(timeout + retries * interval)) +
           kEngineSlack;
}

QString ReplicaDrain::drain(const QList<Target> &targets, Timing timing,
                            const std::atomic<bool> &cancelled, const ProgressFn &progress) {
    QStringList problems;
    QList<Target> marked;
    QList<std::chrono::milliseconds> limits; // of each marked target
    for (const Target &t : targets) {
        auto r = t.host.client->inspectContainer(t.containerId.toStdString()).wait();
        if (!r || !r.value().state.running)
            continue; // nothing serves there any more
        if (!r.value().labels.count(kLabel)) {
            problems << tr("%1 (its health check does not know the drain marker)").arg(t.name);
            continue;
        }
        std::optional<engine::HealthConfig> image;
        if (auto i = t.host.client->inspectImage(r.value().image).wait(); i)
            image = i.value().healthcheck;
        const auto limit = timeToUnhealthy(r.value().healthcheck, image);
        if (limit > timing.timeout) {
            // Waiting would only use up the whole timeout: the balancer would see it go
            // unhealthy long after it stopped.
            problems << tr("%1 (its health check can take %2 s to report unhealthy, longer than "
                           "the drain timeout of %3 s, so it was not waited for)")
                            .arg(t.name, seconds(limit), seconds(timing.timeout));
            continue;
        }
        const QString why = mark(t);
        if (why.isEmpty()) {
            marked.append(t);
            limits.append(limit);
        } else {
            problems << tr("%1 (%2)").arg(t.name, why);
        }
    }
    if (!marked.isEmpty()) {
        if (progress)
            progress(tr("Draining %n old replica(s)", "", int(marked.size())), 0,
                     int(marked.size()));
        QElapsedTimer clock;
        clock.start();
        QList<Target> waiting = marked;
        QList<std::chrono::milliseconds> waitingLimits = limits;
        while (!waiting.isEmpty() && !cancelled.load()) {
            for (qsizetype i = waiting.size() - 1; i >= 0; --i) {
                if (look(waiting[i]) != Seen::Draining) {
                    waiting.removeAt(i);
                    waitingLimits.removeAt(i);
                } else if (clock.elapsed() >= waitingLimits[i].count()) {
                    // Its check should have failed by now: waiting on would not help.
                    problems << tr("%1 (still healthy after %2 s)")
                                    .arg(waiting[i].name, seconds(waitingLimits[i]));
                    waiting.removeAt(i);
                    waitingLimits.removeAt(i);
                }
            }
            if (progress)
                progress(tr("Draining %n old replica(s)", "", int(marked.size())),
                         int(marked.size() - waiting.size()), int(marked.size()));
            if (!waiting.isEmpty())
                std::this_thread::sleep_for(kPoll);
        }
        sleepUnlessCancelled(timing.grace, cancelled);
    }
    if (problems.isEmpty())
        return {};
    return tr("stopped without draining: %1").arg(problems.join(QStringLiteral(", ")));
}

} // namespace slipway::core
