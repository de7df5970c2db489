#include "core/environments/environmentcleanup.h"

#include "core/base/describeerror.h"
#include "core/environments/composelabels.h"
#include "engine/dockerclient.h"

namespace slipway::core::env {

namespace {

QString q(const std::string &s) {
    return QString::fromStdString(s);
}

bool gone(const engine::Error &e) {
    return e.kind == engine::ErrorKind::Http && e.httpStatus == 404;
}

engine::Filters ownedFilters(const EnvironmentIdentity &identity) {
    engine::Filters f;
    for (const QString &label : ComposeLabels::ownedFilter(identity))
        f["label"].push_back(label.toStdString());
    return f;
}

} // namespace

EnvironmentCleanup::Report EnvironmentCleanup::remove(engine::DockerClient &client,
                                                      const EnvironmentIdentity &identity,
                                                      Volumes volumes) {
    Report report;
    if (identity.environmentId.isEmpty() || identity.storeId.isEmpty()) {
        // An empty UUID would match nothing by filter yet is never what a caller meant.
        report.errors.append(tr("the environment has no UUID or no store UUID: nothing removed"));
        return report;
    }
    const engine::Filters filters = ownedFilters(identity);

    auto containers = client.containers(true, filters).wait();
    if (!containers) {
        report.errors.append(
            tr("listing the environment's containers: %1").arg(describeError(containers.error())));
        return report;
    }
    for (const auto &c : containers.value()) {
        if (!ComposeLabels::owned(c.labels, identity))
            continue;
        auto r = client.removeContainer(c.id, true, true).wait();
        if (r || gone(r.error()))
            report.containers.append(q(c.name()));
        else
            report.errors.append(
                tr("removing container %1: %2").arg(q(c.name()), describeError(r.error())));
    }

    auto networks = client.networks(filters).wait();
    if (!networks) {
        report.errors.append(
            tr("listing the environment's networks: %1").arg(describeError(networks.error())));
    } else {
        for (const auto &n : networks.value()) {
            if (!ComposeLabels::owned(n.labels, identity))
                continue;
            auto r = client.removeNetwork(n.id).wait();
            if (r || gone(r.error()))
                report.networks.append(q(n.name));
            else
                report.errors.append(
                    tr("removing network %1: %2").arg(q(n.name), describeError(r.error())));
        }
    }

    auto vols = client.volumes(filters).wait();
    if (!vols) {
        report.errors.append(
            tr("listing the environment's volumes: %1").arg(describeError(vols.error())));
        return report;
    }
    for (const auto &v : vols.value()) {
        if (!ComposeLabels::owned(v.labels, identity))
            continue;
        const auto keep = v.labels.find(ComposeLabels::kKeep);
        if (volumes == Volumes::KeepMarked && keep != v.labels.end() && keep->second == "true") {
            report.keptVolumes.append(q(v.name));
            continue;
        }
        auto r = client.removeVolume(v.name).wait();
        if (r || gone(r.error()))
            report.volumes.append(q(v.name));
        else
            report.errors.append(
                tr("removing volume %1: %2").arg(q(v.name), describeError(r.error())));
    }
    return report;
}

} // namespace slipway::core::env
