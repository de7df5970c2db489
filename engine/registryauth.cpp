#include "engine/registryauth.h"

#include "engine/credentialhelper.h"
#include "engine/imagereference.h"

#include <nlohmann/json.hpp>

namespace slipway::engine {

Result<std::optional<RegistryCredentials>> resolveCredentials(const std::string &registryHost,
                                                              const CredentialOptions &options) {
    const std::string path =
        options.configPath.empty() ? DockerConfig::defaultPath() : options.configPath;
    auto config = DockerConfig::load(path);
    if (!config)
        return makeError(ErrorKind::InvalidInput,
                         "registry credentials: " + config.error().message);
    const CredentialLookup found = config.value().lookup(registryHost);
    if (found.credentials)
        return found.credentials;
    if (found.helper.empty())
        return std::optional<RegistryCredentials>();
    auto fromHelper = credentialsFromHelper(
        found.helper, DockerConfig::helperServerAddress(registryHost), options.helperTimeout);
    if (!fromHelper) {
        Error e = fromHelper.error();
        e.message += " (named by " + found.helperSource + " in " + path + ")";
        return e;
    }
    return fromHelper;
}

Result<std::string> registryAuthFor(const std::string &imageReference,
                                    const CredentialOptions &options) {
    auto ref = ImageReference::parse(imageReference);
    if (!ref)
        return ref.error();
    const std::string host = ref.value().registryHost();
    auto credentials = resolveCredentials(host, options);
    if (!credentials)
        return credentials.error();
    if (!credentials.value())
        return std::string();
    return encodeRegistryAuth(*credentials.value(), DockerConfig::helperServerAddress(host));
}

std::string encodeRegistryAuth(const RegistryCredentials &credentials,
                               const std::string &serverAddress) {
    nlohmann::json doc = nlohmann::json::object();
    if (!credentials.identityToken.empty()) {
        doc["identitytoken"] = credentials.identityToken;
    } else {
        doc["username"] = credentials.username;
        doc["password"] = credentials.password;
    }
    doc["serveraddress"] = serverAddress;
    // The engine decodes the header as base64url (RFC 4648 section 5).
    // A password that is not UTF-8 cannot be JSON: its odd bytes become U+FFFD instead of
    // throwing, and the registry refuses it in its own words.
    std::string encoded =
        encodeBase64(doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    for (char &c : encoded) {
        if (c == '+')
            c = '-';
        else if (c == '/')
            c = '_';
    }
    return encoded;
}

} // namespace slipway::engine
