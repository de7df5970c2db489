// ServiceCatalog: the Swarm services of every manager host of a HostMonitor, and the actions
// on them: roll back to the previous spec (the engine's own rollback), update to a chosen
// image (the engine's rolling update, start-first, rolling back by itself on failure), scale.
// Services and tasks are listed off the GUI thread when a manager comes up, on each of its
// probes, on demand, and every `busyPoll` while an update runs or replicas have not caught up;
// changes reach the model as batches of inserted, changed and removed rows. Lives on the GUI
// thread and never waits; every result arrives there as a signal. Each action is audited.
#pragma once

#include "core/base/mailbox.h"
#include "core/fleet/listedhost.h"
#include "core/fleet/servicerecord.h"

#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>
#include <chrono>
#include <map>
#include <memory>
#include <optional>

namespace slipway::core {

class HostMonitor;
class StoreThread;
struct HostConfig;
struct HostStatus;

class ServiceCatalog : public QObject {
    Q_OBJECT

public:
    struct Options {
        // How often a manager is listed again while one of its services is changing.
        std::chrono::milliseconds busyPoll{1000};
    };

    // `store` may be null: then nothing is written to the audit log.
    ServiceCatalog(HostMonitor *monitor, std::shared_ptr<StoreThread> store, Options options,
                   QObject *parent = nullptr);
    explicit ServiceCatalog(HostMonitor *monitor, std::shared_ptr<StoreThread> store = {},
                            QObject *parent = nullptr);
    ~ServiceCatalog() override;

    HostMonitor *monitor() const { return monitor_; }

    ServiceList services() const; // every manager, in host order, then by name
    ServiceList services(const QString &hostId) const;
    std::optional<ServiceRecord> service(const QString &hostId, const QString &serviceId) const;
    QStringList hostIds() const; // the hosts that are Swarm managers, in host order
    // Why the last listing of the host failed, in the engine's words; empty when it worked.
    QString hostError(const QString &hostId) const;
    bool isListed(const QString &hostId) const; // a list has come in at least once
    bool isRefreshing(const QString &hostId) const;

    // Each action answers with operationFinished(request, ok, error) once the engine has
    // taken or refused it (the rolling itself is followed through the service's rows and
    // updateEnded()). Each returns 0 without any call, and sets `refused`, for bad input, an
    // unknown service or a host with no usable engine.
    quint64 rollback(const QString &hostId, const QString &serviceId, QString *refused = nullptr);
    // `image` is "repo:tag" or "repo:tag@sha256:..." (an ImageServiceChoice's reference).
    quint64 updateImage(const QString &hostId, const QString &serviceId, const QString &image,
                        QString *refused = nullptr);
    quint64 scale(const QString &hostId, const QString &serviceId, int replicas,
                  QString *refused = nullptr);

    // The images `serviceId` can be updated to: its previous spec's and every tag of the same
    // repository on the hosts that are up. Answers with imageChoicesLoaded() (0: unknown).
    quint64 loadImageChoices(const QString &hostId, const QString &serviceId);

    // Empty when `image` is a valid image reference, else what is wrong with it.
    static QString checkImage(const QString &image);

public slots:
    void refresh();
    void refreshHost(const QString &hostId);

signals:
    void servicesInserted(const slipway::core::ServiceList &records);
    void servicesChanged(const slipway::core::ServiceList &records);
    void servicesRemoved(const slipway::core::ServiceList &records);
    void hostRefreshed(const QString &hostId, bool ok, const QString &error);
    void operationFinished(quint64 request, bool ok, const QString &error);
    // An update or rollback of `record` came to its end: completed, paused, or rolled back
    // (asked for, or by the engine itself after a failed update; updateMessage says why).
    void updateEnded(const slipway::core::ServiceRecord &record);
    void imageChoicesLoaded(quint64 request, const slipway::core::ServiceImageChoices &choices,
                            const QString &error);
    void auditAppended();

private:
    struct Host : ListedHost<ServiceRecord> { // records by service ID
        bool manager = false;
        int watch = 0;             // listings still to make at the busy pace after an action
        int pending = 0;           // actions sent and not answered yet
        QSet<QString> rollingBack; // services Slipway asked to roll back, until they end
    };
    struct Listing;
    enum class Action { Rollback, Update, Scale };

    void addHost(const HostConfig &config);
    void removeHost(const QString &hostId);
    void onStatus(const QString &hostId, const HostStatus &status);
    void onListed(const QString &hostId, quint64 generation, const std::shared_ptr<Listing> &l);
    void dropServices(Host &host);
    void markStale(Host &host, const QString &error);
    void updatePolling();
    quint64 act(Action action, const QString &hostId, const QString &serviceId,
                const QString &image, int replicas, QString *refused);
    void send(quint64 request, Action action, const QString &hostId, const QString &serviceId,
              const QString &image, int replicas);
    void finish(quint64 request, Action action, const QString &hostId, const QString &serviceId,
                const QString &target, const QString &detail, const QString &error);
    void keepRollbackReason(Host &host, ServiceRecord &r, const ServiceRecord *old);
    void audit(const QString &action, const QString &hostId, const QString &target,
               const QString &detail, const QString &error);

    HostMonitor *monitor_;
    std::shared_ptr<StoreThread> store_;
    Options options_;
    Mailbox mailbox_;
    std::map<QString, Host> hosts_;
    QStringList order_;
    QTimer poll_;
    quint64 nextRequest_ = 1;
    quint64 nextGeneration_ = 1;
};

} // namespace slipway::core
