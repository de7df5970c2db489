// Plain structs for what the Docker Engine API returns: the fields Slipway uses, named as the
// API names them. Times are Unix seconds unless said otherwise.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace slipway::engine {

using Labels = std::map<std::string, std::string>;

struct PingInfo {
    std::string apiVersion; // "Api-Version" header: the engine's highest API version
    std::string osType;     // "OSType" header
    bool experimental = false;
    std::string swarm; // "Swarm" header, e.g. "active/manager"; empty on old engines
};

struct VersionInfo {
    std::string version;       // engine version, "20.10.24+dfsg1"
    std::string apiVersion;    // highest API version
    std::string minApiVersion; // lowest API version
    std::string os;
    std::string arch;
    std::string kernelVersion;
    std::string goVersion;
    std::string gitCommit;
};

struct SwarmState {
    std::string nodeId;
    std::string localNodeState;    // "inactive", "active", "pending", "error", "locked"
    bool controlAvailable = false; // a manager
    int managers = 0;
    int nodes = 0;
};

struct SystemInfo {
    std::string id;
    std::string name; // the host name
    std::string serverVersion;
    std::string operatingSystem;
    std::string osType;
    std::string architecture;
    std::string kernelVersion;
    int cpus = 0;
    std::int64_t memTotal = 0;
    int containers = 0;
    int containersRunning = 0;
    int containersPaused = 0;
    int containersStopped = 0;
    int images = 0;
    std::string driver;
    std::string dockerRootDir;
    SwarmState swarm;
    std::vector<std::string> warnings;
};

struct Port {
    std::string ip;
    int privatePort = 0;
    int publicPort = 0; // 0 when not published
    std::string type;   // "tcp", "udp"
};

struct MountPoint {
    std::string type;
    std::string name;
    std::string source;
    std::string destination;
    std::string mode;
    bool rw = true;
};

struct ContainerSummary {
    std::string id;
    std::vector<std::string> names; // with the leading '/'
    std::string image;
    std::string imageId;
    std::string command;
    std::int64_t created = 0;
    std::string state;  // "created", "running", "paused", "restarting", "exited", "dead"
    std::string status; // "Up 2 minutes (healthy)"
    std::vector<Port> ports;
    Labels labels;
    std::vector<std::string> networks;
    std::vector<MountPoint> mounts;

    std::string name() const; // first name without the '/'
};

struct HealthLogEntry {
    std::string start; // RFC 3339
    std::string end;
    int exitCode = 0;
    std::string output;
};

struct HealthState {
    std::string status; // "starting", "healthy", "unhealthy", "none"
    int failingStreak = 0;
    std::vector<HealthLogEntry> log;
};

struct HealthConfig {
    std::vector<std::string> test; // ["CMD-SHELL", "..."]
    std::int64_t intervalNs = 0;
    std::int64_t timeoutNs = 0;
    std::int64_t startPeriodNs = 0;
    int retries = 0;
};

// GET /exec/{id}/json: whether a command run in a container has finished, and how.
struct ExecState {
    bool running = false;
    int exitCode = -1; // -1 while running or when the engine did not say
};

struct RestartPolicy {
    std::string name; // "", "no", "always", "unless-stopped", "on-failure"
    int maximumRetryCount = 0;
};

struct PortBinding {
    std::string hostIp;
    std::string hostPort;
};

struct EndpointSettings {
    std::string networkId;
    std::string ipAddress;
    std::vector<std::string> aliases;
};

struct ContainerState {
    std::string status;
    bool running = false;
    bool paused = false;
    bool restarting = false;
    bool oomKilled = false;
    bool dead = false;
    int pid = 0;
    int exitCode = 0;
    std::string error;
    std::string startedAt;  // RFC 3339
    std::string finishedAt; // RFC 3339
    std::optional<HealthState> health;
};

struct ContainerInspect {
    std::string id;
    std::string name;    // without the leading '/'
    std::string created; // RFC 3339
    std::string image;   // image ID
    int restartCount = 0;
    ContainerState state;
    // Config
    std::string hostname;
    std::string configImage; // the reference it was created from
    std::vector<std::string> env;
    std::vector<std::string> cmd;
    std::vector<std::string> entrypoint;
    std::string workingDir;
    std::string user;
    Labels labels;
    std::optional<HealthConfig> healthcheck;
    std::vector<std::string> exposedPorts; // "8080/tcp"
    bool tty = false;
    // HostConfig
    RestartPolicy restartPolicy;
    std::map<std::string, std::vector<PortBinding>> portBindings; // "8080/tcp" -> bindings
    std::string networkMode;
    std::int64_t memoryLimit = 0;
    std::int64_t nanoCpus = 0;
    // NetworkSettings
    std::map<std::string, EndpointSettings> networks;
    std::map<std::string, std::vector<PortBinding>> ports; // as published now
    std::vector<MountPoint> mounts;
};

struct ImageSummary {
    std::string id;
    std::string parentId;
    std::vector<std::string> repoTags;
    std::vector<std::string> repoDigests;
    std::int64_t created = 0;
    std::int64_t size = 0;
    int containers = -1; // -1 when the engine did not count
    Labels labels;

    bool dangling() const; // no tags, or only "<none>:<none>"
};

struct ImageInspect {
    std::string id;
    std::vector<std::string> repoTags;
    std::vector<std::string> repoDigests;
    std::string parent;
    std::string created; // RFC 3339
    std::string architecture;
    std::string os;
    std::int64_t size = 0;
    Labels labels;
    std::vector<std::string> env;
    std::vector<std::string> cmd;
    std::vector<std::string> entrypoint;
    std::vector<std::string> exposedPorts;
    std::optional<HealthConfig> healthcheck;
};

struct ImageHistoryEntry {
    std::string id;
    std::int64_t created = 0;
    std::string createdBy;
    std::vector<std::string> tags;
    std::int64_t size = 0;
    std::string comment;
};

struct NetworkSummary {
    std::string id;
    std::string name;
    std::string driver;
    std::string scope;
    bool internal = false;
    bool attachable = false;
    std::vector<std::string> subnets;
    Labels labels;
};

struct VolumeSummary {
    std::string name;
    std::string driver;
    std::string mountpoint;
    std::string scope;
    Labels labels;
};

// One message of the /events stream.
struct Event {
    std::string type;   // "container", "image", "network", "volume", "daemon", "service", "node"
    std::string action; // "create", "start", "die", "health_status: healthy", ...
    std::string actorId;
    Labels attributes; // includes "name", "image", labels, "exitCode"
    std::string scope;
    std::int64_t timeNano = 0;
};

// One /containers/{id}/stats sample; raw counters, rates are computed by core/.
struct StatsSample {
    std::string read; // RFC 3339 time of this sample
    std::string preread;
    std::uint64_t cpuTotal = 0;     // cpu_stats.cpu_usage.total_usage
    std::uint64_t preCpuTotal = 0;  // precpu_stats.cpu_usage.total_usage
    std::uint64_t systemCpu = 0;    // cpu_stats.system_cpu_usage
    std::uint64_t preSystemCpu = 0; // precpu_stats.system_cpu_usage
    int onlineCpus = 0;             // cpu_stats.online_cpus, else len(percpu_usage)
    std::uint64_t memoryUsage = 0;
    std::uint64_t memoryLimit = 0;
    // What `docker stats` subtracts from usage: "total_inactive_file" (cgroup v1) or
    // "inactive_file" (cgroup v2); 0 when that is not below usage.
    std::uint64_t memoryCache = 0;
    std::uint64_t netRx = 0; // summed over interfaces
    std::uint64_t netTx = 0;
    std::uint64_t blockRead = 0; // summed io_service_bytes_recursive
    std::uint64_t blockWrite = 0;
    std::uint64_t pids = 0;
};

// One message of a pull/push/build progress stream.
struct ProgressMessage {
    std::string id;
    std::string status;
    std::string progress; // the engine's own bar text
    std::int64_t current = 0;
    std::int64_t total = 0;
    std::string error;     // non-empty: the operation failed with this message
    std::string stream;    // a build's output text ("Step 1/3 : FROM base\n")
    std::string auxId;     // a build's result: aux.ID, the image ID
    std::string auxDigest; // a push's result: aux.Digest
};

// One frame of a container log; stdout/stderr demultiplexed for non-TTY containers.
struct LogLine {
    enum class Stream { Stdout, Stderr };
    Stream stream = Stream::Stdout;
    std::string text; // with the timestamp prefix when requested
};

struct ServiceSpecSummary {
    std::string name;
    std::string image;
    Labels labels;
    std::optional<std::uint64_t> replicas; // unset for global services
    bool global = false;
    std::vector<std::string> env;
    std::vector<std::string> args;
    // UpdateConfig / RollbackConfig; empty when the spec leaves them to the engine's defaults
    // (stop-first, failure action pause).
    std::string updateOrder;         // "start-first", "stop-first"
    std::string updateFailureAction; // "pause", "continue", "rollback"
    std::string rollbackOrder;       // what a rollback *to* this spec uses
};

struct SwarmService {
    std::string id;
    std::uint64_t version = 0; // Version.Index, needed to update
    std::string createdAt;
    std::string updatedAt;
    ServiceSpecSummary spec;
    std::optional<ServiceSpecSummary> previousSpec;
    std::string updateState; // UpdateStatus.State: "updating", "completed", "rollback_completed"...
    std::string updateMessage;
    std::string rawSpec; // the full Spec object as JSON, to send back on update
};

struct SwarmTask {
    std::string id;
    std::string serviceId;
    std::string nodeId;
    int slot = 0;
    std::string state;        // Status.State: "running", "failed", ...
    std::string desiredState; // "running", "shutdown"
    std::string message;
    std::string error;
    std::string containerId;
    std::string image;
    std::string timestamp;
};

struct SwarmNode {
    std::string id;
    std::uint64_t version = 0;
    std::string hostname;
    std::string role;         // "manager", "worker"
    std::string availability; // "active", "pause", "drain"
    std::string state;        // Status.State: "ready", "down"
    std::string addr;
    std::string engineVersion;
    std::int64_t nanoCpus = 0;
    std::int64_t memoryBytes = 0;
    bool leader = false;
    Labels labels;
};

} // namespace slipway::engine
