// FakeEngine: a scripted HTTP/1.1 server on a temporary unix socket that misbehaves on purpose.
#pragma once

#include "engine/call.h"

#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace slipway::test {

// Plays the engine for the faults a healthy one never produces: errors, garbage, truncation,
// stalls and dropped streams. Replies are scripted per request path (the target without its
// query); an unscripted path gets the engine's 404. It runs on a thread of its own (plus one
// per connection, so that a stalled answer does not hold up the others) and speaks keep-alive.
class FakeEngine {
public:
    // Chunks a test writes into a stream while it is open, when it chooses: a live /events
    // whose events come after what they must follow (a list), without racing a timer. Each
    // chunk goes to one open stream playing the feed (the first to take it).
    class Feed {
    public:
        Feed();
        ~Feed();
        Feed(const Feed &) = delete;
        Feed &operator=(const Feed &) = delete;
        void push(std::string chunk); // any thread

    private:
        friend class FakeEngine;
        std::mutex mutex_;
        std::vector<std::string> pending_;
        int wake_[2] = {-1, -1}; // a byte per push, for the stream's poll()
    };

    // What to do with one request.
    struct Reply {
        enum class Framing {
            ContentLength, // Content-Length of the whole body (or `declaredLength`)
            Chunked,       // Transfer-Encoding: chunked, one HTTP chunk per element of `chunks`
        };
        enum class Ending {
            Complete,   // the full body, then wait for the next request on the connection
            Drop,       // close the connection without finishing the body
            BadFraming, // chunked only: a chunk-size line that is not hex
            Stall,      // keep the connection open and send nothing more
        };

        int status = 200;
        std::vector<std::pair<std::string, std::string>> headers;
        std::vector<std::string> chunks; // the body, in the pieces it is written in
        Framing framing = Framing::ContentLength;
        Ending ending = Ending::Complete;
        std::optional<std::size_t> declaredLength; // a Content-Length that lies
        std::chrono::milliseconds delay{0};        // before each piece of the body
        bool stallBeforeHeaders = false;           // read the request, never answer
        bool closeAfter = false;                   // "Connection: close" and close
        // Of a Drop in chunked framing: write this much of the next chunk's data first.
        std::string partialChunk;
        // Chunked only: after `chunks`, what is pushed into the feed, until the client closes
        // or stop(); `ending` is not played.
        std::shared_ptr<Feed> feed;
    };

    // A complete answer with Content-Length (contentType empty: no Content-Type header).
    static Reply respond(int status, std::string body,
                         std::string contentType = "application/json");
    static Reply json(int status, std::string body) { return respond(status, std::move(body)); }
    // A 200 whose JSON body breaks off in the middle of an object (framing is intact).
    static Reply malformedJson();
    // The engine's error shape: {"message": "..."} with `status`.
    static Reply error(int status, const std::string &message);
    // Sends `body` but declares `declaredLength` (> body.size()) and closes the connection.
    static Reply truncated(std::string body, std::size_t declaredLength);
    // A chunked 200 stream of `chunks`, each after `delay`, then the terminating chunk.
    static Reply stream(std::vector<std::string> chunks, std::chrono::milliseconds delay = {});
    // A chunked 200 stream of `chunks`, then of whatever `feed` is given, open until closed.
    static Reply liveStream(std::shared_ptr<Feed> feed, std::vector<std::string> chunks = {});
    // A chunked 200 stream of `chunks` that is dropped in the middle of one more chunk.
    static Reply streamThenDrop(std::vector<std::string> chunks,
                                std::chrono::milliseconds delay = {});
    // A chunked 200 stream of `chunks` followed by a chunk-size line that is not hex.
    static Reply streamThenGarbage(std::vector<std::string> chunks);
    // Accepts and reads the request, then never answers.
    static Reply stall();
    // Sends status and headers (Content-Length: 1000) and `bodyStart`, then stalls.
    static Reply stallBody(std::string bodyStart = {});

    struct Received {
        std::string method;
        std::string target;                         // as sent, with the query
        std::map<std::string, std::string> headers; // names lower-cased
        std::string body;
    };

    FakeEngine(); // listens at once; check listening() / errorString()
    ~FakeEngine();
    FakeEngine(const FakeEngine &) = delete;
    FakeEngine &operator=(const FakeEngine &) = delete;

    bool listening() const;
    std::string errorString() const;

    // Replaces the script for `path` ("/containers/json"; matched without the query).
    void on(const std::string &path, Reply reply);

    std::string socketPath() const;
    std::string url() const; // unix://<socketPath>

    // A socket file in the same directory that nobody listens on: connecting is refused.
    std::string refusedSocketPath();
    // A path in the same directory where there is no socket at all.
    std::string missingSocketPath() const;

    std::vector<Received> received() const;
    int hits(const std::string &path) const;
    int openConnections() const;
    int acceptedConnections() const; // since start: tells whether clients reuse connections

    // Stops listening, closes every connection, joins every thread, removes the socket.
    // Afterwards socketPath() has nobody listening. Idempotent; the destructor calls it.
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

// Waits for `call` at most `limit`; nullopt if it has not completed by then. Tests use it so
// that a broken transport fails a test instead of hanging it.
template <class T>
std::optional<engine::Result<T>>
waitFor(engine::Call<T> call, std::chrono::milliseconds limit = std::chrono::seconds(10)) {
    struct Slot {
        std::mutex mutex;
        std::condition_variable cv;
        std::optional<engine::Result<T>> result;
    };
    auto slot = std::make_shared<Slot>();
    call.then([slot](engine::Result<T> r) {
        {
            std::lock_guard lock(slot->mutex);
            slot->result.emplace(std::move(r));
        }
        slot->cv.notify_all();
    });
    std::unique_lock lock(slot->mutex);
    slot->cv.wait_for(lock, limit, [&] { return slot->result.has_value(); });
    return slot->result;
}

} // namespace slipway::test
