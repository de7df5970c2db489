#include "models/applicationtablemodel.h"

#include "core/deploy/reconciler.h"
#include "core/fleet/inventory.h"

#include <QColor>
#include <QGuiApplication>
#include <QMap>
#include <QPalette>
#include <QSet>
#include <algorithm>

namespace slipway::models {

using core::ContainerRecord;
using core::ContainerRef;

namespace {

bool isRunning(const ContainerRecord &r) {
    return r.state == u"running" || r.state == u"restarting";
}

QString versionOf(const ContainerRecord &r) {
    if (!r.version.isEmpty())
        return r.version;
    const QString digest = ApplicationTableModel::digestOf(r);
    return digest.mid(digest.indexOf(u':') + 1, 12);
}

// The deployment a replica belongs to: a UUID (a number from an earlier Slipway).
QString deploymentOf(const ContainerRecord &r) {
    return r.label(u"slipway.deployment");
}

// The replicas an application should run: what its deployment wants when that is known, else
// every replica of its version that is there.
int wanted(const ApplicationTableModel::Application &a) {
    return a.desired.replicas > 0 ? a.desired.replicas : a.total;
}

QString shortDigest(const QString &digest) {
    const qsizetype colon = digest.indexOf(u':');
    return digest.left(colon + 1) + digest.mid(colon + 1, 12);
}

} // namespace

ApplicationTableModel::ApplicationTableModel(core::Inventory *inventory, QObject *parent)
    : QAbstractTableModel(parent), inventory_(inventory) {
    insertContainers(inventory->containers());
    connect(inventory, &core::Inventory::containersInserted, this,
            &ApplicationTableModel::insertContainers);
    connect(inventory, &core::Inventory::containersChanged, this,
            &ApplicationTableModel::changeContainers);
    connect(inventory, &core::Inventory::containersRemoved, this,
            &ApplicationTableModel::removeContainers);
    connect(inventory, &core::Inventory::hostNameChanged, this,
            [this](const QString &hostId, const QString &) { refreshHost(hostId); });
}

QString ApplicationTableModel::digestOf(const ContainerRecord &r) {
    const qsizetype at = r.image.indexOf(u'@');
    return at >= 0 ? r.image.mid(at + 1) : r.imageId;
}

int ApplicationTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(rows_.size());
}

int ApplicationTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

ApplicationTableModel::Application ApplicationTableModel::application(int row) const {
    return row >= 0 && row < rows_.size() ? rows_[row] : Application{};
}

int ApplicationTableModel::rowOf(const QString &app, const QString &env) const {
    return rowByKey_.value(AppKey(app, env), -1);
}

core::ContainerList ApplicationTableModel::containers(const QString &app,
                                                      const QString &env) const {
    core::ContainerList list = members_.value(AppKey(app, env)).values();
    std::sort(list.begin(), list.end(), [](const ContainerRef &a, const ContainerRef &b) {
        return a->created != b->created ? a->created > b->created : a->name < b->name;
    });
    return list;
}

void ApplicationTableModel::follow(core::Reconciler *reconciler) {
    if (reconciler_)
        disconnect(reconciler_, nullptr, this, nullptr);
    reconciler_ = reconciler;
    if (!reconciler_)
        return;
    connect(reconciler_, &core::Reconciler::statesChanged, this,
            &ApplicationTableModel::followStates);
    connect(reconciler_, &core::Reconciler::restartsChanged, this,
            &ApplicationTableModel::setRestarts);
    connect(reconciler_, &QObject::destroyed, this, [this] { reconciler_ = nullptr; });
    followStates();
}

void ApplicationTableModel::followStates() {
    if (!reconciler_)
        return;
    QList<AppKey> keys = desired_.keys();
    for (const Application &a : std::as_const(rows_))
        if (!desired_.contains(AppKey(a.app, a.env)))
            keys.append(AppKey(a.app, a.env));
    for (const AppKey &key : std::as_const(keys)) {
        const auto state = reconciler_->state(key.first, key.second);
        std::optional<Desired> d;
        if (state) {
            d = Desired{state->replicas, state->pause.paused, state->pause.pausedBy,
                        state->pause.pausedAt};
        }
        setDesired(key.first, key.second, d);
    }
}

void ApplicationTableModel::setDesired(const QString &app, const QString &env,
                                       const std::optional<Desired> &desired) {
    const AppKey key(app, env);
    const auto it = desired_.constFind(key);
    if (desired ? (it != desired_.constEnd() && *it == *desired) : it == desired_.constEnd())
        return;
    if (desired)
        desired_.insert(key, *desired);
    else
        desired_.remove(key);
    refreshRows({key});
}

void ApplicationTableModel::setRestarts(const QString &hostId, const QString &containerId,
                                        int restarts) {
    const ContainerKey ck(hostId, containerId);
    if (restarts_.value(ck) == restarts)
        return;
    if (restarts > 0)
        restarts_.insert(ck, restarts);
    else
        restarts_.remove(ck);
    if (const auto app = appOf_.constFind(ck); app != appOf_.constEnd())
        refreshRows({app.value()});
}

void ApplicationTableModel::insertContainers(const core::ContainerList &records) {
    apply(records, false);
}

void ApplicationTableModel::changeContainers(const core::ContainerList &records) {
    apply(records, false);
}

void ApplicationTableModel::removeContainers(const core::ContainerList &records) {
    apply(records, true);
}

void ApplicationTableModel::apply(const core::ContainerList &records, bool removed) {
    QList<AppKey> touched;
    const auto touch = [&touched](const AppKey &key) {
        if (!touched.contains(key))
            touched.append(key);
    };
    for (const ContainerRef &r : records) {
        const ContainerKey ck(r->hostId, r->id);
        // A container whose labels changed leaves its old application.
        if (auto old = appOf_.constFind(ck); old != appOf_.constEnd()) {
            const AppKey was = old.value();
            if (removed || r->app.isEmpty() || was != AppKey(r->app, r->env)) {
                auto m = members_.find(was);
                if (m != members_.end()) {
                    m->remove(ck);
                    if (m->isEmpty())
                        members_.erase(m);
                }
                appOf_.remove(ck);
                touch(was);
            }
        }
        if (removed)
            restarts_.remove(ck);
        if (removed || r->app.isEmpty())
            continue;
        const AppKey key(r->app, r->env);
        members_[key].insert(ck, r);
        appOf_.insert(ck, key);
        touch(key);
    }
    refreshRows(touched);
}

void ApplicationTableModel::refreshRows(const QList<AppKey> &keys) {
    QList<int> gone;
    for (const AppKey &key : keys) {
        const int row = rowByKey_.value(key, -1);
        if (!members_.contains(key)) {
            if (row >= 0)
                gone.append(row);
            continue;
        }
        Application a = summarize(key);
        if (row < 0) {
            // New applications go where the sort would put them; views sort anyway.
            const int at = int(rows_.size());
            beginInsertRows({}, at, at);
            rows_.append(a);
            rowByKey_.insert(key, at);
            endInsertRows();
        } else if (!(rows_[row] == a)) {
            rows_[row] = std::move(a);
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
    }
    std::sort(gone.begin(), gone.end(), std::greater<>());
    for (int row : std::as_const(gone)) {
        beginRemoveRows({}, row, row);
        rowByKey_.remove(AppKey(rows_[row].app, rows_[row].env));
        rows_.removeAt(row);
        endRemoveRows();
    }
    if (!gone.isEmpty()) {
        for (int i = gone.last(); i < rows_.size(); ++i)
            rowByKey_[AppKey(rows_[i].app, rows_[i].env)] = i;
    }
}

void ApplicationTableModel::refreshHost(const QString &hostId) {
    QList<AppKey> keys;
    for (const Application &a : std::as_const(rows_))
        if (a.hostIds.contains(hostId))
            keys.append(AppKey(a.app, a.env));
    refreshRows(keys);
}

ApplicationTableModel::Application ApplicationTableModel::summarize(const AppKey &key) const {
    Application a;
    a.app = key.first;
    a.env = key.second;
    const auto &members = members_[key];
    // Per version: how many run and when the newest was made; the current version is the one
    // most replicas run (the newest on a tie), else the newest one made.
    struct PerVersion {
        int running = 0;
        int total = 0;
        qint64 newest = 0;
        QMap<QString, int> states;
    };
    QHash<QString, PerVersion> versions;
    // A stopped replica of an older deployment than one that runs was replaced on purpose and
    // waits out its undo window: it is not a missing replica of the current version. (After an
    // undo the running replicas are the older ones, and the replaced show as before.)
    // Deployments are UUIDs, so "older" is: made before the newest running replica, of a
    // deployment none of whose replicas runs.
    qint64 newestRunning = 0;
    QSet<QString> runningDeployments;
    for (const ContainerRef &r : members)
        if (isRunning(*r) && !deploymentOf(*r).isEmpty()) {
            newestRunning = std::max(newestRunning, r->created);
            runningDeployments.insert(deploymentOf(*r));
        }
    const auto replaced = [&](const ContainerRecord &r) {
        return !isRunning(r) && !deploymentOf(r).isEmpty() &&
               !runningDeployments.contains(deploymentOf(r)) && r.created < newestRunning;
    };
    int kept = 0;
    for (const ContainerRef &r : members) {
        if (replaced(*r)) {
            ++kept;
            continue;
        }
        PerVersion &v = versions[versionOf(*r)];
        ++v.total;
        v.running += isRunning(*r);
        v.newest = std::max(v.newest, r->created);
        ++v.states[r->state];
        a.stale = a.stale || r->stale;
    }
    QString current;
    for (auto it = versions.cbegin(); it != versions.cend(); ++it) {
        if (current.isEmpty()) {
            current = it.key();
            continue;
        }
        const PerVersion &best = versions[current];
        if (it->running > best.running || (it->running == best.running && it->newest > best.newest))
            current = it.key();
    }
    a.version = current;
    const PerVersion &cur = versions[current];
    a.running = cur.running;
    a.total = cur.total;
    qint64 newest = -1;
    for (const ContainerRef &r : members) {
        if (versionOf(*r) != current || replaced(*r))
            continue;
        if (r->created > newest) {
            newest = r->created;
            a.digest = digestOf(*r);
            a.image = r->image;
        }
        if (cur.running > 0 && !isRunning(*r))
            continue;
        if (!a.hostIds.contains(r->hostId))
            a.hostIds.append(r->hostId);
        if (!isRunning(*r))
            continue;
        const int restarts = restarts_.value(ContainerKey(r->hostId, r->id));
        if (r->state == u"restarting" || restarts > 0) {
            ++a.restarting;
            a.restarts = std::max(a.restarts, restarts);
        }
        if (r->health == u"healthy")
            ++a.healthy;
        else if (r->health == u"unhealthy")
            ++a.unhealthy;
        else if (r->health == u"starting")
            ++a.starting;
    }
    a.hostIds.sort();
    for (const QString &id : std::as_const(a.hostIds)) {
        const QString name = inventory_->hostName(id);
        a.hostNames.append(name.isEmpty() ? id : name);
    }
    a.desired = desired_.value(key);
    if (a.running == 0)
        a.health = QStringLiteral("down");
    else if (a.restarting > 0)
        a.health = QStringLiteral("restarting");
    else if (a.running < wanted(a))
        a.health = QStringLiteral("degraded");
    else if (a.unhealthy > 0)
        a.health = QStringLiteral("unhealthy");
    else if (a.starting > 0)
        a.health = QStringLiteral("starting");
    else if (a.healthy > 0)
        a.health = QStringLiteral("healthy");
    QStringList versionNames = versions.keys();
    std::sort(versionNames.begin(), versionNames.end());
    for (const QString &name : std::as_const(versionNames)) {
        if (name == current)
            continue;
        QStringList states;
        const PerVersion &v = versions[name];
        for (auto s = v.states.cbegin(); s != v.states.cend(); ++s)
            states.append(QStringLiteral("%1 %2").arg(s.value()).arg(s.key()));
        a.others.append(name + QStringLiteral(": ") + states.join(QStringLiteral(", ")));
    }
    if (kept > 0)
        a.others.append(tr("%n replaced replica(s) kept stopped for undo", nullptr, kept));
    return a;
}

QString ApplicationTableModel::healthText(const Application &a) {
    if (a.health == u"down")
        return tr("not running");
    if (a.health == u"restarting")
        return a.restarts > 1    ? tr("restarting (%1 restarts)").arg(a.restarts)
               : a.restarts == 1 ? tr("restarting (1 restart)")
                                 : tr("restarting");
    if (a.health == u"degraded")
        return tr("degraded %1/%2").arg(a.running).arg(wanted(a));
    if (a.health.isEmpty())
        return tr("running (no health check)");
    if (a.health == u"healthy")
        return tr("healthy");
    if (a.health == u"unhealthy")
        return tr("unhealthy (%1 of %2)").arg(a.unhealthy).arg(a.running);
    return tr("starting (%1 of %2)").arg(a.starting).arg(a.running);
}

QVariant ApplicationTableModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= rows_.size() || index.column() >= ColumnCount)
        return {};
    const Application &a = rows_[index.row()];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case AppColumn:
            return a.app;
        case EnvColumn:
            return a.env;
        case VersionColumn:
            return a.others.isEmpty()
                       ? a.version
                       : tr("%1 (+%n other)", nullptr, int(a.others.size())).arg(a.version);
        case DigestColumn:
            return shortDigest(a.digest);
        case ReplicasColumn:
            return tr("%1/%2").arg(a.running).arg(wanted(a));
        case HostsColumn:
            return a.hostNames.join(QStringLiteral(", "));
        case HealthColumn:
            return a.desired.paused ? tr("%1 · reconcile paused").arg(healthText(a))
                                    : healthText(a);
        }
        return {};
    case Qt::ToolTipRole:
        if (a.stale)
            return tr("Last known state: a host cannot be reached.");
        if (column == HealthColumn && a.desired.paused)
            return tr("Reconcile paused by %1 at %2: replicas that stop or go away are left as "
                      "they are.")
                .arg(a.desired.pausedBy,
                     a.desired.pausedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        if (column == HealthColumn && a.health == u"degraded")
            return tr("%1 of the %2 replicas the deployment wants are running.")
                .arg(a.running)
                .arg(wanted(a));
        if (column == DigestColumn)
            return a.digest;
        if (column == VersionColumn && !a.others.isEmpty())
            return tr("Also present: %1").arg(a.others.join(QStringLiteral("; ")));
        if (column == VersionColumn)
            return a.image;
        return {};
    case Qt::ForegroundRole:
        if (a.stale)
            return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
        if (column == HealthColumn) {
            if (a.health == u"healthy")
                return QColor(0x1f, 0x6a, 0x2e);
            if (a.health == u"unhealthy" || a.health == u"down" || a.health == u"restarting")
                return QColor(0xa3, 0x20, 0x20);
            if (a.health == u"starting" || a.health == u"degraded")
                return QColor(0x8a, 0x5a, 0x00);
        }
        if (column == ReplicasColumn && a.running < wanted(a))
            return QColor(0xa3, 0x20, 0x20);
        return {};
    case Qt::TextAlignmentRole:
        if (column == ReplicasColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        if (column == ReplicasColumn)
            return a.running;
        return data(index, Qt::DisplayRole);
    case AppRole:
        return a.app;
    case EnvRole:
        return a.env;
    case VersionRole:
        return a.version;
    case DigestRole:
        return a.digest;
    case ImageRole:
        return a.image;
    case RunningRole:
        return a.running;
    case TotalRole:
        return a.total;
    case HealthRole:
        return a.health;
    case DesiredRole:
        return a.desired.replicas;
    case PausedRole:
        return a.desired.paused;
    case RestartsRole:
        return a.restarts;
    }
    return {};
}

QVariant ApplicationTableModel::headerData(int section, Qt::Orientation orientation,
                                           int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case AppColumn:
        return tr("Application");
    case EnvColumn:
        return tr("Environment");
    case VersionColumn:
        return tr("Version");
    case DigestColumn:
        return tr("Digest");
    case ReplicasColumn:
        return tr("Replicas");
    case HostsColumn:
        return tr("Hosts");
    case HealthColumn:
        return tr("Health");
    }
    return {};
}

} // namespace slipway::models
