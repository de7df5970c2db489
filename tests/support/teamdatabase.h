// TeamDatabase: a fresh PostgreSQL database on the private server (scripts/postgres.sh) for
// one test: created as the server's superuser, with login roles of its own, all dropped again
// at the end, so tests never share a database or a role.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace slipway::test {

class TeamDatabase {
public:
    // SLIPWAY_TEST_PG_URL and SLIPWAY_TEST_PGPASSFILE, from scripts/services.sh env.
    static bool available();
    static QByteArray missingMessage();

    TeamDatabase();
    ~TeamDatabase(); // drops the database, its logins and its group roles
    TeamDatabase(const TeamDatabase &) = delete;
    TeamDatabase &operator=(const TeamDatabase &) = delete;

    bool ok() const { return error_.isEmpty(); }
    QString error() const { return error_; }
    QString name() const { return name_; }

    // The superuser's URL to this database (its owner: it runs `slipctl db migrate`).
    QString ownerUrl() const;
    QString owner() const { return adminUser_; }
    // The URL a login of this database's connects with.
    QString urlAs(const QString &login) const;

    // A login role with a random password, named "<database>_u_<suffix>" so that two tests never
    // share one; its password goes to the pgpass file this process (and its children) use.
    // Empty on failure (see error()).
    QString createLogin(const QString &suffix);
    // The pgpass file with the superuser and every login made here; PGPASSFILE points at it.
    QString passFile() const;

    // Runs SQL as the superuser on this database (or on "postgres"); false with error() set.
    bool exec(const QString &sql, bool onServer = false);

private:
    bool writePassFile();

    QString name_;
    QString error_;
    QString adminUser_, host_;
    int port_ = 0;
    QStringList logins_;
    QStringList passLines_;
    QTemporaryDir dir_;
    QString connection_;
};

} // namespace slipway::test
