#include "core/deploy/pullpolicy.h"

namespace slipway::core {

QString PullPolicyName::name(PullPolicy policy) {
    switch (policy) {
    case PullPolicy::Missing:
        return QStringLiteral("missing");
    case PullPolicy::Always:
        return QStringLiteral("always");
    case PullPolicy::Never:
        return QStringLiteral("never");
    }
    return {};
}

std::optional<PullPolicy> PullPolicyName::parse(const QString &text, QString *error) {
    for (PullPolicy p : {PullPolicy::Missing, PullPolicy::Always, PullPolicy::Never})
        if (text.trimmed() == name(p))
            return p;
    if (error)
        *error = tr("pull policy \"%1\": expected missing, always or never").arg(text);
    return std::nullopt;
}

} // namespace slipway::core
