// SqlTransaction: one write transaction that rolls back unless committed; every multi-row
// change, and every check-then-write that two processes could race, goes through it.
#pragma once

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>

namespace slipway::core {

class SqlTransaction {
public:
    // The advisory lock key of the write transactions on PostgreSQL ("SLIPWAY1" in ASCII);
    // other keys (the agent's leadership) are distinct.
    static constexpr qint64 writeLockKey = 0x534C495057415931;

    explicit SqlTransaction(QSqlDatabase db) : db_(std::move(db)) {
        if (db_.driverName() == QLatin1String("QSQLITE")) {
            // IMMEDIATE takes SQLite's write lock up front, so two processes writing at once
            // queue on the busy timeout instead of failing half-way, and a check made inside
            // holds until the commit. PostgreSQL locks by row as it writes: a plain BEGIN.
            QSqlQuery q(db_);
            ok_ = q.exec(QStringLiteral("BEGIN IMMEDIATE"));
            if (!ok_)
                error_ = q.lastError().text();
        } else {
            // PostgreSQL locks rows only as it writes them, so a check made inside would not
            // hold; a transaction-scoped advisory lock gives every write transaction of every
            // Slipway on this database SQLite's one-writer-at-a-time, released at the end.
            ok_ = db_.transaction();
            QSqlQuery q(db_);
            if (ok_ &&
                !q.exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(writeLockKey))) {
                error_ = q.lastError().text();
                db_.rollback();
                ok_ = false;
            } else if (!ok_) {
                error_ = db_.lastError().text();
            }
        }
    }
    ~SqlTransaction() {
        if (ok_ && !committed_)
            db_.rollback();
    }
    SqlTransaction(const SqlTransaction &) = delete;
    SqlTransaction &operator=(const SqlTransaction &) = delete;

    bool begun(QString *error) const {
        if (!ok_ && error)
            *error = error_;
        return ok_;
    }
    bool commit(QString *error) {
        committed_ = db_.commit();
        if (!committed_ && error)
            *error = db_.lastError().text();
        return committed_;
    }

private:
    QSqlDatabase db_;
    bool ok_ = false;
    bool committed_ = false;
    QString error_;
};

} // namespace slipway::core
