#include "core/store/changefeed.h"

#include "core/store/migrations.h"

#include <QPointer>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>
#include <algorithm>
#include <atomic>

namespace slipway::core {

// Lives on the feed's thread: QPSQL delivers notifications through a socket notifier on the
// thread that owns the connection, so that thread needs an event loop of its own (the store
// thread's jobs may block it for long).
class ChangeFeed::Listener : public QObject {
public:
    Listener(ChangeFeed *feed, TeamUrl url, QString password, Options options)
        : feed_(feed), url_(std::move(url)), password_(std::move(password)), options_(options) {
        static std::atomic<int> counter{0};
        connection_ = QStringLiteral("slipway-changefeed-%1").arg(counter++);
    }

    void start() {
        coalesce_ = new QTimer(this);
        coalesce_->setSingleShot(true);
        coalesce_->setInterval(options_.coalesce);
        connect(coalesce_, &QTimer::timeout, this, [this] { flush(); });
        ping_ = new QTimer(this);
        ping_->setInterval(options_.ping);
        connect(ping_, &QTimer::timeout, this, [this] { check(); });
        retry_ = new QTimer(this);
        retry_->setSingleShot(true);
        connect(retry_, &QTimer::timeout, this, [this] { connectNow(); });
        connectNow();
    }

    void stop() {
        ping_->stop();
        retry_->stop();
        coalesce_->stop();
        drop();
    }

private:
    void connectNow() {
        QString why;
        {
            QSqlDatabase db = url_.connection(connection_, password_);
            if (!db.open() || !db.driver()->subscribeToNotification(channel()))
                why = db.lastError().isValid() ? db.lastError().text().trimmed()
                                               : db.driver()->lastError().text().trimmed();
            else
                connect(db.driver(), &QSqlDriver::notification, this,
                        [this](const QString &, QSqlDriver::NotificationSource,
                               const QVariant &payload) { arrived(payload.toString()); });
        }
        if (!why.isNull()) {
            drop();
            failed(why.isEmpty() ? ChangeFeed::tr("cannot listen for changes") : why);
            return;
        }
        backoff_ = std::chrono::milliseconds(500);
        ping_->start();
        post([](ChangeFeed *f) { emit f->listening(); });
        if (everListened_) {
            // Deaf for a while: anything may have changed.
            for (const QString &table : sharedTables())
                pending_.insert(table);
            flush();
        }
        everListened_ = true;
    }

    void check() {
        QSqlDatabase db = QSqlDatabase::database(connection_, false);
        QSqlQuery q(db);
        if (db.isOpen() && q.exec(QStringLiteral("SELECT 1")))
            return;
        const QString why = q.lastError().text().trimmed();
        q = QSqlQuery();
        db = QSqlDatabase();
        ping_->stop();
        drop();
        failed(why);
    }

    void failed(const QString &why) {
        post([why](ChangeFeed *f) { emit f->lost(why); });
        retry_->start(backoff_);
        backoff_ = std::min(backoff_ * 2, options_.maxBackoff);
    }

    void drop() {
        if (!QSqlDatabase::contains(connection_))
            return;
        {
            QSqlDatabase db = QSqlDatabase::database(connection_, false);
            if (db.isOpen()) {
                db.driver()->disconnect(this);
                db.close();
            }
        }
        QSqlDatabase::removeDatabase(connection_);
    }

    void arrived(const QString &table) {
        if (table.isEmpty())
            return;
        pending_.insert(table);
        if (!coalesce_->isActive())
            coalesce_->start();
    }

    void flush() {
        if (pending_.isEmpty())
            return;
        QStringList tables(pending_.cbegin(), pending_.cend());
        pending_.clear();
        tables.sort();
        post([tables](ChangeFeed *f) {
            for (const QString &t : tables)
                emit f->changed(t);
        });
    }

    // To the feed's own thread (the GUI's), where its signals are emitted.
    template <class F> void post(F f) {
        QMetaObject::invokeMethod(
            feed_, [feed = feed_, f = std::move(f)] { f(feed); }, Qt::QueuedConnection);
    }

    ChangeFeed *feed_;
    TeamUrl url_;
    QString password_;
    Options options_;
    QString connection_;
    QTimer *coalesce_ = nullptr;
    QTimer *ping_ = nullptr;
    QTimer *retry_ = nullptr;
    QSet<QString> pending_;
    std::chrono::milliseconds backoff_{500};
    bool everListened_ = false;
};

ChangeFeed::ChangeFeed(const StoreLocation &where, QObject *parent)
    : ChangeFeed(where, Options{}, parent) {}

ChangeFeed::ChangeFeed(const StoreLocation &where, Options options, QObject *parent)
    : QObject(parent) {
    if (!where.team())
        return;
    QString why;
    const auto url = TeamUrl::parse(where.teamUrl, &why);
    if (!url)
        return; // the Store refused the same URL, and said why
    listener_ = new Listener(this, *url, where.password, options);
    thread_.setObjectName(QStringLiteral("slipway-changefeed"));
    listener_->moveToThread(&thread_);
    thread_.start();
    QMetaObject::invokeMethod(
        listener_, [l = listener_] { l->start(); }, Qt::QueuedConnection);
}

ChangeFeed::~ChangeFeed() {
    if (!listener_)
        return;
    // The connection must be closed on the thread that opened it.
    QMetaObject::invokeMethod(
        listener_, [l = listener_] { l->stop(); }, Qt::BlockingQueuedConnection);
    thread_.quit();
    thread_.wait();
    delete listener_;
}

} // namespace slipway::core
