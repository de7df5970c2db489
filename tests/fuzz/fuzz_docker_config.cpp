// The docker CLI's config.json (engine/dockerconfig.cpp), the user's own file but written by
// any tool that logs in, and the base64 of its "auth" entries. Beyond "no crash, no leak, no
// undefined behaviour": a refusal is a Parse error with a message; a lookup finds the same
// entry however the registry is written (scheme, path, case); base64 reads back what it wrote.
#include "engine/dockerconfig.h"

#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

using namespace slipway::engine;

namespace {

bool same(const CredentialLookup &a, const CredentialLookup &b) {
    return a.credentials == b.credentials && a.helper == b.helper &&
           a.helperSource == b.helperSource;
}

std::string upper(std::string s) {
    for (char &c : s)
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    return s;
}

void checkLookup(const DockerConfig &config, const std::string &host) {
    const CredentialLookup found = config.lookup(host);
    // Credentials found are something, and come from the file or from a helper, never both.
    if (found.credentials && (found.credentials->empty() || !found.helper.empty()))
        std::abort();
    if (found.helper.empty() != found.helperSource.empty())
        std::abort();
    // A registry is one key however it is written: the CLI stores "https://host/v1/" too.
    if (host.find('/') == std::string::npos && host.find("://") == std::string::npos) {
        if (!same(found, config.lookup("https://" + host + "/v1/")) ||
            !same(found, config.lookup(upper(host))))
            std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char *>(data), size);

    // Base64 both ways on the raw bytes.
    const std::string encoded = encodeBase64(text);
    const auto decoded = decodeBase64(encoded);
    if (!decoded || *decoded != text || encoded.size() != (size + 2) / 3 * 4)
        std::abort();
    if (const auto raw = decodeBase64(text)) {
        const auto again = decodeBase64(encodeBase64(*raw));
        if (!again || *again != *raw)
            std::abort();
    }

    auto parsed = DockerConfig::parse(text);
    if (!parsed.ok()) {
        if (parsed.error().kind != ErrorKind::Parse || parsed.error().message.empty())
            std::abort();
        return 0;
    }
    const DockerConfig &config = parsed.value();
    // Every registry the file names, and the ones every lookup asks for anyway.
    std::vector<std::string> hosts = {"", "docker.io", "127.0.0.1:5515"};
    const auto doc = nlohmann::json::parse(
        text,
        [](int depth, nlohmann::json::parse_event_t, nlohmann::json &) { return depth <= 16; },
        false);
    if (doc.is_object())
        for (const char *section : {"auths", "credHelpers"})
            if (auto it = doc.find(section); it != doc.end() && it->is_object())
                for (auto entry = it->begin(); entry != it->end() && hosts.size() < 64; ++entry)
                    hosts.push_back(entry.key());
    for (const std::string &host : hosts)
        checkLookup(config, host);
    return 0;
}
