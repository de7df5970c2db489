#include "core/locks/applock.h"

#include "core/locks/helperimage.h"
#include "core/store/store.h"
#include "engine/dockerclient.h"

#include <QCryptographicHash>
#include <QLocale>
#include <QSysInfo>
#include <QUuid>
#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <csignal>
#include <mutex>
#include <thread>

namespace slipway::core {

namespace {

constexpr const char *kApp = "slipway.lock.app";
constexpr const char *kEnv = "slipway.lock.env";
constexpr const char *kHolder = "slipway.lock.holder";
constexpr const char *kStore = "slipway.lock.store";
constexpr const char *kUser = "slipway.lock.user";
constexpr const char *kMachine = "slipway.lock.machine";
constexpr const char *kPid = "slipway.lock.pid";
constexpr const char *kToken = "slipway.lock.token";
constexpr const char *kGeneration = "slipway.lock.generation";
constexpr const char *kSince = "slipway.lock.since";
constexpr const char *kTtl = "slipway.lock.ttl";
// Where the heartbeat goes: the kernel stamps the directory when the file in it is replaced.
constexpr const char *kBeatDir = "/tmp";
// A create answered 409 by a lock that is gone when read: try again, a few times.
constexpr int kCreateAttempts = 4;

QString q(const std::string &s) {
    return QString::fromStdString(s);
}

QString describe(const engine::Error &e) {
    return q(e.describe());
}

QString label(const engine::Labels &labels, const char *key) {
    const auto it = labels.find(key);
    return it == labels.end() ? QString() : q(it->second);
}

QList<DeployHost> ordered(QList<DeployHost> hosts) {
    std::sort(hosts.begin(), hosts.end(),
              [](const DeployHost &a, const DeployHost &b) { return a.id < b.id; });
    return hosts;
}

// An uncompressed tar of one regular file, for PUT archive.
std::string tarOfOneFile(const std::string &name, const std::string &content, qint64 mtime) {
    std::string header(512, '\0');
    const auto put = [&](std::size_t at, std::size_t width, const std::string &text) {
        header.replace(at, std::min(width, text.size()), text.substr(0, width));
    };
    const auto octal = [](qint64 value, int digits) {
        std::string s = QString::number(value, 8).toStdString();
        return std::string(std::max<std::size_t>(0, digits - s.size()), '0') + s;
    };
    put(0, 100, name);
    put(100, 8, octal(0644, 7));
    put(108, 8, octal(0, 7));
    put(116, 8, octal(0, 7));
    put(124, 12, octal(qint64(content.size()), 11));
    put(136, 12, octal(mtime, 11));
    put(148, 8, std::string(8, ' '));
    header[156] = '0';
    put(257, 6, std::string("ustar\0", 6));
    put(263, 2, "00");
    unsigned sum = 0;
    for (unsigned char c : header)
        sum += c;
    put(148, 8, octal(sum, 6) + std::string("\0 ", 2));
    std::string tar = header + content;
    tar.append((512 - content.size() % 512) % 512, '\0');
    tar.append(1024, '\0');
    return tar;
}

// A holder on this machine whose process has ended: it holds nothing any more.
bool deadHereAndNow(const LockHolder &h, const LockIdentity &me) {
    if (h.machine.isEmpty() || h.machine != me.machine || h.pid <= 0 || h.pid == me.pid)
        return false;
    return ::kill(pid_t(h.pid), 0) != 0 && errno == ESRCH;
}

// An HTTP Date header, "Fri, 04 Dec 2026 18:16:41 GMT" (RFC 9110's IMF-fixdate), in UTC.
QDateTime httpDate(const QString &text) {
    QString t = text.trimmed();
    if (!t.endsWith(QLatin1String(" GMT")))
        return {};
    t.chop(4);
    const QDateTime local = QLocale::c().toDateTime(t, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss"));
    return local.isValid() ? QDateTime(local.date(), local.time(), Qt::UTC) : QDateTime();
}

enum class Read { Free, Held, Failed };

// The lock object of `name` on `host`, with its heartbeat read on the engine's clock.
Read readHolder(const DeployHost &host, const QString &name, LockHolder *out, QString *error) {
    auto inspected = host.client->inspectContainer(name.toStdString()).wait();
    if (!inspected) {
        if (inspected.error().httpStatus == 404)
            return Read::Free;
        *error =
            AppLock::tr("%1: cannot read the lock: %2").arg(host.name, describe(inspected.error()));
        return Read::Failed;
    }
    const auto &c = inspected.value();
    LockHolder h;
    h.who = label(c.labels, kHolder);
    h.storeId = label(c.labels, kStore);
    h.user = label(c.labels, kUser);
    h.machine = label(c.labels, kMachine);
    h.pid = label(c.labels, kPid).toLongLong();
    h.token = label(c.labels, kToken);
    h.generation = label(c.labels, kGeneration).toLongLong();
    h.since = QDateTime::fromString(label(c.labels, kSince), Qt::ISODateWithMs).toUTC();
    h.ttlSeconds = std::max(1, label(c.labels, kTtl).toInt());
    h.hostId = host.id;
    h.hostName = host.name;
    h.objectId = q(c.id);
    if (h.token.isEmpty()) {
        *error = AppLock::tr("%1: the container %2 is not a Slipway lock (no token label)")
                     .arg(host.name, name);
        return Read::Failed;
    }
    auto stat = host.client->statPathInfo(c.id, kBeatDir).wait();
    if (!stat) {
        if (stat.error().httpStatus == 404)
            return Read::Free; // removed while being read
        *error = AppLock::tr("%1: cannot read the lock's heartbeat: %2")
                     .arg(host.name, describe(stat.error()));
        return Read::Failed;
    }
    // Both times are the engine host's: only their difference is used here.
    const QDateTime engineNow = httpDate(q(stat.value().engineDate));
    QDateTime beat = QDateTime::fromString(q(stat.value().mtime), Qt::ISODateWithMs).toUTC();
    const QDateTime created = QDateTime::fromString(q(c.created), Qt::ISODateWithMs).toUTC();
    if (!beat.isValid() || (created.isValid() && created > beat))
        beat = created; // no heartbeat written yet: the create is the first sign of life
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!engineNow.isValid() || !beat.isValid()) {
        h.heartbeat = QDateTime(); // unknown: counts as stale
    } else {
        // The Date header has whole seconds: a fresh heartbeat may look up to 1 s younger.
        h.heartbeat = now.addMSecs(-std::max<qint64>(0, beat.msecsTo(engineNow)));
    }
    *out = h;
    return Read::Held;
}

} // namespace

LockIdentity LockIdentity::current(const QString &storeId) {
    return {storeId, Store::currentOsUser(), QSysInfo::machineHostName(),
            QCoreApplication::applicationPid()};
}

QString LockIdentity::who() const {
    return QStringLiteral("%1@%2 pid %3").arg(user, machine).arg(pid);
}

bool LockHolder::stale(const QDateTime &nowUtc) const {
    return !heartbeat.isValid() || heartbeat.msecsTo(nowUtc) > qint64(ttlSeconds) * 1000;
}

qint64 LockHolder::heartbeatAge(const QDateTime &nowUtc) const {
    if (!heartbeat.isValid())
        return -1;
    return (std::max<qint64>(0, heartbeat.msecsTo(nowUtc)) + 999) / 1000;
}

struct AppLock::Impl {
    QString app, env, token;
    qint64 generation = 1;
    LockIdentity me;
    Options options;
    std::optional<LockHolder> replaced;
    struct Held {
        DeployHost host;
        std::string objectId;
    };
    QList<Held> held;

    std::thread beater;
    std::mutex mutex;
    std::condition_variable wake;
    bool stopping = false;
    std::atomic<bool> lost{false};

    std::string beat() const {
        const QString text =
            QStringLiteral("%1 %2 %3\n")
                .arg(token, me.who(), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
        return tarOfOneFile("heartbeat", text.toStdString(), QDateTime::currentSecsSinceEpoch());
    }

    // One heartbeat on each host; a lock object that is gone is lost, not re-created.
    void beatAll() {
        for (const Held &h : held) {
            auto r = h.host.client->putArchive(h.objectId, kBeatDir, beat()).wait();
            if (!r && r.error().httpStatus == 404)
                lost = true;
        }
    }

    void startBeating() {
        if (!options.heartbeat)
            return;
        const auto every =
            std::max(std::chrono::milliseconds(200), std::chrono::milliseconds(options.ttl) / 3);
        beater = std::thread([this, every] {
            std::unique_lock lock(mutex);
            while (!stopping) {
                if (wake.wait_for(lock, every, [this] { return stopping; }))
                    break;
                lock.unlock();
                beatAll();
                lock.lock();
            }
        });
    }

    void stopBeating() {
        {
            std::lock_guard lock(mutex);
            stopping = true;
        }
        wake.notify_all();
        if (beater.joinable())
            beater.join();
    }

    // Removes what this lock created: by ID, so never a lock object someone else created since.
    void releaseAll() {
        for (const Held &h : held)
            (void)h.host.client->removeContainer(h.objectId, true).wait();
        held.clear();
    }

    engine::ContainerCreate spec(const QString &image, const QString &name) const {
        engine::ContainerCreate s;
        s.name = name.toStdString();
        s.image = image.toStdString();
        s.cmd = {"true"};
        s.networkMode = "none";
        s.labels = {
            {kApp, app.toStdString()},
            {kEnv, env.toStdString()},
            {kHolder, me.who().toStdString()},
            {kStore, me.storeId.toStdString()},
            {kUser, me.user.toStdString()},
            {kMachine, me.machine.toStdString()},
            {kPid, std::to_string(me.pid)},
            {kToken, token.toStdString()},
            {kGeneration, std::to_string(generation)},
            {kSince, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString()},
            {kTtl, std::to_string(options.ttl.count())},
        };
        return s;
    }

    enum class Take { Taken, Busy, Failed };

    // Creates the lock object on `host`. Busy with `*busy` when another holds it; a dead holder
    // on this machine is replaced when `replaceDead`.
    Take take(const DeployHost &host, bool replaceDead, std::optional<LockHolder> *busy,
              QString *error) {
        const QString name = AppLock::objectName(app, env);
        for (int attempt = 0; attempt < kCreateAttempts; ++attempt) {
            const QString image = HelperImage::ensure(host, error);
            if (image.isEmpty())
                return Take::Failed;
            auto created = host.client->createContainer(spec(image, name)).wait();
            if (created) {
                held.append({host, created.value()});
                // The first heartbeat now, so that readers never see the image's old /tmp.
                (void)host.client->putArchive(created.value(), kBeatDir, beat()).wait();
                return Take::Taken;
            }
            const auto &e = created.error();
            if (e.httpStatus == 404) {
                HelperImage::forget(host); // someone removed the helper image: load it again
                continue;
            }
            if (e.httpStatus != 409) {
                *error = AppLock::tr("%1: cannot create the lock %2: %3")
                             .arg(host.name, name, describe(e));
                return Take::Failed;
            }
            LockHolder other;
            const Read read = readHolder(host, name, &other, error);
            if (read == Read::Failed)
                return Take::Failed;
            if (read == Read::Free)
                continue; // released meanwhile
            if (replaceDead && deadHereAndNow(other, me)) {
                auto removed = host.client->removeContainer(other.objectId.toStdString()).wait();
                if (!removed && removed.error().httpStatus != 404) {
                    *error = AppLock::tr("%1: cannot remove the lock of the ended process %2: %3")
                                 .arg(host.name, other.who, describe(removed.error()));
                    return Take::Failed;
                }
                generation = std::max(generation, other.generation + 1);
                if (!replaced)
                    replaced = other;
                continue;
            }
            *busy = other;
            return Take::Busy;
        }
        *error = AppLock::tr("%1: the lock %2 kept changing hands; try again").arg(host.name, name);
        return Take::Failed;
    }
};

AppLock::AppLock(std::unique_ptr<Impl> impl) : d(std::move(impl)) {}

AppLock::~AppLock() {
    d->stopBeating();
    d->releaseAll();
}

QString AppLock::objectName(const QString &app, const QString &env) {
    const QByteArray hash =
        QCryptographicHash::hash((app + QLatin1Char('\n') + env).toUtf8(), QCryptographicHash::Sha1)
            .toHex()
            .left(16);
    return QStringLiteral("slipway-lock-") + QString::fromLatin1(hash);
}

namespace {

bool checkInput(const QList<DeployHost> &hosts, const QString &app, const QString &env,
                QString *error) {
    if (app.isEmpty() || env.isEmpty()) {
        *error = AppLock::tr("a lock needs an application and an environment");
        return false;
    }
    if (hosts.isEmpty()) {
        *error = AppLock::tr("no host to take the lock of %1 in %2 on").arg(app, env);
        return false;
    }
    for (const DeployHost &h : hosts) {
        if (!h.client) {
            *error = AppLock::tr("%1: no connection to the engine").arg(h.name);
            return false;
        }
    }
    return true;
}

} // namespace

std::unique_ptr<AppLock> AppLock::acquire(const QList<DeployHost> &hosts, const QString &app,
                                          const QString &env, const LockIdentity &me,
                                          Options options, std::optional<LockHolder> *busy,
                                          QString *error) {
    busy->reset();
    if (!checkInput(hosts, app, env, error))
        return nullptr;
    auto d = std::make_unique<Impl>();
    d->app = app;
    d->env = env;
    d->me = me;
    d->options = options;
    d->token = QUuid::createUuid().toString(QUuid::WithoutBraces);
    for (const DeployHost &host : ordered(hosts)) {
        if (d->take(host, true, busy, error) != Impl::Take::Taken) {
            d->releaseAll();
            return nullptr;
        }
    }
    d->startBeating();
    return std::unique_ptr<AppLock>(new AppLock(std::move(d)));
}

std::unique_ptr<AppLock> AppLock::takeOver(const QList<DeployHost> &hosts, const QString &app,
                                           const QString &env, const LockIdentity &me,
                                           Options options, const QString &expectedToken,
                                           bool evenIfAlive, std::optional<LockHolder> *busy,
                                           QString *error) {
    busy->reset();
    if (!checkInput(hosts, app, env, error))
        return nullptr;
    if (expectedToken.isEmpty()) {
        *error = tr("no lock was named to take over");
        return nullptr;
    }
    const QString name = objectName(app, env);
    const QList<DeployHost> sorted = ordered(hosts);
    // First read every host: nothing is removed unless the whole take-over may go ahead.
    QList<std::optional<LockHolder>> found;
    std::optional<LockHolder> old;
    qint64 generation = 0;
    for (const DeployHost &host : sorted) {
        LockHolder h;
        const Read read = readHolder(host, name, &h, error);
        if (read == Read::Failed)
            return nullptr;
        if (read == Read::Free) {
            found.append(std::nullopt);
            continue;
        }
        if (h.token != expectedToken) {
            *busy = h;
            *error = tr("%1 in %2 is now held by %3 (generation %4), not by the holder to take "
                        "over")
                         .arg(app, env, h.who)
                         .arg(h.generation);
            return nullptr;
        }
        if (!evenIfAlive && !h.stale()) {
            *busy = h;
            *error = tr("%1 holds %2 in %3 and is alive (a heartbeat %4 s ago, ttl %5 s)")
                         .arg(h.who, app, env)
                         .arg(h.heartbeatAge())
                         .arg(h.ttlSeconds);
            return nullptr;
        }
        generation = std::max(generation, h.generation);
        if (!old)
            old = h;
        found.append(h);
    }
    auto d = std::make_unique<Impl>();
    d->app = app;
    d->env = env;
    d->me = me;
    d->options = options;
    d->token = QUuid::createUuid().toString(QUuid::WithoutBraces);
    d->generation = generation + 1;
    d->replaced = old;
    for (qsizetype i = 0; i < sorted.size(); ++i) {
        const DeployHost &host = sorted[i];
        if (found[i]) {
            // By the ID read above: a lock object created since (another take-over) stays.
            auto removed =
                host.client->removeContainer(found[i]->objectId.toStdString(), true).wait();
            if (!removed && removed.error().httpStatus != 404) {
                *error = tr("%1: cannot remove the lock of %2: %3")
                             .arg(host.name, found[i]->who, describe(removed.error()));
                d->releaseAll();
                return nullptr;
            }
        }
        if (d->take(host, false, busy, error) != Impl::Take::Taken) {
            d->releaseAll();
            return nullptr;
        }
    }
    d->startBeating();
    return std::unique_ptr<AppLock>(new AppLock(std::move(d)));
}

std::optional<LockHolder> AppLock::holder(const QList<DeployHost> &hosts, const QString &app,
                                          const QString &env, QString *error) {
    if (!checkInput(hosts, app, env, error))
        return std::nullopt;
    const QString name = objectName(app, env);
    for (const DeployHost &host : ordered(hosts)) {
        LockHolder h;
        const Read read = readHolder(host, name, &h, error);
        if (read == Read::Failed)
            return std::nullopt;
        if (read == Read::Held)
            return h;
    }
    return std::nullopt;
}

bool AppLock::holds(const DeployHost &host, QString *error) const {
    if (!host.client) {
        *error = tr("%1: no connection to the engine").arg(host.name);
        return false;
    }
    auto inspected = host.client->inspectContainer(objectName(d->app, d->env).toStdString()).wait();
    if (!inspected) {
        if (inspected.error().httpStatus != 404)
            *error = tr("%1: cannot read the lock: %2").arg(host.name, describe(inspected.error()));
        return false;
    }
    return label(inspected.value().labels, kToken) == d->token;
}

bool AppLock::lost() const {
    return d->lost;
}

QString AppLock::token() const {
    return d->token;
}

qint64 AppLock::generation() const {
    return d->generation;
}

QString AppLock::app() const {
    return d->app;
}

QString AppLock::env() const {
    return d->env;
}

std::optional<LockHolder> AppLock::replaced() const {
    return d->replaced;
}

} // namespace slipway::core
