// The application icon, painted in code so that no image plug-in is needed: the window, the
// tray and the notifications share it.
#pragma once

#include <QIcon>

namespace slipway::widgets {

QIcon appIcon();

} // namespace slipway::widgets
