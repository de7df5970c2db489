// TeamSettings: the team database URL saved on this desk (QSettings), which the next start
// uses when neither --database nor SLIPWAY_DATABASE names one.
#pragma once

#include <QString>

namespace slipway::widgets {

struct TeamSettings {
    static QString savedUrl();
    static void save(const QString &url); // empty: this desk only
};

} // namespace slipway::widgets
