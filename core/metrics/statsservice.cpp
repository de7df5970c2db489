#include "core/metrics/statsservice.h"

#include "core/fleet/hostmonitor.h"
#include "core/metrics/metrics.h"
#include "core/metrics/warmstats.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocalServer>
#include <QLocalSocket>
#include <QTimer>

namespace slipway::core {

namespace {

// A client that has not sent its whole question by then is dropped.
constexpr int kClientTimeoutMs = 5000;

} // namespace

StatsService::StatsService(Metrics *metrics, HostMonitor *hosts, QObject *parent)
    : QObject(parent), metrics_(metrics), hosts_(hosts) {}

StatsService::~StatsService() = default;

bool StatsService::listen(const QString &socket, QString *why) {
    {
        QLocalSocket probe;
        probe.connectToServer(socket);
        if (probe.waitForConnected(500)) {
            if (why)
                *why =
                    QCoreApplication::translate("StatsService", "another Slipway process serves %1")
                        .arg(socket);
            return false;
        }
    }
    QLocalServer::removeServer(socket); // what a process that died left
    auto *server = new QLocalServer(this);
    server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!server->listen(socket)) {
        if (why)
            *why = QCoreApplication::translate("StatsService", "cannot serve at %1: %2")
                       .arg(socket, server->errorString());
        delete server;
        return false;
    }
    delete server_;
    server_ = server;
    connect(server_, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *peer = server_->nextPendingConnection()) {
            connect(peer, &QLocalSocket::disconnected, peer, &QObject::deleteLater);
            connect(peer, &QLocalSocket::readyRead, this, [this, peer] { answer(peer); });
            QTimer::singleShot(kClientTimeoutMs, peer, [peer] { peer->abort(); });
        }
    });
    return true;
}

QString StatsService::socket() const {
    return server_ ? server_->fullServerName() : QString();
}

void StatsService::answer(QLocalSocket *peer) {
    if (!peer->canReadLine()) {
        if (peer->bytesAvailable() > warmstats::kMaxLine)
            peer->abort();
        return;
    }
    const auto request = warmstats::decodeRequest(peer->readLine(warmstats::kMaxLine + 1));
    QList<warmstats::Sample> samples;
    const int host = request ? hosts_->indexOfIdentity(request->engineId) : -1;
    if (host >= 0 && hosts_->status(host).state == HostStatus::State::Up) {
        const QString hostId = hosts_->host(host).id;
        // Fresh: measured in the last round or the one before it (a round being the interval
        // plus the time the last one took, longer on a big host), not a stopped sampler's.
        const qint64 round = qint64(metrics_->interval().count()) + metrics_->cost().lastRoundMs;
        const qint64 oldest = QDateTime::currentMSecsSinceEpoch() - 2 * round - 1000;
        for (const QString &id : std::as_const(request->containerIds)) {
            const auto snapshot = metrics_->containerSnapshot(hostId, id);
            if (snapshot && snapshot->usage.atMs >= oldest)
                samples.append({id, snapshot->usage, snapshot->counters});
        }
    }
    peer->write(warmstats::encodeAnswer(samples));
    peer->disconnectFromServer();
}

} // namespace slipway::core
