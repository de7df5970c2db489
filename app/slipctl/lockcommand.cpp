#include "lockcommand.h"

#include "clianswer.h"
#include "clideadline.h"
#include "clideployer.h"
#include "clihosts.h"
#include "clitr.h"
#include "core/deploy/deploymentstore.h"
#include "core/locks/applock.h"
#include "core/store/store.h"
#include "engine/dockerclient.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <unistd.h>

namespace slipway::cli {

namespace {

struct Session {
    QString app, env;
    QList<core::DeployHost> hosts;
    std::unique_ptr<core::Store> store;
};

// APP, --env, the hosts (every one must be usable: a lock spans them all) and the database.
bool open(const QCommandLineParser &parser, const QString &command, Session *s, QString *why) {
    if (!CliDeployer::appAndEnv(parser, command, &s->app, &s->env, why))
        return false;
    const QList<CliHost> hosts = resolveHosts(parser, why);
    if (hosts.isEmpty())
        return false;
    const Deadline deadline(parser);
    for (const CliHost &h : hosts) {
        if (!h.client) {
            *why = tr("%1: %2").arg(hostLabel(h.config), h.invalid);
            return false;
        }
        // Each engine call is bounded by what is left of --timeout.
        h.client->setTimeout(deadline.cap(engine::kDefaultTimeout));
        core::DeployHost host;
        host.id = h.config.id;
        host.name = h.config.name;
        host.url = h.config.url;
        host.client = h.client;
        host.local = h.config.url.startsWith(QLatin1String("unix://"));
        s->hosts.append(host);
    }
    s->store = core::Store::open(storeLocation(parser), why);
    return s->store != nullptr;
}

QJsonObject holderJson(const core::LockHolder &h) {
    return QJsonObject{
        {"who", h.who},
        {"storeId", h.storeId},
        {"user", h.user},
        {"machine", h.machine},
        {"pid", double(h.pid)},
        {"token", h.token},
        {"generation", double(h.generation)},
        {"since", h.since.toString(Qt::ISODateWithMs)},
        {"heartbeat", h.heartbeat.toString(Qt::ISODateWithMs)},
        {"heartbeatAgeSeconds", double(h.heartbeatAge())},
        {"ttlSeconds", h.ttlSeconds},
        {"stale", h.stale()},
        {"host", h.hostName},
    };
}

// "alice@ws1 pid 42 (generation 1, since …, last heartbeat 3 s ago: alive)"
QString holderText(const core::LockHolder &h) {
    return tr("%1 (store %2, generation %3, since %4, last heartbeat %5 s ago, ttl %6 s: %7)")
        .arg(h.who, h.storeId)
        .arg(h.generation)
        .arg(h.since.toLocalTime().toString(Qt::ISODate))
        .arg(h.heartbeatAge())
        .arg(h.ttlSeconds)
        .arg(h.stale() ? tr("stale") : tr("alive"));
}

void addLockOptions(QCommandLineParser &parser) {
    CliDeployer::addAppOptions(parser);
    addCommonOptions(parser);
}

} // namespace

int runLock(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Shows who holds the lock of an application in an environment on the engines (the "
           "store, person, machine and process changing it now), or that it is free."));
    addLockOptions(parser);
    parser.process(arguments);
    QTextStream out(stdout);
    QTextStream err(stderr);
    Session s;
    QString why;
    if (!open(parser, QStringLiteral("lock"), &s, &why))
        return refuse(err, why);
    const auto holder = core::AppLock::holder(s.hosts, s.app, s.env, &why);
    if (!why.isEmpty()) {
        err << "slipctl: " << why << '\n';
        return 1;
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject o{{"app", s.app}, {"env", s.env}, {"free", !holder}};
        if (holder)
            o[QStringLiteral("holder")] = holderJson(*holder);
        out << QJsonDocument(o).toJson(QJsonDocument::Indented);
        return 0;
    }
    if (holder)
        out << tr("%1 in %2 is held by %3").arg(s.app, s.env, holderText(*holder)) << '\n';
    else
        out << tr("%1 in %2 is free").arg(s.app, s.env) << '\n';
    return 0;
}

int runTakeover(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Takes over the lock of an application in an environment from an owner that died or "
           "hangs: shows the holder, asks, removes its lock and takes a new one (the old owner "
           "makes no further change), records it in the audit log, then releases it. A holder "
           "whose heartbeat is still fresh is refused unless --force."));
    addLockOptions(parser);
    parser.addOption({QStringLiteral("yes"), tr("Do not ask (scripts: nothing is asked without "
                                                "a terminal, so --yes is needed there).")});
    parser.addOption(
        {QStringLiteral("force"), tr("Take over even from a holder that is alive (its heartbeat "
                                     "is fresh): it is stopped at its next change.")});
    parser.process(arguments);
    QTextStream out(stdout);
    QTextStream err(stderr);
    QTextStream in(stdin);
    Session s;
    QString why;
    if (!open(parser, QStringLiteral("takeover"), &s, &why))
        return refuse(err, why);
    const QString storeId = s.store->storeId(&why);
    if (storeId.isEmpty())
        return refuse(err, why.isEmpty() ? tr("the database has no store id") : why);
    const bool json = parser.isSet(QStringLiteral("json"));
    const bool force = parser.isSet(QStringLiteral("force"));

    const auto holder = core::AppLock::holder(s.hosts, s.app, s.env, &why);
    if (!why.isEmpty()) {
        err << "slipctl: " << why << '\n';
        return 1;
    }
    if (!holder) {
        if (json)
            out << QJsonDocument(QJsonObject{{"app", s.app},
                                             {"env", s.env},
                                             {"free", true},
                                             {"ok", true},
                                             {"takenOver", false}})
                       .toJson(QJsonDocument::Indented);
        else
            out << tr("%1 in %2 is free: nothing to take over").arg(s.app, s.env) << '\n';
        return 0;
    }
    if (!json)
        out << tr("%1 in %2 is held by %3").arg(s.app, s.env, holderText(*holder)) << '\n';
    if (!holder->stale() && !force) {
        err << "slipctl: "
            << tr("the holder is alive: its heartbeat is fresh. Take over anyway with --force "
                  "(it is stopped at its next change).")
            << '\n';
        return 1;
    }
    if (!parser.isSet(QStringLiteral("yes"))) {
        if (!::isatty(STDIN_FILENO))
            return refuse(err, tr("not confirmed: there is no terminal to ask on; pass --yes"));
        out << tr("Take over the lock of %1 in %2 from %3? [y/N] ").arg(s.app, s.env, holder->who);
        out.flush();
        const QString answer = in.readLine().trimmed().toLower();
        if (answer != QLatin1String("y") && answer != tr("y") && answer != QLatin1String("yes")) {
            err << "slipctl: " << tr("not taken over") << '\n';
            return 1;
        }
    }

    std::optional<core::LockHolder> busy;
    auto lock = core::AppLock::takeOver(s.hosts, s.app, s.env, core::LockIdentity::current(storeId),
                                        {}, holder->token, force, &busy, &why);
    core::AuditEntry entry;
    entry.action = QStringLiteral("app.takeover");
    entry.target = s.app + QLatin1Char('/') + s.env;
    QStringList urls;
    for (const auto &h : std::as_const(s.hosts))
        urls.append(h.url);
    entry.host = urls.join(QStringLiteral(", "));
    entry.result = lock ? QStringLiteral("ok") : QStringLiteral("failed");
    entry.detail =
        lock ? tr("from %1 (store %2, generation %3, %4%5); now generation %6")
                   .arg(holder->who, holder->storeId)
                   .arg(holder->generation)
                   .arg(holder->stale() ? tr("stale") : tr("alive"))
                   .arg(force ? tr(", forced") : QString())
                   .arg(lock->generation())
             : tr("from %1 (generation %2): %3").arg(holder->who).arg(holder->generation).arg(why);
    QString auditWhy;
    if (!s.store->appendAudit(entry, &auditWhy))
        err << "slipctl: " << tr("cannot write the audit log: %1").arg(auditWhy) << '\n';
    if (!lock) {
        if (json)
            out << QJsonDocument(QJsonObject{{"app", s.app},
                                             {"env", s.env},
                                             {"ok", false},
                                             {"error", why},
                                             {"holder", holderJson(busy ? *busy : *holder)}})
                       .toJson(QJsonDocument::Indented);
        err << "slipctl: " << tr("take-over failed: %1").arg(why) << '\n';
        return 1;
    }
    const qint64 generation = lock->generation();
    // A record of this database that the old holder was running ends now; this store's next
    // command recovers what it started (another store's record is that store's to end).
    QString interruptWhy;
    const int interrupted =
        core::DeploymentStore(s.store->database())
            .interruptHolding(holder->token,
                              tr("interrupted: its lock was taken over by %1")
                                  .arg(core::LockIdentity::current(storeId).who()),
                              &interruptWhy);
    if (interrupted < 0)
        err << "slipctl: " << interruptWhy << '\n';
    lock.reset(); // released: the application is free for whoever acts next
    if (json)
        out << QJsonDocument(QJsonObject{{"app", s.app},
                                         {"env", s.env},
                                         {"ok", true},
                                         {"takenOver", true},
                                         {"from", holderJson(*holder)},
                                         {"generation", double(generation)}})
                   .toJson(QJsonDocument::Indented);
    else
        out << tr("took over %1 in %2 from %3 (generation %4) and released it")
                   .arg(s.app, s.env, holder->who)
                   .arg(generation)
            << '\n';
    return 0;
}

} // namespace slipway::cli
