// ServiceCatalog's actions on a service: roll back, update the image, scale. Each is checked
// first, then sent at the version the engine has, then audited and followed closely until the
// service converges. The rest of the class is in servicecatalog.cpp.
#include "core/base/describeerror.h"
#include "core/fleet/authorizedcall.h"
#include "core/fleet/hostmonitor.h"
#include "core/fleet/servicecatalog.h"
#include "engine/dockerclient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace slipway::core {

namespace {

QString q(const std::string &s) {
    return QString::fromStdString(s);
}

// A request cancelled here reads "Cancelled.".
QString describe(const engine::Error &e) {
    return describeError(e, CancelledText::Plain);
}

QJsonObject child(const QJsonObject &o, const char *key) {
    return o.value(QLatin1String(key)).toObject();
}

// The update and rollback settings every spec Slipway writes carries: the new replica starts
// (and passes its health check) before the old one stops, and a failed update rolls back by
// itself, start-first too.
void setRollingConfig(QJsonObject &spec) {
    QJsonObject update = child(spec, "UpdateConfig");
    update.insert(QStringLiteral("Order"), QStringLiteral("start-first"));
    update.insert(QStringLiteral("FailureAction"), QStringLiteral("rollback"));
    if (!update.contains(QStringLiteral("Parallelism")))
        update.insert(QStringLiteral("Parallelism"), 1);
    spec.insert(QStringLiteral("UpdateConfig"), update);
    QJsonObject rollback = child(spec, "RollbackConfig");
    rollback.insert(QStringLiteral("Order"), QStringLiteral("start-first"));
    if (!rollback.contains(QStringLiteral("Parallelism")))
        rollback.insert(QStringLiteral("Parallelism"), 1);
    spec.insert(QStringLiteral("RollbackConfig"), rollback);
}

QString actionName(int action) {
    switch (action) {
    case 0:
        return QStringLiteral("service.rollback");
    case 1:
        return QStringLiteral("service.update");
    default:
        return QStringLiteral("service.scale");
    }
}

} // namespace

quint64 ServiceCatalog::rollback(const QString &hostId, const QString &serviceId,
                                 QString *refused) {
    return act(Action::Rollback, hostId, serviceId, {}, 0, refused);
}

quint64 ServiceCatalog::updateImage(const QString &hostId, const QString &serviceId,
                                    const QString &image, QString *refused) {
    return act(Action::Update, hostId, serviceId, image.trimmed(), 0, refused);
}

quint64 ServiceCatalog::scale(const QString &hostId, const QString &serviceId, int replicas,
                              QString *refused) {
    return act(Action::Scale, hostId, serviceId, {}, replicas, refused);
}

quint64 ServiceCatalog::act(Action action, const QString &hostId, const QString &serviceId,
                            const QString &image, int replicas, QString *refused) {
    QString why;
    auto it = hosts_.find(hostId);
    const std::optional<ServiceRecord> record = service(hostId, serviceId);
    if (it == hosts_.end())
        why = tr("There is no host with the id \"%1\".").arg(hostId);
    else if (!it->second.manager)
        why = tr("“%1” is not a Swarm manager.").arg(it->second.name);
    else if (!monitor_->client(hostId))
        why = tr("The host has no usable engine address.");
    else if (!record)
        why = tr("There is no service with the id \"%1\" on “%2”.").arg(serviceId, it->second.name);
    else if (action == Action::Rollback && !record->hasPrevious)
        why = tr("%1 has no previous spec to roll back to.").arg(record->name);
    else if (action == Action::Update)
        why = checkImage(image);
    else if (action == Action::Scale && record->global)
        why = tr("%1 is a global service: it runs one task on every node and cannot be scaled.")
                  .arg(record->name);
    else if (action == Action::Scale && replicas < 0)
        why = tr("The number of replicas cannot be negative (%1).").arg(replicas);
    if (!why.isEmpty()) {
        if (refused)
            *refused = why;
        return 0;
    }
    const quint64 request = nextRequest_++;
    ++it->second.pending;
    send(request, action, hostId, serviceId, image, replicas);
    updatePolling();
    return request;
}

// Inspects the service for its current version and whole spec, then, back on this thread,
// sends the change at that version: a change made meanwhile by someone else is refused by
// the engine rather than overwritten.
void ServiceCatalog::send(quint64 request, Action action, const QString &hostId,
                          const QString &serviceId, const QString &image, int replicas) {
    const Mailbox mailbox = mailbox_;
    const QString name = service(hostId, serviceId)->name;
    monitor_->client(hostId)
        ->inspectService(serviceId.toStdString())
        .then([=, this](engine::Result<engine::SwarmService> inspected) {
            mailbox.post([=, this] {
                if (!inspected) {
                    finish(request, action, hostId, serviceId, name, {},
                           describe(inspected.error()));
                    return;
                }
                const engine::SwarmService &svc = inspected.value();
                const auto client = monitor_->client(hostId);
                if (!client) {
                    finish(request, action, hostId, serviceId, name, {},
                           tr("The host has no usable engine address."));
                    return;
                }
                QString detail;
                engine::Call<engine::Unit> call;
                if (action == Action::Rollback) {
                    detail =
                        svc.previousSpec ? tr("to %1").arg(q(svc.previousSpec->image)) : QString();
                    call = client->rollbackService(svc);
                } else {
                    QJsonParseError parseError;
                    QJsonObject spec =
                        QJsonDocument::fromJson(QByteArray::fromStdString(svc.rawSpec), &parseError)
                            .object();
                    if (parseError.error != QJsonParseError::NoError) {
                        finish(request, action, hostId, serviceId, name, {},
                               tr("The engine's spec of %1 could not be read: %2")
                                   .arg(name, parseError.errorString()));
                        return;
                    }
                    if (action == Action::Update) {
                        QJsonObject task = child(spec, "TaskTemplate");
                        QJsonObject container = child(task, "ContainerSpec");
                        container.insert(QStringLiteral("Image"), image);
                        task.insert(QStringLiteral("ContainerSpec"), container);
                        spec.insert(QStringLiteral("TaskTemplate"), task);
                        setRollingConfig(spec);
                        detail = tr("%1 -> %2").arg(q(svc.spec.image), image);
                    } else {
                        QJsonObject mode = child(spec, "Mode");
                        if (!mode.contains(QStringLiteral("Replicated"))) {
                            finish(request, action, hostId, serviceId, name, {},
                                   tr("%1 is not a replicated service: it cannot be scaled.")
                                       .arg(name));
                            return;
                        }
                        QJsonObject replicated = child(mode, "Replicated");
                        replicated.insert(QStringLiteral("Replicas"), replicas);
                        mode.insert(QStringLiteral("Replicated"), replicated);
                        spec.insert(QStringLiteral("Mode"), mode);
                        detail = tr("%1 -> %2 replicas")
                                     .arg(svc.spec.replicas ? int(*svc.spec.replicas) : 0)
                                     .arg(replicas);
                    }
                    const QByteArray body = QJsonDocument(spec).toJson(QJsonDocument::Compact);
                    // The nodes pull the spec's image with the registry's credentials, found
                    // off the GUI thread.
                    const std::string image = child(child(spec, "TaskTemplate"), "ContainerSpec")
                                                  .value(QStringLiteral("Image"))
                                                  .toString()
                                                  .toStdString();
                    call = withRegistryAuth(
                        image, [client, id = svc.id, version = svc.version,
                                body = body.toStdString()](const std::string &auth) {
                            return client->updateService(id, version, body, auth);
                        });
                }
                call.then([=, this](engine::Status r) {
                    const QString error = r.ok() ? QString() : describe(r.error());
                    mailbox.post([=, this] {
                        finish(request, action, hostId, serviceId, name, detail, error);
                    });
                });
            });
        });
}

void ServiceCatalog::finish(quint64 request, Action action, const QString &hostId,
                            const QString &serviceId, const QString &target, const QString &detail,
                            const QString &error) {
    auto it = hosts_.find(hostId);
    if (it != hosts_.end()) {
        it->second.pending = std::max(0, it->second.pending - 1);
        if (action == Action::Rollback && error.isEmpty())
            it->second.rollingBack.insert(serviceId);
        // The engine may take a moment to show the update as running: follow it closely.
        if (error.isEmpty())
            it->second.watch = 3;
    }
    audit(actionName(int(action)), hostId, target, detail, error);
    emit operationFinished(request, error.isEmpty(), error);
    refreshHost(hostId);
    updatePolling();
}

} // namespace slipway::core
