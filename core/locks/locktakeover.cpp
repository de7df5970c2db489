#include "core/locks/locktakeover.h"

#include "core/fleet/hostmonitor.h"
#include "core/store/storethread.h"

namespace slipway::core {

LockTakeover::LockTakeover(HostMonitor *hosts, std::shared_ptr<StoreThread> store, QObject *parent)
    : QObject(parent), hosts_(hosts), store_(std::move(store)), mailbox_(this) {
    qRegisterMetaType<LockHolder>();
    worker_ = std::thread([this] {
        std::unique_lock lock(mutex_);
        for (;;) {
            wake_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
            if (jobs_.empty())
                return; // stopping, and nothing left
            auto job = std::move(jobs_.front());
            jobs_.pop_front();
            lock.unlock();
            job();
            lock.lock();
        }
    });
}

LockTakeover::~LockTakeover() {
    mailbox_.close();
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        jobs_.clear(); // not started: nothing to answer any more
    }
    wake_.notify_all();
    worker_.join();
}

void LockTakeover::enqueue(std::function<void()> job) {
    {
        std::lock_guard lock(mutex_);
        jobs_.push_back(std::move(job));
    }
    wake_.notify_all();
}

QList<DeployHost> LockTakeover::hostsNow() const {
    QList<DeployHost> list;
    if (!hosts_)
        return list;
    for (int i = 0; i < hosts_->hostCount(); ++i) {
        const HostConfig config = hosts_->host(i);
        auto client = hosts_->client(config.id);
        if (!client || hosts_->status(i).state == HostStatus::State::Down)
            continue;
        list.append({config.id, config.name, config.url, client,
                     config.url.startsWith(QLatin1String("unix://"))});
    }
    return list;
}

quint64 LockTakeover::readHolder(const QString &app, const QString &env) {
    const quint64 request = ++next_;
    const QList<DeployHost> hosts = hostsNow();
    const Mailbox box = mailbox_;
    enqueue([=, this] {
        QString error;
        const auto holder = AppLock::holder(hosts, app, env, &error);
        box.post([=, this] {
            emit holderRead(request, holder.has_value(), holder.value_or(LockHolder()), error);
        });
    });
    return request;
}

quint64 LockTakeover::takeOver(const QString &app, const QString &env, const QString &expectedToken,
                               bool evenIfAlive) {
    const quint64 request = ++next_;
    const QList<DeployHost> hosts = hostsNow();
    const Mailbox box = mailbox_;
    std::shared_ptr<StoreThread> store = store_;
    // The store's id first (on its thread), then the engines (on the worker).
    store_->run<QString>(
        [](Store *s, const QString &openError) {
            QString error;
            const QString id = s ? s->storeId(&error) : QString();
            return id.isEmpty() ? QStringLiteral("\n") + (s ? error : openError) : id;
        },
        mailbox_,
        [=, this](const QString &storeId) {
            if (storeId.startsWith(QLatin1Char('\n'))) {
                emit tookOver(request, false, 0, LockHolder(),
                              tr("Cannot read this database's store id: %1").arg(storeId.mid(1)));
                return;
            }
            enqueue([=, this] {
                QString error;
                const auto seen = AppLock::holder(hosts, app, env, &error);
                std::optional<LockHolder> busy;
                auto lock = AppLock::takeOver(hosts, app, env, LockIdentity::current(storeId), {},
                                              expectedToken, evenIfAlive, &busy, &error);
                const qint64 generation = lock ? lock->generation() : 0;
                const LockHolder old = lock && lock->replaced() ? *lock->replaced()
                                       : busy                   ? *busy
                                                                : seen.value_or(LockHolder());
                lock.reset(); // released: free for whoever acts next
                AuditEntry entry;
                entry.action = QStringLiteral("app.takeover");
                entry.target = app + QLatin1Char('/') + env;
                QStringList urls;
                for (const auto &h : hosts)
                    urls.append(h.url);
                entry.host = urls.join(QStringLiteral(", "));
                entry.result = generation ? QStringLiteral("ok") : QStringLiteral("failed");
                entry.detail =
                    generation ? tr("from %1 (store %2, generation %3, %4%5); now generation %6")
                                     .arg(old.who, old.storeId)
                                     .arg(old.generation)
                                     .arg(old.stale() ? tr("stale") : tr("alive"))
                                     .arg(evenIfAlive ? tr(", forced") : QString())
                                     .arg(generation)
                               : tr("from %1 (generation %2): %3")
                                     .arg(old.who)
                                     .arg(old.generation)
                                     .arg(error);
                store->post([entry, box, this](Store *s, const QString &) {
                    if (s && s->appendAudit(entry))
                        box.post([this] { emit auditAppended(); });
                });
                box.post([=, this] {
                    emit tookOver(request, generation > 0, generation, old,
                                  generation ? QString() : error);
                });
            });
        });
    return request;
}

} // namespace slipway::core
