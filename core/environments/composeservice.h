// Reading one service of a Compose file (composeservice.cpp), its ports (composeports.cpp)
// and its volumes (composevolumes.cpp), for ComposeReader.
#pragma once

#include "core/environments/composecontext.h"

#include <QSet>

namespace slipway::core::env {

// What the top level declares, which services refer to.
struct Declared {
    QSet<QString> networks;
    QSet<QString> volumes;
};

// Where a service's fixed host ports and dependencies were written, for the checks that span
// services (port clashes, unknown services, cycles).
struct ServiceSites {
    struct Port {
        QString hostIp;
        int port = 0;
        QString protocol;
        SourcePos pos;
        QString path;
    };
    QList<Port> ports;
    QList<SourcePos> dependencyPos; // one per ServiceSpec::dependsOn entry
    QList<QString> dependencyPath;
};

void readService(ComposeContext &c, const YamlEntry &entry, const Declared &declared,
                 ServiceSpec *service, ServiceSites *sites);

// `node` is services.<name>.ports.
void readPorts(ComposeContext &c, const YamlNode &node, const QString &path, ServiceSpec *service,
               ServiceSites *sites);
// `node` is services.<name>.volumes.
void readVolumes(ComposeContext &c, const YamlNode &node, const QString &path,
                 const Declared &declared, ServiceSpec *service);

} // namespace slipway::core::env
