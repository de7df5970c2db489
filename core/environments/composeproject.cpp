#include "core/environments/composeproject.h"

#include <QHash>
#include <QSet>

namespace slipway::core::env {

const ServiceSpec *ComposeProject::service(const QString &name) const {
    for (const ServiceSpec &s : services)
        if (s.name == name)
            return &s;
    return nullptr;
}

// Kahn's algorithm, one wave per round: the services whose dependencies are all in earlier
// waves, by name. A dependency on a service the project does not have is not waited for (the
// reader refuses such a file). Any service left over sits on a cycle.
QList<QStringList> ComposeProject::waves() const {
    QHash<QString, int> pending; // service -> dependencies not yet placed
    QHash<QString, QStringList> dependents;
    for (const ServiceSpec &s : services) {
        QSet<QString> deps;
        for (const Dependency &d : s.dependsOn)
            if (service(d.service))
                deps.insert(d.service);
        pending.insert(s.name, int(deps.size()));
        for (const QString &d : deps)
            dependents[d].append(s.name);
    }
    QList<QStringList> out;
    QStringList ready;
    for (const ServiceSpec &s : services)
        if (pending.value(s.name) == 0)
            ready.append(s.name);
    qsizetype placed = 0;
    while (!ready.isEmpty()) {
        ready.sort();
        out.append(ready);
        placed += ready.size();
        QStringList next;
        for (const QString &name : std::as_const(ready))
            for (const QString &dependent : dependents.value(name))
                if (--pending[dependent] == 0)
                    next.append(dependent);
        ready = next;
    }
    if (placed != services.size())
        return {};
    return out;
}

} // namespace slipway::core::env
