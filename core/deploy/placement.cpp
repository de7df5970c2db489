#include "core/deploy/placement.h"

#include "core/fleet/inventory.h"
#include "core/metrics/metrics.h"

#include <algorithm>

namespace slipway::core {

QList<HostLoad> Placement::measure(const QStringList &hostIds, const Inventory *inventory,
                                   const Metrics *metrics) {
    QList<HostLoad> loads;
    for (const QString &id : hostIds) {
        HostLoad l;
        l.hostId = id;
        std::optional<HostUsage> usage = metrics ? metrics->hostUsage(id) : std::nullopt;
        if (usage && usage->reachable && usage->latest.atMs > 0) {
            l.load = usage->latest.cpuPercent + usage->latest.memoryPercent;
            l.perReplica = std::max(1.0, l.load / std::max(1, usage->containersMeasured));
        } else if (inventory) {
            int running = 0;
            for (const ContainerRef &c : inventory->containers(id))
                running += c->state == QLatin1String("running") ? 1 : 0;
            l.load = running;
        }
        loads.append(l);
    }
    return loads;
}

std::optional<QStringList> Placement::place(QList<HostLoad> hosts, int count, bool exclusive,
                                            const QStringList &occupied, QString *error) {
    if (exclusive)
        hosts.removeIf([&](const HostLoad &h) { return occupied.contains(h.hostId); });
    if (hosts.isEmpty() && count > 0) {
        if (error)
            *error = exclusive ? tr("no reachable host is left without a replica, and a fixed "
                                    "host port allows only one per host")
                               : tr("no reachable host to place replicas on");
        return std::nullopt;
    }
    if (exclusive && count > hosts.size()) {
        if (error)
            *error = tr("a fixed host port allows one replica per host: %1 more need %1 free "
                        "hosts, and only %2 are available")
                         .arg(count)
                         .arg(hosts.size());
        return std::nullopt;
    }
    QStringList chosen;
    for (int i = 0; i < count; ++i) {
        // Ties go to the host listed first, so placement is stable for the same input.
        auto best =
            std::min_element(hosts.begin(), hosts.end(),
                             [](const HostLoad &a, const HostLoad &b) { return a.load < b.load; });
        chosen.append(best->hostId);
        if (exclusive)
            hosts.erase(best);
        else
            best->load += best->perReplica;
    }
    return chosen;
}

} // namespace slipway::core
