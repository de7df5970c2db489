// A docker CLI context's meta.json (core/fleet/hostdiscovery.cpp), read at every start from the
// user's ~/.docker/contexts, as any tool may have written it. Beyond "no crash, no leak, no
// undefined behaviour": a refusal names the file and why; an accepted context has a name, an
// id made of it and a trimmed URL, and its URL is checked the way every host's is (an
// InvalidInput error or an endpoint), never more.
#include "core/fleet/hostdiscovery.h"
#include "core/fleet/hostendpoint.h"

#include <QByteArray>
#include <QString>
#include <cstdint>
#include <cstdlib>

using namespace slipway;
using namespace slipway::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const QByteArray meta =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString path = QStringLiteral("/nonexistent/contexts/meta/x/meta.json");
    QString problem;
    const auto host =
        HostDiscovery::fromContextMeta(meta, path, QStringLiteral("/nonexistent"), &problem);
    if (!host) {
        if (!problem.startsWith(path))
            std::abort();
        return 0;
    }
    if (!problem.isEmpty() || host->name.isEmpty() ||
        host->id != QStringLiteral("context:") + host->name || host->url.isEmpty() ||
        host->url != host->url.trimmed() || host->source != HostConfig::Source::DockerContext ||
        !host->caFile.isEmpty() || !host->certFile.isEmpty() || !host->keyFile.isEmpty())
        std::abort();
    const auto endpoint = hostEndpoint(*host, HostConfig::FileCheck::Skip);
    if (!endpoint.ok() && (endpoint.error().kind != engine::ErrorKind::InvalidInput ||
                           endpoint.error().message.empty()))
        std::abort();
    return 0;
}
