// Interpolation: Compose's variable substitution in a value, as docker-compose 1.29 does it:
// ${V}, $V, ${V:-default}, ${V-default}, ${V:?message}, ${V?message} and $$ for a dollar. An
// unset variable without a default is empty, silently, as in docker-compose.
#pragma once

#include <QCoreApplication>
#include <QMap>
#include <QString>

namespace slipway::core::env {

class Interpolation {
    Q_DECLARE_TR_FUNCTIONS(Interpolation)

public:
    struct Result {
        QString value;
        QString error;    // empty when it worked
        qsizetype at = 0; // where in the text the error is (0-based)
    };

    static Result apply(const QString &text, const QMap<QString, QString> &variables);
};

} // namespace slipway::core::env
