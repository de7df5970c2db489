#include "core/environments/composeproject.h"

#include <QSet>

namespace slipway::core::env {

const ServiceSpec *ComposeProject::service(const QString &name) const {
    for (const ServiceSpec &s : services)
        if (s.name == name)
            return &s;
    return nullptr;
}

QList<QStringList> ComposeProject::waves() const {
    QList<QStringList> waves;
    QSet<QString> placed;
    // Each round places at least one service, or there is a cycle (or an unknown dependency).
    while (placed.size() < services.size()) {
        QStringList wave;
        for (const ServiceSpec &s : services) {
            if (placed.contains(s.name))
                continue;
            bool ready = true;
            for (const Dependency &d : s.dependsOn)
                ready = ready && placed.contains(d.service);
            if (ready)
                wave.append(s.name);
        }
        if (wave.isEmpty())
            return {};
        for (const QString &name : std::as_const(wave))
            placed.insert(name);
        waves.append(wave);
    }
    return waves;
}

} // namespace slipway::core::env
