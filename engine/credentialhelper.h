// Credential helpers: the registry credentials a docker credential helper holds, read the way
// the docker CLI reads them (`docker-credential-<name> get`, the server address on stdin, a
// {"ServerURL", "Username", "Secret"} answer), by running the helper with no shell and a time
// limit.
#pragma once

#include "engine/dockerconfig.h"
#include "engine/result.h"

#include <chrono>
#include <optional>
#include <string>

namespace slipway::engine {

// Runs `docker-credential-<helper> get` (found on PATH) with `serverAddress` on its stdin.
// nullopt when the helper holds nothing for that server ("credentials not found"); a Username
// of "<token>" makes the Secret an identity token. An InvalidInput error names the helper and
// says what went wrong: not on PATH, killed after `timeout`, a failure in its own words, or
// an answer that is not its JSON.
Result<std::optional<RegistryCredentials>>
credentialsFromHelper(const std::string &helper, const std::string &serverAddress,
                      std::chrono::milliseconds timeout = std::chrono::seconds(10));

} // namespace slipway::engine
