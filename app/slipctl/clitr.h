// tr() for slipctl's command functions. lupdate files a bare tr("…") in namespace
// slipway::cli under the context "slipway::cli", so that is the context looked up at run time.
#pragma once

#include <QCoreApplication>
#include <QString>

namespace slipway::cli {

inline QString tr(const char *text) {
    return QCoreApplication::translate("slipway::cli", text);
}

} // namespace slipway::cli
