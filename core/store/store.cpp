#include "core/store/store.h"

#include "core/base/errortext.h"
#include "core/deploy/secretenv.h"
#include "core/store/migrations.h"
#include "core/store/sqlerrortext.h"
#include "core/store/sqltransaction.h"
#include "core/store/teamroles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace slipway::core {

namespace {

QString nowUtc() {
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

void setError(QString *error, const QString &message) {
    if (error)
        *error = message;
}

// Runs `sql` with `values` bound in order; on failure describes it in `error`.
bool exec(QSqlQuery &query, const QString &sql, const QVariantList &values, QString *error) {
    // Statements without values run as they are: PostgreSQL cannot prepare DDL.
    if (values.isEmpty()) {
        if (!query.exec(sql)) {
            setError(error, sqlErrorText(query.lastError()));
            return false;
        }
        return true;
    }
    if (!query.prepare(sql)) {
        setError(error, sqlErrorText(query.lastError()));
        return false;
    }
    for (const QVariant &v : values) {
        // A null QString binds as SQL NULL; the schema wants '' for "not set".
        if (v.typeId() == QMetaType::QString && v.toString().isNull())
            query.addBindValue(QString::fromLatin1(""));
        else
            query.addBindValue(v);
    }
    if (!query.exec()) {
        setError(error, sqlErrorText(query.lastError()));
        return false;
    }
    return true;
}

QString octal(mode_t mode) {
    return QString::number(mode & 07777, 8).rightJustified(4, u'0');
}

// Says once (the next open finds it tight) that a file or folder was opened up to others.
void tightened(const QString &what, const QString &path, mode_t from, mode_t to) {
    qWarning("slipway: %s",
             qPrintable(Store::tr("%1 %2 could be read by others (mode %3); it is now %4.")
                            .arg(what, path, octal(from), octal(to))));
}

// The database's folder: 0700 when Slipway creates it; an existing one that others may enter
// is tightened when it is the user's own and not a shared folder (sticky, like /tmp) or the
// home folder itself.
void makeFolderPrivate(const QString &dir, bool created) {
    const QByteArray native = QFile::encodeName(dir);
    struct stat st {};
    if (::stat(native.constData(), &st) != 0 || (st.st_mode & 077) == 0)
        return;
    if (created) {
        ::chmod(native.constData(), 0700);
        return;
    }
    const QString canonical = QFileInfo(dir).canonicalFilePath();
    if (st.st_uid != ::geteuid() || (st.st_mode & S_ISVTX) ||
        canonical == QFileInfo(QDir::homePath()).canonicalFilePath() ||
        canonical == QStringLiteral("/"))
        return;
    if (::chmod(native.constData(), 0700) == 0)
        tightened(Store::tr("The database folder"), dir, st.st_mode, 0700);
}

// The database file and its companions: created 0600 before SQLite opens it (SQLite gives its
// journal, WAL and shared-memory files the database's mode); an existing looser one is
// tightened. False with `error` when the file cannot be created.
bool makeFilePrivate(const QString &path, QString *error) {
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) {
        ::fchmod(fd, 0600); // whatever the umask
        ::close(fd);
        return true;
    }
    if (errno != EEXIST) {
        setError(error, Store::tr("Cannot create the database \"%1\": %2")
                            .arg(path, QString::fromLocal8Bit(strerror(errno))));
        return false;
    }
    for (const QString &suffix :
         {QString(), QStringLiteral("-journal"), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        const QByteArray file = QFile::encodeName(path + suffix);
        struct stat st {};
        if (::stat(file.constData(), &st) != 0 || !S_ISREG(st.st_mode) || (st.st_mode & 077) == 0)
            continue;
        const mode_t to = st.st_mode & 0700;
        if (::chmod(file.constData(), to) == 0 && suffix.isEmpty())
            tightened(Store::tr("The database"), path + suffix, st.st_mode, to);
    }
    return true;
}

} // namespace

Store::Store(QString connectionName, QString path)
    : connection_(std::move(connectionName)), path_(std::move(path)) {}

Store::~Store() {
    for (const QString &name : {teamConnection_, connection_}) {
        if (name.isEmpty())
            continue;
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
}

QString Store::defaultPath() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/slipway.sqlite");
}

namespace {
// Team mode: the login the server knows this process as (see currentOsUser()).
QMutex teamUserLock;
QString teamUser;
} // namespace

QString Store::currentOsUser() {
    {
        QMutexLocker lock(&teamUserLock);
        if (!teamUser.isEmpty())
            return teamUser;
    }
    for (const char *name : {"USER", "LOGNAME", "USERNAME"}) {
        const QString user = qEnvironmentVariable(name);
        if (!user.isEmpty())
            return user;
    }
    // Services and containers often run without USER; the account database still knows.
    if (const passwd *pw = getpwuid(geteuid()); pw && pw->pw_name)
        return QString::fromLocal8Bit(pw->pw_name);
    return QStringLiteral("unknown");
}

QString Store::storeId(QString *error) const {
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT id FROM store_identity")) || !q.next()) {
        if (error)
            *error =
                q.lastError().isValid() ? q.lastError().text() : tr("the database has no identity");
        return {};
    }
    return q.value(0).toString();
}

QSqlDatabase Store::database() const {
    return QSqlDatabase::database(team() ? teamConnection_ : connection_, false);
}

QSqlDatabase Store::localDatabase() const {
    return QSqlDatabase::database(connection_, false);
}

QString Store::location() const {
    return team_ ? team_->display() : path_;
}

int Store::knownSchemaVersion() {
    const QList<Migration> all = migrations(SqlDialect::Sqlite);
    return all.isEmpty() ? 0 : all.last().version;
}

std::unique_ptr<Store> Store::open(const QString &path, QString *error) {
    return open(StoreLocation{path, {}, {}}, error);
}

std::unique_ptr<Store> Store::open(const StoreLocation &where, QString *error, Access access) {
    const QString &path = where.path;
    if (path.trimmed().isEmpty()) {
        setError(error, tr("No database path given."));
        return nullptr;
    }
    const QFileInfo info(path);
    if (info.isDir()) {
        setError(error, tr("The database path \"%1\" is a directory, not a file.").arg(path));
        return nullptr;
    }
    // Deployment records and the audit log are the user's business alone.
    const bool folderExisted = QFileInfo::exists(info.absolutePath());
    if (!QDir().mkpath(info.absolutePath())) {
        setError(
            error,
            tr("Cannot create the directory \"%1\" for the database.").arg(info.absolutePath()));
        return nullptr;
    }
    makeFolderPrivate(info.absolutePath(), !folderExisted);
    if (!makeFilePrivate(info.absoluteFilePath(), error))
        return nullptr;
    static std::atomic<int> counter{0};
    const QString name = QStringLiteral("slipway-store-%1").arg(counter++);
    std::unique_ptr<Store> store(new Store(name, info.absoluteFilePath()));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        if (!db.isValid()) {
            setError(error, tr("Qt's SQLite driver (QSQLITE) is not available."));
            return nullptr;
        }
        db.setDatabaseName(store->path_);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open()) {
            setError(
                error,
                tr("Cannot open the database \"%1\": %2").arg(store->path_, db.lastError().text()));
            return nullptr;
        }
        // What is deleted or overwritten (a scrubbed secret) is zeroed in the file, not left
        // in a free page.
        QSqlQuery pragma(db);
        pragma.exec(QStringLiteral("PRAGMA secure_delete = ON"));
    }
    QString why;
    if (!migrate(store->localDatabase(), SqlDialect::Sqlite, &why)) {
        setError(error, tr("Cannot prepare the database \"%1\": %2").arg(store->path_, why));
        return nullptr;
    }
    if (where.team() && !store->openTeam(where, access, error))
        return nullptr;
    return store;
}

bool Store::openTeam(const StoreLocation &where, Access access, QString *error) {
    QString why;
    const auto url = TeamUrl::parse(where.teamUrl, &why);
    if (!url) {
        setError(error, tr("The team database: %1.").arg(why));
        return false;
    }
    teamConnection_ = connection_ + QStringLiteral("-team");
    QSqlDatabase db = url->connection(teamConnection_, where.password);
    if (!db.isValid()) {
        setError(error, tr("Qt's PostgreSQL driver (QPSQL, Debian's libqt6sql6-psql) is not "
                           "available."));
        return false;
    }
    if (!db.open()) {
        setError(error, tr("Cannot connect to the team database %1: %2")
                            .arg(url->display(), db.lastError().text().trimmed()));
        return false;
    }
    team_ = url;
    {
        // libpq prints the server's notices ("already exists, skipping") on stderr as they
        // come; they are for people reading SQL, not for Slipway's users.
        QSqlQuery quiet(db);
        quiet.exec(QStringLiteral("SET client_min_messages = warning"));
        QSqlQuery who(db);
        if (who.exec(QStringLiteral("SELECT session_user")) && who.next()) {
            QMutexLocker lock(&teamUserLock);
            teamUser = who.value(0).toString();
        }
    }
    if (access == Access::Migrate) {
        // Two owners at once: their GRANTs on the same tables would race in the catalog
        // ("tuple concurrently updated"); the migration's lock (taken again inside, it nests)
        // makes the second wait for the first's roles too.
        const QString key = QString::number(SqlTransaction::writeLockKey + 1);
        QSqlQuery serialize(db);
        serialize.exec(QStringLiteral("SELECT pg_advisory_lock(%1)").arg(key));
        const auto unlock = qScopeGuard(
            [&] { serialize.exec(QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(key)); });
        if (!migrate(db, SqlDialect::Postgres, &why) || !TeamRoles::apply(db, &why)) {
            setError(error, tr("Cannot migrate the team database %1: %2").arg(url->display(), why));
            return false;
        }
        return true;
    }
    const int current = schemaVersion(), known = knownSchemaVersion();
    if (current == 0) {
        setError(error, tr("The team database %1 has no Slipway schema yet: its owner runs "
                           "\"slipctl db migrate --database %1\" first.")
                            .arg(url->display()));
        return false;
    }
    if (current < known) {
        setError(error, tr("The team database %1 is at schema version %2 and this Slipway needs "
                           "%3: its owner runs \"slipctl db migrate --database %1\".")
                            .arg(url->display())
                            .arg(current)
                            .arg(known));
        return false;
    }
    if (current > known) {
        setError(error, tr("The team database %1 is at schema version %2, newer than this "
                           "Slipway knows (%3); use a newer Slipway.")
                            .arg(url->display())
                            .arg(current)
                            .arg(known));
        return false;
    }
    return true;
}

bool Store::migrateTo(QSqlDatabase db, SqlDialect dialect, int version, QString *error) {
    return migrate(std::move(db), dialect, error, version);
}

bool Store::migrate(QSqlDatabase db, SqlDialect dialect, QString *error, int upTo) {
    QSqlQuery q(db);
    // Two owners migrating at once: the second waits, then finds everything applied.
    std::optional<QSqlQuery> serialized;
    if (dialect == SqlDialect::Postgres) {
        serialized.emplace(db);
        if (!exec(
                *serialized,
                QStringLiteral("SELECT pg_advisory_lock(%1)").arg(SqlTransaction::writeLockKey + 1),
                {}, error))
            return false;
    }
    const auto unlock = qScopeGuard([&] {
        if (serialized)
            serialized->exec(QStringLiteral("SELECT pg_advisory_unlock(%1)")
                                 .arg(SqlTransaction::writeLockKey + 1));
    });
    if (!exec(q,
              QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                             " version INTEGER PRIMARY KEY,"
                             " description VARCHAR(255) NOT NULL,"
                             " applied_at VARCHAR(32) NOT NULL)"),
              {}, error))
        return false;
    const QList<Migration> all = migrations(dialect);
    bool vacuum = false;
    const int known = all.isEmpty() ? 0 : all.last().version;
    if (const int current = schemaVersionOf(db); current > known) {
        setError(error, tr("its schema version %1 is newer than this Slipway knows (%2); "
                           "use a newer Slipway.")
                            .arg(current)
                            .arg(known));
        return false;
    }
    for (const Migration &m : all) {
        if (m.version > upTo)
            break;
        SqlTransaction tx(db);
        if (!tx.begun(error))
            return false;
        QSqlQuery check(db);
        if (!exec(check, QStringLiteral("SELECT 1 FROM schema_migrations WHERE version = ?"),
                  {m.version}, error))
            return false;
        const bool applied = check.next();
        check.finish();
        if (applied)
            continue; // another process may have applied it while we waited for the lock
        for (const QString &sql : m.statements) {
            QSqlQuery step(db);
            QString why;
            if (!exec(step, sql, {}, &why)) {
                setError(error,
                         tr("migration %1 (%2) failed: %3").arg(m.version).arg(m.description, why));
                return false;
            }
        }
        if (m.rewrite) {
            QString why;
            if (!m.rewrite(db, &why)) {
                setError(error,
                         tr("migration %1 (%2) failed: %3").arg(m.version).arg(m.description, why));
                return false;
            }
        }
        QSqlQuery record(db);
        if (!exec(record,
                  QStringLiteral("INSERT INTO schema_migrations (version, description, "
                                 "applied_at) VALUES (?, ?, ?)"),
                  {m.version, m.description, nowUtc()}, error))
            return false;
        if (!tx.commit(error))
            return false;
        vacuum = vacuum || m.vacuum;
    }
    if (vacuum && dialect == SqlDialect::Sqlite) {
        // Outside any transaction; a failure leaves the file as it was, already migrated.
        QSqlQuery compact(db);
        compact.exec(QStringLiteral("VACUUM"));
    }
    return true;
}

int Store::schemaVersion() const {
    return schemaVersionOf(database());
}

int Store::schemaVersionOf(QSqlDatabase db) {
    QSqlQuery q(db);
    const int version =
        q.exec(QStringLiteral("SELECT MAX(version) FROM schema_migrations")) && q.next()
            ? q.value(0).toInt()
            : 0;
    // A statement left open keeps SQLite's read lock: two processes opening the file at once
    // would each wait for the other's to write, and SQLite ends that deadlock with "database
    // is locked".
    q.finish();
    return version;
}

QList<HostConfig> Store::userHosts(QString *error) const {
    QList<HostConfig> hosts;
    QSqlQuery q(localDatabase());
    if (!exec(q,
              QStringLiteral("SELECT id, name, url, ca_file, cert_file, key_file, verify_tls "
                             "FROM hosts ORDER BY position, name"),
              {}, error))
        return hosts;
    while (q.next()) {
        HostConfig h;
        h.id = q.value(0).toString();
        h.name = q.value(1).toString();
        h.url = q.value(2).toString();
        h.caFile = q.value(3).toString();
        h.certFile = q.value(4).toString();
        h.keyFile = q.value(5).toString();
        h.verifyTls = q.value(6).toInt() != 0;
        h.source = HostConfig::Source::User;
        hosts.append(h);
    }
    return hosts;
}

bool Store::saveHost(const HostConfig &host, QString *error) {
    if (host.id.trimmed().isEmpty()) {
        setError(error, tr("The host has no id."));
        return false;
    }
    if (host.name.trimmed().isEmpty()) {
        setError(error, tr("The host has no name."));
        return false;
    }
    if (host.url.trimmed().isEmpty()) {
        setError(error, tr("The host \"%1\" has no URL.").arg(host.name));
        return false;
    }
    QSqlDatabase db = localDatabase();
    SqlTransaction tx(db);
    if (!tx.begun(error))
        return false;
    const QVariantList fields = {
        host.name.trimmed(), host.url.trimmed(),     host.caFile, host.certFile,
        host.keyFile,        host.verifyTls ? 1 : 0, nowUtc()};
    QSqlQuery update(db);
    if (!exec(update,
              QStringLiteral("UPDATE hosts SET name = ?, url = ?, ca_file = ?, cert_file = ?, "
                             "key_file = ?, verify_tls = ?, updated_at = ? WHERE id = ?"),
              fields + QVariantList{host.id}, error))
        return false;
    if (update.numRowsAffected() == 0) {
        QSqlQuery next(db);
        if (!exec(next, QStringLiteral("SELECT COALESCE(MAX(position), -1) + 1 FROM hosts"), {},
                  error) ||
            !next.next())
            return false;
        const int position = next.value(0).toInt();
        next.finish();
        QSqlQuery insert(db);
        if (!exec(insert,
                  QStringLiteral("INSERT INTO hosts (name, url, ca_file, cert_file, key_file, "
                                 "verify_tls, updated_at, id, position) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                  fields + QVariantList{host.id, position}, error))
            return false;
    }
    return tx.commit(error);
}

bool Store::removeHost(const QString &id, QString *error) {
    QSqlQuery q(localDatabase());
    if (!exec(q, QStringLiteral("DELETE FROM hosts WHERE id = ?"), {id}, error))
        return false;
    if (q.numRowsAffected() == 0) {
        setError(error, tr("No saved host has the id \"%1\".").arg(id));
        return false;
    }
    return true;
}

bool Store::appendAudit(const AuditEntry &entry, QString *error) {
    if (entry.action.trimmed().isEmpty()) {
        setError(error, tr("An audit entry needs an action."));
        return false;
    }
    const QDateTime at = entry.at.isValid() ? entry.at.toUTC() : QDateTime::currentDateTimeUtc();
    QSqlQuery q(database());
    return exec(q,
                QStringLiteral("INSERT INTO audit_log (at, os_user, action, target, host, "
                               "result, detail) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                // A secret's value never reaches the log, whoever wrote the entry.
                {at.toString(Qt::ISODateWithMs),
                 entry.osUser.isEmpty() ? currentOsUser() : entry.osUser, entry.action,
                 keptText(SecretEnv::scrub(entry.target)), entry.host, entry.result,
                 keptText(SecretEnv::scrub(entry.detail))},
                error);
}

QList<AuditEntry> Store::audit(int limit, QString *error) const {
    QList<AuditEntry> entries;
    QSqlQuery q(database());
    if (!exec(q,
              QStringLiteral("SELECT id, at, os_user, action, target, host, result, detail, "
                             "db_user FROM audit_log ORDER BY id DESC LIMIT ?"),
              {qMax(0, limit)}, error))
        return entries;
    while (q.next()) {
        AuditEntry e;
        e.id = q.value(0).toLongLong();
        e.at = QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs);
        e.osUser = q.value(2).toString();
        e.action = q.value(3).toString();
        e.target = q.value(4).toString();
        e.host = q.value(5).toString();
        e.result = q.value(6).toString();
        e.detail = q.value(7).toString();
        e.dbUser = q.value(8).toString();
        entries.append(e);
    }
    return entries;
}

} // namespace slipway::core
