// Registry credentials as the docker CLI finds them (config.json, then the credential helper it
// names), and the X-Registry-Auth value that hands them to the engine for a pull or a service
// update. Reads files and may run a helper: never on a GUI thread.
#pragma once

#include "engine/dockerconfig.h"
#include "engine/result.h"

#include <chrono>
#include <optional>
#include <string>

namespace slipway::engine {

struct CredentialOptions {
    std::string configPath; // empty: DockerConfig::defaultPath() at the time of the call
    std::chrono::milliseconds helperTimeout{10000};
};

// The credentials for a registry host ("127.0.0.1:5515", "ghcr.io"; empty or "docker.io" for
// Docker Hub): from config.json or from the helper it names. nullopt: none (pull anonymously).
// An error when config.json cannot be read or the helper is missing or fails; the message says
// which file or helper.
Result<std::optional<RegistryCredentials>>
resolveCredentials(const std::string &registryHost, const CredentialOptions &options = {});

// The X-Registry-Auth value for pulling `imageReference` ("127.0.0.1:5515/team/app:1"): the
// credentials of its registry as base64url JSON, {"username", "password", "serveraddress"} or
// {"identitytoken", "serveraddress"}; empty when there are none. Errors as resolveCredentials,
// and for a reference that is not one.
Result<std::string> registryAuthFor(const std::string &imageReference,
                                    const CredentialOptions &options = {});

// The X-Registry-Auth encoding of `credentials` for `serverAddress`.
std::string encodeRegistryAuth(const RegistryCredentials &credentials,
                               const std::string &serverAddress);

} // namespace slipway::engine
