// RegistryClient: the Registry HTTP API v2 of one registry: the tags of a repository
// (following Link pagination), the digest a tag resolves to, and whether a digest still
// exists; Basic credentials, and the Bearer token flow a 401's WWW-Authenticate asks for
// (an identity token is exchanged as an OAuth refresh token). Credentials go to a token
// server only over https, or over plain http to the loopback host of a plain-http loopback
// registry: never in clear text to another host.
#pragma once

#include "engine/call.h"
#include "engine/dockerconfig.h"
#include "engine/endpoint.h"

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace slipway::engine {

struct RegistryEndpoint {
    std::string name;  // as image references name it: "127.0.0.1:5515"; "docker.io" for Hub
    Endpoint endpoint; // where requests go

    // For a registry host as an image reference names it. Docker Hub ("" or "docker.io") is
    // registry-1.docker.io over TLS; loopback hosts (localhost, 127.0.0.0/8, [::1]) are plain
    // HTTP, as the docker daemon treats them as insecure; `plainHttp` makes any host plain HTTP.
    static Result<RegistryEndpoint> forHost(const std::string &host, bool plainHttp = false);
};

// One tag and the manifest digest it resolves to now; `error` says why that is unknown.
struct TagDigest {
    std::string tag;
    std::string digest;
    std::string error;
};

// One challenge of a WWW-Authenticate header: `Bearer realm="...",service="..."`.
struct AuthChallenge {
    std::string scheme;                        // lower-cased: "bearer", "basic"
    std::map<std::string, std::string> params; // names lower-cased
};

class RegistryClient {
public:
    struct Options {
        std::chrono::milliseconds timeout{15000}; // per request
        int pageSize = 100;                       // tags per page asked for
        int maxPages = 1000;                      // a registry that loops its Link gets an error
        int concurrency = 6;                      // manifest HEADs in flight for tagDigests()
    };

    // `credentials` (resolveCredentials() finds them) are used when the registry asks for
    // them (401); `credentialProblem`, when set, is why there are none (a credential helper
    // that failed), said when the registry asks.
    RegistryClient(RegistryEndpoint registry, std::optional<RegistryCredentials> credentials,
                   std::string credentialProblem, Options options);
    explicit RegistryClient(RegistryEndpoint registry);
    ~RegistryClient();
    RegistryClient(const RegistryClient &) = delete;
    RegistryClient &operator=(const RegistryClient &) = delete;

    const RegistryEndpoint &registry() const;

    // `repository` is the path inside the registry: "slipway/web", "library/nginx".
    Call<std::vector<std::string>> tags(const std::string &repository);
    // The manifest digest ("sha256:...") a tag or digest resolves to: Docker v2 manifests and
    // manifest lists, OCI manifests and indexes alike.
    Call<std::string> digest(const std::string &repository, const std::string &tagOrDigest);
    // Whether the registry still has the manifest `digest`; false on 404, an error otherwise.
    Call<bool> hasManifest(const std::string &repository, const std::string &digest);
    // Every tag with its digest, in the registry's order.
    Call<std::vector<TagDigest>> tagDigests(const std::string &repository);

    // "127.0.0.1:5515/slipway/web" -> {"127.0.0.1:5515", "slipway/web"}; "nginx" ->
    // {"docker.io", "library/nginx"}. A tag or digest on the reference is ignored.
    static Result<std::pair<std::string, std::string>> splitRepository(const std::string &image);

private:
    struct Impl;
    std::shared_ptr<Impl> d;
};

// The challenges of a WWW-Authenticate header (several may share one header).
std::vector<AuthChallenge> parseChallenges(std::string_view header);
// The target (path and query) of the rel="next" link of a Link header; empty when none.
std::string nextLinkTarget(std::string_view header);

} // namespace slipway::engine
