// Leadership: which one of the processes (agents and GUIs) on one database runs the timed work.
// It holds a dedicated connection for as long as it leads: on PostgreSQL a session advisory
// lock, on the desk's SQLite an exclusive flock on "<db>.agent.lock"; the server or the kernel
// lets go when the process dies. Followers try again every few seconds. Lives on the thread
// that made it; its connection lives on a thread of its own, so nothing here ever waits.
#pragma once

#include "core/base/mailbox.h"
#include "core/store/sqltransaction.h"
#include "core/store/storelocation.h"

#include <QCoreApplication>
#include <QObject>
#include <QThread>
#include <chrono>
#include <optional>

namespace slipway::core {

class Leadership : public QObject {
    Q_OBJECT

public:
    // The session advisory lock of the leader, distinct from the write transactions' and the
    // migrations' keys.
    static constexpr qint64 lockKey = SqlTransaction::writeLockKey + 2;

    struct Options {
        std::chrono::milliseconds retry{5000};  // a follower's next try; a leader's next check
        QString role = QStringLiteral("agent"); // "slipway-<role> <host> <pid>"
    };

    Leadership(StoreLocation where, Options options, QObject *parent = nullptr);
    explicit Leadership(StoreLocation where, QObject *parent = nullptr)
        : Leadership(std::move(where), Options{}, parent) {}
    ~Leadership() override; // lets go of leadership, closes the connection, joins the thread

    // Begins competing; leadingChanged follows once it leads.
    void start();

    bool leading() const { return leading_; }
    // Who leads as last seen: this process's name() while it leads, another's name, or empty
    // when nobody does (or it is not known).
    QString leader() const { return leader_; }
    // This process's name as others see it ("slipway-agent host 1234").
    QString name() const { return name_; }

    // The desk file's lock, beside the SQLite database.
    static QString lockFilePath(const QString &databasePath);
    // Who leads on `where` now, asked on the caller's thread (slipctl's): the leader's name
    // (with, on PostgreSQL, its database role and address), an empty string when nobody leads,
    // nullopt with `error` when the database cannot be asked.
    static std::optional<QString> currentLeader(const StoreLocation &where, QString *error);

signals:
    void leadingChanged(bool leading);
    void leaderChanged(const QString &leader);
    // The database cannot be reached (empty again once it can).
    void problemChanged(const QString &problem);

private:
    class Worker;
    void report(bool leading, const QString &leader, const QString &problem);

    StoreLocation where_;
    Options options_;
    QString name_;
    Mailbox mailbox_;
    QThread thread_;
    Worker *worker_ = nullptr;
    bool leading_ = false;
    QString leader_;
    QString problem_;
};

} // namespace slipway::core
