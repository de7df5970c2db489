// Provisioner: provisions, recycles and sweeps environments on one Docker engine, one operation
// at a time, on a worker thread; reports each service's state and the outcome on its own thread
// (the GUI's or slipctl's). Never waits.
#pragma once

#include "core/base/mailbox.h"
#include "core/environments/composeproject.h"
#include "core/environments/environmentcleanup.h"
#include "core/environments/environmentidentity.h"
#include "core/environments/environmentoutcome.h"
#include "core/environments/provisionjob.h"
#include "core/environments/serviceprogress.h"

#include <QObject>
#include <memory>

namespace slipway::engine {
class DockerClient;
}

namespace slipway::core::env {

class Provisioner : public QObject {
    Q_OBJECT

public:
    explicit Provisioner(std::shared_ptr<engine::DockerClient> client,
                         ProvisionOptions options = {}, QObject *parent = nullptr);
    // Cancels the operation under way and waits for it (a provision removes what it made).
    ~Provisioner() override;

    bool busy() const;

    // Each starts one operation and answers with finished(); false, with nothing started, while
    // another is under way.
    //
    // Networks, volumes, then the services in dependency order (each waited for per its
    // condition), independent ones in parallel; a failure anywhere removes everything labelled
    // with the environment, and finished() carries the step, the service and the daemon's words.
    bool provision(const ComposeProject &project, const EnvironmentIdentity &identity);
    // Removes the environment's containers (with their anonymous volumes), networks and
    // volumes but those the template keeps; only objects labelled with this store and this
    // environment.
    bool recycle(const EnvironmentIdentity &identity);
    // Removes everything labelled with this store and this environment, kept volumes too: what
    // an interrupted provision left, once the engine is back.
    bool sweep(const EnvironmentIdentity &identity);

    // Stops the operation under way at its next step (a pull or a wait at once); a provision
    // then removes what it created and finishes with "Cancelled by the user".
    void cancel();

signals:
    void serviceChanged(const slipway::core::env::ServiceProgress &progress);
    void stepChanged(const QString &step);
    void finished(const slipway::core::env::EnvironmentOutcome &outcome);

private:
    bool startCleanup(const EnvironmentIdentity &identity, EnvironmentCleanup::Volumes volumes);

    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace slipway::core::env
