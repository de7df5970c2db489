#include "engine/parse.h"

#include "engine/containerlistparser.h"
#include "engine/statsparser.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <exception>
#include <limits>
#include <nlohmann/json.hpp>
#include <utility>

namespace slipway::engine {

std::string ContainerSummary::name() const {
    if (names.empty())
        return {};
    const std::string &first = names.front();
    return !first.empty() && first.front() == '/' ? first.substr(1) : first;
}

bool ImageSummary::dangling() const {
    return std::all_of(repoTags.begin(), repoTags.end(),
                       [](const std::string &tag) { return tag == "<none>:<none>"; });
}

namespace parse {
namespace {

using nlohmann::json;

// Thrown inside this file only: every entry point catches it and returns ErrorKind::Parse, so
// the code that walks a document can bail out from any depth without checking at every step.
struct Failure {
    std::string message;
};

[[noreturn]] void fail(std::string message) {
    throw Failure{std::move(message)};
}

std::string field(const std::string &path) {
    return "\"" + path + "\"";
}

void checkDepth(std::string_view text) {
    if (nestedTooDeep(text))
        fail(depthMessage());
}

json parseDocument(std::string_view text) {
    checkDepth(text);
    try {
        return json::parse(text.begin(), text.end());
    } catch (const json::parse_error &e) {
        // what() is "[json.exception.parse_error.101] parse error at ...": keep the part
        // that helps a person.
        std::string what = e.what();
        auto pos = what.find("] ");
        if (pos != std::string::npos)
            what.erase(0, pos + 2);
        if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
            fail("empty response");
        fail("not JSON: " + what);
    }
}

std::int64_t toInt64(const json &v, const std::string &path) {
    if (v.is_number_unsigned()) {
        auto u = v.get<std::uint64_t>();
        if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            fail(field(path) + " is out of range");
        return static_cast<std::int64_t>(u);
    }
    if (v.is_number_integer())
        return v.get<std::int64_t>();
    if (v.is_number_float()) {
        std::int64_t out = 0;
        if (std::string why = int64FromDouble(v.get<double>(), out); !why.empty())
            fail(field(path) + why);
        return out;
    }
    fail(field(path) + " is not a number (" + v.type_name() + ")");
}

std::uint64_t toUint64(const json &v, const std::string &path) {
    if (v.is_number_unsigned())
        return v.get<std::uint64_t>();
    if (v.is_number_integer())
        fail(field(path) + " is negative");
    if (v.is_number_float()) {
        std::uint64_t out = 0;
        if (std::string why = uint64FromDouble(v.get<double>(), out); !why.empty())
            fail(field(path) + why);
        return out;
    }
    fail(field(path) + " is not a number (" + v.type_name() + ")");
}

// One JSON object together with the path that led to it, so that a complaint can say exactly
// which field was wrong. An absent or null object reads as empty: the Engine API omits or
// nulls optional parts freely, and every field here is optional unless checked otherwise.
class Obj {
public:
    Obj(const json *j, std::string path) : j_(j), path_(std::move(path)) {
        if (j_ && j_->is_null())
            j_ = nullptr;
        if (j_ && !j_->is_object())
            fail(path_.empty() ? std::string("expected an object, got ") + j_->type_name()
                               : field(path_) + " is not an object (" + j_->type_name() + ")");
    }

    bool present() const { return j_ != nullptr; }
    const json *raw() const { return j_; }
    bool has(const char *key) const { return get(key) != nullptr; }

    std::string path(const char *key) const {
        return path_.empty() ? std::string(key) : path_ + "." + key;
    }

    // The member, or nullptr when absent or null.
    const json *get(const char *key) const {
        if (!j_)
            return nullptr;
        auto it = j_->find(key);
        if (it == j_->end() || it->is_null())
            return nullptr;
        return &*it;
    }

    Obj obj(const char *key) const { return Obj(get(key), path(key)); }

    std::string str(const char *key) const {
        const json *v = get(key);
        if (!v)
            return {};
        if (!v->is_string())
            fail(field(path(key)) + " is not a string (" + v->type_name() + ")");
        return v->get<std::string>();
    }

    std::int64_t i64(const char *key) const {
        const json *v = get(key);
        return v ? toInt64(*v, path(key)) : 0;
    }

    std::uint64_t u64(const char *key) const {
        const json *v = get(key);
        return v ? toUint64(*v, path(key)) : 0;
    }

    int i32(const char *key) const {
        std::int64_t n = i64(key);
        if (n < std::numeric_limits<int>::min() || n > std::numeric_limits<int>::max())
            fail(field(path(key)) + " is out of range");
        return static_cast<int>(n);
    }

    bool boolean(const char *key) const {
        const json *v = get(key);
        if (!v)
            return false;
        if (!v->is_boolean())
            fail(field(path(key)) + " is not a boolean (" + v->type_name() + ")");
        return v->get<bool>();
    }

    // Go's strslice.StrSlice (Cmd, Entrypoint) also accepts a single string.
    std::vector<std::string> strings(const char *key, bool allowSingle = false) const {
        std::vector<std::string> out;
        const json *v = get(key);
        if (!v)
            return out;
        if (allowSingle && v->is_string()) {
            out.push_back(v->get<std::string>());
            return out;
        }
        if (!v->is_array())
            fail(field(path(key)) + " is not an array (" + v->type_name() + ")");
        out.reserve(v->size());
        for (std::size_t i = 0; i < v->size(); ++i) {
            const json &item = (*v)[i];
            if (!item.is_string())
                fail(field(path(key) + "[" + std::to_string(i) + "]") + " is not a string (" +
                     item.type_name() + ")");
            out.push_back(item.get<std::string>());
        }
        return out;
    }

    Labels labels(const char *key) const {
        Labels out;
        Obj o = obj(key);
        if (!o.present())
            return out;
        for (const auto &[k, v] : o.j_->items()) {
            if (v.is_null())
                out.emplace(k, std::string());
            else if (v.is_string())
                out.emplace(k, v.get<std::string>());
            else
                fail(field(o.path(k.c_str())) + " is not a string (" + v.type_name() + ")");
        }
        return out;
    }

    // Keys of an object used as a set, like ExposedPorts {"80/tcp": {}}.
    std::vector<std::string> keys(const char *key) const {
        std::vector<std::string> out;
        Obj o = obj(key);
        if (o.present())
            for (const auto &item : o.j_->items())
                out.push_back(item.key());
        return out;
    }

    // Calls fn(Obj) for every member of an array of objects.
    template <class F> void eachObject(const char *key, F &&fn) const {
        const json *v = get(key);
        if (!v)
            return;
        if (!v->is_array())
            fail(field(path(key)) + " is not an array (" + v->type_name() + ")");
        for (std::size_t i = 0; i < v->size(); ++i) {
            const json &item = (*v)[i];
            std::string itemPath = path(key) + "[" + std::to_string(i) + "]";
            if (item.is_null())
                continue;
            fn(Obj(&item, std::move(itemPath)));
        }
    }

    // Calls fn(name, Obj) for every member of an object of objects.
    template <class F> void eachMember(const char *key, F &&fn) const {
        Obj o = obj(key);
        if (!o.present())
            return;
        for (const auto &item : o.j_->items())
            fn(item.key(), Obj(&item.value(), o.path(item.key().c_str())));
    }

    const std::string &pathPrefix() const { return path_; }

private:
    const json *j_;
    std::string path_;
};

// Runs one parser: JSON errors, wrong shapes and anything else thrown become a Parse error
// that starts with what was being read.
template <class T, class F> Result<T> run(const char *what, std::string_view text, F &&fn) {
    try {
        json doc = parseDocument(text);
        return fn(doc);
    } catch (const Failure &e) {
        return makeError(ErrorKind::Parse, std::string(what) + ": " + e.message);
    } catch (const std::exception &e) {
        return makeError(ErrorKind::Parse, std::string(what) + ": " + e.what());
    }
}

// A top-level array of objects; null reads as empty, as the engine writes for "no items" in
// places.
template <class T, class F>
Result<std::vector<T>> runList(const char *what, std::string_view text, F &&item) {
    return run<std::vector<T>>(what, text, [&](const json &doc) -> std::vector<T> {
        std::vector<T> out;
        if (doc.is_null())
            return out;
        if (!doc.is_array())
            fail(std::string("expected an array, got ") + doc.type_name());
        out.reserve(doc.size());
        for (std::size_t i = 0; i < doc.size(); ++i) {
            try {
                if (!doc[i].is_object())
                    fail(std::string("not an object (") + doc[i].type_name() + ")");
                out.push_back(item(Obj(&doc[i], std::string())));
            } catch (const Failure &e) {
                fail("item " + std::to_string(i) + ": " + e.message);
            }
        }
        return out;
    });
}

HealthConfig readHealthConfig(const Obj &h) {
    HealthConfig c;
    c.test = h.strings("Test");
    c.intervalNs = h.i64("Interval");
    c.timeoutNs = h.i64("Timeout");
    c.startPeriodNs = h.i64("StartPeriod");
    c.retries = h.i32("Retries");
    return c;
}

std::optional<HealthConfig> readOptionalHealthConfig(const Obj &parent) {
    Obj h = parent.obj("Healthcheck");
    if (!h.present())
        return std::nullopt;
    return readHealthConfig(h);
}

MountPoint readMount(const Obj &m) {
    MountPoint mp;
    mp.type = m.str("Type");
    mp.name = m.str("Name");
    mp.source = m.str("Source");
    mp.destination = m.str("Destination");
    mp.mode = m.str("Mode");
    mp.rw = m.has("RW") ? m.boolean("RW") : true;
    return mp;
}

std::map<std::string, std::vector<PortBinding>> readPortMap(const Obj &parent, const char *key) {
    std::map<std::string, std::vector<PortBinding>> out;
    Obj map = parent.obj(key);
    if (!map.present())
        return out;
    for (const auto &item : map.raw()->items()) {
        // A null list is an exposed port that is not published: keep the key, no bindings.
        auto &bindings = out[item.key()];
        const json &list = item.value();
        std::string itemPath = map.path(item.key().c_str());
        if (list.is_null())
            continue;
        if (!list.is_array())
            fail(field(itemPath) + " is not an array (" + list.type_name() + ")");
        for (std::size_t i = 0; i < list.size(); ++i) {
            if (list[i].is_null())
                continue;
            Obj b(&list[i], itemPath + "[" + std::to_string(i) + "]");
            bindings.push_back(PortBinding{b.str("HostIp"), b.str("HostPort")});
        }
    }
    return out;
}

ServiceSpecSummary readServiceSpec(const Obj &spec) {
    ServiceSpecSummary s;
    s.name = spec.str("Name");
    s.labels = spec.labels("Labels");
    Obj container = spec.obj("TaskTemplate").obj("ContainerSpec");
    s.image = container.str("Image");
    s.env = container.strings("Env");
    s.args = container.strings("Args");
    Obj update = spec.obj("UpdateConfig");
    s.updateOrder = update.str("Order");
    s.updateFailureAction = update.str("FailureAction");
    s.rollbackOrder = spec.obj("RollbackConfig").str("Order");
    Obj mode = spec.obj("Mode");
    if (mode.has("Global")) {
        s.global = true;
    } else if (mode.has("GlobalJob")) {
        s.global = true;
    } else if (Obj replicated = mode.obj("Replicated"); replicated.present()) {
        // The daemon always writes Replicas; without it swarmkit would have created one.
        s.replicas = replicated.has("Replicas") ? replicated.u64("Replicas") : 1;
    } else if (Obj job = mode.obj("ReplicatedJob"); job.present()) {
        s.replicas = job.has("TotalCompletions")
                         ? job.u64("TotalCompletions")
                         : (job.has("MaxConcurrent") ? job.u64("MaxConcurrent") : 1);
    }
    return s;
}

SwarmService readService(const Obj &o) {
    SwarmService s;
    s.id = o.str("ID");
    s.version = o.obj("Version").u64("Index");
    s.createdAt = o.str("CreatedAt");
    s.updatedAt = o.str("UpdatedAt");
    Obj spec = o.obj("Spec");
    s.spec = readServiceSpec(spec);
    if (Obj previous = o.obj("PreviousSpec"); previous.present())
        s.previousSpec = readServiceSpec(previous);
    Obj update = o.obj("UpdateStatus");
    s.updateState = update.str("State");
    s.updateMessage = update.str("Message");
    // An update must send back the whole Spec, including the parts Slipway does not model.
    s.rawSpec = spec.present() ? spec.raw()->dump() : std::string("{}");
    return s;
}

SwarmTask readTask(const Obj &o) {
    SwarmTask t;
    t.id = o.str("ID");
    t.serviceId = o.str("ServiceID");
    t.nodeId = o.str("NodeID");
    t.slot = o.i32("Slot");
    Obj status = o.obj("Status");
    t.state = status.str("State");
    t.message = status.str("Message");
    t.error = status.str("Err");
    t.timestamp = status.str("Timestamp");
    t.containerId = status.obj("ContainerStatus").str("ContainerID");
    t.desiredState = o.str("DesiredState");
    t.image = o.obj("Spec").obj("ContainerSpec").str("Image");
    return t;
}

SwarmNode readNode(const Obj &o) {
    SwarmNode n;
    n.id = o.str("ID");
    n.version = o.obj("Version").u64("Index");
    Obj spec = o.obj("Spec");
    n.role = spec.str("Role");
    n.availability = spec.str("Availability");
    n.labels = spec.labels("Labels");
    Obj description = o.obj("Description");
    n.hostname = description.str("Hostname");
    n.engineVersion = description.obj("Engine").str("EngineVersion");
    Obj resources = description.obj("Resources");
    n.nanoCpus = resources.i64("NanoCPUs");
    n.memoryBytes = resources.i64("MemoryBytes");
    Obj status = o.obj("Status");
    n.state = status.str("State");
    n.addr = status.str("Addr");
    n.leader = o.obj("ManagerStatus").boolean("Leader");
    return n;
}

Obj root(const json &doc) {
    return Obj(&doc, std::string());
}

Obj requireRoot(const json &doc) {
    if (!doc.is_object())
        fail(std::string("expected an object, got ") + doc.type_name());
    return root(doc);
}

} // namespace

std::string errorMessage(std::string_view body) {
    // Long enough for any daemon message, short enough that an HTML error page from a proxy
    // does not flood a dialog.
    constexpr std::size_t kMaxRaw = 512;
    try {
        checkDepth(body);
        json doc = json::parse(body.begin(), body.end(), nullptr, false);
        if (doc.is_object()) {
            auto message = doc.find("message");
            if (message != doc.end() && message->is_string() && !message->empty())
                return message->get<std::string>();
            // Progress streams end with {"error": "...", "errorDetail": {...}}.
            auto error = doc.find("error");
            if (error != doc.end() && error->is_string() && !error->empty())
                return error->get<std::string>();
            // A registry: {"errors": [{"code": "MANIFEST_UNKNOWN", "message": "..."}]}.
            auto errors = doc.find("errors");
            if (errors != doc.end() && errors->is_array()) {
                std::string joined;
                for (const auto &e : *errors) {
                    if (!e.is_object())
                        continue;
                    auto m = e.find("message");
                    auto c = e.find("code");
                    std::string one;
                    if (m != e.end() && m->is_string())
                        one = m->get<std::string>();
                    if (c != e.end() && c->is_string())
                        one += one.empty() ? c->get<std::string>()
                                           : " (" + c->get<std::string>() + ")";
                    if (one.empty())
                        continue;
                    if (!joined.empty())
                        joined += "; ";
                    joined += one;
                }
                if (!joined.empty())
                    return joined;
            }
        }
    } catch (...) {
        // Not JSON we understand: fall through to the raw text.
    }
    const char *ws = " \t\r\n\v\f";
    auto first = body.find_first_not_of(ws);
    if (first == std::string_view::npos)
        return {};
    auto last = body.find_last_not_of(ws);
    std::string_view text = body.substr(first, last - first + 1);
    if (text.size() <= kMaxRaw)
        return std::string(text);
    std::size_t cut = kMaxRaw;
    // Do not cut a UTF-8 sequence in half: back up over continuation bytes.
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut;
    return std::string(text.substr(0, cut)) + "...";
}

Result<VersionInfo> version(std::string_view text) {
    return run<VersionInfo>("version", text, [](const auto &doc) {
        Obj o = requireRoot(doc);
        VersionInfo v;
        v.version = o.str("Version");
        v.apiVersion = o.str("ApiVersion");
        v.minApiVersion = o.str("MinAPIVersion");
        v.os = o.str("Os");
        v.arch = o.str("Arch");
        v.kernelVersion = o.str("KernelVersion");
        v.goVersion = o.str("GoVersion");
        v.gitCommit = o.str("GitCommit");
        if (v.apiVersion.empty())
            fail("\"ApiVersion\" is missing");
        return v;
    });
}

Result<SystemInfo> info(std::string_view text) {
    return run<SystemInfo>("info", text, [](const auto &doc) {
        Obj o = requireRoot(doc);
        SystemInfo i;
        i.id = o.str("ID");
        i.name = o.str("Name");
        i.serverVersion = o.str("ServerVersion");
        i.operatingSystem = o.str("OperatingSystem");
        i.osType = o.str("OSType");
        i.architecture = o.str("Architecture");
        i.kernelVersion = o.str("KernelVersion");
        i.cpus = o.i32("NCPU");
        i.memTotal = o.i64("MemTotal");
        i.containers = o.i32("Containers");
        i.containersRunning = o.i32("ContainersRunning");
        i.containersPaused = o.i32("ContainersPaused");
        i.containersStopped = o.i32("ContainersStopped");
        i.images = o.i32("Images");
        i.driver = o.str("Driver");
        i.dockerRootDir = o.str("DockerRootDir");
        Obj swarm = o.obj("Swarm");
        i.swarm.nodeId = swarm.str("NodeID");
        i.swarm.localNodeState = swarm.str("LocalNodeState");
        i.swarm.controlAvailable = swarm.boolean("ControlAvailable");
        // Only present while the node is part of a swarm.
        i.swarm.managers = swarm.i32("Managers");
        i.swarm.nodes = swarm.i32("Nodes");
        i.warnings = o.strings("Warnings");
        return i;
    });
}

// Read with SAX (engine/containerlistparser.cpp): a host's list reply runs to megabytes.
Result<std::vector<ContainerSummary>> containers(std::string_view text) {
    return parseContainerList(text);
}

Result<ContainerInspect> containerInspect(std::string_view text) {
    return run<ContainerInspect>("container", text, [](const auto &doc) {
        Obj o = requireRoot(doc);
        ContainerInspect c;
        c.id = o.str("Id");
        if (c.id.empty())
            fail("\"Id\" is missing");
        c.name = o.str("Name");
        if (!c.name.empty() && c.name.front() == '/')
            c.name.erase(0, 1);
        c.created = o.str("Created");
        c.image = o.str("Image");
        c.restartCount = o.i32("RestartCount");

        Obj state = o.obj("State");
        ContainerState &s = c.state;
        s.status = state.str("Status");
        s.running = state.boolean("Running");
        s.paused = state.boolean("Paused");
        s.restarting = state.boolean("Restarting");
        s.oomKilled = state.boolean("OOMKilled");
        s.dead = state.boolean("Dead");
        s.pid = state.i32("Pid");
        s.exitCode = state.i32("ExitCode");
        s.error = state.str("Error");
        s.startedAt = state.str("StartedAt");
        s.finishedAt = state.str("FinishedAt");
        if (Obj health = state.obj("Health"); health.present()) {
            HealthState h;
            h.status = health.str("Status");
            h.failingStreak = health.i32("FailingStreak");
            health.eachObject("Log", [&](const Obj &entry) {
                h.log.push_back(HealthLogEntry{entry.str("Start"), entry.str("End"),
                                               entry.i32("ExitCode"), entry.str("Output")});
            });
            s.health = std::move(h);
        }

        Obj config = o.obj("Config");
        c.hostname = config.str("Hostname");
        c.configImage = config.str("Image");
        c.env = config.strings("Env");
        c.cmd = config.strings("Cmd", true);
        c.entrypoint = config.strings("Entrypoint", true);
        c.workingDir = config.str("WorkingDir");
        c.user = config.str("User");
        c.labels = config.labels("Labels");
        c.healthcheck = readOptionalHealthConfig(config);
        c.exposedPorts = config.keys("ExposedPorts");
        c.tty = config.boolean("Tty");

        Obj host = o.obj("HostConfig");
        Obj restart = host.obj("RestartPolicy");
        c.restartPolicy.name = restart.str("Name");
        c.restartPolicy.maximumRetryCount = restart.i32("MaximumRetryCount");
        c.portBindings = readPortMap(host, "PortBindings");
        c.networkMode = host.str("NetworkMode");
        c.memoryLimit = host.i64("Memory");
        c.nanoCpus = host.i64("NanoCpus");

        Obj net = o.obj("NetworkSettings");
        net.eachMember("Networks", [&](const std::string &name, const Obj &e) {
            EndpointSettings es;
            es.networkId = e.str("NetworkID");
            es.ipAddress = e.str("IPAddress");
            es.aliases = e.strings("Aliases");
            c.networks.emplace(name, std::move(es));
        });
        c.ports = readPortMap(net, "Ports");
        o.eachObject("Mounts", [&](const Obj &m) { c.mounts.push_back(readMount(m)); });
        return c;
    });
}

Result<std::vector<ImageSummary>> images(std::string_view text) {
    return runList<ImageSummary>("images", text, [](const Obj &o) {
        ImageSummary i;
        i.id = o.str("Id");
        if (i.id.empty())
            fail("\"Id\" is missing");
        i.parentId = o.str("ParentId");
        i.repoTags = o.strings("RepoTags");
        i.repoDigests = o.strings("RepoDigests");
        i.created = o.i64("Created");
        i.size = o.i64("Size");
        i.containers = o.has("Containers") ? o.i32("Containers") : -1;
        i.labels = o.labels("Labels");
        return i;
    });
}

Result<ImageInspect> imageInspect(std::string_view text) {
    return run<ImageInspect>("image", text, [](const auto &doc) {
        Obj o = requireRoot(doc);
        ImageInspect i;
        i.id = o.str("Id");
        if (i.id.empty())
            fail("\"Id\" is missing");
        i.repoTags = o.strings("RepoTags");
        i.repoDigests = o.strings("RepoDigests");
        i.parent = o.str("Parent");
        i.created = o.str("Created");
        i.architecture = o.str("Architecture");
        i.os = o.str("Os");
        i.size = o.i64("Size");
        Obj config = o.obj("Config");
        i.labels = config.labels("Labels");
        i.env = config.strings("Env");
        i.cmd = config.strings("Cmd", true);
        i.entrypoint = config.strings("Entrypoint", true);
        i.exposedPorts = config.keys("ExposedPorts");
        i.healthcheck = readOptionalHealthConfig(config);
        return i;
    });
}

Result<std::vector<ImageHistoryEntry>> imageHistory(std::string_view text) {
    return runList<ImageHistoryEntry>("image history", text, [](const Obj &o) {
        ImageHistoryEntry e;
        e.id = o.str("Id");
        e.created = o.i64("Created");
        e.createdBy = o.str("CreatedBy");
        e.tags = o.strings("Tags");
        e.size = o.i64("Size");
        e.comment = o.str("Comment");
        return e;
    });
}

Result<std::vector<NetworkSummary>> networks(std::string_view text) {
    return runList<NetworkSummary>("networks", text, [](const Obj &o) {
        NetworkSummary n;
        n.id = o.str("Id");
        if (n.id.empty())
            fail("\"Id\" is missing");
        n.name = o.str("Name");
        n.driver = o.str("Driver");
        n.scope = o.str("Scope");
        n.internal = o.boolean("Internal");
        n.attachable = o.boolean("Attachable");
        o.obj("IPAM").eachObject("Config", [&](const Obj &c) {
            std::string subnet = c.str("Subnet");
            if (!subnet.empty())
                n.subnets.push_back(std::move(subnet));
        });
        n.labels = o.labels("Labels");
        return n;
    });
}

Result<std::vector<VolumeSummary>> volumes(std::string_view text) {
    return run<std::vector<VolumeSummary>>("volumes", text, [](const json &doc) {
        std::vector<VolumeSummary> out;
        requireRoot(doc).eachObject("Volumes", [&](const Obj &o) {
            VolumeSummary v;
            v.name = o.str("Name");
            if (v.name.empty())
                fail(o.path("Name") + " is missing");
            v.driver = o.str("Driver");
            v.mountpoint = o.str("Mountpoint");
            v.scope = o.str("Scope");
            v.labels = o.labels("Labels");
            out.push_back(std::move(v));
        });
        return out;
    });
}

Result<std::string> volumeName(std::string_view text) {
    return run<std::string>("volume", text, [](const json &doc) {
        std::string name = requireRoot(doc).str("Name");
        if (name.empty())
            fail("\"Name\" is missing");
        return name;
    });
}

Result<Event> event(std::string_view text) {
    return run<Event>("event", text, [](const auto &doc) {
        Obj o = requireRoot(doc);
        Event e;
        e.type = o.str("Type");
        e.action = o.str("Action");
        Obj actor = o.obj("Actor");
        e.actorId = actor.str("ID");
        e.attributes = actor.labels("Attributes");
        e.scope = o.str("scope");
        e.timeNano = o.i64("timeNano");
        // Before API 1.22 only "status", "id" and "time" existed; 1.41 still sends them for
        // containers and images, so fall back on them rather than lose the event.
        if (e.action.empty())
            e.action = o.str("status");
        if (e.actorId.empty())
            e.actorId = o.str("id");
        if (e.timeNano == 0) {
            std::int64_t seconds = o.i64("time");
            if (seconds > 0 && seconds < std::numeric_limits<std::int64_t>::max() / 1000000000)
                e.timeNano = seconds * 1000000000;
        }
        if (e.type.empty() && e.action.empty())
            fail("neither \"Type\" nor \"Action\" is present");
        return e;
    });
}

// Read with SAX (engine/statsparser.cpp): the sampler parses one per container per interval.
Result<StatsSample> stats(std::string_view text) {
    return parseStatsSample(text);
}

Result<ProgressMessage> progress(std::string_view text) {
    return run<ProgressMessage>("progress", text, [](const auto &doc) {
        Obj o = requireRoot(doc);
        ProgressMessage p;
        p.id = o.str("id");
        p.status = o.str("status");
        p.progress = o.str("progress");
        Obj detail = o.obj("progressDetail");
        p.current = detail.i64("current");
        p.total = detail.i64("total");
        p.error = o.str("error");
        if (p.error.empty())
            p.error = o.obj("errorDetail").str("message");
        p.stream = o.str("stream");
        // "aux" is {"ID": ...} at the end of a build and {"Tag", "Digest", "Size"} of a push;
        // other shapes (BuildKit trace records) carry nothing Slipway shows.
        if (const json *aux = o.get("aux"); aux && aux->is_object()) {
            Obj a(aux, "aux");
            if (const json *id = a.get("ID"); id && id->is_string())
                p.auxId = id->get<std::string>();
            if (const json *digest = a.get("Digest"); digest && digest->is_string())
                p.auxDigest = digest->get<std::string>();
        }
        return p;
    });
}

Result<std::vector<SwarmService>> services(std::string_view text) {
    return runList<SwarmService>("services", text, [](const Obj &o) { return readService(o); });
}

Result<SwarmService> service(std::string_view text) {
    return run<SwarmService>("service", text,
                             [](const auto &doc) { return readService(requireRoot(doc)); });
}

Result<std::vector<SwarmTask>> tasks(std::string_view text) {
    return runList<SwarmTask>("tasks", text, [](const Obj &o) { return readTask(o); });
}

Result<std::vector<SwarmNode>> nodes(std::string_view text) {
    return runList<SwarmNode>("nodes", text, [](const Obj &o) { return readNode(o); });
}

Result<SwarmNode> node(std::string_view text) {
    return run<SwarmNode>("node", text, [](const auto &doc) { return readNode(requireRoot(doc)); });
}

Result<std::string> createdId(std::string_view text) {
    return run<std::string>("create", text, [](const auto &doc) {
        Obj o = requireRoot(doc);
        // Containers and networks answer "Id"; Swarm objects answer "ID".
        std::string id = o.str("Id");
        if (id.empty())
            id = o.str("ID");
        if (id.empty())
            fail("\"Id\" is missing");
        return id;
    });
}

Result<ExecState> execState(std::string_view text) {
    return run<ExecState>("exec", text, [](const auto &doc) {
        Obj o = requireRoot(doc);
        ExecState e;
        e.running = o.boolean("Running");
        // ExitCode is null while the command runs.
        e.exitCode = o.has("ExitCode") ? o.i32("ExitCode") : -1;
        return e;
    });
}

Result<std::vector<std::string>> registryTags(std::string_view text) {
    return run<std::vector<std::string>>("tag list", text, [](const json &doc) {
        if (!doc.is_object())
            fail(std::string("expected an object, got ") + doc.type_name());
        auto list = doc.find("tags");
        if (list == doc.end())
            fail("\"tags\" is missing");
        std::vector<std::string> tags;
        if (list->is_null())
            return tags;
        if (!list->is_array())
            fail(std::string("\"tags\" is not an array (") + list->type_name() + ")");
        for (const json &t : *list)
            if (t.is_string())
                tags.push_back(t.get<std::string>());
        return tags;
    });
}

Result<RegistryToken> registryToken(std::string_view text) {
    return run<RegistryToken>("token", text, [](const json &doc) {
        if (!doc.is_object())
            fail(std::string("expected an object, got ") + doc.type_name());
        RegistryToken t;
        for (const char *name : {"token", "access_token"}) {
            auto it = doc.find(name);
            if (it != doc.end() && it->is_string() && !it->get<std::string>().empty()) {
                t.token = it->get<std::string>();
                break;
            }
        }
        if (t.token.empty())
            fail("the answer holds no token");
        // Any integer, clamped: a lifetime past INT_MAX seconds is as good as INT_MAX.
        if (auto it = doc.find("expires_in"); it != doc.end() && it->is_number_unsigned()) {
            t.expiresIn = int(std::clamp<std::uint64_t>(it->get<std::uint64_t>(), 1,
                                                        std::numeric_limits<int>::max()));
        } else if (it != doc.end() && it->is_number_integer()) {
            t.expiresIn = int(std::clamp<std::int64_t>(it->get<std::int64_t>(), 1,
                                                       std::numeric_limits<int>::max()));
        }
        return t;
    });
}

bool nestedTooDeep(std::string_view text) {
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (char c : text) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (++depth > kMaxDepth)
                return true;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return false;
}

std::string depthMessage() {
    return "nested deeper than " + std::to_string(kMaxDepth) + " levels";
}

std::string int64FromDouble(double d, std::int64_t &out) {
    if (!std::isfinite(d) || d != std::trunc(d))
        return " is not an integer";
    if (d < -9.2233720368547758e18 || d >= 9.2233720368547758e18)
        return " is out of range";
    out = static_cast<std::int64_t>(d);
    return {};
}

std::string uint64FromDouble(double d, std::uint64_t &out) {
    if (!std::isfinite(d) || d != std::trunc(d))
        return " is not an integer";
    if (d < 0)
        return " is negative";
    if (d >= 1.8446744073709552e19)
        return " is out of range";
    out = static_cast<std::uint64_t>(d);
    return {};
}

int compareApiVersions(std::string_view a, std::string_view b) {
    auto next = [](std::string_view &s) -> std::uint64_t {
        auto dot = s.find('.');
        std::string_view part = s.substr(0, dot);
        s = dot == std::string_view::npos ? std::string_view() : s.substr(dot + 1);
        std::uint64_t n = 0;
        auto [ptr, ec] = std::from_chars(part.data(), part.data() + part.size(), n);
        if (ec == std::errc::result_out_of_range)
            return std::numeric_limits<std::uint64_t>::max();
        if (ec != std::errc() || ptr != part.data() + part.size())
            return 0;
        return n;
    };
    // "1.41" equals "1.41.0": missing parts count as 0 too.
    while (!a.empty() || !b.empty()) {
        std::uint64_t x = next(a);
        std::uint64_t y = next(b);
        if (x != y)
            return x < y ? -1 : 1;
    }
    return 0;
}

} // namespace parse
} // namespace slipway::engine
