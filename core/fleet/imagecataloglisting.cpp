// ImageCatalog, keeping each host's images current: the image event stream (followed while
// the host is up, reconnected with back-off), and the images and containers lists it and the
// host probe's counts call for. The rest of the class is in imagecatalog.cpp.
#include "core/base/describeerror.h"
#include "core/fleet/hostmonitor.h"
#include "core/fleet/imagecatalog.h"
#include "core/fleet/listingjoin.h"
#include "engine/dockerclient.h"

#include <QDateTime>
#include <atomic>
#include <mutex>

namespace slipway::core {

namespace {

// A request cancelled here (a listing of a removed host) reads "Cancelled.".
QString describe(const engine::Error &e) {
    return describeError(e, CancelledText::Plain);
}

// A stream that stayed up this long was healthy: the next loss starts the back-off afresh.
constexpr qint64 kHealthyStreamMs = 10000;
// The event stream starts this far back, covering the moment between the list and the stream:
// a replayed event only costs one more images list.
constexpr qint64 kSinceMarginSeconds = 5;

// Every image event that can change what the images list says.
engine::Filters imageEventFilters() {
    return {{"type", {"image"}}, {"event", {"pull", "tag", "untag", "delete", "import", "load"}}};
}

} // namespace

// One list of a host: images and containers at once, joined on whichever engine thread
// brings the second answer, which also builds the records so the GUI thread only compares.
// An images-only listing (after image events) takes the container counts of the last full one.
struct ImageCatalog::Listing : ListingJoin<ImageRecord> {
    bool imagesOnly = false;
    std::vector<engine::ImageSummary> images;
    std::vector<engine::ContainerSummary> containers;
    QHash<QString, QStringList> used; // image ID -> container names: given, or from the list

    // Returns true for the caller that completed the pair.
    bool settle() {
        std::lock_guard lock(mutex);
        if (--pending > 0)
            return false;
        if (error.isEmpty()) {
            if (!imagesOnly)
                used = ImageRecord::containersByImage(containers);
            for (const auto &image : images)
                records += ImageRecord::fromSummary(image, hostId, hostName, used);
        }
        images.clear();
        containers.clear();
        return true;
    }
};

void ImageCatalog::follow(const QString &hostId) {
    auto it = hosts_.find(hostId);
    if (it == hosts_.end() || it->second.following)
        return;
    const auto client = monitor_->client(hostId);
    if (!client)
        return;
    Host &h = it->second;
    h.following = true;
    h.followingFor.start();
    const quint64 generation = h.streamGeneration = nextGeneration_++;
    const Mailbox mailbox = mailbox_;
    // Gathered on the engine's thread: a burst of events is one post, not one per event.
    auto posted = std::make_shared<std::atomic<bool>>(false);
    const qint64 since = QDateTime::currentSecsSinceEpoch() - kSinceMarginSeconds;
    auto events = client->events(
        [this, mailbox, posted, hostId, generation](const engine::Event &) {
            if (posted->exchange(true))
                return;
            mailbox.post([this, posted, hostId, generation] {
                posted->store(false);
                onImageEvents(hostId, generation);
            });
        },
        imageEventFilters(), since);
    h.events = StreamHandle(events);
    events.then([this, mailbox, hostId, generation](engine::Status) {
        mailbox.post([this, hostId, generation] { onStreamEnded(hostId, generation); });
    });
}

void ImageCatalog::unfollow(Host &host) {
    ++host.streamGeneration; // what the old stream still delivers is dropped
    host.following = false;
    host.events.close();
}

void ImageCatalog::onStreamEnded(const QString &hostId, quint64 generation) {
    auto it = hosts_.find(hostId);
    if (it == hosts_.end() || it->second.streamGeneration != generation)
        return;
    Host &h = it->second;
    if (h.followingFor.isValid() && h.followingFor.elapsed() >= kHealthyStreamMs)
        h.backoff.reset();
    unfollow(h);
    const quint64 lost = h.streamGeneration;
    QTimer::singleShot(h.backoff.next(), this, [this, hostId, lost] {
        auto it = hosts_.find(hostId);
        // Not if the host went down meanwhile (its next Up reconnects) or is followed again.
        if (it == hosts_.end() || it->second.streamGeneration != lost || it->second.following ||
            it->second.state != int(HostStatus::State::Up))
            return;
        follow(hostId);
        refreshHost(hostId); // whatever happened while the stream was gone
    });
}

void ImageCatalog::onImageEvents(const QString &hostId, quint64 generation) {
    auto it = hosts_.find(hostId);
    if (it == hosts_.end() || it->second.streamGeneration != generation)
        return;
    it->second.imagesDirty = true;
    if (!coalesceTimer_.isActive())
        coalesceTimer_.start();
}

void ImageCatalog::refreshDirty() {
    for (const QString &id : std::as_const(order_)) {
        auto it = hosts_.find(id);
        if (it != hosts_.end() && it->second.imagesDirty) {
            it->second.imagesDirty = false;
            refreshImages(id);
        }
    }
}

void ImageCatalog::refresh() {
    for (const QString &id : order_)
        refreshHost(id);
}

void ImageCatalog::refreshHost(const QString &hostId) {
    list(hostId, false);
}

void ImageCatalog::refreshImages(const QString &hostId) {
    list(hostId, true);
}

void ImageCatalog::list(const QString &hostId, bool imagesOnly) {
    auto it = hosts_.find(hostId);
    if (it == hosts_.end())
        return;
    Host &h = it->second;
    // Container counts come from a full list; until there is one, the images alone cannot do.
    if (!h.listed)
        imagesOnly = false;
    if (h.refreshing) {
        (imagesOnly ? h.imagesAgain : h.again) = true;
        return;
    }
    const auto client = monitor_->client(hostId);
    if (!client) {
        const int index = monitor_->indexOf(hostId);
        markStale(h, index >= 0 ? monitor_->status(index).error : QString());
        emit hostRefreshed(hostId, false, h.error);
        return;
    }
    h.refreshing = true;
    const quint64 generation = h.generation = nextGeneration_++;
    auto listing = std::make_shared<Listing>();
    listing->hostId = hostId;
    listing->hostName = h.name;
    listing->imagesOnly = imagesOnly;
    if (imagesOnly) {
        listing->pending = 1;
        listing->used = h.usedBy;
        ++h.imageLists;
    } else {
        ++h.fullLists;
    }
    const Mailbox mailbox = mailbox_;
    const auto deliver = [this, mailbox, hostId, generation, listing] {
        if (listing->settle())
            mailbox.post(
                [this, hostId, generation, listing] { onListed(hostId, generation, listing); });
    };
    client->images(false, {}, options_.listTimeout)
        .then([listing, deliver](engine::Result<std::vector<engine::ImageSummary>> r) {
            listing->take(std::move(r), listing->images, describe);
            deliver();
        });
    if (imagesOnly)
        return;
    client->containers(true, {}, options_.listTimeout)
        .then([listing, deliver](engine::Result<std::vector<engine::ContainerSummary>> r) {
            listing->take(std::move(r), listing->containers, describe);
            deliver();
        });
}

void ImageCatalog::markStale(Host &host, const QString &error) {
    const ImageList changed =
        host.markStale(error.isEmpty() ? tr("The host does not answer.") : error);
    if (!changed.isEmpty())
        emit imagesChanged(changed);
}

void ImageCatalog::onListed(const QString &hostId, quint64 generation,
                            const std::shared_ptr<Listing> &l) {
    auto it = hosts_.find(hostId);
    if (it == hosts_.end() || it->second.generation != generation)
        return; // the host went away or changed meanwhile
    Host &h = it->second;
    h.refreshing = false;
    if (!l->error.isEmpty()) {
        markStale(h, l->error);
        emit hostRefreshed(hostId, false, h.error);
    } else {
        if (!l->imagesOnly)
            h.usedBy = std::move(l->used);
        const auto c = h.replace(
            std::move(l->records), [](const ImageRecord &r) { return r.key(); }, rowLess);
        if (!c.removed.isEmpty())
            emit imagesRemoved(c.removed);
        if (!c.changed.isEmpty())
            emit imagesChanged(c.changed);
        if (!c.inserted.isEmpty())
            emit imagesInserted(c.inserted);
        emit hostRefreshed(hostId, true, {});
    }
    if (h.again) {
        h.again = h.imagesAgain = false;
        refreshHost(hostId);
    } else if (h.imagesAgain) {
        h.imagesAgain = false;
        refreshImages(hostId);
    }
}

} // namespace slipway::core
