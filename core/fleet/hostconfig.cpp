#include "core/fleet/hostconfig.h"

#include "core/fleet/hostendpoint.h"

#include <QUuid>

namespace slipway::core {

QString HostConfig::problem(FileCheck files) const {
    const auto endpoint = hostEndpoint(*this, files);
    return endpoint ? QString() : QString::fromStdString(endpoint.error().message);
}

QString HostConfig::newUserId() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString HostConfig::sourceName(Source source) {
    switch (source) {
    case Source::Environment:
        return tr("DOCKER_HOST");
    case Source::DockerContext:
        return tr("docker context");
    case Source::LocalSocket:
        return tr("local socket");
    case Source::User:
        return tr("saved");
    case Source::CommandLine:
        return tr("command line");
    }
    return {};
}

} // namespace slipway::core
