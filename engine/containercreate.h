// ContainerCreate: what POST /containers/create is given, as plain fields, and the JSON body
// made of them (Config, HostConfig and NetworkingConfig as the API names them).
#pragma once

#include "engine/types.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace slipway::engine {

// One HostConfig.Mounts entry. A volume mount with no source is an anonymous volume: it goes
// into Config.Volumes instead, as `docker run -v /path` does, so that removing the container
// with its volumes (v=1) removes it on every engine version.
struct Mount {
    std::string type; // "bind", "volume", "tmpfs"
    std::string source;
    std::string target;
    bool readOnly = false;
};

// One NetworkingConfig.EndpointsConfig entry, and the body of a network connect.
struct EndpointConfig {
    std::vector<std::string> aliases;
};

struct ContainerCreate {
    std::string name; // empty: the engine picks one
    std::string image;
    std::vector<std::string> cmd;
    std::vector<std::string> entrypoint;
    std::vector<std::string> env; // "K=V"
    Labels labels;
    std::vector<std::string> exposedPorts;                        // "8080/tcp"
    std::map<std::string, std::vector<PortBinding>> portBindings; // "8080/tcp" -> 127.0.0.1:0
    std::optional<HealthConfig> healthcheck;
    RestartPolicy restartPolicy;
    std::string networkMode; // "", "bridge", or a network name
    std::int64_t memoryLimit = 0;
    std::int64_t nanoCpus = 0;
    bool tty = false;
    bool openStdin = false;
    std::vector<Mount> mounts;
    // Engines before API 1.44 (Docker 25) take one network here; connect the others before
    // the container starts (DockerClient::connectNetwork).
    std::map<std::string, EndpointConfig> endpoints;
    std::string workingDir;
    std::string user;
    std::string hostname;
    std::optional<int> stopTimeout;      // seconds; unset: the engine's 10
    std::string stopSignal;              // "", "SIGTERM", ...
    std::vector<std::string> extraHosts; // "name:ip"
};

// The JSON body of POST /containers/create for `spec`.
std::string containerCreateBody(const ContainerCreate &spec);

} // namespace slipway::engine
