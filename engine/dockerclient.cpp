#include "engine/dockerclient.h"

#include "engine/dockerconfig.h"
#include "engine/imagereference.h"
#include "engine/parse.h"
#include "engine/streams.h"

#include <algorithm>
#include <atomic>
#include <nlohmann/json.hpp>

namespace slipway::engine {

using json = nlohmann::json;

namespace {

bool is2xx(int status) {
    return status >= 200 && status < 300;
}

Error httpError(const HttpResponse &response) {
    std::string message = parse::errorMessage(response.body);
    if (message.empty())
        message = "the engine gave no reason";
    return makeError(ErrorKind::Http, std::move(message), response.status);
}

std::string query(std::initializer_list<std::pair<const char *, std::string>> params) {
    std::string q;
    for (const auto &[key, value] : params) {
        if (value.empty())
            continue;
        q += q.empty() ? '?' : '&';
        q += key;
        q += '=';
        q += percentEncode(value);
    }
    return q;
}

const char *flag(bool on) {
    return on ? "1" : "0";
}

std::string path(std::string_view prefix, const std::string &id, std::string_view suffix = {}) {
    std::string p(prefix);
    p += percentEncode(id);
    p += suffix;
    return p;
}

Result<Unit> unitFrom(const HttpResponse &) {
    return success();
}

} // namespace

std::string encodeFilters(const Filters &filters) {
    if (filters.empty())
        return {};
    json j = json::object();
    for (const auto &[key, values] : filters)
        j[key] = values;
    return j.dump();
}

struct DockerClient::Impl : std::enable_shared_from_this<Impl> {
    explicit Impl(Endpoint endpoint) : transport(std::move(endpoint)) {}

    Transport transport;
    std::mutex mutex;
    std::string api; // negotiated version, empty until then
    bool negotiating = false;
    std::vector<std::function<void(Result<std::string>)>> waiting;
    std::chrono::milliseconds timeout{kDefaultTimeout};
    std::chrono::milliseconds connectTimeout{kDefaultConnectTimeout};
    std::chrono::milliseconds pingTimeout{kDefaultPingTimeout};

    std::chrono::milliseconds requestTimeout(DockerClient::Timeout own = {}) {
        if (own)
            return *own;
        std::lock_guard lock(mutex);
        return timeout;
    }

    std::chrono::milliseconds connectLimit() {
        std::lock_guard lock(mutex);
        return connectTimeout;
    }

    // Runs `next` with the negotiated API version, negotiating first if nobody has yet.
    // Concurrent first requests share one negotiation, bounded by the first one's `limit`.
    void withApi(std::function<void(Result<std::string>)> next, DockerClient::Timeout limit = {}) {
        std::unique_lock lock(mutex);
        if (!api.empty()) {
            auto v = api;
            lock.unlock(); // `next` may send a request straight away
            next(v);
            return;
        }
        waiting.push_back(std::move(next));
        if (negotiating)
            return;
        negotiating = true;
        HttpRequest ping;
        ping.target = "/_ping";
        // A ping fits a short bound whoever asks: a stream (no limit) or a long list first
        // would otherwise let a stalled engine hold every caller for their whole limit.
        ping.timeout = std::min(limit.value_or(timeout), pingTimeout);
        ping.connectTimeout = connectTimeout;
        lock.unlock();
        std::weak_ptr<Impl> weak = shared_from_this();
        transport.send(ping).then([weak](Result<HttpResponse> r) {
            if (auto self = weak.lock())
                self->negotiated(chooseVersion(r));
        });
    }

    static Result<std::string> chooseVersion(const Result<HttpResponse> &r) {
        if (!r)
            return r.error();
        const auto &response = r.value();
        if (!is2xx(response.status))
            return httpError(response);
        std::string server = response.header("api-version");
        if (server.empty())
            return makeError(ErrorKind::Unsupported,
                             "the engine did not say which API version it speaks (no Api-Version "
                             "header in /_ping); Slipway needs API " +
                                 std::string(kMinApiVersion) + " (Docker 20.10) or newer");
        if (parse::compareApiVersions(server, kMinApiVersion) < 0)
            return makeError(
                ErrorKind::Unsupported,
                "the engine speaks Docker Engine API " + server + ", older than " + kMinApiVersion +
                    " (Docker 20.10), the oldest Slipway supports; upgrade the engine");
        return parse::compareApiVersions(server, kMaxApiVersion) > 0 ? std::string(kMaxApiVersion)
                                                                     : server;
    }

    void negotiated(Result<std::string> version) {
        std::vector<std::function<void(Result<std::string>)>> run;
        {
            std::lock_guard lock(mutex);
            negotiating = false;
            if (version)
                api = version.value();
            run.swap(waiting);
        }
        for (auto &f : run)
            f(version);
    }

    // One versioned request whose 2xx answer `finish` turns into T; other statuses become Http
    // errors with the daemon's message. `onChunk` streams a 2xx body instead of collecting it.
    template <class T>
    Call<T> request(HttpRequest req, std::function<Result<T>(const HttpResponse &)> finish,
                    ChunkHandler onChunk = {}) {
        Promise<T> promise;
        auto cancelled = std::make_shared<std::atomic<bool>>(false);
        promise.setCanceller([promise, cancelled] {
            cancelled->store(true);
            promise.complete(makeError(ErrorKind::Cancelled, "cancelled before it was sent"));
        });
        std::weak_ptr<Impl> weak = shared_from_this();
        const auto limit =
            req.timeout.count() > 0 ? DockerClient::Timeout(req.timeout) : DockerClient::Timeout();
        req.connectTimeout = connectLimit();
        withApi(
            [weak, promise, cancelled, req = std::move(req), finish = std::move(finish),
             onChunk = std::move(onChunk)](Result<std::string> api) mutable {
                if (!api) {
                    promise.complete(api.error());
                    return;
                }
                auto self = weak.lock();
                if (!self || cancelled->load())
                    return;
                req.target = "/v" + api.value() + req.target;
                auto call = self->transport.send(std::move(req), std::move(onChunk));
                promise.setCanceller([call]() mutable { call.cancel(); });
                call.then([promise, finish = std::move(finish)](Result<HttpResponse> r) {
                    if (!r)
                        promise.complete(r.error());
                    else if (!is2xx(r.value().status) && r.value().status != 304)
                        promise.complete(httpError(r.value()));
                    else
                        promise.complete(finish(r.value()));
                });
            },
            limit);
        return promise.call();
    }

    template <class T>
    Call<T> get(std::string target, Result<T> (*parser)(std::string_view),
                DockerClient::Timeout timeout = {}) {
        HttpRequest req;
        req.target = std::move(target);
        req.timeout = requestTimeout(timeout);
        return request<T>(std::move(req),
                          [parser](const HttpResponse &r) { return parser(r.body); });
    }

    Call<Unit> post(std::string target, std::string body = {},
                    std::optional<std::chrono::milliseconds> timeout = {}) {
        HttpRequest req;
        req.method = "POST";
        req.target = std::move(target);
        req.timeout = timeout.value_or(requestTimeout());
        if (!body.empty()) {
            req.body = std::move(body);
            req.contentType = "application/json";
        }
        return request<Unit>(std::move(req), unitFrom);
    }

    // A POST with a JSON body whose answer carries the new object's ID.
    Call<std::string> create(std::string target, std::string body, std::string registryAuth = {}) {
        HttpRequest req;
        req.method = "POST";
        req.target = std::move(target);
        req.timeout = requestTimeout();
        req.body = std::move(body);
        req.contentType = "application/json";
        if (!registryAuth.empty())
            req.headers.emplace_back("X-Registry-Auth", std::move(registryAuth));
        return request<std::string>(std::move(req),
                                    [](const HttpResponse &r) { return parse::createdId(r.body); });
    }

    Call<Unit> del(std::string target, DockerClient::Timeout timeout = {}) {
        HttpRequest req;
        req.method = "DELETE";
        req.target = std::move(target);
        req.timeout = requestTimeout(timeout);
        return request<Unit>(std::move(req), unitFrom);
    }

    // A stream of JSON documents (events, stats, progress) handed to `onDocument` one by one.
    // A document that does not parse ends the stream with its Parse error.
    template <class Item>
    Call<Unit> jsonStream(HttpRequest req, Result<Item> (*parser)(std::string_view),
                          std::function<void(const Item &)> onItem,
                          std::function<std::optional<Error>(const Item &)> check = {}) {
        auto failure = std::make_shared<std::optional<Error>>();
        auto splitter =
            std::make_shared<JsonSplitter>([failure, parser, onItem, check](std::string_view doc) {
                if (*failure)
                    return;
                auto item = parser(doc);
                if (!item) {
                    *failure = item.error();
                    return;
                }
                if (check)
                    if (auto e = check(item.value()))
                        *failure = *e;
                if (onItem)
                    onItem(item.value());
            });
        return request<Unit>(
            std::move(req),
            [failure, splitter](const HttpResponse &) -> Result<Unit> {
                if (*failure)
                    return **failure;
                if (splitter->hasPartial())
                    return makeError(ErrorKind::Parse,
                                     "the stream ended in the middle of a JSON document");
                return success();
            },
            [splitter](std::string_view chunk) { splitter->feed(chunk); });
    }
};

DockerClient::DockerClient(Endpoint endpoint) : d(std::make_shared<Impl>(std::move(endpoint))) {}
DockerClient::~DockerClient() = default;

const Endpoint &DockerClient::endpoint() const {
    return d->transport.endpoint();
}

std::string DockerClient::apiVersion() const {
    std::lock_guard lock(d->mutex);
    return d->api;
}

void DockerClient::setTimeout(std::chrono::milliseconds timeout) {
    std::lock_guard lock(d->mutex);
    d->timeout = timeout;
}

void DockerClient::setPingTimeout(std::chrono::milliseconds timeout) {
    std::lock_guard lock(d->mutex);
    d->pingTimeout = timeout;
}

void DockerClient::setConnectTimeout(std::chrono::milliseconds timeout) {
    std::lock_guard lock(d->mutex);
    d->connectTimeout = timeout;
}

Call<std::string> DockerClient::negotiate(Timeout timeout) {
    Promise<std::string> promise;
    d->withApi([promise](Result<std::string> v) { promise.complete(std::move(v)); }, timeout);
    return promise.call();
}

Call<PingInfo> DockerClient::ping(Timeout timeout) {
    HttpRequest req;
    req.target = "/_ping";
    req.timeout = d->requestTimeout(timeout);
    req.connectTimeout = d->connectLimit();
    Promise<PingInfo> promise;
    auto call = d->transport.send(req);
    promise.setCanceller([call]() mutable { call.cancel(); });
    call.then([promise](Result<HttpResponse> r) {
        if (!r)
            return promise.complete(r.error());
        const auto &resp = r.value();
        if (!is2xx(resp.status))
            return promise.complete(httpError(resp));
        PingInfo info;
        info.apiVersion = resp.header("api-version");
        info.osType = resp.header("ostype");
        info.experimental = resp.header("docker-experimental") == "true";
        info.swarm = resp.header("swarm");
        promise.complete(info);
    });
    return promise.call();
}

Call<VersionInfo> DockerClient::version(Timeout timeout) {
    return d->get<VersionInfo>("/version", parse::version, timeout);
}
Call<SystemInfo> DockerClient::info(Timeout timeout) {
    return d->get<SystemInfo>("/info", parse::info, timeout);
}

Call<std::vector<ContainerSummary>> DockerClient::containers(bool all, const Filters &filters,
                                                             Timeout timeout) {
    return d->get<std::vector<ContainerSummary>>(
        "/containers/json" + query({{"all", flag(all)}, {"filters", encodeFilters(filters)}}),
        parse::containers, timeout);
}

Call<ContainerInspect> DockerClient::inspectContainer(const std::string &idOrName) {
    return d->get<ContainerInspect>(path("/containers/", idOrName, "/json"),
                                    parse::containerInspect);
}

Call<std::string> DockerClient::createContainer(const ContainerCreate &spec) {
    auto ref = ImageReference::parse(spec.image);
    if (!ref)
        return ready<std::string>(ref.error());
    return d->create("/containers/create" + query({{"name", spec.name}}),
                     containerCreateBody(spec));
}

Call<Unit> DockerClient::startContainer(const std::string &id) {
    return d->post(path("/containers/", id, "/start"));
}

namespace {
// The engine waits up to `t` seconds before it kills, so the request must outlive that.
std::chrono::milliseconds stopTimeout(std::optional<int> t) {
    return std::chrono::seconds(t.value_or(10) + 15);
}
std::string seconds(std::optional<int> t) {
    return t ? std::to_string(*t) : std::string{};
}
} // namespace

Call<Unit> DockerClient::stopContainer(const std::string &id, std::optional<int> t) {
    return d->post(path("/containers/", id, "/stop") + query({{"t", seconds(t)}}), {},
                   stopTimeout(t));
}

Call<Unit> DockerClient::restartContainer(const std::string &id, std::optional<int> t) {
    return d->post(path("/containers/", id, "/restart") + query({{"t", seconds(t)}}), {},
                   stopTimeout(t));
}

Call<Unit> DockerClient::killContainer(const std::string &id, const std::string &signal) {
    return d->post(path("/containers/", id, "/kill") + query({{"signal", signal}}));
}

Call<Unit> DockerClient::removeContainer(const std::string &id, bool force, bool volumes) {
    return d->del(path("/containers/", id) + query({{"force", flag(force)}, {"v", flag(volumes)}}));
}

Call<Unit> DockerClient::renameContainer(const std::string &id, const std::string &newName) {
    return d->post(path("/containers/", id, "/rename") + query({{"name", newName}}));
}

Call<Unit> DockerClient::logs(const std::string &id, const LogOptions &o, bool tty,
                              std::function<void(const LogLine &)> onLine) {
    HttpRequest req;
    req.target = path("/containers/", id, "/logs") +
                 query({{"follow", flag(o.follow)},
                        {"stdout", flag(o.stdoutOn)},
                        {"stderr", flag(o.stderrOn)},
                        {"timestamps", flag(o.timestamps)},
                        {"tail", o.tail},
                        {"since", o.since ? std::to_string(o.since) : std::string{}}});
    req.timeout = o.follow ? std::chrono::milliseconds(0) : d->requestTimeout();
    auto demuxer = std::make_shared<LogDemuxer>(tty, std::move(onLine));
    return d->request<Unit>(
        std::move(req),
        [demuxer](const HttpResponse &) {
            demuxer->finish();
            return success();
        },
        [demuxer](std::string_view chunk) { demuxer->feed(chunk); });
}

Call<StatsSample> DockerClient::stats(const std::string &id, bool oneShot) {
    return d->get<StatsSample>(path("/containers/", id, "/stats") +
                                   query({{"stream", "0"}, {"one-shot", flag(oneShot)}}),
                               parse::stats);
}

Call<Unit> DockerClient::streamStats(const std::string &id,
                                     std::function<void(const StatsSample &)> onSample) {
    HttpRequest req;
    req.target = path("/containers/", id, "/stats") + query({{"stream", "1"}});
    req.timeout = std::chrono::milliseconds(0);
    return d->jsonStream<StatsSample>(std::move(req), parse::stats, std::move(onSample));
}

Call<std::string> DockerClient::createExec(const std::string &containerId,
                                           const std::vector<std::string> &cmd) {
    if (cmd.empty())
        return ready<std::string>(makeError(ErrorKind::InvalidInput, "no command to run"));
    return d->create(path("/containers/", containerId, "/exec"),
                     json{{"Cmd", cmd}, {"AttachStdout", false}, {"AttachStderr", false}}.dump());
}

Call<Unit> DockerClient::startExec(const std::string &execId) {
    return d->post(path("/exec/", execId, "/start"), json{{"Detach", true}, {"Tty", false}}.dump());
}

Call<ExecState> DockerClient::inspectExec(const std::string &execId) {
    return d->get<ExecState>(path("/exec/", execId, "/json"), parse::execState);
}

Call<Unit> DockerClient::statPath(const std::string &containerId, const std::string &path_) {
    HttpRequest req;
    req.method = "HEAD";
    req.target = path("/containers/", containerId, "/archive") + query({{"path", path_}});
    req.timeout = d->requestTimeout();
    return d->request<Unit>(std::move(req), unitFrom);
}

Call<PathStat> DockerClient::statPathInfo(const std::string &containerId,
                                          const std::string &path_) {
    HttpRequest req;
    req.method = "HEAD";
    req.target = path("/containers/", containerId, "/archive") + query({{"path", path_}});
    req.timeout = d->requestTimeout();
    return d->request<PathStat>(std::move(req), [](const HttpResponse &r) -> Result<PathStat> {
        const auto raw = decodeBase64(r.header("x-docker-container-path-stat"));
        if (!raw)
            return makeError(ErrorKind::Parse, "the engine's stat of the path is not base64");
        const json j = json::parse(*raw, nullptr, false);
        if (!j.is_object())
            return makeError(ErrorKind::Parse, "the engine's stat of the path is not JSON");
        // Fields of another type are left empty: json::value() would throw on them.
        const auto text = [&](const char *key) {
            const auto it = j.find(key);
            return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
        };
        const auto number = [&](const char *key) {
            const auto it = j.find(key);
            return it != j.end() && it->is_number_integer() ? it->get<std::int64_t>()
                                                            : std::int64_t(0);
        };
        PathStat stat;
        stat.name = text("name");
        stat.size = number("size");
        stat.mode = std::uint32_t(number("mode"));
        stat.mtime = text("mtime");
        stat.linkTarget = text("linkTarget");
        stat.engineDate = r.header("date");
        return stat;
    });
}

Call<Unit> DockerClient::putArchive(const std::string &containerId, const std::string &path_,
                                    std::string tarBytes) {
    HttpRequest req;
    req.method = "PUT";
    req.target = path("/containers/", containerId, "/archive") + query({{"path", path_}});
    req.timeout = d->requestTimeout();
    req.body = std::move(tarBytes);
    req.contentType = "application/x-tar";
    return d->request<Unit>(std::move(req), unitFrom);
}

Call<std::vector<ImageSummary>> DockerClient::images(bool all, const Filters &filters,
                                                     Timeout timeout) {
    return d->get<std::vector<ImageSummary>>(
        "/images/json" + query({{"all", flag(all)}, {"filters", encodeFilters(filters)}}),
        parse::images, timeout);
}

Call<ImageInspect> DockerClient::inspectImage(const std::string &nameOrId) {
    return d->get<ImageInspect>(path("/images/", nameOrId, "/json"), parse::imageInspect);
}

Call<std::vector<ImageHistoryEntry>> DockerClient::imageHistory(const std::string &nameOrId) {
    return d->get<std::vector<ImageHistoryEntry>>(path("/images/", nameOrId, "/history"),
                                                  parse::imageHistory);
}

Call<Unit> DockerClient::pullImage(const std::string &reference,
                                   std::function<void(const ProgressMessage &)> onProgress,
                                   const std::string &registryAuth) {
    auto ref = ImageReference::parse(reference);
    if (!ref)
        return ready<Unit>(ref.error());
    HttpRequest req;
    req.method = "POST";
    // A digest travels inside fromImage; a tag must be given, or the engine pulls every tag.
    req.target = "/images/create" +
                 (ref.value().digest.empty()
                      ? query({{"fromImage", ref.value().repository}, {"tag", ref.value().tag}})
                      : query({{"fromImage", ref.value().repository + "@" + ref.value().digest}}));
    req.timeout = std::chrono::milliseconds(0);
    if (!registryAuth.empty())
        req.headers.emplace_back("X-Registry-Auth", registryAuth);
    return d->jsonStream<ProgressMessage>(std::move(req), parse::progress, std::move(onProgress),
                                          [](const ProgressMessage &m) -> std::optional<Error> {
                                              if (m.error.empty())
                                                  return std::nullopt;
                                              return makeError(ErrorKind::Http, m.error);
                                          });
}

Call<Unit> DockerClient::distributionInspect(const std::string &reference, Timeout timeout,
                                             const std::string &registryAuth) {
    // A checked reference has only characters a URL path takes as they are; the engine's
    // route takes the name's slashes literally.
    if (auto ref = ImageReference::parse(reference); !ref)
        return ready<Unit>(ref.error());
    HttpRequest req;
    req.target = "/distribution/" + reference + "/json";
    req.timeout = d->requestTimeout(timeout);
    if (!registryAuth.empty())
        req.headers.emplace_back("X-Registry-Auth", registryAuth);
    return d->request<Unit>(std::move(req), unitFrom);
}

Call<Unit> DockerClient::tagImage(const std::string &source, const std::string &repo,
                                  const std::string &tag) {
    auto target = ImageReference::parse(repo + ":" + (tag.empty() ? "latest" : tag));
    if (!target)
        return ready<Unit>(target.error());
    return d->post(path("/images/", source, "/tag") + query({{"repo", repo}, {"tag", tag}}));
}

Call<Unit> DockerClient::removeImage(const std::string &nameOrId, bool force, Timeout timeout) {
    return d->del(path("/images/", nameOrId) + query({{"force", flag(force)}}), timeout);
}

Call<Unit> DockerClient::loadImage(std::string tarBytes, Timeout timeout) {
    HttpRequest req;
    req.method = "POST";
    req.target = "/images/load" + query({{"quiet", "1"}});
    // An archive of a few megabytes; a slow link gets minutes, not the ordinary call's limit.
    req.timeout = timeout.value_or(std::chrono::minutes(5));
    req.body = std::move(tarBytes);
    req.contentType = "application/x-tar";
    return d->request<Unit>(std::move(req), [](const HttpResponse &r) -> Result<Unit> {
        std::string failure;
        JsonSplitter split([&](std::string_view doc) {
            const json j = json::parse(doc, nullptr, false);
            if (failure.empty() && j.is_object() && j.contains("error"))
                failure = j["error"].is_string() ? j["error"].get<std::string>() : j.dump();
        });
        split.feed(r.body);
        split.feed("\n");
        if (!failure.empty())
            return makeError(ErrorKind::Http, failure, r.status);
        return success();
    });
}

Call<std::vector<NetworkSummary>> DockerClient::networks(const Filters &filters) {
    return d->get<std::vector<NetworkSummary>>(
        "/networks" + query({{"filters", encodeFilters(filters)}}), parse::networks);
}

Call<std::string> DockerClient::createNetwork(const std::string &name, const Labels &labels,
                                              const std::string &driver) {
    NetworkCreate spec;
    spec.name = name;
    spec.labels = labels;
    spec.driver = driver;
    return createNetwork(spec);
}

Call<std::string> DockerClient::createNetwork(const NetworkCreate &spec) {
    json body = {{"Name", spec.name},
                 {"Driver", spec.driver.empty() ? std::string("bridge") : spec.driver},
                 {"Labels", spec.labels},
                 {"CheckDuplicate", true},
                 {"Internal", spec.internal},
                 {"Attachable", spec.attachable}};
    if (!spec.options.empty())
        body["Options"] = spec.options;
    return d->create("/networks/create", body.dump());
}

Call<Unit> DockerClient::connectNetwork(const std::string &network, const std::string &container,
                                        const EndpointConfig &endpoint) {
    return d->post(
        path("/networks/", network, "/connect"),
        json{{"Container", container}, {"EndpointConfig", {{"Aliases", endpoint.aliases}}}}.dump());
}

Call<std::vector<VolumeSummary>> DockerClient::volumes(const Filters &filters) {
    return d->get<std::vector<VolumeSummary>>(
        "/volumes" + query({{"filters", encodeFilters(filters)}}), parse::volumes);
}

Call<std::string> DockerClient::createVolume(const VolumeCreate &spec) {
    HttpRequest req;
    req.method = "POST";
    req.target = "/volumes/create";
    req.timeout = d->requestTimeout();
    req.body = json{{"Name", spec.name},
                    {"Driver", spec.driver.empty() ? std::string("local") : spec.driver},
                    {"DriverOpts", spec.driverOpts},
                    {"Labels", spec.labels}}
                   .dump();
    req.contentType = "application/json";
    return d->request<std::string>(std::move(req),
                                   [](const HttpResponse &r) { return parse::volumeName(r.body); });
}

Call<Unit> DockerClient::removeVolume(const std::string &name, bool force) {
    return d->del(path("/volumes/", name) + query({{"force", flag(force)}}));
}

Call<Unit> DockerClient::removeNetwork(const std::string &idOrName) {
    return d->del(path("/networks/", idOrName));
}

Call<Unit> DockerClient::events(std::function<void(const Event &)> onEvent, const Filters &filters,
                                std::int64_t since) {
    HttpRequest req;
    req.target = "/events" + query({{"filters", encodeFilters(filters)},
                                    {"since", since ? std::to_string(since) : std::string{}}});
    req.timeout = std::chrono::milliseconds(0);
    return d->jsonStream<Event>(std::move(req), parse::event, std::move(onEvent));
}

Call<std::vector<SwarmService>> DockerClient::services(const Filters &filters) {
    return d->get<std::vector<SwarmService>>(
        "/services" + query({{"filters", encodeFilters(filters)}}), parse::services);
}

Call<SwarmService> DockerClient::inspectService(const std::string &idOrName) {
    return d->get<SwarmService>(path("/services/", idOrName), parse::service);
}

Call<std::string> DockerClient::createService(const std::string &specJson) {
    return d->create("/services/create", specJson);
}

Call<Unit> DockerClient::removeService(const std::string &idOrName) {
    return d->del(path("/services/", idOrName));
}

Call<Unit> DockerClient::updateService(const std::string &id, std::uint64_t version,
                                       const std::string &specJson,
                                       const std::string &registryAuth) {
    HttpRequest req;
    req.method = "POST";
    req.target = path("/services/", id, "/update") + query({{"version", std::to_string(version)}});
    req.timeout = d->requestTimeout();
    req.body = specJson;
    req.contentType = "application/json";
    if (!registryAuth.empty())
        req.headers.emplace_back("X-Registry-Auth", registryAuth);
    return d->request<Unit>(std::move(req), unitFrom);
}

Call<Unit> DockerClient::rollbackService(const SwarmService &service) {
    if (!service.previousSpec)
        return ready<Unit>(
            makeError(ErrorKind::InvalidInput,
                      "service " + service.spec.name + " has no previous spec to roll back to"));
    // The engine takes the current spec as the body and swaps in the previous one itself.
    HttpRequest req;
    req.method = "POST";
    req.target = path("/services/", service.id, "/update") +
                 query({{"version", std::to_string(service.version)}, {"rollback", "previous"}});
    req.timeout = d->requestTimeout();
    req.body = service.rawSpec;
    req.contentType = "application/json";
    return d->request<Unit>(std::move(req), unitFrom);
}

Call<std::vector<SwarmTask>> DockerClient::tasks(const Filters &filters) {
    return d->get<std::vector<SwarmTask>>("/tasks" + query({{"filters", encodeFilters(filters)}}),
                                          parse::tasks);
}

Call<std::vector<SwarmNode>> DockerClient::nodes(const Filters &filters) {
    return d->get<std::vector<SwarmNode>>("/nodes" + query({{"filters", encodeFilters(filters)}}),
                                          parse::nodes);
}

Call<SwarmNode> DockerClient::inspectNode(const std::string &id) {
    return d->get<SwarmNode>(path("/nodes/", id), parse::node);
}

} // namespace slipway::engine
