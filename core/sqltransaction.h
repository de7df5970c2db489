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
    explicit SqlTransaction(QSqlDatabase db) : db_(std::move(db)) {
        // IMMEDIATE takes the write lock up front, so two processes writing at once queue on
        // the busy timeout instead of failing half-way, and a check made inside holds until
        // the commit.
        QSqlQuery q(db_);
        ok_ = q.exec(QStringLiteral("BEGIN IMMEDIATE"));
        if (!ok_)
            error_ = q.lastError().text();
    }
    ~SqlTransaction() {
        if (ok_ && !committed_)
            QSqlQuery(db_).exec(QStringLiteral("ROLLBACK"));
    }
    SqlTransaction(const SqlTransaction &) = delete;
    SqlTransaction &operator=(const SqlTransaction &) = delete;

    bool begun(QString *error) const {
        if (!ok_ && error)
            *error = error_;
        return ok_;
    }
    bool commit(QString *error) {
        QSqlQuery q(db_);
        committed_ = q.exec(QStringLiteral("COMMIT"));
        if (!committed_ && error)
            *error = q.lastError().text();
        return committed_;
    }

private:
    QSqlDatabase db_;
    bool ok_ = false;
    bool committed_ = false;
    QString error_;
};

} // namespace slipway::core
