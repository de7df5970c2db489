#include "core/deploy/jobs/historyjob.h"

#include <QHash>

namespace slipway::core {

HistoryResult HistoryJob::run(const QString &app, const QString &env) {
    HistoryResult r;
    QString why;
    if (!validNames(app, env, &why)) {
        r.error = why;
        return r;
    }
    struct Loaded {
        bool ok = false;
        QString error;
        DeploymentHistory history;
        int keep = 0;
    };
    const int fallback = c_.options.defaultRetention;
    Loaded loaded = onStore<Loaded>([&](Store *, DeploymentStore &s) {
        Loaded l;
        l.history = s.history(app, env, 0, &l.error);
        l.keep = s.retention(app, env, fallback);
        l.ok = l.error.isEmpty();
        return l;
    });
    if (!loaded.ok) {
        r.error = loaded.error.isEmpty() ? tr("the database cannot be opened") : loaded.error;
        return r;
    }
    QStringList versions;
    QHash<QString, bool> pullable;
    for (DeploymentRecord &h : loaded.history) {
        if (h.config.digest.isEmpty()) {
            h.restorable = false;
            continue;
        }
        if (!versions.contains(h.config.digest))
            versions.append(h.config.digest);
        if (versions.indexOf(h.config.digest) >= loaded.keep) {
            h.restorable = false;
            continue;
        }
        if (!pullable.contains(h.config.digest)) {
            bool any = c_.hosts.isEmpty(); // nothing to ask: do not claim it is lost
            for (const DeployHost &host : std::as_const(c_.hosts)) {
                if (RolloutSteps::restorable(host, h.config)) {
                    any = true;
                    break;
                }
            }
            pullable.insert(h.config.digest, any);
        }
        h.restorable = pullable.value(h.config.digest);
    }
    r.ok = true;
    r.history = loaded.history;
    r.retention = loaded.keep;
    return r;
}

} // namespace slipway::core
