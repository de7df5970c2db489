// PullPolicy: when a deployment pulls its image, as `docker run --pull` decides it: missing
// (the default: use the host's image when it has the reference, pull only when it does not),
// always (pull first), never (fail when the host does not have it).
#pragma once

#include <QCoreApplication>
#include <QString>
#include <optional>

namespace slipway::core {

enum class PullPolicy { Missing, Always, Never };

class PullPolicyName {
    Q_DECLARE_TR_FUNCTIONS(PullPolicyName)

public:
    static QString name(PullPolicy policy); // "missing", as typed on a command line
    // "missing", "always" or "never"; nullopt with `error` naming the bad value.
    static std::optional<PullPolicy> parse(const QString &text, QString *error);
};

} // namespace slipway::core
