// RestartTracker: counts the restarts of the containers an AlertMonitor watches, from the
// engine's RestartCount (one inspect per change of a container's listed record), each with
// when it was seen, so that "restarted N times within W" can be told.
#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <functional>

namespace slipway::core {

class ContainerDetailsLoader;

class RestartTracker : public QObject {
    Q_OBJECT

public:
    struct Watch {
        QList<qint64> atMs; // when each counted restart was seen, oldest first
        int lastCount = -1; // the engine's RestartCount at the last look; -1 before
        qint64 watchedSince = 0;
        bool inFlight = false;
        bool again = false; // changed while being inspected: look once more
    };
    // What a sweep learns of one watched container (key Alert::containerKey).
    struct Look {
        bool exists = false; // the inventory still lists it
        bool firing = false; // an alert is open on it
    };

    // Without `inspector` (null) nothing is ever watched.
    explicit RestartTracker(ContainerDetailsLoader *inspector, QObject *parent = nullptr);

    bool isWatched(const QString &key) const { return watches_.contains(key); }
    const Watch *watch(const QString &key) const; // null when not watched
    static int restartsWithin(const Watch &watch, int windowSeconds, qint64 nowMs);

    // Starts watching the container and asks the engine for its count now, or once more
    // after the answer under way.
    void inspect(const QString &hostId, const QString &containerId);
    void forget(const QString &key);
    // Restart windows move on with time alone: forgets restarts older than the longest
    // window, asks `look` about each container watched (which re-evaluates it), and stops
    // watching those that are gone, or quiet for a whole window with nothing firing.
    void sweep(qint64 nowMs, int longestWindowSeconds,
               const std::function<Look(const QString &key)> &look);

signals:
    // A new count arrived for the container: its restart rules want evaluating.
    void counted(const QString &hostId, const QString &containerId);

private:
    void onCount(const QString &hostId, const QString &containerId, int count,
                 const QString &state);

    ContainerDetailsLoader *inspector_;
    QHash<QString, Watch> watches_; // container key
};

} // namespace slipway::core
