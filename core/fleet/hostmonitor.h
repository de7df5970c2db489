// HostMonitor: the hosts Slipway watches and how each is doing. Owns one engine client per
// host, probes them all concurrently and again every few seconds (so a host that comes back
// recovers by itself), and saves the user's changes through the StoreThread. Lives on the
// GUI thread and only ever receives results there; it never waits.
#pragma once

#include "core/base/mailbox.h"
#include "core/fleet/hostconfig.h"
#include "core/fleet/hoststatus.h"

#include <QList>
#include <QObject>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTimer>
#include <chrono>
#include <map>
#include <memory>
#include <optional>

namespace slipway::engine {
class DockerClient;
}

namespace slipway::core {

class StoreThread;
struct PreparedHost; // a host with its endpoint checked on the store thread

class HostMonitor : public QObject {
    Q_OBJECT

public:
    struct Options {
        // Set (--host): exactly these hosts instead of the saved and discovered ones.
        std::optional<QList<HostConfig>> overrideHosts;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        QString localSocketPath = QStringLiteral("/var/run/docker.sock");
        // Bounds each probe request alone, not the other calls made through the host's client,
        // which keep limits that fit them (engine/dockerclient.h, kDefaultTimeout).
        std::chrono::milliseconds probeTimeout{5000};
        // Reaching the engine (TCP and TLS handshakes) for each of the client's requests.
        std::chrono::milliseconds connectTimeout{3000};
        std::chrono::milliseconds refreshInterval{10000};
    };

    HostMonitor(std::shared_ptr<StoreThread> store, Options options, QObject *parent = nullptr);
    ~HostMonitor() override;

    // Loads the host list on the store thread, then probes and keeps probing. loaded() tells
    // when the list is in.
    void start();
    bool isLoaded() const { return loaded_; }

    QList<HostConfig> hosts() const;
    int hostCount() const { return int(entries_.size()); }
    int indexOf(const QString &id) const;
    HostConfig host(int index) const;
    HostStatus status(int index) const;
    int upCount() const;
    // What deployment records name the host at `index` by: its engine's ID (the same from
    // every workstation, whatever URL reaches it), else the host's own id when its engine
    // answered without one; empty before it has ever answered.
    QString identity(int index) const;
    // The first host, in order, with this identity; -1 when none.
    int indexOfIdentity(const QString &identity) const;
    // The name of the host with this id, else of the first whose identity it is; empty when
    // neither is known (an old record's id, a host not here).
    QString hostName(const QString &idOrIdentity) const;
    // For the services that build on the hosts (inventory, stats); null for an invalid host.
    std::shared_ptr<engine::DockerClient> client(const QString &id) const;

    // Requests that read the disk or the database run on the store thread and answer with
    // requestFinished(request, ok, error). The error names the problem.
    quint64 addHost(HostConfig host);           // a new user host; its id is made when empty
    quint64 updateHost(const HostConfig &host); // a saved host, by id
    quint64 removeHost(const QString &id);      // a saved or --host host
    // Probes `host` without adding it; answers with connectionTested().
    quint64 testConnection(const HostConfig &host);

public slots:
    void refresh();
    void refreshHost(const QString &id);

signals:
    void loaded();
    void problem(const QString &message); // the database or the docker config could not be read
    void hostInserted(int index, const slipway::core::HostConfig &host);
    void hostUpdated(int index, const slipway::core::HostConfig &host);
    void hostRemoved(int index, const QString &id);
    void statusChanged(int index, const slipway::core::HostStatus &status);
    void requestFinished(quint64 request, bool ok, const QString &error);
    void connectionTested(quint64 request, const slipway::core::HostStatus &status);
    void auditAppended(); // a host change was written to the audit log

private:
    struct Entry {
        HostConfig config;
        HostStatus status;
        std::shared_ptr<engine::DockerClient> client; // null when the config is invalid
        quint64 generation = 0; // bumped on edit, so a stale probe result is dropped
        bool probing = false;
    };
    Entry makeEntry(const PreparedHost &prepared);
    void insertEntry(int index, Entry entry);
    void disposeClient(std::shared_ptr<engine::DockerClient> client);
    void onProbed(const QString &id, quint64 generation, HostStatus status);
    // Flags the hosts whose engines answered with one ID (HostStatus::sameEngineAs); says so
    // with statusChanged for each whose flag changed, except `quiet` (about to say it anyway).
    void markSameEngines(int quiet = -1);

    std::shared_ptr<StoreThread> store_;
    Options options_;
    Mailbox mailbox_;
    QTimer timer_;
    QList<Entry> entries_;
    std::map<quint64, std::shared_ptr<engine::DockerClient>> testClients_;
    quint64 nextRequest_ = 1;
    quint64 nextGeneration_ = 1;
    bool loaded_ = false;
};

} // namespace slipway::core
