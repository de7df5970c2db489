#include "core/agent/leadership.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSysInfo>
#include <QTimer>
#include <QVariant>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace slipway::core {

namespace {

QString errnoText() {
    return QString::fromLocal8Bit(std::strerror(errno));
}

QString uniqueConnectionName() {
    static std::atomic<int> counter{0};
    return QStringLiteral("slipway-leadership-%1").arg(counter++);
}

// A QPSQL connection to the team database whose application_name is `name`, so that whoever
// asks who leads sees it in pg_stat_activity.
QSqlDatabase openTeam(const StoreLocation &where, const QString &connection, const QString &name,
                      QString *error) {
    QString why;
    const auto url = TeamUrl::parse(where.teamUrl, &why);
    if (!url) {
        *error = QCoreApplication::translate("Leadership", "The team database: %1.").arg(why);
        return QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
    }
    QSqlDatabase db = url->connection(connection, where.password, name);
    if (!db.isValid()) {
        *error = QCoreApplication::translate("Leadership",
                                             "Qt's PostgreSQL driver (QPSQL) is not available.");
        return db;
    }
    if (!db.open())
        *error =
            QCoreApplication::translate("Leadership", "Cannot connect to the team database %1: %2")
                .arg(url->display(), db.lastError().text().trimmed());
    return db;
}

// The session holding the leader's advisory lock on this database: its application_name,
// database role and address. Empty when nobody holds it; nullopt on a failed query.
std::optional<QString> teamLeader(QSqlDatabase db, QString *error) {
    QSqlQuery q(db);
    const auto key = quint64(Leadership::lockKey);
    // A bigint advisory key is split in pg_locks: the high half in classid, the low in objid.
    const QString sql =
        QStringLiteral(
            "SELECT a.application_name, a.usename, COALESCE(host(a.client_addr), ''), a.pid"
            " FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
            " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1"
            " AND l.classid = '%1'::oid AND l.objid = '%2'::oid"
            " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())")
            .arg(key >> 32)
            .arg(key & 0xffffffffu);
    if (!q.exec(sql)) {
        *error = q.lastError().text().trimmed();
        return std::nullopt;
    }
    if (!q.next())
        return QString();
    QString who = q.value(0).toString();
    if (who.isEmpty())
        who = QCoreApplication::translate("Leadership", "server process %1")
                  .arg(q.value(3).toLongLong());
    QStringList about;
    if (!q.value(1).toString().isEmpty())
        about << QCoreApplication::translate("Leadership", "as %1").arg(q.value(1).toString());
    if (!q.value(2).toString().isEmpty())
        about << QCoreApplication::translate("Leadership", "from %1").arg(q.value(2).toString());
    return about.isEmpty() ? who : QStringLiteral("%1 (%2)").arg(who, about.join(u", "));
}

QString readName(int fd) {
    char buffer[512];
    const ssize_t n = ::pread(fd, buffer, sizeof buffer, 0);
    return n > 0 ? QString::fromUtf8(buffer, int(n)).trimmed() : QString();
}

} // namespace

// The connection (or the lock file) and its checks, on the leadership thread.
class Leadership::Worker : public QObject {
public:
    using Report = std::function<void(bool leading, const QString &leader, const QString &problem)>;

    Worker(StoreLocation where, std::chrono::milliseconds retry, QString name, Report report)
        : where_(std::move(where)), name_(std::move(name)), report_(std::move(report)),
          timer_(new QTimer(this)) {
        timer_->setInterval(int(retry.count()));
        connect(timer_, &QTimer::timeout, this, &Worker::tick);
    }

    void start() {
        timer_->start();
        tick();
    }

    // Lets go of the lock and its connection (or file).
    void release() {
        timer_->stop();
        if (where_.team()) {
            // Closing the session lets go of its advisory lock: no round trip to wait for.
            closeTeam();
        } else if (fd_ >= 0) {
            if (leading_) {
                [[maybe_unused]] const int t = ::ftruncate(fd_, 0);
                ::flock(fd_, LOCK_UN);
            }
            ::close(fd_);
            fd_ = -1;
        }
        leading_ = false;
    }

private:
    void tick() {
        QString leader, problem;
        if (where_.team())
            tickTeam(&leader, &problem);
        else
            tickFile(&leader, &problem);
        report_(leading_, leader, problem);
    }

    void tickTeam(QString *leader, QString *problem) {
        if (connection_.isEmpty()) {
            connection_ = uniqueConnectionName();
            QString why;
            QSqlDatabase db = openTeam(where_, connection_, name_, &why);
            if (!why.isEmpty()) {
                *problem = why;
                closeTeam();
                return;
            }
        }
        QSqlDatabase db = QSqlDatabase::database(connection_, false);
        QSqlQuery q(db);
        if (leading_) {
            // The lock lives as long as this session: a session that answers still holds it.
            if (q.exec(QStringLiteral("SELECT 1"))) {
                *leader = name_;
                return;
            }
            *problem =
                QCoreApplication::translate("Leadership", "lost the team database's connection: %1")
                    .arg(q.lastError().text().trimmed());
            closeTeam();
            return;
        }
        if (!q.exec(QStringLiteral("SELECT pg_try_advisory_lock(%1)").arg(lockKey)) || !q.next()) {
            *problem = q.lastError().text().trimmed();
            closeTeam();
            return;
        }
        if (q.value(0).toBool()) {
            leading_ = true;
            *leader = name_;
            return;
        }
        QString why;
        const auto who = teamLeader(db, &why);
        if (!who) {
            *problem = why;
            closeTeam();
            return;
        }
        *leader = *who;
    }

    void closeTeam() {
        leading_ = false;
        if (connection_.isEmpty())
            return;
        QSqlDatabase::database(connection_, false).close();
        QSqlDatabase::removeDatabase(connection_);
        connection_.clear();
    }

    void tickFile(QString *leader, QString *problem) {
        const QString path = lockFilePath(where_.path);
        if (fd_ < 0) {
            QDir().mkpath(QFileInfo(path).absolutePath());
            fd_ = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
            if (fd_ < 0) {
                *problem = QCoreApplication::translate("Leadership", "Cannot open %1: %2")
                               .arg(path, errnoText());
                return;
            }
        }
        if (leading_) {
            *leader = name_; // the kernel keeps the lock as long as the file is open
            return;
        }
        if (::flock(fd_, LOCK_EX | LOCK_NB) == 0) {
            leading_ = true;
            const QByteArray name = name_.toUtf8() + '\n';
            if (::ftruncate(fd_, 0) != 0 || ::pwrite(fd_, name.constData(), name.size(), 0) < 0)
                qWarning("slipway: %s",
                         qPrintable(QCoreApplication::translate("Leadership", "Cannot write %1: %2")
                                        .arg(path, errnoText())));
            *leader = name_;
            return;
        }
        if (errno != EWOULDBLOCK) {
            *problem = QCoreApplication::translate("Leadership", "Cannot lock %1: %2")
                           .arg(path, errnoText());
            return;
        }
        *leader = readName(fd_);
    }

    StoreLocation where_;
    QString name_;
    Report report_;
    QTimer *timer_;
    QString connection_;
    int fd_ = -1;
    bool leading_ = false;
};

Leadership::Leadership(StoreLocation where, Options options, QObject *parent)
    : QObject(parent), where_(std::move(where)), options_(std::move(options)), mailbox_(this) {
    QString host = QSysInfo::machineHostName();
    if (host.isEmpty())
        host = QStringLiteral("localhost");
    name_ = QStringLiteral("slipway-%1 %2 %3")
                .arg(options_.role, host)
                .arg(QCoreApplication::applicationPid());
    const Mailbox box = mailbox_;
    Leadership *self = this;
    worker_ = new Worker(where_, options_.retry, name_,
                         [box, self](bool leading, const QString &leader, const QString &problem) {
                             box.post([=] { self->report(leading, leader, problem); });
                         });
    worker_->moveToThread(&thread_);
    thread_.setObjectName(QStringLiteral("leadership"));
}

Leadership::~Leadership() {
    mailbox_.close();
    if (thread_.isRunning()) {
        Worker *w = worker_;
        QMetaObject::invokeMethod(
            w,
            [w] {
                w->release();
                delete w;
            },
            Qt::BlockingQueuedConnection);
        thread_.quit();
        thread_.wait();
    } else {
        delete worker_;
    }
}

void Leadership::start() {
    if (thread_.isRunning())
        return;
    thread_.start();
    Worker *w = worker_;
    QMetaObject::invokeMethod(w, [w] { w->start(); });
}

void Leadership::report(bool leading, const QString &leader, const QString &problem) {
    // Every field first, so that a slot of any of the signals reads the new state.
    const bool problemNew = problem != problem_, leaderNew = leader != leader_,
               leadingNew = leading != leading_;
    problem_ = problem;
    leader_ = leader;
    leading_ = leading;
    if (problemNew)
        emit problemChanged(problem_);
    if (leaderNew)
        emit leaderChanged(leader_);
    if (leadingNew)
        emit leadingChanged(leading_);
}

QString Leadership::lockFilePath(const QString &databasePath) {
    return databasePath + QStringLiteral(".agent.lock");
}

std::optional<QString> Leadership::currentLeader(const StoreLocation &where, QString *error) {
    if (where.team()) {
        const QString connection = uniqueConnectionName();
        std::optional<QString> who;
        {
            QString why;
            QSqlDatabase db = openTeam(
                where, connection,
                QStringLiteral("slipway-status %1").arg(QCoreApplication::applicationPid()), &why);
            if (why.isEmpty())
                who = teamLeader(db, &why);
            if (!who && error)
                *error = why;
            db.close();
        }
        QSqlDatabase::removeDatabase(connection);
        return who;
    }
    const QString path = lockFilePath(where.path);
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT)
            return QString(); // no agent ever ran here
        if (error)
            *error = QCoreApplication::translate("Leadership", "Cannot open %1: %2")
                         .arg(path, errnoText());
        return std::nullopt;
    }
    QString who;
    // A shared lock is granted only while nobody holds the leader's exclusive one.
    if (::flock(fd, LOCK_SH | LOCK_NB) == 0) {
        ::flock(fd, LOCK_UN);
    } else {
        who = readName(fd);
        if (who.isEmpty())
            who = QCoreApplication::translate("Leadership", "a process that has not said its name");
    }
    ::close(fd);
    return who;
}

} // namespace slipway::core
