// StatusIcons: the small coloured dots that say up, down or connecting, drawn at run time so
// they need no image plugin.
#pragma once

#include "core/fleet/hoststatus.h"

#include <QColor>
#include <QIcon>

namespace slipway::models::StatusIcons {

QColor color(core::HostStatus::State state);
QIcon icon(core::HostStatus::State state); // needs a QGuiApplication

} // namespace slipway::models::StatusIcons
