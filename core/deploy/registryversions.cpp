#include "core/deploy/registryversions.h"

#include "core/base/describeerror.h"
#include "core/fleet/imagecatalog.h"
#include "engine/imagereference.h"
#include "engine/registryauth.h"
#include "engine/registryclient.h"

#include <QSet>
#include <QThreadPool>
#include <algorithm>
#include <map>
#include <mutex>
#include <optional>

namespace slipway::core {

namespace {

QString q(const std::string &s) {
    return QString::fromStdString(s);
}

} // namespace

QString ImageVersion::reference() const {
    if (!tag.isEmpty())
        return repository + u':' + tag;
    return repository + u'@' + digest;
}

// Registry clients shared with the pool threads that read config.json and start requests.
struct RegistryVersions::Shared {
    Options options;
    std::mutex mutex;
    struct Entry {
        std::shared_ptr<engine::RegistryClient> client;
        std::optional<engine::RegistryCredentials> credentials;
        std::string problem;
    };
    std::map<std::string, Entry> clients; // by registry host

    // Off the GUI thread: reads config.json and runs the credential helper it names, so a
    // `docker login` since the last call counts.
    engine::Result<std::shared_ptr<engine::RegistryClient>> clientFor(const std::string &host) {
        engine::CredentialOptions where;
        where.configPath = options.dockerConfigPath.toStdString();
        std::optional<engine::RegistryCredentials> credentials;
        std::string problem;
        // A helper that fails matters only to a registry that asks for credentials: a public
        // one is still listed, and one that asks is told why there are none.
        auto resolved = engine::resolveCredentials(host, where);
        if (resolved)
            credentials = resolved.value();
        else
            problem = resolved.error().message;
        std::lock_guard lock(mutex);
        Entry &entry = clients[host];
        if (entry.client && entry.credentials == credentials && entry.problem == problem)
            return entry.client;
        const bool plain = options.plainHttpRegistries.contains(q(host), Qt::CaseInsensitive);
        auto registry = engine::RegistryEndpoint::forHost(host, plain);
        if (!registry)
            return registry.error();
        engine::RegistryClient::Options clientOptions;
        clientOptions.timeout = options.timeout;
        entry.client = std::make_shared<engine::RegistryClient>(registry.value(), credentials,
                                                                problem, clientOptions);
        entry.credentials = credentials;
        entry.problem = problem;
        return entry.client;
    }
};

RegistryVersions::RegistryVersions(ImageCatalog *catalog, QObject *parent)
    : RegistryVersions(catalog, Options{}, parent) {}

RegistryVersions::RegistryVersions(ImageCatalog *catalog, Options options, QObject *parent)
    : QObject(parent), catalog_(catalog), shared_(std::make_shared<Shared>()), mailbox_(this) {
    qRegisterMetaType<VersionList>();
    qRegisterMetaType<DeploymentHistory>();
    shared_->options = std::move(options);
    // A pull or a removal comes as a burst of row changes: one notice per burst.
    hostsTimer_.setSingleShot(true);
    hostsTimer_.setInterval(100);
    connect(&hostsTimer_, &QTimer::timeout, this, &RegistryVersions::hostsChanged);
    if (catalog_) {
        const auto poke = [this] {
            hostsTimer_.start();
        };
        connect(catalog_, &ImageCatalog::imagesInserted, this, poke);
        connect(catalog_, &ImageCatalog::imagesChanged, this, poke);
        connect(catalog_, &ImageCatalog::imagesRemoved, this, poke);
    }
}

RegistryVersions::~RegistryVersions() {
    mailbox_.close();
}

QString RegistryVersions::checkRepository(const QString &image) {
    auto split = engine::RegistryClient::splitRepository(image.trimmed().toStdString());
    return split ? QString() : q(split.error().message);
}

QString RegistryVersions::repositoryOf(const QString &image) {
    auto ref = engine::ImageReference::parse(image.trimmed().toStdString());
    return ref ? q(ref.value().repository) : QString();
}

bool RegistryVersions::versionLess(const QString &a, const QString &b) {
    // Natural order: runs of digits compare as numbers, the rest as text.
    qsizetype i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].isDigit() && b[j].isDigit()) {
            qsizetype ei = i, ej = j;
            while (ei < a.size() && a[ei].isDigit())
                ++ei;
            while (ej < b.size() && b[ej].isDigit())
                ++ej;
            QStringView na = QStringView(a).mid(i, ei - i), nb = QStringView(b).mid(j, ej - j);
            while (na.size() > 1 && na.front() == u'0')
                na = na.mid(1);
            while (nb.size() > 1 && nb.front() == u'0')
                nb = nb.mid(1);
            if (na.size() != nb.size())
                return na.size() < nb.size();
            if (const int c = na.compare(nb); c != 0)
                return c < 0;
            i = ei;
            j = ej;
            continue;
        }
        if (a[i] != b[j])
            return a[i] < b[j];
        ++i;
        ++j;
    }
    return a.size() - i < b.size() - j;
}

QStringList RegistryVersions::hostsHolding(const QString &repository, const QString &digest) const {
    QStringList hosts;
    if (!catalog_ || digest.isEmpty())
        return hosts;
    const QString pinned = repository + u'@' + digest;
    for (const ImageRecord &r : catalog_->images()) {
        if (r.stale || hosts.contains(r.hostId))
            continue;
        if ((r.repository == repository && r.digest == digest) || r.repoDigests.contains(pinned))
            hosts.append(r.hostId);
    }
    return hosts;
}

VersionList RegistryVersions::current(const QString &repository) const {
    const QString repo = repositoryOf(repository);
    VersionList list = lists_.value(repo);
    list.repository = repo;
    return merge(list);
}

VersionList RegistryVersions::merge(const VersionList &registry) const {
    VersionList out = registry;
    if (!catalog_)
        return out;
    // What the hosts hold of this repository: digest -> hosts, and rows for what the
    // registry does not list (deleted there, or never pushed).
    struct Held {
        QStringList hostIds;
        QStringList hostNames;
    };
    QHash<QString, Held> byDigest;
    QHash<QString, Held> byTagOnly;               // tag -> hosts, for images without a digest
    QList<std::pair<QString, QString>> hostPairs; // (tag, digest) in catalog order
    const QString prefix = registry.repository + u'@';
    for (const ImageRecord &r : catalog_->images()) {
        if (r.stale)
            continue;
        QString digest;
        if (r.repository == registry.repository)
            digest = r.digest;
        for (const QString &d : r.repoDigests)
            if (d.startsWith(prefix))
                digest = d.mid(prefix.size());
        if (r.repository != registry.repository && digest.isEmpty())
            continue;
        const QString tag = r.repository == registry.repository ? r.tag : QString();
        Held &held = digest.isEmpty() ? byTagOnly[tag] : byDigest[digest];
        if (!held.hostIds.contains(r.hostId)) {
            held.hostIds.append(r.hostId);
            held.hostNames.append(r.hostName.isEmpty() ? r.hostId : r.hostName);
        }
        if (!hostPairs.contains(std::pair(tag, digest)))
            hostPairs.append({tag, digest});
    }
    QSet<QString> listedDigests;
    QSet<QString> listedTags;
    for (ImageVersion &v : out.versions) {
        const Held held = v.digest.isEmpty() ? Held{} : byDigest.value(v.digest);
        v.hostIds = held.hostIds;
        v.hostNames = held.hostNames;
        if (!v.digest.isEmpty())
            listedDigests.insert(v.digest);
        listedTags.insert(v.tag);
    }
    for (const auto &[tag, digest] : std::as_const(hostPairs)) {
        if (!digest.isEmpty() && listedDigests.contains(digest))
            continue;
        if (digest.isEmpty() && (tag.isEmpty() || listedTags.contains(tag)))
            continue;
        // One row per digest: its first tag names it.
        bool seen = false;
        for (const ImageVersion &v : std::as_const(out.versions))
            seen = seen || (!digest.isEmpty() && v.digest == digest && !v.inRegistry);
        if (seen)
            continue;
        ImageVersion v;
        v.repository = registry.repository;
        v.tag = tag;
        v.digest = digest;
        const Held held = digest.isEmpty() ? byTagOnly.value(tag) : byDigest.value(digest);
        v.hostIds = held.hostIds;
        v.hostNames = held.hostNames;
        out.versions.append(v);
    }
    std::stable_sort(out.versions.begin(), out.versions.end(),
                     [](const ImageVersion &a, const ImageVersion &b) {
                         if (a.tag.isEmpty() != b.tag.isEmpty())
                             return b.tag.isEmpty();
                         return versionLess(b.tag, a.tag);
                     });
    return out;
}

quint64 RegistryVersions::load(const QString &repository) {
    const quint64 request = nextRequest_++;
    const QString repo = repositoryOf(repository);
    auto split = engine::RegistryClient::splitRepository(repository.trimmed().toStdString());
    if (!split) {
        VersionList list;
        list.repository = repository;
        list.registryError = q(split.error().message);
        Mailbox(mailbox_).post([this, request, list] { emit loaded(request, list); });
        return request;
    }
    const std::string host = split.value().first;
    const std::string path = split.value().second;
    auto shared = shared_;
    Mailbox reply = mailbox_;
    const auto finish = [this, request, repo](VersionList list) {
        lists_[repo] = list;
        emit loaded(request, merge(list));
    };
    QThreadPool::globalInstance()->start([shared, reply, host, path, repo, finish] {
        auto client = shared->clientFor(host);
        if (!client) {
            VersionList list;
            list.repository = repo;
            list.registryError = describeError(client.error());
            reply.post([finish, list] { finish(list); });
            return;
        }
        client.value()->tagDigests(path).then(
            [reply, repo, finish](engine::Result<std::vector<engine::TagDigest>> r) {
                VersionList list;
                list.repository = repo;
                if (!r) {
                    list.registryError = describeError(r.error());
                } else {
                    list.registryListed = true;
                    for (const auto &t : r.value()) {
                        ImageVersion v;
                        v.repository = repo;
                        v.tag = q(t.tag);
                        v.digest = q(t.digest);
                        v.error = q(t.error);
                        v.inRegistry = true;
                        list.versions.append(v);
                    }
                }
                reply.post([finish, list] { finish(list); });
            });
    });
    return request;
}

quint64 RegistryVersions::markRestorable(const DeploymentHistory &history) {
    const quint64 request = nextRequest_++;
    // Hosts are known here; only what no host holds goes to the registry.
    struct Ask {
        std::string host;
        std::string path;
        std::string digest;
    };
    DeploymentHistory marked = history;
    std::vector<Ask> asks;
    QSet<QString> asked;
    for (DeploymentRecord &r : marked) {
        const QString digest = r.config.digest;
        const QString repo = repositoryOf(r.config.image);
        if (digest.isEmpty() || repo.isEmpty())
            continue;
        if (!hostsHolding(repo, digest).isEmpty()) {
            r.restorable = true;
            continue;
        }
        auto split = engine::RegistryClient::splitRepository(r.config.image.toStdString());
        if (!split || asked.contains(repo + u'@' + digest))
            continue;
        asked.insert(repo + u'@' + digest);
        asks.push_back({split.value().first, split.value().second, digest.toStdString()});
    }
    if (asks.empty()) {
        Mailbox(mailbox_).post([this, request, marked] { emit restorableMarked(request, marked); });
        return request;
    }
    struct Join {
        std::mutex mutex;
        std::size_t pending = 0;
        QHash<QString, bool> found; // "path@digest" -> registry has it
    };
    auto join = std::make_shared<Join>();
    join->pending = asks.size();
    auto shared = shared_;
    Mailbox reply = mailbox_;
    const auto finish = [this, request, marked](const QHash<QString, bool> &found) {
        DeploymentHistory out = marked;
        for (DeploymentRecord &r : out) {
            auto split = engine::RegistryClient::splitRepository(r.config.image.toStdString());
            if (!split || r.config.digest.isEmpty())
                continue;
            const QString key = q(split.value().second) + u'@' + r.config.digest;
            if (found.contains(key) &&
                hostsHolding(repositoryOf(r.config.image), r.config.digest).isEmpty())
                r.restorable = found.value(key);
        }
        emit restorableMarked(request, out);
    };
    QThreadPool::globalInstance()->start([shared, reply, join, asks, finish] {
        const auto done = [reply, join, finish](const Ask &ask, std::optional<bool> has) {
            std::lock_guard lock(join->mutex);
            if (has)
                join->found.insert(q(ask.path) + u'@' + q(ask.digest), *has);
            if (--join->pending == 0)
                reply.post([finish, found = join->found] { finish(found); });
        };
        for (const Ask &ask : asks) {
            auto client = shared->clientFor(ask.host);
            if (!client) {
                done(ask, std::nullopt);
                continue;
            }
            client.value()
                ->hasManifest(ask.path, ask.digest)
                .then([ask, done](engine::Result<bool> r) {
                    done(ask, r ? std::optional<bool>(r.value()) : std::nullopt);
                });
        }
    });
    return request;
}

} // namespace slipway::core
