// EnvironmentIdentity: who an environment is across every workstation and store (its UUID and
// the writing store's UUID) and what it was made from, as its objects' slipway.* labels carry it.
#pragma once

#include <QString>

namespace slipway::core::env {

struct EnvironmentIdentity {
    QString environmentId; // UUID of the environment's record
    QString storeId;       // UUID of the store that writes that record
    QString templateName;
    QString templateVersion;
    QString kind;  // "test", "integration", "production", or a user's own
    QString owner; // who asked for it, for people ("user@machine")
};

} // namespace slipway::core::env
