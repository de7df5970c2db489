#include "core/fleet/hostmonitor.h"

#include "core/base/describeerror.h"
#include "core/fleet/hostendpoint.h"
#include "core/fleet/hostlist.h"
#include "core/fleet/hostprobe.h"
#include "core/store/storethread.h"
#include "engine/dockerclient.h"

namespace slipway::core {

struct PreparedHost {
    HostConfig config;
    std::optional<engine::Endpoint> endpoint;
    QString problem; // why there is no endpoint
};

namespace {

// Store thread: checks the URL and that the TLS files are there.
PreparedHost prepare(const HostConfig &config) {
    PreparedHost p{config, std::nullopt, {}};
    auto endpoint = hostEndpoint(config, HostConfig::FileCheck::Check);
    if (endpoint)
        p.endpoint = std::move(endpoint).value();
    else
        p.problem = describeError(endpoint.error());
    return p;
}

struct LoadResult {
    QList<PreparedHost> hosts;
    QStringList problems;
};

struct SaveResult {
    bool ok = false;
    QString error;
    std::optional<PreparedHost> host;
};

void audit(Store *store, const QString &action, const HostConfig &host, const QString &error) {
    AuditEntry e;
    e.action = action;
    e.target = host.name;
    e.host = host.url;
    e.result = error.isEmpty() ? QStringLiteral("ok") : QStringLiteral("failed");
    e.detail = error;
    store->appendAudit(e); // a failed audit write must not undo the change it records
}

bool isUserOrCli(const HostConfig &c) {
    return c.source == HostConfig::Source::User || c.source == HostConfig::Source::CommandLine;
}

} // namespace

HostMonitor::HostMonitor(std::shared_ptr<StoreThread> store, Options options, QObject *parent)
    : QObject(parent), store_(std::move(store)), options_(std::move(options)), mailbox_(this) {
    timer_.setInterval(options_.refreshInterval);
    connect(&timer_, &QTimer::timeout, this, &HostMonitor::refresh);
}

HostMonitor::~HostMonitor() {
    mailbox_.close();
    for (Entry &e : entries_)
        disposeClient(std::move(e.client));
    for (auto &[request, client] : testClients_)
        disposeClient(std::move(client));
}

void HostMonitor::disposeClient(std::shared_ptr<engine::DockerClient> client) {
    if (client)
        store_->dispose(std::move(client));
}

void HostMonitor::start() {
    const Options opts = options_;
    store_->run<LoadResult>(
        [opts](Store *store, const QString &openError) {
            LoadResult r;
            QList<HostConfig> saved;
            if (store) {
                QString error;
                saved = store->userHosts(&error);
                if (!error.isEmpty())
                    r.problems << tr("Cannot read the saved hosts: %1").arg(error);
            } else {
                r.problems << openError;
            }
            QList<HostConfig> all;
            if (opts.overrideHosts)
                all = *opts.overrideHosts;
            else
                all = discoverHosts(saved, opts.environment, opts.localSocketPath, &r.problems);
            for (const HostConfig &h : all)
                r.hosts.append(prepare(h));
            return r;
        },
        mailbox_,
        [this](const LoadResult &r) {
            for (const PreparedHost &p : r.hosts)
                insertEntry(int(entries_.size()), makeEntry(p));
            loaded_ = true;
            for (const QString &problem : r.problems)
                emit this->problem(problem);
            emit loaded();
            refresh();
            timer_.start();
        });
}

HostMonitor::Entry HostMonitor::makeEntry(const PreparedHost &prepared) {
    Entry e;
    e.config = prepared.config;
    e.generation = nextGeneration_++;
    if (prepared.endpoint) {
        // The probe bounds its own calls; the inventory's lists and the image actions, which
        // can take far longer on a big or slow host, keep the client's default limit.
        e.client = std::make_shared<engine::DockerClient>(*prepared.endpoint);
        e.client->setConnectTimeout(options_.connectTimeout);
        // Whoever asks first (the probe, or the inventory's stream), reaching the engine
        // is bounded as the probe is.
        e.client->setPingTimeout(options_.probeTimeout);
        e.status.tls = prepared.endpoint->tls;
        e.status.tlsVerifyOff = prepared.endpoint->tls && !prepared.endpoint->tlsFiles.verifyPeer;
    } else {
        e.status.state = HostStatus::State::Down;
        e.status.error = prepared.problem;
        e.status.checkedAt = QDateTime::currentDateTimeUtc();
    }
    return e;
}

void HostMonitor::insertEntry(int index, Entry entry) {
    const HostConfig config = entry.config;
    entries_.insert(index, std::move(entry));
    emit hostInserted(index, config);
}

QList<HostConfig> HostMonitor::hosts() const {
    QList<HostConfig> list;
    for (const Entry &e : entries_)
        list.append(e.config);
    return list;
}

int HostMonitor::indexOf(const QString &id) const {
    for (int i = 0; i < entries_.size(); ++i)
        if (entries_[i].config.id == id)
            return i;
    return -1;
}

HostConfig HostMonitor::host(int index) const {
    return index >= 0 && index < entries_.size() ? entries_[index].config : HostConfig{};
}

HostStatus HostMonitor::status(int index) const {
    return index >= 0 && index < entries_.size() ? entries_[index].status : HostStatus{};
}

int HostMonitor::upCount() const {
    return int(std::count_if(entries_.begin(), entries_.end(), [](const Entry &e) {
        return e.status.state == HostStatus::State::Up;
    }));
}

QString HostMonitor::identity(int index) const {
    if (index < 0 || index >= entries_.size())
        return {};
    const Entry &e = entries_[index];
    if (!e.status.engineId.isEmpty())
        return e.status.engineId;
    return e.status.everUp() ? e.config.id : QString();
}

int HostMonitor::indexOfIdentity(const QString &id) const {
    if (id.isEmpty())
        return -1;
    for (int i = 0; i < entries_.size(); ++i)
        if (identity(i) == id)
            return i;
    return -1;
}

QString HostMonitor::hostName(const QString &id) const {
    int i = indexOf(id);
    if (i < 0)
        i = indexOfIdentity(id);
    return i < 0 ? QString() : entries_[i].config.name;
}

void HostMonitor::markSameEngines(int quiet) {
    QStringList ids, names;
    for (const Entry &e : std::as_const(entries_)) {
        ids.append(e.status.engineId);
        names.append(e.config.name);
    }
    const QList<QStringList> same = HostStatus::sameEngine(ids, names);
    for (int i = 0; i < entries_.size(); ++i) {
        if (entries_[i].status.sameEngineAs == same[i])
            continue;
        entries_[i].status.sameEngineAs = same[i];
        if (i != quiet)
            emit statusChanged(i, entries_[i].status);
    }
}

std::shared_ptr<engine::DockerClient> HostMonitor::client(const QString &id) const {
    const int i = indexOf(id);
    return i < 0 ? nullptr : entries_[i].client;
}

void HostMonitor::refresh() {
    for (const Entry &e : entries_)
        refreshHost(e.config.id);
}

void HostMonitor::refreshHost(const QString &id) {
    const int i = indexOf(id);
    if (i < 0)
        return;
    Entry &e = entries_[i];
    if (!e.client || e.probing)
        return; // an invalid host stays down with its reason; a slow one is not asked twice
    e.probing = true;
    probeHost(
        e.client, mailbox_,
        [this, id, gen = e.generation](const HostStatus &status) { onProbed(id, gen, status); },
        options_.probeTimeout);
}

void HostMonitor::onProbed(const QString &id, quint64 generation, HostStatus status) {
    const int i = indexOf(id);
    if (i < 0 || entries_[i].generation != generation)
        return;
    Entry &e = entries_[i];
    e.probing = false;
    if (status.state == HostStatus::State::Down && e.status.everUp()) {
        // Keep what it was when it last answered, for the details pane; shown greyed.
        HostStatus kept = e.status;
        kept.state = status.state;
        kept.error = status.error;
        kept.checkedAt = status.checkedAt;
        status = kept;
    }
    e.status = status;
    markSameEngines(i);
    emit statusChanged(i, entries_[i].status);
}

namespace {
// On the store thread: checks the host, saves it and writes the audit entry.
SaveResult saveOnStore(Store *store, const QString &openError, const HostConfig &host,
                       const QString &action) {
    SaveResult r;
    PreparedHost p = prepare(host);
    if (!p.endpoint) {
        r.error = p.problem;
        return r;
    }
    if (!store) {
        r.error = openError;
        return r;
    }
    r.ok = store->saveHost(host, &r.error);
    audit(store, action, host, r.error);
    if (r.ok)
        r.host = p;
    return r;
}
} // namespace

quint64 HostMonitor::addHost(HostConfig host) {
    const quint64 request = nextRequest_++;
    if (host.id.isEmpty())
        host.id = HostConfig::newUserId();
    host.source = HostConfig::Source::User;
    store_->run<SaveResult>(
        [host](Store *store, const QString &openError) {
            return saveOnStore(store, openError, host, QStringLiteral("host.add"));
        },
        mailbox_,
        [this, request](const SaveResult &r) {
            if (r.ok) {
                // The user's own entry wins over a discovered one with the same URL.
                const QString url = canonicalUrl(r.host->config.url);
                for (int i = int(entries_.size()) - 1; i >= 0; --i) {
                    if (!isUserOrCli(entries_[i].config) &&
                        canonicalUrl(entries_[i].config.url) == url) {
                        const QString id = entries_[i].config.id;
                        disposeClient(std::move(entries_[i].client));
                        entries_.removeAt(i);
                        emit hostRemoved(i, id);
                    }
                }
                int index = 0;
                while (index < entries_.size() && isUserOrCli(entries_[index].config))
                    ++index;
                insertEntry(index, makeEntry(*r.host));
                markSameEngines();
                refreshHost(r.host->config.id);
            }
            emit requestFinished(request, r.ok, r.error);
            emit auditAppended();
        });
    return request;
}

quint64 HostMonitor::updateHost(const HostConfig &host) {
    const quint64 request = nextRequest_++;
    const int i = indexOf(host.id);
    if (i < 0 || entries_[i].config.source != HostConfig::Source::User) {
        const QString error = i < 0 ? tr("There is no host with the id \"%1\".").arg(host.id)
                                    : tr("\"%1\" comes from %2 and cannot be edited here.")
                                          .arg(entries_[i].config.name,
                                               HostConfig::sourceName(entries_[i].config.source));
        QMetaObject::invokeMethod(
            this, [this, request, error] { emit requestFinished(request, false, error); },
            Qt::QueuedConnection);
        return request;
    }
    HostConfig updated = host;
    updated.source = HostConfig::Source::User;
    store_->run<SaveResult>(
        [updated](Store *store, const QString &openError) {
            return saveOnStore(store, openError, updated, QStringLiteral("host.edit"));
        },
        mailbox_,
        [this, request](const SaveResult &r) {
            if (r.ok) {
                const int index = indexOf(r.host->config.id);
                if (index >= 0) {
                    disposeClient(std::move(entries_[index].client));
                    entries_[index] = makeEntry(*r.host);
                    emit hostUpdated(index, entries_[index].config);
                    markSameEngines(index);
                    emit statusChanged(index, entries_[index].status);
                    refreshHost(r.host->config.id);
                }
            }
            emit requestFinished(request, r.ok, r.error);
            emit auditAppended();
        });
    return request;
}

quint64 HostMonitor::removeHost(const QString &id) {
    const quint64 request = nextRequest_++;
    const int i = indexOf(id);
    if (i < 0 || !isUserOrCli(entries_[i].config)) {
        const QString error = i < 0 ? tr("There is no host with the id \"%1\".").arg(id)
                                    : tr("\"%1\" comes from %2; remove it there.")
                                          .arg(entries_[i].config.name,
                                               HostConfig::sourceName(entries_[i].config.source));
        QMetaObject::invokeMethod(
            this, [this, request, error] { emit requestFinished(request, false, error); },
            Qt::QueuedConnection);
        return request;
    }
    const HostConfig host = entries_[i].config;
    const auto finish = [this, request, id](bool ok, const QString &error) {
        if (ok) {
            const int index = indexOf(id);
            if (index >= 0) {
                disposeClient(std::move(entries_[index].client));
                entries_.removeAt(index);
                emit hostRemoved(index, id);
                markSameEngines();
            }
        }
        emit requestFinished(request, ok, error);
    };
    if (host.source == HostConfig::Source::CommandLine) {
        QMetaObject::invokeMethod(
            this, [finish] { finish(true, {}); }, Qt::QueuedConnection);
        return request;
    }
    store_->run<SaveResult>(
        [host](Store *store, const QString &openError) {
            SaveResult r;
            if (!store) {
                r.error = openError;
                return r;
            }
            r.ok = store->removeHost(host.id, &r.error);
            audit(store, QStringLiteral("host.remove"), host, r.error);
            return r;
        },
        mailbox_,
        [this, finish](const SaveResult &r) {
            finish(r.ok, r.error);
            emit auditAppended();
        });
    return request;
}

quint64 HostMonitor::testConnection(const HostConfig &host) {
    const quint64 request = nextRequest_++;
    store_->run<PreparedHost>([host](Store *, const QString &) { return prepare(host); }, mailbox_,
                              [this, request](const PreparedHost &p) {
                                  if (!p.endpoint) {
                                      HostStatus down;
                                      down.state = HostStatus::State::Down;
                                      down.error = p.problem;
                                      down.checkedAt = QDateTime::currentDateTimeUtc();
                                      emit connectionTested(request, down);
                                      return;
                                  }
                                  auto client = std::make_shared<engine::DockerClient>(*p.endpoint);
                                  client->setConnectTimeout(options_.connectTimeout);
                                  testClients_[request] = client;
                                  probeHost(
                                      client, mailbox_,
                                      [this, request](const HostStatus &s) {
                                          auto it = testClients_.find(request);
                                          if (it != testClients_.end()) {
                                              disposeClient(std::move(it->second));
                                              testClients_.erase(it);
                                          }
                                          emit connectionTested(request, s);
                                      },
                                      options_.probeTimeout);
                              });
    return request;
}

} // namespace slipway::core
