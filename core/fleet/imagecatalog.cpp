#include "core/fleet/imagecatalog.h"

#include "core/base/describeerror.h"
#include "core/fleet/authorizedcall.h"
#include "core/fleet/hostmonitor.h"
#include "core/store/auditlog.h"
#include "engine/dockerclient.h"
#include "engine/imagereference.h"

#include <algorithm>
#include <mutex>

namespace slipway::core {

namespace {

QString q(const std::string &s) {
    return QString::fromStdString(s);
}

// A request cancelled here (a pull, a listing of a removed host) reads "Cancelled.".
QString describe(const engine::Error &e) {
    return describeError(e, CancelledText::Plain);
}

} // namespace

// A running pull: the tracker lives with the engine thread that delivers the messages; the
// GUI thread is sent the latest snapshot, at most one at a time, so a fast stream of
// messages never floods it.
struct ImageCatalog::PullJob {
    QString hostId;
    QString reference;
    engine::Call<engine::Unit> call;
    std::mutex mutex;
    PullProgressTracker tracker;
    bool snapshotPosted = false;
    bool done = false;
};

bool ImageCatalog::rowLess(const ImageRecord &a, const ImageRecord &b) {
    if (a.dangling != b.dangling)
        return !a.dangling;
    if (a.repository != b.repository)
        return a.repository < b.repository;
    if (a.tag != b.tag)
        return a.tag < b.tag;
    return a.id < b.id;
}

ImageCatalog::ImageCatalog(HostMonitor *monitor, AuditLog *audit, QObject *parent)
    : ImageCatalog(monitor, audit, Options{}, parent) {}

ImageCatalog::ImageCatalog(HostMonitor *monitor, AuditLog *audit, Options options, QObject *parent)
    : QObject(parent), monitor_(monitor), audit_(audit), options_(options), mailbox_(this) {
    coalesceTimer_.setSingleShot(true);
    coalesceTimer_.setInterval(options_.coalesce);
    connect(&coalesceTimer_, &QTimer::timeout, this, &ImageCatalog::refreshDirty);
    qRegisterMetaType<ImageList>();
    qRegisterMetaType<ImageDetails>();
    qRegisterMetaType<PullProgress>();
    for (const HostConfig &config : monitor_->hosts())
        addHost(config);
    connect(monitor_, &HostMonitor::hostInserted, this,
            [this](int, const HostConfig &config) { addHost(config); });
    connect(monitor_, &HostMonitor::hostUpdated, this,
            [this](int, const HostConfig &config) { updateHost(config); });
    connect(monitor_, &HostMonitor::hostRemoved, this,
            [this](int, const QString &id) { removeHost(id); });
    connect(monitor_, &HostMonitor::statusChanged, this,
            [this](int index, const HostStatus &s) { onStatus(monitor_->host(index).id, s); });
    // Hosts already up when the catalog starts are listed now; the others when they come up.
    for (int i = 0; i < monitor_->hostCount(); ++i)
        onStatus(monitor_->host(i).id, monitor_->status(i));
}

ImageCatalog::~ImageCatalog() {
    mailbox_.close();
    for (auto &[request, job] : pulls_)
        job->call.cancel();
    for (auto &[id, host] : hosts_)
        unfollow(host);
}

ImageList ImageCatalog::images() const {
    ImageList all;
    for (const QString &id : order_)
        all += images(id);
    return all;
}

ImageList ImageCatalog::images(const QString &hostId) const {
    auto it = hosts_.find(hostId);
    if (it == hosts_.end())
        return {};
    ImageList list = it->second.records.values();
    std::sort(list.begin(), list.end(), rowLess);
    return list;
}

QString ImageCatalog::hostError(const QString &hostId) const {
    auto it = hosts_.find(hostId);
    return it == hosts_.end() ? QString() : it->second.error;
}

bool ImageCatalog::isListed(const QString &hostId) const {
    auto it = hosts_.find(hostId);
    return it != hosts_.end() && it->second.listed;
}

bool ImageCatalog::isRefreshing(const QString &hostId) const {
    auto it = hosts_.find(hostId);
    return it != hosts_.end() && it->second.refreshing;
}

bool ImageCatalog::isFollowing(const QString &hostId) const {
    auto it = hosts_.find(hostId);
    return it != hosts_.end() && it->second.following;
}

int ImageCatalog::fullListCount(const QString &hostId) const {
    auto it = hosts_.find(hostId);
    return it == hosts_.end() ? 0 : it->second.fullLists;
}

int ImageCatalog::imageListCount(const QString &hostId) const {
    auto it = hosts_.find(hostId);
    return it == hosts_.end() ? 0 : it->second.imageLists;
}

QString ImageCatalog::checkReference(const QString &reference) {
    auto parsed = engine::ImageReference::parse(reference.toStdString());
    return parsed ? QString() : q(parsed.error().message);
}

QString ImageCatalog::normalizedReference(const QString &reference) {
    auto parsed = engine::ImageReference::parse(reference.toStdString());
    return parsed ? q(parsed.value().str()) : QString();
}

void ImageCatalog::addHost(const HostConfig &config) {
    if (hosts_.count(config.id))
        return updateHost(config);
    Host h;
    h.name = config.name;
    h.url = config.url;
    h.backoff = Backoff(options_.firstRetry, options_.maxRetry);
    hosts_.emplace(config.id, std::move(h));
    order_.append(config.id);
}

void ImageCatalog::updateHost(const HostConfig &config) {
    auto it = hosts_.find(config.id);
    if (it == hosts_.end())
        return addHost(config);
    Host &h = it->second;
    if (h.url != config.url) {
        // Another engine: what was listed belongs to the old one.
        removeHost(config.id);
        addHost(config);
        refreshHost(config.id);
        return;
    }
    // The monitor made a new client: the stream of the old one is about to end.
    if (h.following) {
        unfollow(h);
        follow(config.id);
    }
    if (h.name == config.name)
        return;
    h.name = config.name;
    ImageList changed;
    for (ImageRecord &r : h.records) {
        r.hostName = config.name;
        changed.append(r);
    }
    if (!changed.isEmpty())
        emit imagesChanged(changed);
}

void ImageCatalog::removeHost(const QString &hostId) {
    auto it = hosts_.find(hostId);
    if (it == hosts_.end())
        return;
    const ImageList gone = it->second.records.values();
    unfollow(it->second);
    hosts_.erase(it);
    order_.removeAll(hostId);
    if (!gone.isEmpty())
        emit imagesRemoved(gone);
    // Pulls on it end now: its client is going away.
    QList<quint64> ended;
    for (const auto &[request, job] : pulls_)
        if (job->hostId == hostId)
            ended.append(request);
    for (quint64 request : ended) {
        pulls_[request]->call.cancel();
        onPullDone(request, false, tr("The host was removed."));
    }
}

void ImageCatalog::onStatus(const QString &hostId, const HostStatus &status) {
    auto it = hosts_.find(hostId);
    if (it == hosts_.end())
        return;
    Host &h = it->second;
    const int before = h.state;
    h.state = int(status.state);
    if (status.state == HostStatus::State::Down) {
        unfollow(h); // a dead TCP peer never closes it; the next Up reconnects and resyncs
        const QString was = h.error;
        markStale(h, status.error);
        if (h.error != was)
            emit hostRefreshed(hostId, false, h.error);
        return;
    }
    if (status.state != HostStatus::State::Up)
        return;
    // Up again, or something was added or removed since: list again. Probes every few
    // seconds that find the same counts cost nothing.
    const bool counts = status.images != h.imageCount || status.containersTotal != h.containerCount;
    h.imageCount = status.images;
    h.containerCount = status.containersTotal;
    const bool wasFollowing = h.following;
    follow(hostId); // first, so that no change between the list and the stream is missed
    if (before != int(HostStatus::State::Up) || counts || !h.listed || !wasFollowing)
        refreshHost(hostId);
}

quint64 ImageCatalog::pull(const QString &hostId, const QString &reference, QString *refused) {
    const QString problem = checkReference(reference);
    QString why = problem;
    std::shared_ptr<engine::DockerClient> client;
    if (why.isEmpty() && !(client = monitor_->client(hostId)))
        why = hosts_.count(hostId) ? tr("The host has no usable engine address.")
                                   : tr("There is no host with the id \"%1\".").arg(hostId);
    if (!why.isEmpty()) {
        if (refused)
            *refused = why;
        return 0;
    }
    const quint64 request = nextRequest_++;
    auto job = std::make_shared<PullJob>();
    job->hostId = hostId;
    job->reference = normalizedReference(reference);
    pulls_[request] = job;
    const Mailbox mailbox = mailbox_;
    std::weak_ptr<PullJob> weak = job;
    const auto publish = [this, request](const std::shared_ptr<PullJob> &j) {
        PullProgress p;
        {
            std::lock_guard lock(j->mutex);
            j->snapshotPosted = false;
            if (j->done)
                return;
            p = j->tracker.snapshot();
        }
        emit pullProgress(request, p);
    };
    const auto onProgress = [weak, mailbox, publish](const engine::ProgressMessage &m) {
        const auto j = weak.lock();
        if (!j)
            return;
        {
            std::lock_guard lock(j->mutex);
            j->tracker.add(m);
            if (j->snapshotPosted)
                return; // the one on its way will carry this too
            j->snapshotPosted = true;
        }
        mailbox.post([weak, publish] {
            if (const auto j = weak.lock())
                publish(j);
        });
    };
    // The registry's credentials are found off the GUI thread, then the pull starts.
    const std::string pulled = job->reference.toStdString();
    job->call = withRegistryAuth(pulled, [client, pulled, onProgress](const std::string &auth) {
        return client->pullImage(pulled, onProgress, auth);
    });
    job->call.then([this, mailbox, request](engine::Status r) {
        const bool ok = r.ok();
        const QString error = ok ? QString() : describe(r.error());
        mailbox.post([this, request, ok, error] { onPullDone(request, ok, error); });
    });
    return request;
}

void ImageCatalog::cancelPull(quint64 request) {
    auto it = pulls_.find(request);
    if (it != pulls_.end())
        it->second->call.cancel();
}

void ImageCatalog::onPullDone(quint64 request, bool ok, const QString &error) {
    auto it = pulls_.find(request);
    if (it == pulls_.end())
        return;
    const std::shared_ptr<PullJob> job = it->second;
    pulls_.erase(it);
    PullProgress last;
    {
        std::lock_guard lock(job->mutex);
        if (ok)
            job->tracker.finish();
        last = job->tracker.snapshot();
        job->done = true;
    }
    if (!ok && !error.isEmpty())
        last.status = error;
    emit pullProgress(request, last);
    audit(QStringLiteral("image.pull"), job->hostId, job->reference, ok ? QString() : error);
    emit pullFinished(request, ok, error);
    if (ok)
        refreshImages(job->hostId); // in case its events lag behind
}

quint64 ImageCatalog::remove(const QString &hostId, const QString &target, bool force,
                             QString *refused) {
    const auto client = monitor_->client(hostId);
    QString why;
    if (target.trimmed().isEmpty())
        why = tr("Nothing to remove: no image was named.");
    else if (!client)
        why = hosts_.count(hostId) ? tr("The host has no usable engine address.")
                                   : tr("There is no host with the id \"%1\".").arg(hostId);
    if (!why.isEmpty()) {
        if (refused)
            *refused = why;
        return 0;
    }
    const quint64 request = nextRequest_++;
    const Mailbox mailbox = mailbox_;
    client->removeImage(target.toStdString(), force, options_.removeTimeout)
        .then([this, mailbox, request, hostId, target, force](engine::Status r) {
            const bool ok = r.ok();
            const QString error = ok ? QString() : describe(r.error());
            mailbox.post([this, request, hostId, target, force, ok, error] {
                audit(force ? QStringLiteral("image.remove.force") : QStringLiteral("image.remove"),
                      hostId, target, error);
                emit removeFinished(request, ok, error);
                refreshImages(hostId); // a failed remove may still have untagged something
            });
        });
    return request;
}

quint64 ImageCatalog::loadDetails(const QString &hostId, const QString &imageId) {
    const auto client = monitor_->client(hostId);
    if (!client || imageId.isEmpty())
        return 0;
    const quint64 request = nextRequest_++;
    struct Join {
        std::mutex mutex;
        int pending = 2;
        std::optional<engine::ImageInspect> inspect;
        std::vector<engine::ImageHistoryEntry> history;
        QString error;
    };
    auto join = std::make_shared<Join>();
    const Mailbox mailbox = mailbox_;
    const auto settle = [this, join, mailbox, request, hostId, imageId] {
        ImageDetails d;
        {
            std::lock_guard lock(join->mutex);
            if (--join->pending > 0)
                return;
            if (join->inspect)
                d = ImageDetails::fromEngine(hostId, *join->inspect, join->history);
            d.hostId = hostId;
            if (d.id.isEmpty())
                d.id = imageId;
            d.error = join->error;
        }
        mailbox.post([this, request, d] { emit detailsLoaded(request, d); });
    };
    const std::string id = imageId.toStdString();
    client->inspectImage(id).then([join, settle](engine::Result<engine::ImageInspect> r) {
        {
            std::lock_guard lock(join->mutex);
            if (r)
                join->inspect = std::move(r).value();
            else if (join->error.isEmpty())
                join->error = describe(r.error());
        }
        settle();
    });
    client->imageHistory(id).then(
        [join, settle](engine::Result<std::vector<engine::ImageHistoryEntry>> r) {
            {
                std::lock_guard lock(join->mutex);
                if (r)
                    join->history = std::move(r).value();
                else if (join->error.isEmpty())
                    join->error = describe(r.error());
            }
            settle();
        });
    return request;
}

void ImageCatalog::audit(const QString &action, const QString &hostId, const QString &target,
                         const QString &error) {
    if (!audit_)
        return;
    AuditEntry e;
    e.action = action;
    e.target = target;
    auto it = hosts_.find(hostId);
    const int index = monitor_->indexOf(hostId);
    e.host =
        index >= 0 ? monitor_->host(index).url : (it != hosts_.end() ? it->second.url : hostId);
    e.result = error.isEmpty() ? QStringLiteral("ok") : QStringLiteral("failed");
    e.detail = error;
    audit_->append(e);
}

} // namespace slipway::core
