#include "core/fleet/servicecatalog.h"

#include "core/base/describeerror.h"
#include "core/fleet/hostmonitor.h"
#include "core/fleet/listingjoin.h"
#include "core/store/auditwrite.h"
#include "core/store/storethread.h"
#include "engine/dockerclient.h"
#include "engine/imagereference.h"

#include <QCollator>
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

bool byName(const ServiceRecord &a, const ServiceRecord &b) {
    return a.name != b.name ? a.name < b.name : a.id < b.id;
}

} // namespace

// One listing of a manager: services and tasks at once, joined on whichever engine thread
// brings the second answer, which also builds the records.
struct ServiceCatalog::Listing : ListingJoin<ServiceRecord> {
    std::vector<engine::SwarmService> services;
    std::vector<engine::SwarmTask> tasks;

    bool settle() {
        std::lock_guard lock(mutex);
        if (--pending > 0)
            return false;
        if (error.isEmpty())
            for (const auto &s : services)
                records += ServiceRecord::fromEngine(s, tasks, hostId, hostName);
        services.clear();
        tasks.clear();
        return true;
    }
};

ServiceCatalog::ServiceCatalog(HostMonitor *monitor, std::shared_ptr<StoreThread> store,
                               QObject *parent)
    : ServiceCatalog(monitor, std::move(store), Options{}, parent) {}

ServiceCatalog::ServiceCatalog(HostMonitor *monitor, std::shared_ptr<StoreThread> store,
                               Options options, QObject *parent)
    : QObject(parent), monitor_(monitor), store_(std::move(store)), options_(options),
      mailbox_(this) {
    qRegisterMetaType<ServiceRecord>();
    qRegisterMetaType<ServiceList>();
    qRegisterMetaType<ServiceImageChoices>();
    poll_.setInterval(options_.busyPoll);
    connect(&poll_, &QTimer::timeout, this, [this] {
        for (auto &[id, h] : hosts_) {
            bool busy = h.watch > 0 || h.pending > 0;
            for (const ServiceRecord &r : std::as_const(h.records))
                busy = busy || !r.converged();
            if (busy && h.manager)
                refreshHost(id);
        }
    });
    for (const HostConfig &config : monitor_->hosts())
        addHost(config);
    connect(monitor_, &HostMonitor::hostInserted, this,
            [this](int, const HostConfig &config) { addHost(config); });
    connect(monitor_, &HostMonitor::hostUpdated, this, [this](int, const HostConfig &config) {
        auto it = hosts_.find(config.id);
        if (it != hosts_.end() && it->second.url != config.url) {
            removeHost(config.id); // another engine: what was listed belongs to the old one
            addHost(config);
        } else if (it != hosts_.end()) {
            it->second.name = config.name;
        }
    });
    connect(monitor_, &HostMonitor::hostRemoved, this,
            [this](int, const QString &id) { removeHost(id); });
    connect(monitor_, &HostMonitor::statusChanged, this,
            [this](int index, const HostStatus &s) { onStatus(monitor_->host(index).id, s); });
    for (int i = 0; i < monitor_->hostCount(); ++i)
        onStatus(monitor_->host(i).id, monitor_->status(i));
}

ServiceCatalog::~ServiceCatalog() {
    mailbox_.close();
}

ServiceList ServiceCatalog::services() const {
    ServiceList all;
    for (const QString &id : order_)
        all += services(id);
    return all;
}

ServiceList ServiceCatalog::services(const QString &hostId) const {
    auto it = hosts_.find(hostId);
    if (it == hosts_.end())
        return {};
    ServiceList list = it->second.records.values();
    std::sort(list.begin(), list.end(), byName);
    return list;
}

std::optional<ServiceRecord> ServiceCatalog::service(const QString &hostId,
                                                     const QString &serviceId) const {
    auto it = hosts_.find(hostId);
    if (it == hosts_.end())
        return std::nullopt;
    auto s = it->second.records.constFind(serviceId);
    if (s == it->second.records.cend())
        return std::nullopt;
    return *s;
}

QStringList ServiceCatalog::hostIds() const {
    QStringList ids;
    for (const QString &id : order_)
        if (hosts_.at(id).manager)
            ids << id;
    return ids;
}

QString ServiceCatalog::hostError(const QString &hostId) const {
    auto it = hosts_.find(hostId);
    return it == hosts_.end() ? QString() : it->second.error;
}

bool ServiceCatalog::isListed(const QString &hostId) const {
    auto it = hosts_.find(hostId);
    return it != hosts_.end() && it->second.listed;
}

bool ServiceCatalog::isRefreshing(const QString &hostId) const {
    auto it = hosts_.find(hostId);
    return it != hosts_.end() && it->second.refreshing;
}

QString ServiceCatalog::checkImage(const QString &image) {
    if (image.trimmed().isEmpty())
        return tr("No image was given.");
    auto parsed = engine::ImageReference::parse(image.toStdString());
    return parsed ? QString() : q(parsed.error().message);
}

void ServiceCatalog::addHost(const HostConfig &config) {
    if (hosts_.count(config.id))
        return;
    Host h;
    h.name = config.name;
    h.url = config.url;
    hosts_.emplace(config.id, std::move(h));
    order_.append(config.id);
}

void ServiceCatalog::removeHost(const QString &hostId) {
    auto it = hosts_.find(hostId);
    if (it == hosts_.end())
        return;
    const ServiceList gone = it->second.records.values();
    hosts_.erase(it);
    order_.removeAll(hostId);
    if (!gone.isEmpty())
        emit servicesRemoved(gone);
}

void ServiceCatalog::dropServices(Host &host) {
    const ServiceList gone = host.records.values();
    host.records.clear();
    host.listed = false;
    if (!gone.isEmpty())
        emit servicesRemoved(gone);
}

void ServiceCatalog::onStatus(const QString &hostId, const HostStatus &status) {
    auto it = hosts_.find(hostId);
    if (it == hosts_.end())
        return;
    Host &h = it->second;
    if (status.state == HostStatus::State::Down) {
        if (!h.manager)
            return;
        const QString was = h.error;
        markStale(h, status.error);
        if (h.error != was)
            emit hostRefreshed(hostId, false, h.error);
        return;
    }
    if (status.state != HostStatus::State::Up)
        return;
    const bool manager = status.swarmRole == QLatin1String("manager");
    if (!manager) {
        // Only managers answer for services; a host that left the swarm has none any more.
        if (h.manager) {
            h.manager = false;
            h.error.clear();
            dropServices(h);
            emit hostRefreshed(hostId, true, {});
        }
        return;
    }
    h.manager = true;
    // Each probe (every few seconds) lists again: services change without the host's
    // container or image counts telling.
    refreshHost(hostId);
}

void ServiceCatalog::refresh() {
    for (const QString &id : order_)
        refreshHost(id);
}

void ServiceCatalog::refreshHost(const QString &hostId) {
    auto it = hosts_.find(hostId);
    if (it == hosts_.end() || !it->second.manager)
        return;
    Host &h = it->second;
    if (h.refreshing) {
        h.again = true;
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
    const Mailbox mailbox = mailbox_;
    const auto deliver = [this, mailbox, hostId, generation, listing] {
        if (listing->settle())
            mailbox.post(
                [this, hostId, generation, listing] { onListed(hostId, generation, listing); });
    };
    client->services().then(
        [listing, deliver](engine::Result<std::vector<engine::SwarmService>> r) {
            listing->take(std::move(r), listing->services, describe);
            deliver();
        });
    client->tasks().then([listing, deliver](engine::Result<std::vector<engine::SwarmTask>> r) {
        listing->take(std::move(r), listing->tasks, describe);
        deliver();
    });
}

void ServiceCatalog::markStale(Host &host, const QString &error) {
    const ServiceList changed =
        host.markStale(error.isEmpty() ? tr("The host does not answer.") : error);
    if (!changed.isEmpty())
        emit servicesChanged(changed);
}

void ServiceCatalog::onListed(const QString &hostId, quint64 generation,
                              const std::shared_ptr<Listing> &l) {
    auto it = hosts_.find(hostId);
    if (it == hosts_.end() || it->second.generation != generation)
        return; // the host went away or changed meanwhile
    Host &h = it->second;
    h.refreshing = false;
    if (h.watch > 0)
        --h.watch;
    if (!l->error.isEmpty()) {
        markStale(h, l->error);
        emit hostRefreshed(hostId, false, h.error);
    } else {
        ServiceList ended;
        const auto c = h.replace(
            std::move(l->records), [](const ServiceRecord &r) { return r.id; }, byName,
            [&](ServiceRecord &r, const ServiceRecord *old) {
                keepRollbackReason(h, r, old);
                // A change of updating() is a change of the record, so it is among the changed.
                if (old && old->updating() && !r.updating())
                    ended.append(r);
            });
        if (!c.removed.isEmpty())
            emit servicesRemoved(c.removed);
        if (!c.changed.isEmpty())
            emit servicesChanged(c.changed);
        if (!c.inserted.isEmpty())
            emit servicesInserted(c.inserted);
        for (const ServiceRecord &r : std::as_const(ended))
            emit updateEnded(r);
        emit hostRefreshed(hostId, true, {});
    }
    if (h.again) {
        h.again = false;
        refreshHost(hostId);
    }
    updatePolling();
}

void ServiceCatalog::keepRollbackReason(Host &host, ServiceRecord &r, const ServiceRecord *old) {
    if (!r.rolledBack()) {
        host.rollingBack.remove(r.id);
        return;
    }
    if (r.updateState == QLatin1String("rollback_started"))
        r.rollbackReason = r.updateMessage;
    else if (old && old->rolledBack())
        r.rollbackReason = old->rollbackReason;
    if (r.rollbackReason.isEmpty() && old && old->updating()) {
        // The rollback began and ended between two listings: if Slipway did not ask for it,
        // the engine did it after a failed update.
        r.rollbackReason = host.rollingBack.contains(r.id)
                               ? QStringLiteral("manually requested rollback")
                               : tr("update rolled back due to failure");
    }
    r.automaticRollback =
        !r.rollbackReason.isEmpty() && !r.rollbackReason.contains(QLatin1String("manually"));
}

void ServiceCatalog::updatePolling() {
    bool busy = false;
    for (const auto &[id, h] : hosts_) {
        if (!h.manager)
            continue;
        busy = busy || h.watch > 0 || h.pending > 0;
        for (const ServiceRecord &r : h.records)
            busy = busy || (!r.stale && !r.converged());
    }
    if (busy && !poll_.isActive())
        poll_.start();
    else if (!busy)
        poll_.stop();
}

quint64 ServiceCatalog::loadImageChoices(const QString &hostId, const QString &serviceId) {
    const std::optional<ServiceRecord> record = service(hostId, serviceId);
    if (!record)
        return 0;
    const quint64 request = nextRequest_++;
    auto parsed = engine::ImageReference::parse(record->image.toStdString());
    const Mailbox mailbox = mailbox_;
    if (!parsed) {
        const QString error = q(parsed.error().message);
        mailbox.post([this, request, error] { emit imageChoicesLoaded(request, {}, error); });
        return request;
    }
    const QString repository = q(parsed.value().repository);

    struct Join {
        std::mutex mutex;
        int pending = 0;
        ServiceImageChoices choices; // by label, merged across hosts
        QStringList errors;
    };
    auto join = std::make_shared<Join>();
    ServiceImageChoice current;
    current.reference = record->reference();
    current.label = record->image;
    current.digest = record->digest;
    current.current = true;
    current.sources << tr("running now");
    join->choices << current;
    if (record->hasPrevious) {
        ServiceImageChoice previous;
        previous.reference = record->previousDigest.isEmpty()
                                 ? record->previousImage
                                 : record->previousImage + u'@' + record->previousDigest;
        previous.label = record->previousImage;
        previous.digest = record->previousDigest;
        previous.previous = true;
        previous.sources << tr("previous spec");
        if (previous.label == current.label && previous.digest == current.digest)
            join->choices[0].sources << tr("previous spec");
        else
            join->choices << previous;
    }
    QList<std::pair<QString, std::shared_ptr<engine::DockerClient>>> clients;
    for (int i = 0; i < monitor_->hostCount(); ++i) {
        if (monitor_->status(i).state != HostStatus::State::Up)
            continue;
        const HostConfig host = monitor_->host(i);
        if (auto client = monitor_->client(host.id))
            clients.append({host.name, client});
    }
    const auto deliver = [this, mailbox, request, join] {
        ServiceImageChoices choices;
        QString error;
        {
            std::lock_guard lock(join->mutex);
            if (--join->pending > 0)
                return;
            choices = join->choices;
            error = join->errors.join(u'\n');
        }
        // The current and previous first, then the newest-looking tags ("1.10" after "1.9").
        QCollator collator;
        collator.setNumericMode(true);
        std::stable_sort(choices.begin(), choices.end(),
                         [&](const ServiceImageChoice &a, const ServiceImageChoice &b) {
                             const int ra = a.current ? 0 : (a.previous ? 1 : 2);
                             const int rb = b.current ? 0 : (b.previous ? 1 : 2);
                             if (ra != rb)
                                 return ra < rb;
                             return collator.compare(a.label, b.label) > 0;
                         });
        mailbox.post(
            [this, request, choices, error] { emit imageChoicesLoaded(request, choices, error); });
    };
    join->pending = int(clients.size()) + 1;
    const std::string repo = repository.toStdString();
    for (const auto &entry : clients) {
        const QString hostName = entry.first;
        entry.second->images(false, {{"reference", {repo}}})
            .then([join, deliver, hostName, repository,
                   repo](engine::Result<std::vector<engine::ImageSummary>> r) {
                {
                    std::lock_guard lock(join->mutex);
                    if (!r) {
                        join->errors << tr("%1: %2").arg(hostName, describe(r.error()));
                    } else {
                        for (const auto &image : r.value()) {
                            QString digest;
                            for (const auto &d : image.repoDigests)
                                if (d.rfind(repo + "@", 0) == 0)
                                    digest = q(d.substr(repo.size() + 1));
                            for (const auto &tag : image.repoTags) {
                                if (tag.rfind(repo + ":", 0) != 0)
                                    continue;
                                const QString label = q(tag);
                                auto same = std::find_if(join->choices.begin(), join->choices.end(),
                                                         [&](const ServiceImageChoice &c) {
                                                             return c.label == label &&
                                                                    (c.digest.isEmpty() ||
                                                                     digest.isEmpty() ||
                                                                     c.digest == digest);
                                                         });
                                if (same == join->choices.end()) {
                                    ServiceImageChoice c;
                                    c.label = label;
                                    c.digest = digest;
                                    c.reference = digest.isEmpty() ? label : label + u'@' + digest;
                                    join->choices << c;
                                    same = join->choices.end() - 1;
                                }
                                if (!same->sources.contains(hostName))
                                    same->sources << hostName;
                                if (same->digest.isEmpty() && !digest.isEmpty()) {
                                    same->digest = digest;
                                    if (!same->current && !same->previous)
                                        same->reference = label + u'@' + digest;
                                }
                            }
                        }
                    }
                }
                deliver();
            });
    }
    deliver(); // the one for the choices known without asking
    return request;
}

void ServiceCatalog::audit(const QString &action, const QString &hostId, const QString &target,
                           const QString &detail, const QString &error) {
    if (!store_)
        return;
    AuditEntry e;
    e.action = action;
    e.target = target;
    auto it = hosts_.find(hostId);
    const int index = monitor_->indexOf(hostId);
    e.host =
        index >= 0 ? monitor_->host(index).url : (it != hosts_.end() ? it->second.url : hostId);
    e.result = error.isEmpty() ? QStringLiteral("ok") : QStringLiteral("failed");
    e.detail = error.isEmpty() ? detail
                               : (detail.isEmpty() ? error : detail + QStringLiteral(": ") + error);
    writeAudit(*store_, mailbox_, e, [this] { emit auditAppended(); });
}

} // namespace slipway::core
