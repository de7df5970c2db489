#include "widgets/team/teamsettings.h"

#include <QSettings>

namespace slipway::widgets {

namespace {
const QString key = QStringLiteral("team/database");
}

QString TeamSettings::savedUrl() {
    return QSettings().value(key).toString();
}

void TeamSettings::save(const QString &url) {
    QSettings settings;
    if (url.trimmed().isEmpty())
        settings.remove(key);
    else
        settings.setValue(key, url.trimmed());
}

} // namespace slipway::widgets
