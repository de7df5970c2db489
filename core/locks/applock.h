// AppLock: one application+environment's lock on the engines themselves, so that two stores
// (two workstations, a GUI and slipctl, each with its own database) never change it at once.
//
// The lock object is a container that is created and never started, from the HelperImage, named
// slipway-lock-<first 16 hex of sha1(app "\n" env)> (names may contain '-', '.', '_': joined
// they would be ambiguous) and labelled slipway.lock.{app,env,holder,store,user,machine,pid,
// token,generation,since,ttl}. The engine answers a second create of that name with 409: that
// is the mutual exclusion, across any number of databases and machines.
//
// Heartbeat: a thread per AppLock writes a small file into /tmp of each of its lock objects
// every ttl/3 (PUT archive works on a created container). The engine's kernel then stamps /tmp
// with the engine host's time; a reader compares that with the engine's own clock (the Date of
// the same answer), so no two workstations' clocks are ever compared. A lock whose last
// heartbeat is older than its ttl is stale: its owner died, hangs, or lost the engine.
//
// Take-over: never automatic (except a holder on this same machine whose process is gone);
// takeOver() removes the lock objects carrying the token the user was shown and takes the lock
// with generation+1 and a new token. The caller asks first and audits it.
//
// Fencing: every engine write of a change calls holds() first, which reads the lock object by
// name and compares its token. An owner paused (SIGSTOP) whose lock was taken over finds a new
// token after SIGCONT and makes no change; its heartbeat addresses its own lock object by ID,
// which is gone, so it cannot refresh the new owner's either.
// The residual race: a take-over that lands between an owner's holds() and its next write lets
// that one write through. It is accepted: the engine has no compare-and-write to close it; a
// take-over needs a lock that has been silent for its whole ttl (seconds) against a window of
// one engine call; and the write after it checks again and stops.
//
// Every call blocks on the engines: worker threads only, never the GUI thread.
#pragma once

#include "core/deploy/rolloutsteps.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <chrono>
#include <memory>
#include <optional>

namespace slipway::core {

// Who asks for a lock: this store, this person, this process.
struct LockIdentity {
    QString storeId;
    QString user;
    QString machine;
    qint64 pid = 0;

    // This process: the login name, QSysInfo::machineHostName() and the PID, with `storeId`.
    static LockIdentity current(const QString &storeId);
    // "user@machine pid N", as people see a holder.
    QString who() const;
};

// A lock as the lock object on one engine says.
struct LockHolder {
    QString who; // "user@machine pid N"
    QString storeId, user, machine;
    qint64 pid = 0;
    QString token;         // unique per acquisition (UUID): the fence
    qint64 generation = 0; // 1 on a fresh lock, previous+1 after a take-over
    QDateTime since;       // UTC, the holder's clock, as it wrote it
    // UTC on this machine's clock: the engine's age of the last heartbeat taken from now.
    QDateTime heartbeat;
    int ttlSeconds = 30; // stale when no heartbeat for this long
    QString hostId, hostName;
    QString objectId; // the lock container's ID

    bool stale(const QDateTime &nowUtc = QDateTime::currentDateTimeUtc()) const;
    // Whole seconds since the last heartbeat, rounded up (so that one just past the ttl never
    // reads as exactly the ttl); -1 when unknown.
    qint64 heartbeatAge(const QDateTime &nowUtc = QDateTime::currentDateTimeUtc()) const;
};

class AppLock {
    Q_DECLARE_TR_FUNCTIONS(AppLock)

public:
    struct Options {
        std::chrono::seconds ttl{30};
        bool heartbeat = true; // tests turn it off to see a lock go stale
    };

    // Takes app/env's lock on every host of `hosts`, in the order of their ids, all or none.
    // Null with `*busy` (who holds it, on the first host where it is held) or `*error`. A
    // holder on this same machine whose process is gone does not block: its object is replaced
    // (replaced() tells whom). A stale holder elsewhere does: that takes a takeOver().
    static std::unique_ptr<AppLock> acquire(const QList<DeployHost> &hosts, const QString &app,
                                            const QString &env, const LockIdentity &me,
                                            Options options, std::optional<LockHolder> *busy,
                                            QString *error);
    // Removes the lock objects whose token is `expectedToken` (the holder the user was shown)
    // and takes the lock with generation+1. Refused, with `*busy`, when another token holds it
    // now, or when the holder is alive (not stale) unless `evenIfAlive`. Every host is read
    // before anything is removed; a failure after that (a host that stops answering) leaves
    // the old holder fenced where its lock was already removed, and nobody holding it there.
    static std::unique_ptr<AppLock> takeOver(const QList<DeployHost> &hosts, const QString &app,
                                             const QString &env, const LockIdentity &me,
                                             Options options, const QString &expectedToken,
                                             bool evenIfAlive, std::optional<LockHolder> *busy,
                                             QString *error);
    // Who holds app/env on the first of `hosts` (in id order) where it is held; nullopt when
    // it is free, or with `error` when a host could not be asked.
    static std::optional<LockHolder> holder(const QList<DeployHost> &hosts, const QString &app,
                                            const QString &env, QString *error);
    // The lock object's name for app/env.
    static QString objectName(const QString &app, const QString &env);

    // The fence: true when this lock's object still exists on `host` with this token. Every
    // engine write of a change calls it first; false (and `error` when the engine could not be
    // asked) means: stop, change nothing.
    bool holds(const DeployHost &host, QString *error) const;
    // A heartbeat found one of its lock objects gone: the lock was taken over or removed.
    bool lost() const;

    QString token() const;
    qint64 generation() const;
    QString app() const;
    QString env() const;
    // The holder whose lock this one replaced (takeOver, or a dead process on this machine).
    std::optional<LockHolder> replaced() const;

    // Stops the heartbeat and removes its lock objects (only its own: by their IDs).
    ~AppLock();
    AppLock(const AppLock &) = delete;
    AppLock &operator=(const AppLock &) = delete;

private:
    struct Impl;
    explicit AppLock(std::unique_ptr<Impl> d);
    std::unique_ptr<Impl> d;
};

} // namespace slipway::core
