// Environments: the Environments section's service, shared by the GUI and slipctl: the
// template catalog and kinds (on the store thread), provisioning and recycling through the
// Provisioner on a chosen or least-loaded host, each step recorded, and what runs of every
// environment as the Inventory lists it. Lives on the GUI thread and never waits.
#pragma once

#include "core/environments/environmentstatus.h"
#include "core/environments/kindstore.h"
#include "core/environments/serviceprogress.h"
#include "core/environments/templatestore.h"

#include <QHash>
#include <QMap>
#include <QObject>
#include <functional>
#include <memory>

namespace slipway::core {
class HostMonitor;
class Inventory;
class Metrics;
class StoreThread;
} // namespace slipway::core

namespace slipway::core::env {

class Provisioner;

struct ProvisionRequest {
    QString templateName;
    int templateVersion = 0; // 0: the newest
    QString kind = QStringLiteral("test");
    QString name;   // empty: "<template>-<kind>-<4 letters>", free among live environments
    QString hostId; // empty: the least-loaded reachable host
    QMap<QString, QString> overrides;
};

// A template version with what the catalog shows of it: its kinds' variables and the services
// it resolves to (or why it does not).
struct TemplateDetails {
    TemplateVersion version;
    QList<Kind> kinds;
    QList<KindVariable> defaults; // the template's own variables, for every kind
    QMap<QString, QList<KindVariable>> kindVariables; // by kind
    // The version each set was read at, by kind ("": the defaults), for saveVariables.
    QMap<QString, int> variableVersions;
    QStringList services;
    // Variables the Compose file requires (${V:?...}) that the template's own do not give: a
    // kind or the provision must.
    QStringList required;
    QString description;
    QStringList errors; // "LINE:COLUMN: KEY: MESSAGE", when it does not resolve
};

class Environments : public QObject {
    Q_OBJECT

public:
    Environments(std::shared_ptr<StoreThread> store, HostMonitor *hosts, Inventory *inventory,
                 Metrics *metrics = nullptr, QObject *parent = nullptr);
    ~Environments() override;

    // Reloads templates and environment records; seeds the built-in templates on the first
    // call. templatesChanged and environmentsChanged follow.
    void refresh();

    QList<TemplateSummary> templates() const;
    // Live ones and the recently ended, newest first, with what runs of each.
    QList<EnvironmentStatus> environments() const;
    QString osUser() const; // whose environments are "mine"

    // Loads one template version for the catalog's details pane: templateLoaded follows.
    void loadTemplate(const QString &name, int version = 0);

    // The versions of `name`, newest first: historyLoaded follows.
    void loadHistory(const QString &name);
    // The changes from version `from` to `to` of `name`: diffLoaded follows.
    void loadDiff(const QString &name, int from, int to);
    // Replaces `kind`'s variables of template `name` ("" : the template's own, for every
    // kind); variablesSaved follows. A secret carries no value (KindStore's rule). With
    // `readVersion` (TemplateDetails::variableVersions) a set someone saved since is not
    // overwritten: the error says what it is now.
    void saveVariables(const QString &name, const QString &kind,
                       const QList<KindVariable> &variables, int readVersion = -1);

    // Imports a Compose file and the files it names from its folder as template `name`.
    void importTemplate(const QString &name, const QString &composePath);

    // Starts a provision; the environment's record appears at once (state provisioning) and
    // progress comes per service. Returns the request number.
    quint64 provision(const ProvisionRequest &request);
    // Recycles each of `environmentIds` (only environments of this store).
    void recycle(const QStringList &environmentIds);
    // Stops a provision under way: what it created is removed, the record fails.
    void cancel(const QString &environmentId);
    // A sweep of what interrupted provisions left runs (after a refresh, or when a host
    // answers again); sweepsDone follows when the last one ends.
    bool sweeping() const;
    // Whether this process sweeps at all (on by default): only the leader of the timed work
    // does (core/agent).
    void setSweeping(bool allowed);

signals:
    void templatesChanged();
    void environmentsChanged();
    void templateLoaded(const QString &name, const slipway::core::env::TemplateDetails &details,
                        const QString &error);
    void templateImported(const QString &name, bool ok, const QString &error);
    void historyLoaded(const QString &name,
                       const QList<slipway::core::env::TemplateVersion> &versions,
                       const QString &error);
    void diffLoaded(const QString &name, int from, int to, const QString &diff,
                    const QString &error);
    void variablesSaved(const QString &name, const QString &kind, bool ok, const QString &error);
    void progress(const QString &environmentId,
                  const slipway::core::env::ServiceProgress &progress);
    // After `request`'s provision: the environment's id (empty when refused before a record).
    void provisionFinished(quint64 request, const QString &environmentId, bool ok,
                           const QString &error);
    void recycleFinished(const QString &environmentId, bool ok, const QString &error);
    void auditAppended();
    void sweepsDone(); // the last sweep under way ended

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace slipway::core::env
