// Transport: HTTP/1.1 to one engine on a libcurl multi loop of its own thread; concurrent,
// cancellable requests with timeouts, and streaming bodies handed over chunk by chunk.
#pragma once

#include "engine/call.h"
#include "engine/endpoint.h"

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace slipway::engine {

struct HttpRequest {
    std::string method = "GET";
    std::string target; // path and query, already percent-encoded: "/v1.41/containers/json?all=1"
    std::string body;
    std::string contentType; // set with body, usually "application/json"
    std::vector<std::pair<std::string, std::string>> headers;
    // Whole-request limit; 0 = none (long-lived streams such as /events).
    std::chrono::milliseconds timeout{15000};
    std::chrono::milliseconds connectTimeout{3000};
};

struct HttpResponse {
    int status = 0;
    std::map<std::string, std::string> headers; // names lower-cased
    std::string body;                           // empty for streamed 2xx responses

    std::string header(const std::string &lowerName) const;
};

// Called on the transport thread with each piece of a 2xx body as it arrives. A non-2xx body
// is never streamed: it is collected and reported as the error.
using ChunkHandler = std::function<void(std::string_view chunk)>;

class Transport {
public:
    explicit Transport(Endpoint endpoint);
    ~Transport(); // cancels what is in flight and joins the thread
    Transport(const Transport &) = delete;
    Transport &operator=(const Transport &) = delete;

    // Completes with the response for any HTTP status: mapping status to errors is the
    // caller's business. Transport failures, timeouts and cancellation complete with an Error.
    Call<HttpResponse> send(HttpRequest request, ChunkHandler onChunk = {});

    const Endpoint &endpoint() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

// "/containers/{id}/json" style segments: everything but unreserved characters is %XX.
std::string percentEncode(std::string_view text);

} // namespace slipway::engine
