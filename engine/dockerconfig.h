// DockerConfig: registry credentials from the docker CLI's config.json (`auths` entries with a
// base64 `auth`, username/password or an identity token), and the credential helper that holds
// them instead where the file names one (`credHelpers`, `credsStore`).
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
    // An OAuth refresh token (`identitytoken` in config.json, or a helper's Secret under the
    // Username "<token>"): exchanged at the registry's token server, never sent as Basic.
    std::string identityToken;

    bool empty() const { return username.empty() && password.empty() && identityToken.empty(); }
    friend bool operator==(const RegistryCredentials &, const RegistryCredentials &) = default;
};

// What config.json says about one registry.
struct CredentialLookup {
    std::optional<RegistryCredentials> credentials; // in the file itself
    // Without credentials in the file: the helper that holds them ("pass" for
    // docker-credential-pass) and where the file names it ("credHelpers" or "credsStore").
    std::string helper;
    std::string helperSource;
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
    // The order: a helper in credHelpers for this registry, credentials in the file, then the
    // store of credsStore.
    CredentialLookup lookup(const std::string &registryHost) const;

    // The address the docker CLI gives a credential helper for a registry host:
    // "https://index.docker.io/v1/" for Docker Hub, else the host as it is ("ghcr.io").
    static std::string helperServerAddress(const std::string &registryHost);

    bool empty() const { return auths_.empty() && credsStore_.empty() && credHelpers_.empty(); }

private:
    std::map<std::string, RegistryCredentials> auths_; // by normalized host
    std::string credsStore_;
    std::map<std::string, std::string> credHelpers_; // by normalized host
};

// RFC 4648 base64 (padding optional, no line breaks); nullopt for anything else.
std::optional<std::string> decodeBase64(std::string_view text);
std::string encodeBase64(std::string_view bytes);

} // namespace slipway::engine
