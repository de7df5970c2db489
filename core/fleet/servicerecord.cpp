#include "core/fleet/servicerecord.h"

#include "engine/types.h"

namespace slipway::core {

namespace {

QString q(const std::string &s) {
    return QString::fromStdString(s);
}

} // namespace

QString ServiceRecord::reference() const {
    return digest.isEmpty() ? image : image + u'@' + digest;
}

bool ServiceRecord::updating() const {
    return updateState == QLatin1String("updating") ||
           updateState == QLatin1String("rollback_started");
}

bool ServiceRecord::rolledBack() const {
    return updateState.startsWith(QLatin1String("rollback"));
}

bool ServiceRecord::converged() const {
    return !updating() && running == desired && upToDate == running;
}

void ServiceRecord::splitDigest(const QString &reference, QString *image, QString *digest) {
    const qsizetype at = reference.indexOf(u'@');
    *image = at < 0 ? reference : reference.left(at);
    *digest = at < 0 ? QString() : reference.mid(at + 1);
}

ServiceRecord ServiceRecord::fromEngine(const engine::SwarmService &service,
                                        const std::vector<engine::SwarmTask> &tasks,
                                        const QString &hostId, const QString &hostName) {
    ServiceRecord r;
    r.hostId = hostId;
    r.hostName = hostName;
    r.id = q(service.id);
    r.name = q(service.spec.name);
    r.version = service.version;
    splitDigest(q(service.spec.image), &r.image, &r.digest);
    r.global = service.spec.global;
    r.updateOrder = q(service.spec.updateOrder);
    r.failureAction = q(service.spec.updateFailureAction);
    if (service.previousSpec) {
        r.hasPrevious = true;
        splitDigest(q(service.previousSpec->image), &r.previousImage, &r.previousDigest);
        r.previousReplicas =
            service.previousSpec->replicas ? int(*service.previousSpec->replicas) : -1;
        r.rollbackOrder = q(service.previousSpec->rollbackOrder);
    }
    r.updateState = q(service.updateState);
    r.updateMessage = q(service.updateMessage);
    r.updatedAt = q(service.updatedAt);

    int wanted = 0;
    std::string newestError;
    std::string newestErrorAt;
    for (const engine::SwarmTask &t : tasks) {
        if (t.serviceId != service.id)
            continue;
        if (t.desiredState == "running") {
            ++wanted;
            if (t.state == "running") {
                ++r.running;
                if (t.image == service.spec.image)
                    ++r.upToDate;
            }
        }
        const bool failed = t.state == "failed" || t.state == "rejected";
        // RFC 3339 stamps of one engine compare as text.
        if (failed && !t.error.empty() && t.timestamp >= newestErrorAt) {
            newestErrorAt = t.timestamp;
            newestError = t.error;
        }
    }
    r.lastTaskError = q(newestError);
    r.desired = service.spec.replicas ? int(*service.spec.replicas) : wanted;
    return r;
}

} // namespace slipway::core
