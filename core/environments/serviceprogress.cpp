#include "core/environments/serviceprogress.h"

namespace slipway::core::env {

QString ServiceProgress::stateName(ServiceState state) {
    switch (state) {
    case ServiceState::Waiting:
        return QCoreApplication::translate("ServiceProgress", "Waiting");
    case ServiceState::Pulling:
        return QCoreApplication::translate("ServiceProgress", "Pulling");
    case ServiceState::Creating:
        return QCoreApplication::translate("ServiceProgress", "Creating");
    case ServiceState::Starting:
        return QCoreApplication::translate("ServiceProgress", "Starting");
    case ServiceState::WaitingForHealth:
        return QCoreApplication::translate("ServiceProgress", "Waiting for health");
    case ServiceState::Ready:
        return QCoreApplication::translate("ServiceProgress", "Ready");
    case ServiceState::Failed:
        return QCoreApplication::translate("ServiceProgress", "Failed");
    }
    return {};
}

} // namespace slipway::core::env
