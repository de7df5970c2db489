// Environments::Impl: the service's state, shared by environments.cpp (catalog, records,
// status) and environmentruns.cpp (provision, recycle, sweep). Private to core/environments.
#pragma once

#include "core/base/mailbox.h"
#include "core/environments/environments.h"
#include "core/environments/provisioner.h"

#include <QHash>
#include <QPointer>
#include <QSet>

namespace slipway::core::env {

struct Environments::Impl {
    Environments *q;
    std::shared_ptr<StoreThread> store;
    HostMonitor *hosts;
    Inventory *inventory;
    Metrics *metrics;
    Mailbox mailbox;

    QList<TemplateSummary> templates;
    QList<EnvironmentRecord> records;
    QString osUser;
    QString storeId;
    bool seeded = false;
    bool refreshing = false;
    bool refreshAgain = false;
    quint64 nextRequest = 1;
    QHash<QString, QPointer<Provisioner>> running; // environment id -> its provision
    QSet<QString> recycling;                       // environment ids
    QSet<QString> swept;                           // environment ids swept in this process
    int sweeps = 0;                                // sweeps under way
    // Only the process that leads the timed work sweeps (setSweeping).
    bool sweepAllowed = true;

    // The engine host an environment's record names, as the HostMonitor knows it now: by id,
    // else by URL (slipctl's host ids are per run).
    QString liveHostId(const EnvironmentRecord &r) const;

    void finishProvision(quint64 request, const QString &environmentId, bool ok,
                         const QString &error);
    // Removes what an interrupted or failed provision left of records of this store on hosts
    // that answer, once per process and record.
    void sweepLeftovers();
};

// The built-in templates, from the resources compiled into core (resources/templates/).
QList<QPair<QString, TemplateContent>> builtinTemplates();

} // namespace slipway::core::env
