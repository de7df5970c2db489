#include "core/hoststatus.h"

#include <QLocale>

namespace slipway::core {

QString HostStatus::stateName(State state) {
    switch (state) {
    case State::Connecting:
        return tr("Connecting");
    case State::Up:
        return tr("Up");
    case State::Down:
        return tr("Down");
    }
    return {};
}

QString HostStatus::formatBytes(qint64 bytes) {
    if (bytes <= 0)
        return {};
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat);
}

} // namespace slipway::core
