#include "core/fleet/hostinventory.h"

#include "core/base/describeerror.h"
#include "core/base/releaseoffthread.h"
#include "core/base/stringpool.h"
#include "core/fleet/applyqueue.h"
#include "engine/dockerclient.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <mutex>
#include <tuple>

namespace slipway::core {

Q_LOGGING_CATEGORY(lcInventory, "slipway.inventory", QtWarningMsg)

namespace {

// A stream that stayed up this long was healthy: the next loss starts the back-off afresh.
constexpr qint64 kHealthyStreamMs = 10000;
// A destroyed ID is ignored this long, longer than any list request can be in flight.
constexpr qint64 kTombstoneSeconds = 120;
// Lists that may show a container that died as still running before it is left as listed:
// the one its "die" causes and two more (lookAgainAfterDie).
constexpr int kDieChecks = 3;

qint64 nowSeconds() {
    return QDateTime::currentSecsSinceEpoch();
}

// What the inventory listens to: container life cycle, health, and the image changes that
// alter how a container's image is named.
engine::Filters eventFilters() {
    return {{"type", {"container", "image"}},
            {"event",
             {"create", "start", "die", "stop", "kill", "pause", "unpause", "restart", "destroy",
              "rename", "health_status", "tag", "untag", "delete"}}};
}

// Equal for the people looking: the status words age ("Up 5 minutes" becomes "Up 6 minutes")
// and their rounding moves the estimated start, which is no change of state.
bool sameForView(const ContainerRecord &held, const ContainerRecord &fresh) {
    if (held.stateSince != fresh.stateSince) {
        if (held.stateSince <= 0 || fresh.stateSince <= 0)
            return false;
        // The engine rounds to the unit it shows; a difference under half the age is rounding,
        // a larger one a restart.
        const qint64 age = std::max<qint64>(nowSeconds() - held.stateSince, 0);
        if (std::abs(held.stateSince - fresh.stateSince) > std::max<qint64>(2, age / 2))
            return false;
    }
    return held.hostId == fresh.hostId && held.id == fresh.id && held.name == fresh.name &&
           held.image == fresh.image && held.imageId == fresh.imageId && held.app == fresh.app &&
           held.env == fresh.env && held.version == fresh.version && held.state == fresh.state &&
           held.health == fresh.health && held.created == fresh.created &&
           held.exitCode == fresh.exitCode && held.ports == fresh.ports &&
           held.labels == fresh.labels && held.stale == fresh.stale;
}

} // namespace

// Events are gathered on the engine's thread and handed over in batches: a burst of 500
// becomes one or a few posts to the GUI thread, not 500.
struct HostInventory::EventQueue {
    struct Item {
        bool image = false;
        std::string action;
        std::string id;
        std::int64_t timeNano = 0;
    };
    std::mutex mutex;
    std::vector<Item> items;
    bool posted = false;
    std::function<void()> wake; // posts a drain to the owner; set before the stream starts

    void push(const engine::Event &e) {
        bool wakeUp = false;
        {
            std::lock_guard lock(mutex);
            items.push_back({e.type == "image", e.action, e.actorId, e.timeNano});
            wakeUp = !posted;
            posted = true;
        }
        if (wakeUp)
            wake();
    }
    std::vector<Item> take() {
        std::lock_guard lock(mutex);
        posted = false;
        return std::exchange(items, {});
    }
};

// One list reply, converted on the engine's thread.
struct HostInventory::Listed {
    bool full = false;
    QStringList ids; // what a refresh asked for
    bool ok = false;
    QString error;
    ContainerList records;
};

HostInventory::HostInventory(QString hostId, std::weak_ptr<engine::DockerClient> client,
                             std::shared_ptr<StringPool> pool, Options options,
                             std::shared_ptr<RefreshGate> gate, QObject *parent)
    : QObject(parent), hostId_(std::move(hostId)), client_(std::move(client)),
      pool_(std::move(pool)), options_(options), gate_(std::move(gate)), mailbox_(this),
      backoff_(options.firstRetry, options.maxRetry) {
    coalesceTimer_.setSingleShot(true);
    coalesceTimer_.setInterval(options_.coalesce);
    connect(&coalesceTimer_, &QTimer::timeout, this, &HostInventory::pump);
    retryTimer_.setSingleShot(true);
    connect(&retryTimer_, &QTimer::timeout, this, &HostInventory::connectNow);
    settleTimer_.setSingleShot(true);
    settleTimer_.setInterval(options_.settle);
    connect(&settleTimer_, &QTimer::timeout, this, [this] {
        if (state_ != State::Live || eventsSinceFull_ < options_.settleAfterEvents)
            return;
        ++settleLists_;
        needFull_ = true;
        scheduleRefresh();
    });
    quietTimer_.setSingleShot(true);
    quietTimer_.setInterval(options_.quietCheck);
    connect(&quietTimer_, &QTimer::timeout, this, &HostInventory::checkEngine);
}

HostInventory::~HostInventory() {
    mailbox_.close();
    leaveTurn(); // a place in the gate's queue is a QPointer: it goes by itself
    events_.close();
}

void HostInventory::start() {
    connectNow();
}

void HostInventory::setClient(std::weak_ptr<engine::DockerClient> client) {
    client_ = std::move(client);
    markStale();
    backoff_.reset();
    connectNow();
}

void HostInventory::retryNow() {
    if (state_ == State::Unreachable && retryTimer_.isActive())
        connectNow();
}

void HostInventory::connectionLost(const QString &) {
    // The ping's own error says better what is wrong with the stream's engine.
    if (state_ == State::Live || state_ == State::Connecting)
        checkEngine();
}

void HostInventory::checkEngine() {
    if (pinging_ || (state_ != State::Live && state_ != State::Connecting))
        return;
    const auto client = client_.lock();
    if (!client) {
        lose(tr("The host's engine client is gone."));
        return;
    }
    pinging_ = true;
    ++pings_;
    const quint64 generation = generation_;
    client->ping(options_.pingTimeout)
        .then([mailbox = mailbox_, this, generation](engine::Result<engine::PingInfo> r) {
            const QString error = r ? QString() : describeError(r.error());
            mailbox.post([this, generation, error] { onPinged(generation, error); });
        });
}

void HostInventory::onPinged(quint64 generation, const QString &error) {
    if (generation != generation_)
        return; // the stream this was about is gone already
    pinging_ = false;
    if (error.isEmpty()) {
        quietTimer_.start();
        return;
    }
    lose(tr("The engine stopped answering: %1").arg(error));
}

void HostInventory::refresh(const QString &containerId) {
    pendingIds_.insert(containerId);
    scheduleRefresh();
}

void HostInventory::setState(State state, const QString &error) {
    if (state_ == state && error_ == error)
        return;
    state_ = state;
    error_ = error;
    emit stateChanged(state, error);
}

void HostInventory::connectNow() {
    ++generation_;
    retryTimer_.stop();
    coalesceTimer_.stop();
    quietTimer_.stop();
    pinging_ = false;
    events_.close();
    inFlight_ = false;
    leaveTurn();
    pendingIds_.clear();
    pendingImages_.clear();
    const auto client = client_.lock();
    if (!client) {
        markStale();
        setState(State::Stopped, tr("The host's settings are not usable."));
        return;
    }
    setState(State::Connecting, error_);

    // Subscribe first and list second, with the stream reaching back in time: whatever
    // happens between the list and the stream's start is replayed, never missed. A replayed
    // event only causes a harmless second look at its container.
    auto queue = std::make_shared<EventQueue>();
    const quint64 generation = generation_;
    queue->wake = [mailbox = mailbox_, this, generation] {
        mailbox.post([this, generation] { drainEvents(generation); });
    };
    queue_ = queue;
    const qint64 since = nowSeconds() + clockSkew_ - options_.sinceMargin.count();
    auto events =
        client->events([queue](const engine::Event &e) { queue->push(e); }, eventFilters(), since);
    events_ = StreamHandle(events);
    events.then([mailbox = mailbox_, this, generation](engine::Result<engine::Unit> r) {
        const QString error =
            r ? tr("The engine closed the event stream.") : describeError(r.error());
        mailbox.post([this, generation, error] { onStreamEnded(generation, error); });
    });
    quietTimer_.start();
    needFull_ = true;
    pump();
}

void HostInventory::onStreamEnded(quint64 generation, const QString &error) {
    if (generation != generation_)
        return;
    events_ = {};
    lose(error);
}

void HostInventory::lose(const QString &error) {
    ++generation_;
    events_.close();
    queue_.reset();
    inFlight_ = false;
    leaveTurn();
    coalesceTimer_.stop();
    quietTimer_.stop();
    pinging_ = false;
    pendingIds_.clear();
    pendingImages_.clear();
    markStale();
    if (state_ == State::Live && liveFor_.isValid() && liveFor_.elapsed() >= kHealthyStreamMs)
        backoff_.reset();
    liveFor_.invalidate();
    setState(State::Unreachable, error);
    retryTimer_.start(backoff_.next());
}

void HostInventory::markStale() {
    ContainerList changedRecords;
    for (auto it = held_.begin(); it != held_.end(); ++it) {
        if (it.value()->stale)
            continue;
        auto copy = std::make_shared<ContainerRecord>(*it.value());
        copy->stale = true;
        it.value() = copy;
        changedRecords.append(copy);
    }
    if (!changedRecords.isEmpty())
        emit changed(changedRecords);
}

void HostInventory::drainEvents(quint64 generation) {
    if (generation != generation_ || !queue_)
        return;
    auto items = queue_->take();
    quietTimer_.start(); // the stream spoke: nothing to check for another while
    ContainerList removedRecords;
    ContainerEventList heard;
    qint64 newestEvent = 0;
    for (const auto &e : items) {
        newestEvent = std::max<qint64>(newestEvent, e.timeNano / 1000000000);
        const QString id = QString::fromStdString(e.id);
        if (e.image) {
            pendingImages_.insert(id);
            continue;
        }
        ++eventsSinceFull_;
        heard.append(ContainerEvent{id, QString::fromStdString(e.action)});
        if (e.action == "die")
            dieChecks_.insert(id, kDieChecks);
        else if (e.action == "start" || e.action == "destroy")
            dieChecks_.remove(id);
        if (e.action == "destroy") {
            // Gone for good: no need to ask, and IDs are never reused.
            pendingIds_.remove(id);
            tombstones_.insert(id, nowSeconds());
            if (auto it = held_.find(id); it != held_.end()) {
                removedRecords.append(it.value());
                held_.erase(it);
            }
            continue;
        }
        if (e.action.rfind("health_status", 0) == 0) {
            const auto colon = e.action.find(": ");
            if (colon != std::string::npos)
                applyHealth(id, QString::fromStdString(e.action.substr(colon + 2)));
        }
        pendingIds_.insert(id);
    }
    if (newestEvent > newestEvent_) { // replays are older; the newest tells the clock best
        newestEvent_ = newestEvent;
        clockSkew_ = newestEvent - nowSeconds();
    }
    if (eventsSinceFull_ >= options_.settleAfterEvents)
        settleTimer_.start(); // (re)started: it fires once the burst is over
    if (!heard.isEmpty())
        emit containerEvents(heard);
    if (!removedRecords.isEmpty())
        emit removed(removedRecords);
    releaseOffThread(std::make_pair(std::move(removedRecords), std::move(items)));
    scheduleRefresh();
}

void HostInventory::applyHealth(const QString &id, const QString &health) {
    auto it = held_.find(id);
    if (it == held_.end() || it.value()->health == health)
        return;
    auto copy = std::make_shared<ContainerRecord>(*it.value());
    // Not through the pool: its lock is the engine threads', and one of them preempted while
    // holding it would stall this thread. The three words the engine uses are shared anyway.
    static const QString words[] = {QStringLiteral("healthy"), QStringLiteral("unhealthy"),
                                    QStringLiteral("starting")};
    copy->health = health;
    for (const QString &w : words)
        if (w == health)
            copy->health = w;
    it.value() = copy;
    emit changed({copy});
}

void HostInventory::scheduleRefresh() {
    if (state_ != State::Live && state_ != State::Connecting)
        return;
    if ((!needFull_ && pendingIds_.isEmpty() && pendingImages_.isEmpty()) ||
        coalesceTimer_.isActive())
        return;
    coalesceTimer_.start(nextCoalesce());
}

std::chrono::milliseconds HostInventory::nextCoalesce() {
    // More to ask about soon after the last list: a storm. Gather twice as long each time (up
    // to maxCoalesce); a host that was quiet for a while answers a lone event within
    // `coalesce` again; a storm at a fixed `coalesce` would cost a list per window.
    const auto base = options_.coalesce;
    if (lastRefresh_.isValid() && coalesceWindow_.count() > 0 &&
        lastRefresh_.elapsed() < 2 * std::max(coalesceWindow_, base).count())
        coalesceWindow_ =
            std::min(std::max(coalesceWindow_ * 2, base), std::max(options_.maxCoalesce, base));
    else
        coalesceWindow_ = base;
    return coalesceWindow_;
}

void HostInventory::pump() {
    if (inFlight_ || (state_ != State::Live && state_ != State::Connecting))
        return;
    if (needFull_) {
        if (takeTurn())
            requestList(true, {});
        return;
    }
    if (!pendingImages_.isEmpty()) {
        for (const ContainerRef &r : std::as_const(held_))
            if (pendingImages_.contains(r->imageId))
                pendingIds_.insert(r->id);
        pendingImages_.clear();
    }
    if (pendingIds_.isEmpty())
        return;
    if (pendingIds_.size() > options_.maxIdsPerRefresh) {
        // One full list is cheaper than several long ID lists, and as correct.
        if (!takeTurn())
            return; // the IDs wait with the host
        pendingIds_.clear();
        requestList(true, {});
        return;
    }
    const QStringList ids(pendingIds_.begin(), pendingIds_.end());
    pendingIds_.clear();
    requestList(false, ids);
}

void HostInventory::requestList(bool full, const QStringList &ids) {
    const auto client = client_.lock();
    if (!client) {
        lose(tr("The host's engine client is gone."));
        return;
    }
    inFlight_ = true;
    lastRefresh_.start();
    engine::Filters filters;
    if (full) {
        needFull_ = false;
        eventsSinceFull_ = 0;
        ++fullLists_;
    } else {
        auto &list = filters["id"];
        list.reserve(std::size_t(ids.size()));
        for (const QString &id : ids)
            list.push_back(id.toStdString());
        ++refreshLists_;
    }
    const quint64 generation = generation_;
    client
        ->containers(true, filters,
                     full ? engine::DockerClient::Timeout(options_.listTimeout)
                          : engine::DockerClient::Timeout())
        .then([mailbox = mailbox_, this, generation, pool = pool_, hostId = hostId_, full,
               ids](engine::Result<std::vector<engine::ContainerSummary>> r) {
            // The conversion runs here, on the engine's thread, to keep the GUI thread free.
            auto listed = std::make_shared<Listed>();
            listed->full = full;
            listed->ids = ids;
            listed->ok = r.ok();
            if (!r.ok()) {
                listed->error = describeError(r.error());
            } else {
                const qint64 listedAt = nowSeconds();
                listed->records.reserve(qsizetype(r.value().size()));
                for (const auto &summary : r.value())
                    listed->records.append(std::make_shared<const ContainerRecord>(
                        ContainerRecord::fromSummary(summary, hostId, listedAt, *pool)));
                // Here too, never on the GUI thread: the pool's lock is contended by every
                // host's conversion, and the GUI thread must never wait for it.
                if (full)
                    pool->prune();
            }
            // Moved all the way: the last reference must go on a pool thread (onListed's
            // releaseOffThread), never with a closure destroyed on the GUI thread.
            mailbox.post([this, generation, listed = std::move(listed)]() mutable {
                ApplyQueue::forThisThread()->run(
                    this, [this, generation, listed = std::move(listed)]() mutable {
                        onListed(generation, std::move(listed));
                    });
            });
        });
}

bool HostInventory::takeTurn() {
    // Only a live host's background lists take turns: a first list or a resync is what the
    // people are waiting for.
    if (!gate_ || gateHeld_ || state_ != State::Live)
        return true;
    gateHeld_ = gate_->tryAcquire(this);
    return gateHeld_;
}

void HostInventory::leaveTurn() {
    if (!gateHeld_)
        return;
    gateHeld_ = false;
    gate_->release();
}

void HostInventory::onListed(quint64 generation, std::shared_ptr<Listed> listed) {
    if (generation != generation_) {
        releaseOffThread(std::move(listed));
        return;
    }
    QElapsedTimer applying;
    applying.start();
    inFlight_ = false;
    leaveTurn();
    if (!listed->ok) {
        // The stream is probably gone too; a full resync after the back-off covers the IDs.
        lose(listed->error);
        return;
    }
    ContainerList insertedRecords, changedRecords, removedRecords, replaced;
    QSet<QString> seen;
    seen.reserve(listed->records.size());
    for (const ContainerRef &fresh : std::as_const(listed->records)) {
        if (tombstoned(fresh->id))
            continue;
        seen.insert(fresh->id);
        lookAgainAfterDie(*fresh);
        auto it = held_.find(fresh->id);
        if (it == held_.end()) {
            held_.insert(fresh->id, fresh);
            insertedRecords.append(fresh);
        } else if (!sameForView(*it.value(), *fresh)) {
            replaced.append(it.value());
            it.value() = fresh;
            changedRecords.append(fresh);
        }
    }
    if (listed->full) {
        dieChecks_.removeIf([&seen](const auto &e) { return !seen.contains(e.key()); });
        for (auto it = held_.begin(); it != held_.end();) {
            if (!seen.contains(it.key())) {
                removedRecords.append(it.value());
                it = held_.erase(it);
            } else {
                ++it;
            }
        }
    } else {
        for (const QString &id : std::as_const(listed->ids)) {
            if (seen.contains(id))
                continue;
            dieChecks_.remove(id);
            if (auto it = held_.find(id); it != held_.end()) {
                removedRecords.append(it.value());
                held_.erase(it);
            }
        }
    }
    if (!removedRecords.isEmpty())
        emit removed(removedRecords);
    if (!changedRecords.isEmpty())
        emit changed(changedRecords);
    if (!insertedRecords.isEmpty())
        emit inserted(insertedRecords);
    // With the models' work included: their slots run inside these emits.
    qCDebug(lcInventory) << hostId_ << (listed->full ? "full list" : "refresh") << "of"
                         << listed->records.size() << "applied in" << applying.nsecsElapsed() / 1e6
                         << "ms:" << insertedRecords.size() << "in," << changedRecords.size()
                         << "changed," << removedRecords.size() << "out";
    if (listed->full) {
        pruneTombstones();
        if (state_ != State::Live) {
            liveFor_.start();
            setState(State::Live);
        }
    }
    // The models have taken what they keep; the rest (unchanged fresh copies, replaced and
    // removed records, the reply's list) was allocated on the engine's thread.
    releaseOffThread(std::make_tuple(std::move(listed), std::move(replaced),
                                     std::move(removedRecords), std::move(changedRecords),
                                     std::move(insertedRecords)));
    scheduleRefresh();
}

// The engine announces a "die" before what it lists shows the exit (20.10 cleans up the
// container's mounts and network between the two), so a list asked for right after can still
// say "running", and nothing more would come to correct it. While it does, the container is
// asked about again (within the usual gathering), a few times at most.
void HostInventory::lookAgainAfterDie(const ContainerRecord &listed) {
    const auto it = dieChecks_.find(listed.id);
    if (it == dieChecks_.end())
        return;
    if (listed.state != QLatin1String("running") || --it.value() <= 0) {
        dieChecks_.erase(it);
        return;
    }
    pendingIds_.insert(listed.id); // onListed schedules the refresh
}

void HostInventory::pruneTombstones() {
    const qint64 cutoff = nowSeconds() - kTombstoneSeconds;
    tombstones_.removeIf([cutoff](const auto &entry) { return entry.value() < cutoff; });
}

} // namespace slipway::core
