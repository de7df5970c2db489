#include "core/environments/servicewait.h"

#include "core/base/describeerror.h"
#include "engine/dockerclient.h"

#include <thread>

namespace slipway::core::env {

namespace {

enum class Step { Wait, Met, Failed };

QString lastHealthOutput(const engine::ContainerState &state) {
    if (!state.health || state.health->log.empty())
        return {};
    return QString::fromStdString(state.health->log.back().output).trimmed();
}

Step judge(const engine::ContainerInspect &c, ServiceWait::Goal goal, const QString &name,
           QString *why) {
    const engine::ContainerState &st = c.state;
    const bool ended = st.status == "exited" || st.status == "dead";
    switch (goal) {
    case ServiceWait::Goal::Started:
        if (st.running && !st.restarting)
            return Step::Met;
        if (ended && st.exitCode == 0 && !st.startedAt.empty() &&
            st.startedAt.rfind("0001-", 0) != 0)
            return Step::Met;
        if (ended && !st.startedAt.empty() && st.startedAt.rfind("0001-", 0) != 0) {
            *why = ServiceWait::tr("%1 exited with code %2").arg(name).arg(st.exitCode);
            return Step::Failed;
        }
        return Step::Wait;
    case ServiceWait::Goal::Healthy:
        if (!st.health || st.health->status.empty() || st.health->status == "none") {
            *why = ServiceWait::tr("%1 has no health check to wait for").arg(name);
            return Step::Failed;
        }
        if (st.health->status == "healthy")
            return Step::Met;
        if (st.health->status == "unhealthy") {
            const QString out = lastHealthOutput(st);
            *why = out.isEmpty() ? ServiceWait::tr("%1 is unhealthy").arg(name)
                                 : ServiceWait::tr("%1 is unhealthy: %2").arg(name, out);
            return Step::Failed;
        }
        if (ended) {
            *why = ServiceWait::tr("%1 exited with code %2 before it was healthy")
                       .arg(name)
                       .arg(st.exitCode);
            return Step::Failed;
        }
        return Step::Wait;
    case ServiceWait::Goal::Completed:
        if (ended && st.exitCode == 0)
            return Step::Met;
        if (ended) {
            *why = ServiceWait::tr("%1 exited with code %2").arg(name).arg(st.exitCode);
            return Step::Failed;
        }
        return Step::Wait;
    }
    return Step::Wait;
}

// Runs the container's health test once, as the engine would (CMD: the command, CMD-SHELL:
// through /bin/sh -c): true when it exits 0 within the check's timeout.
bool probeOnce(engine::DockerClient &client, const std::string &containerId,
               const engine::HealthConfig &check, const std::atomic<bool> &cancelled) {
    if (check.test.size() < 2)
        return false;
    std::vector<std::string> cmd;
    if (check.test[0] == "CMD")
        cmd.assign(check.test.begin() + 1, check.test.end());
    else if (check.test[0] == "CMD-SHELL")
        cmd = {"/bin/sh", "-c", check.test[1]};
    else
        return false;
    auto exec = client.createExec(containerId, cmd).wait();
    if (!exec || !client.startExec(exec.value()).wait())
        return false;
    const auto limit = std::chrono::steady_clock::now() +
                       (check.timeoutNs > 0 ? std::chrono::nanoseconds(check.timeoutNs)
                                            : std::chrono::nanoseconds(std::chrono::seconds(30)));
    while (!cancelled.load() && std::chrono::steady_clock::now() < limit) {
        auto state = client.inspectExec(exec.value()).wait();
        if (!state)
            return false;
        if (!state.value().running)
            return state.value().exitCode == 0;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
}

QString goalText(ServiceWait::Goal goal) {
    switch (goal) {
    case ServiceWait::Goal::Started:
        return ServiceWait::tr("running");
    case ServiceWait::Goal::Healthy:
        return ServiceWait::tr("healthy");
    case ServiceWait::Goal::Completed:
        return ServiceWait::tr("completed");
    }
    return {};
}

} // namespace

ServiceWait::Outcome ServiceWait::wait(engine::DockerClient &client, const std::string &containerId,
                                       const QString &name, Goal goal,
                                       std::chrono::milliseconds timeout,
                                       const std::atomic<bool> &cancelled, QString *why,
                                       bool probe) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
        if (cancelled.load())
            return Outcome::Cancelled;
        auto r = client.inspectContainer(containerId).wait();
        if (!r) {
            *why = tr("inspecting %1: %2").arg(name, describeError(r.error()));
            return Outcome::Failed;
        }
        switch (judge(r.value(), goal, name, why)) {
        case Step::Met:
            return Outcome::Met;
        case Step::Failed:
            return Outcome::Failed;
        case Step::Wait:
            break;
        }
        const engine::ContainerInspect &c = r.value();
        if (probe && goal == Goal::Healthy && c.state.running && c.healthcheck &&
            probeOnce(client, containerId, *c.healthcheck, cancelled))
            return Outcome::Met;
        if (std::chrono::steady_clock::now() >= deadline) {
            *why = tr("%1 was not %2 within %3 s")
                       .arg(name, goalText(goal))
                       .arg(double(timeout.count()) / 1000.0);
            return Outcome::Failed;
        }
        std::this_thread::sleep_for(pollInterval());
    }
}

bool ServiceWait::hasHealthCheck(engine::DockerClient &client, const std::string &containerId,
                                 QString *why) {
    auto r = client.inspectContainer(containerId).wait();
    if (!r) {
        *why = describeError(r.error());
        return false;
    }
    const auto &h = r.value().healthcheck;
    if (h && !h->test.empty())
        return h->test.front() != "NONE";
    // Not set on the container: the image's own, if any.
    auto image = client.inspectImage(r.value().image).wait();
    if (!image)
        return false;
    const auto &ih = image.value().healthcheck;
    return ih && !ih->test.empty() && ih->test.front() != "NONE";
}

} // namespace slipway::core::env
