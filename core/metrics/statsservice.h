// StatsService: answers `slipctl stats` on this machine from a running Metrics (the agent's
// or a Slipway window's), so that a snapshot costs no engine round: the socket and the wire
// are core/metrics/warmstats.h. Only figures of the sampler's last two rounds are given (a
// stopped sampler's go stale); slipctl measures whatever is missing itself.
#pragma once

#include <QObject>
#include <QString>

class QLocalServer;
class QLocalSocket;

namespace slipway::core {

class HostMonitor;
class Metrics;

class StatsService : public QObject {
    Q_OBJECT

public:
    StatsService(Metrics *metrics, HostMonitor *hosts, QObject *parent = nullptr);
    ~StatsService() override;

    // Serves at `socket` (warmstats::socketPath). False, with the reason, when another process
    // already serves there or the socket cannot be made; a socket left by a process that died
    // is taken over.
    bool listen(const QString &socket, QString *why);
    QString socket() const;

private:
    void answer(QLocalSocket *peer);

    Metrics *metrics_;
    HostMonitor *hosts_;
    QLocalServer *server_ = nullptr;
};

} // namespace slipway::core
