// ServiceProgress: where one service of an environment being provisioned is (waiting for its
// dependencies, pulling, creating, starting, waiting for health, ready, failed), with a line of
// text for people, as the progress view shows it per service.
#pragma once

#include <QCoreApplication>
#include <QMetaType>
#include <QString>

namespace slipway::core::env {

enum class ServiceState { Waiting, Pulling, Creating, Starting, WaitingForHealth, Ready, Failed };

struct ServiceProgress {
    QString service;
    ServiceState state = ServiceState::Waiting;
    QString text; // "waiting for db (healthy)", "pulling 42%", the daemon's words on failure

    // The state in people's words: "Waiting", "Pulling", ...
    static QString stateName(ServiceState state);
};

} // namespace slipway::core::env

Q_DECLARE_METATYPE(slipway::core::env::ServiceProgress)
