// DockerClient: the typed Docker Engine API of one engine. Negotiates the API version on first
// use, maps non-2xx answers to Http errors with the daemon's message, and parses replies.
#pragma once

#include "engine/call.h"
#include "engine/containercreate.h"
#include "engine/endpoint.h"
#include "engine/transport.h"
#include "engine/types.h"

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace slipway::engine {

// The API versions this client speaks: 1.41 is Docker 20.10, the oldest engine still in use
// at our users; 1.45 is the newest whose fields the parsers know.
inline constexpr const char *kMinApiVersion = "1.41";
inline constexpr const char *kMaxApiVersion = "1.45";

// The limits of a client that nobody set otherwise. An ordinary call (inspect, start, create,
// exec, a one-shot stats sample) answers in well under a second on a healthy engine; 30 s
// leaves room for a loaded host or a slow link without letting a stalled one hang a caller.
// Calls whose size or work is not bounded name their own: full lists (HostInventory and
// ImageCatalog give them a minute), image removal, a stop that waits for the container, and
// streams (events, followed logs, pulls, streamed stats) none at all.
inline constexpr std::chrono::milliseconds kDefaultTimeout{30000};
// The /_ping that negotiates the API version: the engine answers it without any work.
inline constexpr std::chrono::milliseconds kDefaultPingTimeout{5000};
// Reaching the engine (TCP and TLS handshakes, or the unix socket) for each request.
inline constexpr std::chrono::milliseconds kDefaultConnectTimeout{3000};

// Docker's filters argument: {"label": ["a=b"], "status": ["running"]}.
using Filters = std::map<std::string, std::vector<std::string>>;

struct NetworkCreate {
    std::string name;
    std::string driver; // "": bridge
    Labels labels;
    std::map<std::string, std::string> options; // the driver's options
    bool internal = false;
    bool attachable = false;
};

struct VolumeCreate {
    std::string name;
    std::string driver; // "": local
    std::map<std::string, std::string> driverOpts;
    Labels labels;
};

// What HEAD /containers/{id}/archive says of a path: the engine's stat of it, and the engine's
// clock when it answered (its HTTP Date header), so that a time read from the container can be
// compared with the engine's own now rather than the caller's clock.
struct PathStat {
    std::string name;
    std::int64_t size = 0;
    std::uint32_t mode = 0; // Go's os.FileMode bits
    std::string mtime;      // RFC 3339 with nanoseconds, the engine host's clock
    std::string linkTarget;
    std::string engineDate; // "Fri, 04 Dec 2026 18:16:41 GMT"; empty when the engine sent none
};

struct LogOptions {
    bool follow = false;
    bool timestamps = false;
    bool stdoutOn = true;
    bool stderrOn = true;
    std::string tail = "all"; // or a number of lines
    std::int64_t since = 0;
};

class DockerClient {
public:
    // A whole-request limit for one call alone, e.g. a short one for a health probe and a
    // long one for a full list of a big host; unset: the client's own (setTimeout).
    using Timeout = std::optional<std::chrono::milliseconds>;

    explicit DockerClient(Endpoint endpoint);
    ~DockerClient();
    DockerClient(const DockerClient &) = delete;
    DockerClient &operator=(const DockerClient &) = delete;

    const Endpoint &endpoint() const;

    // The version in use ("1.41"), empty until negotiated. Negotiation happens on the first
    // request; calling it explicitly surfaces a too-old engine early.
    std::string apiVersion() const;
    // `timeout` bounds the /_ping of a negotiation this call starts.
    Call<std::string> negotiate(Timeout timeout = {});

    Call<PingInfo> ping(Timeout timeout = {}); // unversioned; does not need negotiation
    Call<VersionInfo> version(Timeout timeout = {});
    Call<SystemInfo> info(Timeout timeout = {});

    // Containers
    Call<std::vector<ContainerSummary>> containers(bool all = true, const Filters &filters = {},
                                                   Timeout timeout = {});
    Call<ContainerInspect> inspectContainer(const std::string &idOrName);
    Call<std::string> createContainer(const ContainerCreate &spec); // the new ID
    Call<Unit> startContainer(const std::string &id);
    Call<Unit> stopContainer(const std::string &id, std::optional<int> timeoutSeconds = {});
    Call<Unit> restartContainer(const std::string &id, std::optional<int> timeoutSeconds = {});
    Call<Unit> killContainer(const std::string &id, const std::string &signal = {});
    Call<Unit> removeContainer(const std::string &id, bool force = false, bool volumes = false);
    Call<Unit> renameContainer(const std::string &id, const std::string &newName);
    // Non-following logs come back whole; `follow` streams until cancelled or the container ends.
    Call<Unit> logs(const std::string &id, const LogOptions &options, bool tty,
                    std::function<void(const LogLine &)> onLine);
    // Runs `cmd` inside a running container without attaching to it: createExec gives the exec
    // ID, startExec starts it detached, inspectExec tells when it ended and its exit code.
    Call<std::string> createExec(const std::string &containerId,
                                 const std::vector<std::string> &cmd);
    Call<Unit> startExec(const std::string &execId);
    Call<ExecState> inspectExec(const std::string &execId);
    // HEAD /containers/{id}/archive: succeeds when `path` exists in the container (created or
    // running), fails with an Http 404 error when it does not.
    Call<Unit> statPath(const std::string &containerId, const std::string &path);
    // The same request, with what the engine says of the path.
    Call<PathStat> statPathInfo(const std::string &containerId, const std::string &path);
    // PUT /containers/{id}/archive: extracts the uncompressed tar `tarBytes` into the directory
    // `path` of the container (created or running); an existing file of the same name is
    // replaced, so the directory's mtime becomes the engine host's now.
    Call<Unit> putArchive(const std::string &containerId, const std::string &path,
                          std::string tarBytes);
    Call<StatsSample> stats(const std::string &id, bool oneShot = true);
    Call<Unit> streamStats(const std::string &id,
                           std::function<void(const StatsSample &)> onSample);

    // Images
    Call<std::vector<ImageSummary>> images(bool all = false, const Filters &filters = {},
                                           Timeout timeout = {});
    Call<ImageInspect> inspectImage(const std::string &nameOrId);
    Call<std::vector<ImageHistoryEntry>> imageHistory(const std::string &nameOrId);
    // `reference` is "name:tag" or "name@sha256:..."; `registryAuth` is the base64url JSON the
    // X-Registry-Auth header carries, empty for anonymous. Fails if any message has an error.
    Call<Unit> pullImage(const std::string &reference,
                         std::function<void(const ProgressMessage &)> onProgress = {},
                         const std::string &registryAuth = {});
    // GET /distribution/{reference}/json: the engine asks the registry for the manifest without
    // pulling anything; fails when the registry does not have it (or cannot be reached).
    // `registryAuth` as for pullImage.
    Call<Unit> distributionInspect(const std::string &reference, Timeout timeout = {},
                                   const std::string &registryAuth = {});
    Call<Unit> tagImage(const std::string &source, const std::string &repo, const std::string &tag);
    Call<Unit> removeImage(const std::string &nameOrId, bool force = false, Timeout timeout = {});
    // POST /images/load: loads a `docker save` archive (uncompressed or gzip); fails when the
    // engine's answer reports an error (a bad archive is answered 200 with an error message).
    Call<Unit> loadImage(std::string tarBytes, Timeout timeout = {});

    // Networks
    Call<std::vector<NetworkSummary>> networks(const Filters &filters = {});
    Call<std::string> createNetwork(const std::string &name, const Labels &labels = {},
                                    const std::string &driver = "bridge");
    Call<std::string> createNetwork(const NetworkCreate &spec); // the new ID
    // Connects a created (or running) container, e.g. to its second network before it starts.
    Call<Unit> connectNetwork(const std::string &network, const std::string &container,
                              const EndpointConfig &endpoint = {});
    Call<Unit> removeNetwork(const std::string &idOrName);

    // Volumes
    Call<std::vector<VolumeSummary>> volumes(const Filters &filters = {});
    // The volume's name (the engine's own when `spec.name` is empty). An existing volume of
    // that name and driver is answered as if created: check first when that matters.
    Call<std::string> createVolume(const VolumeCreate &spec);
    Call<Unit> removeVolume(const std::string &name, bool force = false);

    // Events: streams until cancelled or the engine closes; `since` in Unix seconds (0 = now).
    Call<Unit> events(std::function<void(const Event &)> onEvent, const Filters &filters = {},
                      std::int64_t since = 0);

    // Swarm
    Call<std::vector<SwarmService>> services(const Filters &filters = {});
    Call<SwarmService> inspectService(const std::string &idOrName);
    Call<std::string> createService(const std::string &specJson); // the new ID
    Call<Unit> removeService(const std::string &idOrName);
    // Sends `specJson` as the new spec at `version`; `rollback` asks for the previous spec.
    Call<Unit> updateService(const std::string &id, std::uint64_t version,
                             const std::string &specJson, const std::string &registryAuth = {});
    Call<Unit> rollbackService(const SwarmService &service);
    Call<std::vector<SwarmTask>> tasks(const Filters &filters = {});
    Call<std::vector<SwarmNode>> nodes(const Filters &filters = {});
    Call<SwarmNode> inspectNode(const std::string &id);

    // Every request's whole-request limit (streams have none) unless the call names its own;
    // kDefaultTimeout unless set.
    void setTimeout(std::chrono::milliseconds timeout);
    // The most the /_ping that negotiates the API version may take (the first request's own
    // limit when that is shorter); kDefaultPingTimeout unless set.
    void setPingTimeout(std::chrono::milliseconds timeout);
    // How long each request may take to reach the engine (connect, TLS handshake); 0: curl's
    // own limit. kDefaultConnectTimeout unless set.
    void setConnectTimeout(std::chrono::milliseconds timeout);

private:
    struct Impl;
    std::shared_ptr<Impl> d;
};

// Filters as the JSON the API's `filters` query parameter takes.
std::string encodeFilters(const Filters &filters);

} // namespace slipway::engine
