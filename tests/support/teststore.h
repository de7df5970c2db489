// The Store a record-store suite runs against: the SQLite file of its temporary folder, or,
// with SLIPWAY_TEST_STORE_BACKEND=postgres (the integration_pg_* runs of tests/CMakeLists.txt),
// a fresh team database on the private PostgreSQL, so that one suite proves both back ends.
#pragma once

#include "core/store/store.h"
#include "tests/support/teamdatabase.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QTemporaryDir>
#include <QUrl>
#include <map>
#include <memory>

namespace slipway::test {

inline bool testStoreOnPostgres() {
    return qEnvironmentVariable("SLIPWAY_TEST_STORE_BACKEND") == QLatin1String("postgres");
}

namespace detail {

// One team database per SQLite path a test opens, so that reopening the same path (records
// that must survive a restart) finds the same records. A database whose test folder is gone
// is dropped at the next open; the rest when the application ends.
struct TeamEntry {
    std::unique_ptr<TeamDatabase> database;
    bool migrated = false;
};

inline std::map<QString, TeamEntry> &teamDatabases() {
    static std::map<QString, TeamEntry> databases;
    return databases;
}

inline void dropVanished() {
    auto &databases = teamDatabases();
    for (auto it = databases.begin(); it != databases.end();) {
        if (QFileInfo::exists(QFileInfo(it->first).absolutePath()))
            ++it;
        else
            it = databases.erase(it);
    }
}

// The team database made for `path`, made now when there is none.
inline TeamEntry *teamFor(const QString &path, QString *error) {
    if (!TeamDatabase::available()) {
        if (error)
            *error = QString::fromLatin1(TeamDatabase::missingMessage());
        return nullptr;
    }
    dropVanished();
    auto &databases = teamDatabases();
    auto found = databases.find(path);
    if (found == databases.end()) {
        auto team = std::make_unique<TeamDatabase>();
        if (!team->ok()) {
            if (error)
                *error = team->error();
            return nullptr;
        }
        found = databases.emplace(path, TeamEntry{std::move(team), false}).first;
        // Post routines run newest first: registered after QtSql's own (made by its first
        // connection), this one drops the databases while their connections still exist.
        static const bool dropAtExit = [] {
            qAddPostRoutine([] { teamDatabases().clear(); });
            return true;
        }();
        Q_UNUSED(dropAtExit);
    }
    // Each TeamDatabase points PGPASSFILE at its own file: this one's must be current.
    qputenv("PGPASSFILE", QFile::encodeName(found->second.database->passFile()));
    return &found->second;
}

} // namespace detail

// The test's Store kept in `dir` (its SQLite file `file` there; in the PostgreSQL run that file
// keeps only the saved hosts and the shared records go to the team database made for it, migrated
// by its owner on first use). Null with `error` set when it cannot be opened.
inline std::unique_ptr<core::Store>
openTestStore(const QTemporaryDir &dir, QString *error,
              const QString &file = QStringLiteral("slipway.sqlite")) {
    const QString path = dir.filePath(file);
    if (!testStoreOnPostgres())
        return core::Store::open(path, error);
    detail::TeamEntry *team = detail::teamFor(path, error);
    if (!team)
        return nullptr;
    const auto access = team->migrated ? core::Store::Access::Use : core::Store::Access::Migrate;
    auto store =
        core::Store::open(core::StoreLocation{path, team->database->ownerUrl(), {}}, error, access);
    team->migrated = team->migrated || store;
    return store;
}

// Where the test's Store for `dir`/`file` is, for what opens it itself (a StoreThread): the
// SQLite path, and in the PostgreSQL run its team database too, migrated here by its owner.
inline core::StoreLocation
testStoreLocation(const QTemporaryDir &dir, QString *error,
                  const QString &file = QStringLiteral("slipway.sqlite")) {
    const QString path = dir.filePath(file);
    if (!testStoreOnPostgres())
        return core::StoreLocation{path, {}, {}};
    if (!openTestStore(dir, error, file))
        return {};
    return core::StoreLocation{path, detail::teamDatabases().at(path).database->ownerUrl(), {}};
}

// A connection `name` to the database behind `dir`/`file` as it is, unmigrated when new (the
// SQLite file, or the team database as its owner), for a test that builds an older schema with
// Store::migrateTo. Remove the connection before openTestStore migrates it.
inline QSqlDatabase rawTestDatabase(const QTemporaryDir &dir, const QString &file,
                                    const QString &name, QString *error) {
    const QString path = dir.filePath(file);
    QSqlDatabase db;
    if (!testStoreOnPostgres()) {
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
    } else {
        detail::TeamEntry *team = detail::teamFor(path, error);
        if (!team)
            return {};
        const QUrl url(team->database->ownerUrl());
        db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setDatabaseName(url.path().mid(1));
    }
    if (!db.open() && error)
        *error = db.lastError().text();
    return db;
}

// Forgets the records kept for `dir`/`file`: the SQLite file is removed and, in the PostgreSQL
// run, the team database dropped, so the next openTestStore starts empty. Close the Store first.
inline void discardTestStore(const QTemporaryDir &dir,
                             const QString &file = QStringLiteral("slipway.sqlite")) {
    const QString path = dir.filePath(file);
    detail::teamDatabases().erase(path);
    for (const char *suffix : {"", "-journal", "-wal", "-shm"})
        QFile::remove(path + QLatin1String(suffix));
}

// The team database behind `dir`/`file` in the PostgreSQL run; null in the SQLite run.
inline TeamDatabase *testTeamDatabase(const QTemporaryDir &dir,
                                      const QString &file = QStringLiteral("slipway.sqlite")) {
    auto &databases = detail::teamDatabases();
    const auto found = databases.find(dir.filePath(file));
    return found == databases.end() ? nullptr : found->second.database.get();
}

// What a record's who column keeps when the client names `name`: that name on the desk's file;
// on the team database the server's login, whatever the client wrote (migration 8's triggers).
inline QString testWho(const QString &name) {
    return testStoreOnPostgres() ? core::Store::currentOsUser() : name;
}

} // namespace slipway::test

// In the PostgreSQL run, skips a test of what only the desk's SQLite file has.
#define SLIPWAY_SQLITE_ONLY(reason)                                                                \
    do {                                                                                           \
        if (::slipway::test::testStoreOnPostgres())                                                \
            QSKIP(reason);                                                                         \
    } while (false)
