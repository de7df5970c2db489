// ComposeKeys: for every kind of mapping in a Compose file, the keys Slipway honours and the
// keys of the Compose Specification it refuses, each with the reason; any other key is
// refused as unknown. Nothing is dropped silently. x- keys are skipped where Compose allows
// them.
#pragma once

#include "core/environments/composeproject.h"
#include "core/environments/yamltree.h"

#include <QCoreApplication>
#include <QStringList>

namespace slipway::core::env {

enum class KeyContext {
    Top,
    Service,
    Network,  // top-level networks.<key>
    Volume,   // top-level volumes.<key>
    External, // networks/volumes.<key>.external as a mapping
    Healthcheck,
    Deploy,
    Port,           // a port in long form
    Mount,          // a volume of a service in long form
    ServiceNetwork, // services.<name>.networks.<key>
    Dependency,     // services.<name>.depends_on.<service>
    Slipway,        // x-slipway
};

class ComposeKeys {
    Q_DECLARE_TR_FUNCTIONS(ComposeKeys)

public:
    static QStringList honoured(KeyContext context);
    static QStringList refused(KeyContext context);
    // Why `key` is refused in `context`, translated; empty when it is not refused.
    static QString reason(KeyContext context, const QString &key);
    static bool allowsExtensions(KeyContext context);

    // One error for each key of `map` that is refused or unknown in `context`. `path` is the
    // mapping's key path ("services.web").
    static void check(const YamlNode &map, KeyContext context, const QString &path,
                      const QString &file, QList<TemplateError> *errors);
};

} // namespace slipway::core::env
