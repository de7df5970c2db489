// Image references (engine/imagereference.cpp): what users type into deploy and pull, and what
// deployment records and labels hold. Beyond "no crash, no leak, no undefined behaviour": a
// refusal is InvalidInput with a message; an accepted reference written again (str()) parses
// to the same parts; its registry is one a registry client can be made for; splitting it into
// registry and repository (RegistryClient::splitRepository) agrees with it.
#include "engine/imagereference.h"
#include "engine/registryclient.h"

#include <cstdint>
#include <cstdlib>
#include <string>

using namespace slipway::engine;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const std::string text(reinterpret_cast<const char *>(data), size);
    auto r = ImageReference::parse(text);
    if (!r.ok()) {
        if (r.error().kind != ErrorKind::InvalidInput || r.error().message.empty())
            std::abort();
        return 0;
    }
    const ImageReference &ref = r.value();
    if (ref.repository.empty() || (ref.tag.empty() && ref.digest.empty()))
        std::abort();
    auto again = ImageReference::parse(ref.str());
    if (!again.ok() || again.value().repository != ref.repository || again.value().tag != ref.tag ||
        again.value().digest != ref.digest || again.value().str() != ref.str())
        std::abort();

    const std::string host = ref.registryHost();
    if (!host.empty() && ref.repository.compare(0, host.size() + 1, host + "/") != 0)
        std::abort();
    // A registry host the reference accepts is one the registry client can talk to.
    if (!RegistryEndpoint::forHost(host).ok())
        std::abort();
    auto split = RegistryClient::splitRepository(text);
    if (!split.ok() || split.value().first.empty() || split.value().second.empty())
        std::abort();
    if (!host.empty() && host != "docker.io" && host != "index.docker.io" &&
        split.value().first + "/" + split.value().second != ref.repository)
        std::abort();
    return 0;
}
