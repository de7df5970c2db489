#include "core/alerts/restarttracker.h"

#include "core/alerts/alert.h"
#include "core/fleet/containerdetails.h"

#include <QDateTime>
#include <algorithm>

namespace slipway::core {

RestartTracker::RestartTracker(ContainerDetailsLoader *inspector, QObject *parent)
    : QObject(parent), inspector_(inspector) {}

const RestartTracker::Watch *RestartTracker::watch(const QString &key) const {
    const auto it = watches_.constFind(key);
    return it == watches_.constEnd() ? nullptr : &*it;
}

int RestartTracker::restartsWithin(const Watch &watch, int windowSeconds, qint64 nowMs) {
    const qint64 from = nowMs - qint64(windowSeconds) * 1000;
    return int(std::count_if(watch.atMs.begin(), watch.atMs.end(),
                             [from](qint64 at) { return at >= from; }));
}

void RestartTracker::inspect(const QString &hostId, const QString &containerId) {
    if (!inspector_)
        return;
    const QString key = Alert::containerKey(hostId, containerId);
    Watch &tracker = watches_[key];
    if (tracker.watchedSince == 0)
        tracker.watchedSince = QDateTime::currentMSecsSinceEpoch();
    if (tracker.inFlight) {
        tracker.again = true;
        return;
    }
    tracker.inFlight = true;
    inspector_->load(
        hostId, containerId,
        [this, hostId, containerId](bool ok, const ContainerDetails &details, const QString &) {
            const QString k = Alert::containerKey(hostId, containerId);
            auto it = watches_.find(k);
            if (it == watches_.end())
                return; // removed meanwhile
            it->inFlight = false;
            if (ok)
                onCount(hostId, containerId, details.restartCount, details.state);
            it = watches_.find(k);
            if (it != watches_.end() && it->again) {
                it->again = false;
                inspect(hostId, containerId);
            }
        });
}

void RestartTracker::onCount(const QString &hostId, const QString &containerId, int count,
                             const QString &state) {
    const QString key = Alert::containerKey(hostId, containerId);
    Watch &tracker = watches_[key];
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (tracker.lastCount < 0) {
        // Restarts from before we watched have no time; one that is under way now does.
        if (state == QLatin1String("restarting") && count > 0)
            tracker.atMs.append(now);
    } else if (count > tracker.lastCount) {
        for (int i = tracker.lastCount; i < count; ++i)
            tracker.atMs.append(now);
    }
    // A manual start resets the engine's count: the next ones count from there.
    tracker.lastCount = count;
    emit counted(hostId, containerId);
}

void RestartTracker::forget(const QString &key) {
    watches_.remove(key);
}

void RestartTracker::sweep(qint64 nowMs, int longestWindowSeconds,
                           const std::function<Look(const QString &key)> &look) {
    const qint64 from = nowMs - qint64(longestWindowSeconds) * 1000;
    for (auto it = watches_.begin(); it != watches_.end();) {
        while (!it->atMs.isEmpty() && it->atMs.first() < from)
            it->atMs.removeFirst();
        const Look seen = look(it.key());
        // A quiet container that nothing fires on needs no watching any more.
        const bool quiet = it->atMs.isEmpty() && !it->inFlight && !seen.firing;
        if (!seen.exists ||
            (quiet && nowMs - it->watchedSince >= qint64(longestWindowSeconds) * 1000))
            it = watches_.erase(it);
        else
            ++it;
    }
}

} // namespace slipway::core
