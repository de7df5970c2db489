// ServiceRecord: one Swarm service of one manager host as the Services table shows it: its
// image (tag and pinned digest apart), replicas asked for and running, and how its last
// update or rollback went.
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <vector>

namespace slipway::engine {
struct SwarmService;
struct SwarmTask;
} // namespace slipway::engine

namespace slipway::core {

struct ServiceRecord {
    QString hostId;
    QString hostName;
    QString id;
    QString name;
    quint64 version = 0; // the engine's Version.Index of the service

    QString image;  // the spec's image without "@digest": "127.0.0.1:5515/slipway/web:1.0.0"
    QString digest; // "sha256:..." when the spec pins one
    bool global = false;
    int desired = 0;  // replicas asked for (global: tasks the engine wants running)
    int running = 0;  // tasks running
    int upToDate = 0; // running tasks on the spec's image

    bool hasPrevious = false; // there is a previous spec to roll back to
    QString previousImage;    // its image, without "@digest"
    QString previousDigest;
    int previousReplicas = -1; // -1 for a global one

    QString updateState;   // "", "updating", "paused", "completed", "rollback_started",
                           // "rollback_paused", "rollback_completed"
    QString updateMessage; // the engine's, e.g. "update rolled back due to failure..."
    QString updateOrder;   // of the spec: "start-first", "stop-first", "" (engine default)
    QString failureAction; // of the spec: "rollback", "pause", "continue", ""
    QString rollbackOrder; // what a rollback to the previous spec will use
    // Why the last rollback started, in the engine's words ("manually requested rollback",
    // "update rolled back due to failure or early termination of task ..."): the engine says
    // it only while the rollback runs, so ServiceCatalog keeps it. Empty when not known.
    QString rollbackReason;
    bool automaticRollback = false; // the engine rolled back a failed update by itself
    QString updatedAt;              // RFC 3339
    QString lastTaskError;          // the newest failed task's error, "" when none failed
    bool stale = false;             // the host did not answer: the last known state

    QString key() const { return hostId + u'\n' + id; }
    QString reference() const; // image with "@digest" when pinned
    bool updating() const;     // an update or rollback is running
    bool rolledBack() const;   // the last change ended in a rollback (asked for or automatic)
    // Every replica asked for runs the spec's image and no update is running.
    bool converged() const;

    // Splits "repo:tag@sha256:..." into the reference and the digest.
    static void splitDigest(const QString &reference, QString *image, QString *digest);
    // `tasks` may hold any service's tasks; only this one's count.
    static ServiceRecord fromEngine(const engine::SwarmService &service,
                                    const std::vector<engine::SwarmTask> &tasks,
                                    const QString &hostId, const QString &hostName);

    friend bool operator==(const ServiceRecord &, const ServiceRecord &) = default;
};

using ServiceList = QList<ServiceRecord>;

// One image a service can be updated to: its previous spec's, or a tag of the same repository
// present on a host.
struct ServiceImageChoice {
    QString reference;   // what ServiceCatalog::updateImage takes: "repo:tag[@digest]"
    QString label;       // for people: "repo:tag"
    QString digest;      // "sha256:..." when known
    QStringList sources; // "previous spec", host names
    bool previous = false;
    bool current = false; // the image the service runs now

    friend bool operator==(const ServiceImageChoice &, const ServiceImageChoice &) = default;
};

using ServiceImageChoices = QList<ServiceImageChoice>;

} // namespace slipway::core

Q_DECLARE_METATYPE(slipway::core::ServiceRecord)
Q_DECLARE_METATYPE(slipway::core::ServiceList)
Q_DECLARE_METATYPE(slipway::core::ServiceImageChoices)
