// ComposeWriter: a resolved ComposeProject printed as `docker-compose config` prints a file
// (keys sorted, services by name, Compose's key names), as YAML that docker-compose 1.29 reads
// back, or as JSON. The project name is given to Compose with -p, so the YAML leaves it out
// (docker-compose 1.29 refuses a top-level name); the JSON has it. In the YAML a '$' in a value
// is written "$$", as Compose reads it back; the JSON holds the values as they are.
#pragma once

#include "core/environments/composeproject.h"

#include <QByteArray>
#include <QJsonObject>

namespace slipway::core::env {

class ComposeWriter {
public:
    static QJsonObject toJson(const ComposeProject &project);
    static QByteArray yaml(const ComposeProject &project);
    static QByteArray json(const ComposeProject &project);
};

} // namespace slipway::core::env
