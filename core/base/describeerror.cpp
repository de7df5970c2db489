#include "core/base/describeerror.h"

#include <QCoreApplication>

namespace slipway::core {

QString describeError(const engine::Error &error, CancelledText cancelled) {
    switch (error.kind) {
    case engine::ErrorKind::Http:
    case engine::ErrorKind::InvalidInput:
        if (!error.message.empty())
            return QString::fromStdString(error.message);
        break;
    case engine::ErrorKind::Cancelled:
        if (cancelled == CancelledText::Plain)
            return QCoreApplication::translate("slipway::core::ErrorText", "Cancelled.");
        break;
    default:
        break;
    }
    return QString::fromStdString(error.describe());
}

} // namespace slipway::core
