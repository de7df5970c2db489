// Placement: which hosts new replicas go to: the least-loaded reachable ones, counting the
// replicas placed before, so a burst spreads instead of piling onto one host.
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace slipway::core {

class Inventory;
class Metrics;

struct HostLoad {
    QString hostId;
    double load = 0;       // CPU + memory percent (Metrics), else running containers
    double perReplica = 1; // what one more replica is taken to add
};

class Placement {
    Q_DECLARE_TR_FUNCTIONS(Placement)

public:
    // The load of each of `hostIds`: Metrics' latest host usage when `metrics` has it, else
    // the running containers `inventory` lists on the host.
    static QList<HostLoad> measure(const QStringList &hostIds, const Inventory *inventory,
                                   const Metrics *metrics);

    // One host per new replica, in order. `exclusive` (a fixed host port): at most one per
    // host, and none on the hosts in `occupied`.
    static std::optional<QStringList> place(QList<HostLoad> hosts, int count, bool exclusive,
                                            const QStringList &occupied, QString *error);
};

} // namespace slipway::core
