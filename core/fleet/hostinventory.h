// HostInventory: the live container list of one engine. Subscribes to /events, lists
// everything once, then refreshes only what events name, coalesced; after a lost stream it
// keeps the last known containers as stale, backs off, reconnects and resyncs in full.
// Lives on the GUI thread; engine results reach it through its Mailbox.
#pragma once

#include "core/base/backoff.h"
#include "core/base/mailbox.h"
#include "core/fleet/containerevent.h"
#include "core/fleet/containerrecord.h"
#include "core/fleet/refreshgate.h"
#include "core/fleet/streamhandle.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <chrono>
#include <memory>
#include <vector>

namespace slipway::engine {
class DockerClient;
}

namespace slipway::core {

class StringPool;

class HostInventory : public QObject {
    Q_OBJECT

public:
    enum class State {
        Stopped,     // not syncing: no usable client
        Connecting,  // subscribing and listing; what is held (if anything) is stale
        Live,        // listed, and the event stream keeps it current
        Unreachable, // the engine cannot be reached; waiting to retry; what is held is stale
    };
    Q_ENUM(State)

    struct Options {
        std::chrono::milliseconds coalesce{100}; // events are gathered this long per refresh
        // While events keep coming (a storm), the gathering time doubles per refresh up to
        // this: a minute-long start/kill storm costs about one list a second, not ten.
        std::chrono::milliseconds maxCoalesce{1000};
        std::chrono::milliseconds firstRetry{1000};
        std::chrono::milliseconds maxRetry{30000};
        // A refresh names at most this many IDs; more than that is one full list instead.
        int maxIdsPerRefresh = 200;
        // The event stream starts this far in the past, to cover the gap before the list and a
        // clock that runs a little behind ours.
        std::chrono::seconds sinceMargin{5};
        // A full list's own limit: thousands of containers on a slow remote host take far
        // longer than the host probe's few seconds (lists by ID keep the client's limit).
        std::chrono::milliseconds listTimeout{60000};
        // After this many container events, once the stream has been quiet for `settle`, one
        // full list checks the result: an engine drops events for a subscriber that reads too
        // slowly (its per-subscriber buffer is full for 100 ms), e.g. a busy machine in a
        // start/kill storm, and a dropped "die" would leave a container shown running.
        int settleAfterEvents = 50;
        std::chrono::milliseconds settle{2000};
        // The event stream says nothing while nothing happens, and a quiet stream is healthy:
        // dropping it would cost a full resync (8,000 containers on a big host). So a stream
        // quiet for `quietCheck` is checked with a /_ping bounded by `pingTimeout`, and only
        // a failed ping drops it (resynced after the back-off). The host probe finding the
        // host down is checked the same way. TCP keep-alive finds a vanished peer of a TCP
        // endpoint as well (engine/transport).
        std::chrono::milliseconds quietCheck{30000};
        std::chrono::milliseconds pingTimeout{5000};
    };

    // The caller keeps `client` alive (HostMonitor does); this holds it weakly and only ever
    // locks it on its own thread, so the client is never destroyed by an engine thread.
    // `gate` (may be null: no turns) is shared by the hosts of one Inventory.
    HostInventory(QString hostId, std::weak_ptr<engine::DockerClient> client,
                  std::shared_ptr<StringPool> pool, Options options,
                  std::shared_ptr<RefreshGate> gate = {}, QObject *parent = nullptr);
    ~HostInventory() override;

    const QString &hostId() const { return hostId_; }
    State state() const { return state_; }
    QString error() const { return error_; }
    const QHash<QString, ContainerRef> &containers() const { return held_; }

    void start();
    // Swaps the client (the host's settings changed) and resyncs through the new one.
    void setClient(std::weak_ptr<engine::DockerClient> client);
    // Reconnects now if waiting for the next attempt.
    void retryNow();
    // Someone else (the host probe) found the engine gone: drops the stream and backs off if
    // the engine does not answer a ping either (a probe can fail on a busy engine whose
    // stream is fine).
    void connectionLost(const QString &error);
    // Asks the engine again about `containerId` soon, e.g. after an action on it.
    void refresh(const QString &containerId);

    // For tests and the benchmark: list requests sent since start, full and by ID.
    int fullListCount() const { return fullLists_; }
    int refreshListCount() const { return refreshLists_; }
    int settleListCount() const { return settleLists_; } // of the full lists, after bursts
    int pingCount() const { return pings_; }             // checks of the stream's engine
    bool checkingEngine() const { return pinging_; }     // a check is waiting for its answer

signals:
    void inserted(const slipway::core::ContainerList &records);
    void changed(const slipway::core::ContainerList &records);
    void removed(const slipway::core::ContainerList &records);
    // The container events of one batch, in order, before anything they lead to is known:
    // the lists they cause come later, and the records of destroyed containers go right after.
    void containerEvents(const slipway::core::ContainerEventList &events);
    void stateChanged(slipway::core::HostInventory::State state, const QString &error);

private:
    friend class RefreshGate;
    struct EventQueue;
    struct Listed;

    void connectNow();
    void lose(const QString &error);
    void setState(State state, const QString &error = {});
    void markStale();
    void drainEvents(quint64 generation);
    void pump();
    void requestList(bool full, const QStringList &ids);
    void onListed(quint64 generation, std::shared_ptr<Listed> listed);
    void onStreamEnded(quint64 generation, const QString &error);
    void checkEngine(); // pings; a failure drops the stream
    void onPinged(quint64 generation, const QString &error);
    void applyHealth(const QString &id, const QString &health);
    void scheduleRefresh();
    bool takeTurn(); // for a background full list: false while other hosts have the slots
    void leaveTurn();
    std::chrono::milliseconds nextCoalesce();
    bool tombstoned(const QString &id) const { return tombstones_.contains(id); }
    void pruneTombstones();
    void lookAgainAfterDie(const ContainerRecord &listed);

    QString hostId_;
    std::weak_ptr<engine::DockerClient> client_;
    std::shared_ptr<StringPool> pool_;
    Options options_;
    std::shared_ptr<RefreshGate> gate_;
    bool gateHeld_ = false;
    Mailbox mailbox_;

    State state_ = State::Stopped;
    QString error_;
    quint64 generation_ = 0; // bumped on every (re)connect: late results of older ones are dropped
    StreamHandle events_;
    std::shared_ptr<EventQueue> queue_;
    bool inFlight_ = false; // one list request at a time, so results never arrive out of order
    bool needFull_ = false;
    QSet<QString> pendingIds_;
    QSet<QString> pendingImages_; // image IDs whose containers need a fresh look
    QTimer coalesceTimer_;
    std::chrono::milliseconds coalesceWindow_{0}; // the current gathering time
    QElapsedTimer lastRefresh_;                   // since the last list asked for
    QTimer retryTimer_;
    QTimer settleTimer_;
    QTimer quietTimer_;       // runs while a stream is open; restarted by every event
    bool pinging_ = false;    // a check of the engine is in flight
    int eventsSinceFull_ = 0; // container events since the last full list was asked for
    Backoff backoff_;
    QElapsedTimer liveFor_;
    qint64 clockSkew_ = 0;   // engine clock minus ours, seconds, from the newest event seen
    qint64 newestEvent_ = 0; // Unix seconds, engine clock
    QHash<QString, qint64> tombstones_; // destroyed IDs -> when, so a late list cannot revive them
    QHash<QString, int> dieChecks_;     // IDs that died -> looks left while listed running

    QHash<QString, ContainerRef> held_;
    int fullLists_ = 0;
    int refreshLists_ = 0;
    int settleLists_ = 0;
    int pings_ = 0;
};

} // namespace slipway::core
