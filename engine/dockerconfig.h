// DockerConfig: registry credentials from the docker CLI's config.json (`auths` entries with a
// base64 `auth` or username/password); names the credential helper where one would be needed.
#pragma once

#include "engine/result.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace slipway::engine {

struct RegistryCredentials {
    std::string username;
    std::string password;

    bool empty() const { return username.empty() && password.empty(); }
};

// What config.json says about one registry.
struct CredentialLookup {
    std::optional<RegistryCredentials> credentials; // unset: none stored in the file
    // Set when a credential helper or store holds this registry's credentials, which Slipway
    // cannot use yet: "credential helper \"docker-credential-pass\" (credHelpers) is not
    // supported yet".
    std::string unsupported;
    // Set when the file holds an OAuth identity token for this registry (not supported yet).
    bool identityToken = false;
};

class DockerConfig {
public:
    // $DOCKER_CONFIG/config.json, else $HOME/.docker/config.json; empty without either.
    static std::string defaultPath();

    // Reads and parses `path`; a missing file is an empty config, not an error.
    static Result<DockerConfig> load(const std::string &path);
    static Result<DockerConfig> parse(std::string_view json);

    // For a registry host as image references name it ("127.0.0.1:5515", "ghcr.io"); empty or
    // "docker.io" for Docker Hub. Matches `auths` keys written with or without a scheme or path.
    CredentialLookup lookup(const std::string &registryHost) const;

    bool empty() const { return auths_.empty() && credsStore_.empty() && credHelpers_.empty(); }

private:
    struct Entry {
        RegistryCredentials credentials;
        bool identityToken = false;
    };
    std::map<std::string, Entry> auths_; // by normalized host
    std::string credsStore_;
    std::map<std::string, std::string> credHelpers_; // by normalized host
};

// RFC 4648 base64 (padding optional, no line breaks); nullopt for anything else.
std::optional<std::string> decodeBase64(std::string_view text);
std::string encodeBase64(std::string_view bytes);

} // namespace slipway::engine
