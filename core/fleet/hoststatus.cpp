#include "core/fleet/hoststatus.h"

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

QString HostStatus::sameEngineText(const QStringList &others) {
    return others.isEmpty() ? QString()
                            : tr("same engine as %1").arg(others.join(QStringLiteral(", ")));
}

QList<QStringList> HostStatus::sameEngine(const QStringList &engineIds, const QStringList &names) {
    QList<QStringList> others(engineIds.size());
    for (qsizetype i = 0; i < engineIds.size(); ++i) {
        if (engineIds[i].isEmpty())
            continue;
        for (qsizetype j = 0; j < engineIds.size(); ++j)
            if (j != i && engineIds[j] == engineIds[i])
                others[i].append(names.value(j));
    }
    return others;
}

} // namespace slipway::core
