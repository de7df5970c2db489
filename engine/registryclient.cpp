#include "engine/registryclient.h"

#include "engine/imagereference.h"
#include "engine/parse.h"
#include "engine/transport.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <mutex>
#include <nlohmann/json.hpp>

namespace slipway::engine {

namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

// Every manifest kind a tag may point at; without the list and index types a multi-platform
// tag would be answered with a converted manifest whose digest nobody pulls.
constexpr const char *kManifestAccept =
    "application/vnd.docker.distribution.manifest.v2+json, "
    "application/vnd.docker.distribution.manifest.list.v2+json, "
    "application/vnd.oci.image.manifest.v1+json, application/vnd.oci.image.index.v1+json";

// Registries answer a token request with a lifetime; without one the spec says 60 s.
constexpr int kDefaultTokenSeconds = 60;

std::string lower(std::string_view s) {
    std::string out(s);
    for (char &c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

json parseBounded(std::string_view text) {
    // Registry documents are two levels deep; deeper input is dropped while parsing.
    return json::parse(
        text, [](int depth, json::parse_event_t, json &) { return depth <= 16; }, false);
}

// {"errors": [{"code": "NAME_UNKNOWN", "message": "repository name not known to registry"}]}
std::string registryMessage(const HttpResponse &response) {
    json doc = parseBounded(response.body);
    std::string out;
    if (doc.is_object()) {
        auto errors = doc.find("errors");
        if (errors != doc.end() && errors->is_array()) {
            for (const json &e : *errors) {
                if (!e.is_object())
                    continue;
                std::string message = e.value("message", std::string());
                const std::string code = e.value("code", std::string());
                if (message.empty())
                    message = code;
                else if (!code.empty())
                    message += " (" + code + ")";
                if (!message.empty())
                    out += (out.empty() ? "" : "; ") + message;
            }
        }
    }
    if (out.empty() && !response.body.empty())
        out = parse::errorMessage(response.body);
    return out;
}

bool validRepositoryPath(const std::string &path) {
    if (path.empty() || path.size() > 255 || path.front() == '/' || path.back() == '/')
        return false;
    for (char c : path) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
              c == '-' || c == '/'))
            return false;
    }
    return path.find("//") == std::string::npos;
}

bool validReferencePart(const std::string &ref) {
    if (ref.empty() || ref.size() > 200)
        return false;
    for (char c : ref) {
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-' ||
              c == ':' || c == '+' || c == '='))
            return false;
    }
    return true;
}

bool isLoopback(const std::string &host) {
    return host == "localhost" || host.rfind("127.", 0) == 0 || host == "::1" || host == "[::1]";
}

// Splits "host:port" / "[v6]:port" / "host" into host and port ("" when none).
std::pair<std::string, std::string> splitHostPort(const std::string &text) {
    if (!text.empty() && text.front() == '[') {
        auto close = text.find(']');
        if (close != std::string::npos && close + 1 < text.size() && text[close + 1] == ':')
            return {text.substr(0, close + 1), text.substr(close + 2)};
        return {text, {}};
    }
    auto colon = text.rfind(':');
    if (colon == std::string::npos || text.find(':') != colon)
        return {text, {}};
    return {text.substr(0, colon), text.substr(colon + 1)};
}

Result<Endpoint> endpointFor(const std::string &hostPort, bool tls) {
    auto [host, port] = splitHostPort(hostPort);
    if (port.empty())
        port = tls ? "443" : "80";
    return Endpoint::parse((tls ? "https://" : "tcp://") + host + ":" + port);
}

Error httpError(const RegistryEndpoint &registry, const HttpResponse &response,
                const std::string &what) {
    std::string message = registryMessage(response);
    if (message.empty()) {
        switch (response.status) {
        case 404:
            message = what + " not found";
            break;
        case 401:
            message = "unauthorized";
            break;
        case 403:
            message = "access denied";
            break;
        default:
            message = "unexpected answer";
        }
    }
    return makeError(ErrorKind::Http, registry.name + ": " + message, response.status);
}

} // namespace

Result<RegistryEndpoint> RegistryEndpoint::forHost(const std::string &host, bool plainHttp) {
    const std::string name = lower(host);
    RegistryEndpoint r;
    if (name.empty() || name == "docker.io" || name == "index.docker.io" ||
        name == "registry-1.docker.io") {
        r.name = "docker.io";
        auto e = endpointFor("registry-1.docker.io", true);
        if (!e)
            return e.error();
        r.endpoint = e.value();
        return r;
    }
    const bool plain = plainHttp || isLoopback(splitHostPort(name).first);
    auto e = endpointFor(name, !plain);
    if (!e)
        return makeError(ErrorKind::InvalidInput,
                         "registry \"" + host + "\": " + e.error().message);
    r.name = name;
    r.endpoint = e.value();
    return r;
}

Result<std::pair<std::string, std::string>>
RegistryClient::splitRepository(const std::string &image) {
    auto ref = ImageReference::parse(image);
    if (!ref)
        return ref.error();
    const std::string &repository = ref.value().repository;
    std::string host = ref.value().registryHost();
    std::string path = host.empty() ? repository : repository.substr(host.size() + 1);
    if (host.empty() || host == "docker.io" || host == "index.docker.io") {
        host = "docker.io";
        if (path.find('/') == std::string::npos)
            path = "library/" + path;
    }
    return std::make_pair(host, path);
}

std::vector<AuthChallenge> parseChallenges(std::string_view header) {
    std::vector<AuthChallenge> out;
    std::size_t i = 0;
    auto skipSpace = [&] {
        while (i < header.size() && (header[i] == ' ' || header[i] == '\t' || header[i] == ','))
            ++i;
    };
    auto token = [&] {
        const std::size_t start = i;
        while (i < header.size() && header[i] != ' ' && header[i] != '\t' && header[i] != ',' &&
               header[i] != '=')
            ++i;
        return std::string(header.substr(start, i - start));
    };
    while (true) {
        skipSpace();
        if (i >= header.size())
            break;
        std::string word = token();
        if (i < header.size() && header[i] == '=') {
            // A parameter: belongs to the challenge being read.
            ++i;
            std::string value;
            if (i < header.size() && header[i] == '"') {
                ++i;
                while (i < header.size() && header[i] != '"') {
                    if (header[i] == '\\' && i + 1 < header.size())
                        ++i;
                    value += header[i++];
                }
                ++i; // the closing quote
            } else {
                value = token();
            }
            if (!out.empty())
                out.back().params[lower(word)] = value;
            continue;
        }
        if (!word.empty())
            out.push_back(AuthChallenge{lower(word), {}});
    }
    return out;
}

std::string nextLinkTarget(std::string_view header) {
    // Link: </v2/web/tags/list?last=b&n=2>; rel="next", <...>; rel="prev"
    std::size_t pos = 0;
    while ((pos = header.find('<', pos)) != std::string_view::npos) {
        const std::size_t close = header.find('>', pos);
        if (close == std::string_view::npos)
            return {};
        std::string_view target = header.substr(pos + 1, close - pos - 1);
        const std::size_t end = header.find('<', close);
        std::string params = lower(header.substr(
            close + 1, (end == std::string_view::npos ? header.size() : end) - close - 1));
        params.erase(std::remove_if(params.begin(), params.end(),
                                    [](char c) { return c == ' ' || c == '"'; }),
                     params.end());
        if (params.find("rel=next") != std::string::npos) {
            // An absolute link keeps only its path and query: requests stay on this registry.
            // Absolute means it starts with a scheme; a "://" further on is the path's or the
            // query's own ("?last=http://..."), and the link is taken as it is.
            const auto scheme = target.find("://");
            const bool absolute = scheme != std::string_view::npos && scheme > 0 &&
                                  std::isalpha(static_cast<unsigned char>(target.front())) &&
                                  std::all_of(target.begin(), target.begin() + scheme, [](char c) {
                                      return std::isalnum(static_cast<unsigned char>(c)) ||
                                             c == '+' || c == '-' || c == '.';
                                  });
            if (absolute) {
                auto slash = target.find('/', scheme + 3);
                target =
                    slash == std::string_view::npos ? std::string_view("/") : target.substr(slash);
            }
            return std::string(target);
        }
        pos = close;
    }
    return {};
}

struct RegistryClient::Impl : std::enable_shared_from_this<Impl> {
    RegistryEndpoint registry;
    std::optional<RegistryCredentials> credentials;
    std::string credentialProblem;
    Options options;
    std::shared_ptr<Transport> transport;

    std::mutex mutex;
    std::map<std::string, std::shared_ptr<Transport>> realmTransports; // by "scheme://host:port"
    std::map<std::string, std::pair<std::string, Clock::time_point>> tokens; // by scope
    bool basic = false;   // the registry asked for Basic credentials once: send them always
    std::string withheld; // why the last token request went without the credentials

    std::string basicHeader() const {
        return "Basic " + encodeBase64(credentials->username + ":" + credentials->password);
    }

    void addAuthorization(HttpRequest &request, const std::string &scope) {
        std::lock_guard lock(mutex);
        if (auto it = tokens.find(scope); it != tokens.end() && it->second.second > Clock::now())
            request.headers.emplace_back("Authorization", "Bearer " + it->second.first);
        else if (basic && credentials)
            request.headers.emplace_back("Authorization", basicHeader());
    }

    Error needsCredentials(const std::string &why) {
        std::string message = registry.name + ": " + why;
        std::string withheldWhy;
        {
            std::lock_guard lock(mutex);
            withheldWhy = withheld;
        }
        if (!credentialProblem.empty())
            message += ": " + credentialProblem;
        else if (!credentials)
            message += ": no credentials for it in ~/.docker/config.json or its credential "
                       "helper (docker login " +
                       registry.name + ")";
        else if (!withheldWhy.empty())
            message += ": " + withheldWhy;
        else
            message += ": the credentials from ~/.docker/config.json were refused";
        return makeError(ErrorKind::Http, message, 401);
    }

    // Why credentials must not go to a token realm, or empty when they may: over https they
    // may; over plain http only to the loopback host of a plain-http loopback registry, since
    // anywhere else anyone on the way could read them.
    std::string withholdReason(const std::string &realm, bool tls, const Endpoint &realmAt) const {
        if (tls)
            return {};
        const Endpoint &own = registry.endpoint;
        const bool sameLoopbackHost =
            own.kind == Endpoint::Kind::Unix
                ? realmAt.host == "localhost"
                : !own.tls && isLoopback(own.host) && realmAt.host == own.host;
        if (sameLoopbackHost)
            return {};
        return "the credentials were withheld from the token server " + realm +
               ": plain http to a host other than the registry's own loopback address would let "
               "anyone on the way read them; a token server must use https";
    }

    struct RealmTarget {
        std::shared_ptr<Transport> transport;
        std::string target;   // path and query
        std::string withhold; // why credentials must not go there; empty when they may
    };

    // The transport that reaches a token realm: the registry's own when the realm is on it.
    Result<RealmTarget> realmTarget(const std::string &url) {
        const auto sep = url.find("://");
        if (sep == std::string::npos)
            return makeError(ErrorKind::Parse,
                             registry.name + ": token realm \"" + url + "\" is not an http(s) URL");
        const std::string scheme = lower(url.substr(0, sep));
        if (scheme != "http" && scheme != "https")
            return makeError(ErrorKind::Parse,
                             registry.name + ": token realm \"" + url + "\" is not an http(s) URL");
        const auto slash = url.find('/', sep + 3);
        const std::string hostPort = lower(url.substr(sep + 3, slash - sep - 3));
        std::string target = slash == std::string::npos ? "/" : url.substr(slash);
        const bool tls = scheme == "https";
        auto e = endpointFor(hostPort, tls);
        if (!e)
            return makeError(ErrorKind::Parse,
                             registry.name + ": token realm \"" + url + "\": " + e.error().message);
        std::string withhold = withholdReason(url, tls, e.value());
        const Endpoint &own = registry.endpoint;
        const bool same =
            own.kind == Endpoint::Kind::Unix
                ? !tls && splitHostPort(hostPort).first == "localhost"
                : own.tls == tls && own.host == e.value().host && own.port == e.value().port;
        if (same)
            return RealmTarget{transport, target, std::move(withhold)};
        std::lock_guard lock(mutex);
        const std::string origin = e.value().url();
        auto &t = realmTransports[origin];
        if (!t)
            t = std::make_shared<Transport>(e.value());
        return RealmTarget{t, target, std::move(withhold)};
    }

    // What to send as Authorization after a 401, or why nothing can be sent.
    Call<std::string> authorize(const HttpResponse &denied, const std::string &scope) {
        const auto challenges = parseChallenges(denied.header("www-authenticate"));
        for (const AuthChallenge &c : challenges) {
            if (c.scheme != "bearer")
                continue;
            auto realm = c.params.find("realm");
            if (realm == c.params.end() || realm->second.empty())
                return ready<std::string>(makeError(
                    ErrorKind::Parse, registry.name + ": Bearer challenge without a realm"));
            return fetchToken(realm->second, c, scope);
        }
        for (const AuthChallenge &c : challenges) {
            if (c.scheme != "basic")
                continue;
            if (!credentials)
                return ready<std::string>(needsCredentials("the registry requires credentials"));
            if (credentials->username.empty() && credentials->password.empty())
                return ready<std::string>(makeError(
                    ErrorKind::Http,
                    registry.name + ": the registry asks for a user name and password, and "
                                    "there is only an identity token for it, which only a token "
                                    "server takes",
                    401));
            std::lock_guard lock(mutex);
            basic = true;
            return ready<std::string>(basicHeader());
        }
        Error e = httpError(registry, denied, "");
        if (challenges.empty())
            e.message += " (no WWW-Authenticate challenge it could answer)";
        return ready<std::string>(std::move(e));
    }

    Call<std::string> fetchToken(const std::string &realm, const AuthChallenge &challenge,
                                 const std::string &scope) {
        auto where = realmTarget(realm);
        if (!where)
            return ready<std::string>(where.error());
        auto [realmTransport, target, withhold] = where.value();
        const auto param = [&](const char *name) {
            auto it = challenge.params.find(name);
            return it == challenge.params.end() ? std::string() : it->second;
        };
        const std::string askScope = param("scope").empty() ? scope : param("scope");
        std::string query;
        if (!param("service").empty())
            query += "service=" + percentEncode(param("service"));
        if (!askScope.empty())
            query += std::string(query.empty() ? "" : "&") + "scope=" + percentEncode(askScope);

        HttpRequest request;
        request.timeout = options.timeout;
        const bool send = credentials && withhold.empty();
        {
            std::lock_guard lock(mutex);
            withheld = credentials ? withhold : std::string();
        }
        if (send && !credentials->identityToken.empty()) {
            // An identity token is an OAuth refresh token: exchanged by POST (the OAuth2 flow
            // of the token spec), so it never appears in a URL.
            request.method = "POST";
            request.target = target;
            request.contentType = "application/x-www-form-urlencoded";
            request.body = "grant_type=refresh_token&client_id=slipway&refresh_token=" +
                           percentEncode(credentials->identityToken) +
                           (query.empty() ? "" : "&" + query);
        } else {
            if (!query.empty())
                target += (target.find('?') == std::string::npos ? "?" : "&") + query;
            request.target = target;
            if (send)
                request.headers.emplace_back("Authorization", basicHeader());
        }
        Promise<std::string> promise;
        auto self = shared_from_this();
        realmTransport->send(request).then([self, promise, scope, realm](Result<HttpResponse> r) {
            if (!r) {
                Error e = r.error();
                e.message = "token server " + realm + ": " + e.message;
                promise.complete(std::move(e));
                return;
            }
            const HttpResponse &response = r.value();
            if (response.status == 401 || response.status == 403) {
                promise.complete(
                    self->needsCredentials("the token server " + realm + " refused a token"));
                return;
            }
            if (response.status != 200) {
                Error e = httpError(self->registry, response, "token");
                e.message = "token server " + realm + ": " + e.message;
                promise.complete(std::move(e));
                return;
            }
            auto parsed = parse::registryToken(response.body);
            const std::string token = parsed ? parsed.value().token : std::string();
            const int seconds = parsed ? parsed.value().expiresIn : kDefaultTokenSeconds;
            if (token.empty()) {
                promise.complete(makeError(ErrorKind::Parse, "token server " + realm +
                                                                 ": the answer holds no token"));
                return;
            }
            {
                std::lock_guard lock(self->mutex);
                // A little early, so a token is never sent in its last second.
                self->tokens[scope] = {token, Clock::now() + std::chrono::seconds(seconds) -
                                                  std::chrono::milliseconds(500)};
            }
            promise.complete("Bearer " + token);
        });
        return promise.call();
    }

    // Sends `request` with what authorization is known; on a 401, authorizes as the registry
    // asks and sends it once more. Completes with the final answer, whatever its status.
    Call<HttpResponse> send(HttpRequest request, const std::string &scope) {
        request.timeout = options.timeout;
        HttpRequest first = request;
        addAuthorization(first, scope);
        Promise<HttpResponse> promise;
        auto self = shared_from_this();
        transport->send(first).then([self, promise, request, scope](Result<HttpResponse> r) {
            if (!r || r.value().status != 401) {
                promise.complete(std::move(r));
                return;
            }
            self->authorize(r.value(), scope)
                .then([self, promise, request](Result<std::string> authorization) {
                    if (!authorization) {
                        promise.complete(authorization.error());
                        return;
                    }
                    HttpRequest again = request;
                    again.headers.emplace_back("Authorization", authorization.value());
                    self->transport->send(again).then([self, promise](Result<HttpResponse> r) {
                        if (r && r.value().status == 401)
                            promise.complete(self->needsCredentials("access was refused"));
                        else
                            promise.complete(std::move(r));
                    });
                });
        });
        return promise.call();
    }

    Call<std::string> digest(const std::string &repository, const std::string &tagOrDigest) {
        if (!validRepositoryPath(repository))
            return ready<std::string>(badRepository(repository));
        if (!validReferencePart(tagOrDigest))
            return ready<std::string>(makeError(
                ErrorKind::InvalidInput, "\"" + tagOrDigest + "\" is not a tag or a digest"));
        HttpRequest request;
        request.method = "HEAD";
        request.target = "/v2/" + repository + "/manifests/" + tagOrDigest;
        request.headers.emplace_back("Accept", kManifestAccept);
        Promise<std::string> promise;
        auto self = shared_from_this();
        const std::string shown =
            repository + (tagOrDigest.find(':') == std::string::npos ? ":" : "@") + tagOrDigest;
        send(request, pullScope(repository)).then([self, promise, shown](Result<HttpResponse> r) {
            if (!r) {
                promise.complete(r.error());
                return;
            }
            const HttpResponse &response = r.value();
            if (response.status != 200) {
                promise.complete(httpError(self->registry, response, "manifest " + shown));
                return;
            }
            const std::string digest = response.header("docker-content-digest");
            if (digest.find(':') == std::string::npos) {
                promise.complete(
                    makeError(ErrorKind::Parse, self->registry.name + ": the manifest of " + shown +
                                                    " came without a Docker-Content-Digest"));
                return;
            }
            promise.complete(digest);
        });
        return promise.call();
    }

    static std::string pullScope(const std::string &repository) {
        return "repository:" + repository + ":pull";
    }

    Error badRepository(const std::string &repository) const {
        return makeError(ErrorKind::InvalidInput,
                         "repository \"" + repository +
                             "\": expected a path such as team/app (lowercase letters, digits, "
                             "'.', '_', '-', '/')");
    }
};

RegistryClient::RegistryClient(RegistryEndpoint registry,
                               std::optional<RegistryCredentials> credentials,
                               std::string credentialProblem, Options options)
    : d(std::make_shared<Impl>()) {
    d->registry = std::move(registry);
    d->credentials = std::move(credentials);
    if (d->credentials && d->credentials->empty())
        d->credentials.reset();
    d->credentialProblem = std::move(credentialProblem);
    d->options = options;
    d->transport = std::make_shared<Transport>(d->registry.endpoint);
}

RegistryClient::RegistryClient(RegistryEndpoint registry)
    : RegistryClient(std::move(registry), std::nullopt, {}, Options{}) {}

RegistryClient::~RegistryClient() = default;

const RegistryEndpoint &RegistryClient::registry() const {
    return d->registry;
}

Call<std::vector<std::string>> RegistryClient::tags(const std::string &repository) {
    if (!validRepositoryPath(repository))
        return ready<std::vector<std::string>>(d->badRepository(repository));
    struct State {
        Promise<std::vector<std::string>> promise;
        std::vector<std::string> tags;
        int pages = 0;
        std::string repository;
    };
    auto state = std::make_shared<State>();
    state->repository = repository;
    auto self = d;
    // Each page's continuation asks for the next one; the loop ends at a page without a
    // rel="next" link, or at the page limit.
    auto fetch = std::make_shared<std::function<void(std::string)>>();
    *fetch = [self, state, fetch](std::string target) {
        HttpRequest request;
        request.target = std::move(target);
        self->send(request, Impl::pullScope(state->repository))
            .then([self, state, fetch](Result<HttpResponse> r) {
                if (!r) {
                    state->promise.complete(r.error());
                    *fetch = nullptr; // breaks the cycle fetch -> lambda -> fetch
                    return;
                }
                const HttpResponse &response = r.value();
                if (response.status != 200) {
                    state->promise.complete(
                        httpError(self->registry, response, "repository " + state->repository));
                    *fetch = nullptr;
                    return;
                }
                auto page = parse::registryTags(response.body);
                if (!page) {
                    state->promise.complete(makeError(
                        ErrorKind::Parse, self->registry.name + ": the tag list of " +
                                              state->repository + " is not {\"tags\": [...]}"));
                    *fetch = nullptr;
                    return;
                }
                for (std::string &t : page.value())
                    state->tags.push_back(std::move(t));
                const std::string next = nextLinkTarget(response.header("link"));
                if (next.empty()) {
                    state->promise.complete(std::move(state->tags));
                    *fetch = nullptr;
                    return;
                }
                if (++state->pages >= self->options.maxPages) {
                    state->promise.complete(makeError(
                        ErrorKind::Parse, self->registry.name + ": the tag list of " +
                                              state->repository + " goes on past " +
                                              std::to_string(self->options.maxPages) + " pages"));
                    *fetch = nullptr;
                    return;
                }
                auto again = *fetch;
                again(next);
            });
    };
    // Called through a copy: a page that fails at once clears *fetch while it runs.
    auto first = *fetch;
    first("/v2/" + repository + "/tags/list?n=" + std::to_string(d->options.pageSize));
    return state->promise.call();
}

Call<std::string> RegistryClient::digest(const std::string &repository,
                                         const std::string &tagOrDigest) {
    return d->digest(repository, tagOrDigest);
}

Call<bool> RegistryClient::hasManifest(const std::string &repository, const std::string &digest) {
    auto ref = ImageReference::parse("x@" + digest);
    if (!ref)
        return ready<bool>(makeError(ErrorKind::InvalidInput,
                                     "\"" + digest + "\" is not sha256: and 64 hex digits"));
    Promise<bool> promise;
    d->digest(repository, digest).then([promise](Result<std::string> r) {
        if (r)
            promise.complete(true);
        else if (r.error().kind == ErrorKind::Http && r.error().httpStatus == 404)
            promise.complete(false);
        else
            promise.complete(r.error());
    });
    return promise.call();
}

Call<std::vector<TagDigest>> RegistryClient::tagDigests(const std::string &repository) {
    struct State {
        Promise<std::vector<TagDigest>> promise;
        std::mutex mutex;
        std::vector<TagDigest> results;
        std::size_t next = 0;
        std::size_t pending = 0;
        std::function<void()> launch;
    };
    auto state = std::make_shared<State>();
    Promise<std::vector<TagDigest>> promise = state->promise;
    auto self = d;
    tags(repository).then([self, state, repository](Result<std::vector<std::string>> tags) {
        if (!tags) {
            state->promise.complete(tags.error());
            return;
        }
        for (auto &t : tags.value())
            state->results.push_back(TagDigest{std::move(t), {}, {}});
        state->pending = state->results.size();
        if (state->pending == 0) {
            state->promise.complete(std::vector<TagDigest>{});
            return;
        }
        // Starts one HEAD; each finished one starts the next, so `concurrency` run at once.
        // The index is taken under the lock and the call made outside it, since a call may
        // complete at once and come back here.
        state->launch = [self, state, repository] {
            std::size_t index = 0;
            std::string tag;
            {
                std::lock_guard lock(state->mutex);
                if (state->next >= state->results.size())
                    return;
                index = state->next++;
                tag = state->results[index].tag;
            }
            self->digest(repository, tag).then([state, index](Result<std::string> r) {
                bool last = false;
                std::function<void()> launch;
                {
                    std::lock_guard lock(state->mutex);
                    if (r)
                        state->results[index].digest = r.value();
                    else
                        state->results[index].error = r.error().describe();
                    last = --state->pending == 0;
                    launch = state->launch;
                    if (last)
                        state->launch = nullptr; // breaks the cycle state -> launch -> state
                }
                if (last)
                    state->promise.complete(std::move(state->results));
                else if (launch)
                    launch();
            });
        };
        const std::size_t first =
            std::min<std::size_t>(std::max(1, self->options.concurrency), state->results.size());
        std::function<void()> launch = state->launch;
        for (std::size_t i = 0; i < first; ++i)
            launch();
    });
    return promise.call();
}

} // namespace slipway::engine
