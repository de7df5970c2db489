// The resources compiled into the GUI: translations and the style sheet.
#pragma once

#include <QLocale>
#include <QString>

namespace slipway::resources {

// Installs Slipway's translation (and Qt's own, for standard buttons) for `locale` into the
// application. False when there is none for it (English needs none).
bool installTranslations(const QLocale &locale);

// The application style sheet from :/style/slipway.qss.
QString styleSheet();

} // namespace slipway::resources
