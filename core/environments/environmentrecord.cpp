#include "core/environments/environmentrecord.h"

namespace slipway::core::env {

bool EnvironmentRecord::live() const {
    return state == State::Provisioning || state == State::Ready || state == State::Recycling;
}

qint64 EnvironmentRecord::livedMs(const QDateTime &now) const {
    if (!createdAt.isValid())
        return 0;
    QDateTime end = now;
    if (state == State::Recycled && recycledAt.isValid())
        end = recycledAt;
    else if (state == State::Failed && failedAt.isValid())
        end = failedAt;
    return std::max<qint64>(0, createdAt.msecsTo(end));
}

QString EnvironmentRecord::stateName(State s) {
    switch (s) {
    case State::Provisioning:
        return QStringLiteral("provisioning");
    case State::Ready:
        return QStringLiteral("ready");
    case State::Failed:
        return QStringLiteral("failed");
    case State::Recycling:
        return QStringLiteral("recycling");
    case State::Recycled:
        return QStringLiteral("recycled");
    }
    return QStringLiteral("failed");
}

std::optional<EnvironmentRecord::State> EnvironmentRecord::stateFromName(const QString &name) {
    for (State s :
         {State::Provisioning, State::Ready, State::Failed, State::Recycling, State::Recycled})
        if (stateName(s) == name)
            return s;
    return std::nullopt;
}

} // namespace slipway::core::env
