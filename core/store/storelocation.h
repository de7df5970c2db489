// StoreLocation: where a Store keeps its records: always the SQLite file on this desk, and in
// team mode a PostgreSQL database the team shares (see core/store/README.md for which records
// live where).
#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace slipway::core {

// A team database URL, postgresql://[USER@]HOST[:PORT]/DATABASE[?sslmode=M&sslrootcert=F…],
// as libpq reads it. A password in it is refused: Slipway never keeps one (libpq finds it in
// ~/.pgpass or PGPASSFILE, PGPASSWORD, or the user is asked and it stays in memory).
struct TeamUrl {
    Q_DECLARE_TR_FUNCTIONS(TeamUrl)

public:
    QString host;
    int port = 5432;
    QString database;
    QString user;    // empty: libpq's default (PGUSER, else the OS login)
    QString sslMode; // disable, allow, prefer, require, verify-ca, verify-full; empty: libpq's
    QString sslRootCert;
    QString sslCert;
    QString sslKey;
    int connectTimeoutSeconds = 10;

    static bool looksLikeOne(const QString &text); // postgresql:// or postgres://
    static std::optional<TeamUrl> parse(const QString &text, QString *error);
    // QPSQL's connect options (libpq keywords, ';'-separated); `applicationName` is what
    // pg_stat_activity shows for the session (quote, backslash and ';' are dropped from it).
    QString connectOptions(const QString &applicationName = QStringLiteral("slipway")) const;
    // A QPSQL connection named `connection` (QSqlDatabase::addDatabase) set up for this
    // server, with `password` when one was asked; not opened.
    QSqlDatabase connection(const QString &connection, const QString &password,
                            const QString &applicationName = QStringLiteral("slipway")) const;
    // The URL again, without anything secret: for messages and the audit.
    QString display() const;
};

struct StoreLocation {
    QString path;    // the SQLite file on this desk
    QString teamUrl; // the team's database; empty in single-user mode
    // Asked of the user for this session only; never written anywhere.
    QString password;

    bool team() const { return !teamUrl.isEmpty(); }
    // `path` alone; the team URL from SLIPWAY_DATABASE when set.
    static StoreLocation fromEnvironment(const QString &path);
};

} // namespace slipway::core
