// Engine URLs (engine/endpoint.cpp): what DOCKER_HOST, a context, a saved host or --host says.
// The first byte says whether TLS files come with it; the rest is the URL. Beyond "no crash,
// no leak, no undefined behaviour": a refusal is InvalidInput with a message; an accepted URL
// is what its parts say, and its canonical form (url(), what is stored) parses to the same
// endpoint, whose canonical form is the same again.
#include "engine/endpoint.h"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <sys/un.h>

using namespace slipway::engine;

namespace {

bool same(const Endpoint &a, const Endpoint &b) {
    return a.kind == b.kind && a.socketPath == b.socketPath && a.host == b.host &&
           a.port == b.port && a.tls == b.tls;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    if (size == 0)
        return 0;
    TlsFiles files;
    if (data[0] & 1) {
        files = Endpoint::tlsFromCertPath("/certs");
        files.verifyPeer = (data[0] & 2) == 0;
    }
    const std::string url(reinterpret_cast<const char *>(data + 1), size - 1);
    auto r = Endpoint::parse(url, files);
    if (!r.ok()) {
        if (r.error().kind != ErrorKind::InvalidInput || r.error().message.empty())
            std::abort();
        return 0;
    }
    const Endpoint &e = r.value();
    if (e.kind == Endpoint::Kind::Unix) {
        if (e.socketPath.empty() || e.socketPath.front() != '/' ||
            e.socketPath.size() >= sizeof(sockaddr_un::sun_path) || e.tls)
            std::abort();
    } else if (e.host.empty() || e.port < 1 || e.port > 65535 ||
               (e.tls && e.tlsFiles.enabled() != files.enabled())) {
        std::abort();
    }
    if (e.baseUrl().empty())
        std::abort();
    // What is stored, parsed again without the files, is the same endpoint: https:// keeps TLS.
    const std::string canonical = e.url();
    auto again = Endpoint::parse(canonical);
    if (!again.ok() || !same(again.value(), e) || again.value().url() != canonical)
        std::abort();
    return 0;
}
