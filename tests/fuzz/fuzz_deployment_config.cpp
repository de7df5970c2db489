// A deployment's stored configuration (core/deploy/deploymentrecord.cpp,
// DeploymentConfig::fromJson): what a rollback re-creates replicas from, read back from a database
// that a team may share and edit. Beyond "no crash, no leak, no undefined behaviour": a refusal
// says why; what is accepted names an image, written again (toJson) reads back equal, and what
// rollbacks ask of it (the pinned reference, whether a host port is fixed) is answered.
#include "core/deploy/deploymentrecord.h"

#include <QString>
#include <cstdint>
#include <cstdlib>

using namespace slipway::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const QString json = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const auto config = DeploymentConfig::fromJson(json, &error);
    if (!config) {
        if (error.isEmpty())
            std::abort();
        return 0;
    }
    if (!error.isEmpty() || config->image.isEmpty())
        std::abort();
    const auto again = DeploymentConfig::fromJson(config->toJson());
    if (!again || !(*again == *config) || again->toJson() != config->toJson())
        std::abort();
    const QString pinned = config->pinnedReference();
    if (pinned.isEmpty() ||
        (!config->digest.isEmpty() && !pinned.endsWith(config->digest) && pinned != config->image))
        std::abort();
    (void)config->hasFixedHostPort();
    return 0;
}
