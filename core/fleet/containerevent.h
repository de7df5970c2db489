// ContainerEvent: one container event of a host's /events, as the inventory hears it, for
// those that care what happened and not only what it led to (the exit alert: whether an exit
// was asked for).
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace slipway::core {

struct ContainerEvent {
    QString id;     // the container's full ID
    QString action; // "start", "kill", "die", "stop", "destroy", "health_status: healthy", ...
};
using ContainerEventList = QList<ContainerEvent>; // in the stream's order

} // namespace slipway::core

Q_DECLARE_METATYPE(slipway::core::ContainerEventList)
