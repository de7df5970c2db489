// Why the loop is event-driven (curl_multi_socket_action over epoll) rather than
// curl_multi_perform + curl_multi_poll: the stats sampler keeps a request in flight per running
// container (hundreds per host), each waiting about a second for the engine's collector.
// perform and poll visit every transfer and descriptor on each wake-up, and there are a couple
// of wake-ups per answer (it arrives, the next request is sent), so such a loop's cost grows
// with the square of the containers. epoll hands over only the descriptors that are ready, and
// curl only touches their transfers (docs/performance.md, "Utilization sampling").
#include "engine/transport.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <curl/curl.h>
#include <mutex>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <optional>
#include <string>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <system_error>
#include <thread>
#include <unistd.h>
#include <unordered_map>
#include <utility>

namespace slipway::engine {

namespace {

constexpr const char *kUserAgent = "Slipway/0.1";
// Bounds what a misbehaving engine can make us hold in memory for one response. The largest
// real answers (container lists of a full host) are a few tens of MiB.
constexpr std::size_t kMaxBody = std::size_t{256} << 20;
constexpr std::size_t kMaxHeaderBytes = std::size_t{1} << 20;
// Upper bound of one wait in the loop; curl shortens it for its own timers and the wake-up
// descriptor ends it early, so this only matters if a wakeup were ever lost.
constexpr int kPollMs = 1000;
// TCP keep-alive of TCP endpoints: a dead peer of a quiet connection is found after about a
// minute (30 s idle, then 3 unanswered probes 10 s apart).
constexpr long kKeepIdleS = 30;
constexpr long kKeepIntervalS = 10;
constexpr int kKeepCount = 3;

CURLcode globalInit() {
    // curl_global_init is not thread-safe; Transports may be created from several threads.
    static std::once_flag once;
    static CURLcode rc = CURLE_OK;
    std::call_once(once, [] { rc = curl_global_init(CURL_GLOBAL_DEFAULT); });
    return rc;
}

std::string lowerAscii(std::string_view s) {
    std::string out(s);
    for (char &c : out) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() &&
           (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
        s.remove_suffix(1);
    return s;
}

bool isTokenChar(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool isToken(std::string_view s) {
    if (s.empty())
        return false;
    for (char c : s) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

bool hasLineBreakOrNul(std::string_view s) {
    return s.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos;
}

std::string describeDuration(std::chrono::milliseconds d) {
    const auto ms = d.count();
    if (ms < 1000 || ms % 100 != 0)
        return std::to_string(ms) + " ms";
    char buf[32];
    if (ms % 1000 == 0)
        std::snprintf(buf, sizeof buf, "%lld s", static_cast<long long>(ms / 1000));
    else
        std::snprintf(buf, sizeof buf, "%.1f s", static_cast<double>(ms) / 1000.0);
    return buf;
}

// Refuses what curl would either reject with a vaguer message or, worse, put on the wire
// verbatim (a CR/LF in a header is a request-smuggling hole).
std::optional<Error> validate(const HttpRequest &r) {
    auto bad = [](std::string msg) {
        return makeError(ErrorKind::InvalidInput, std::move(msg));
    };
    if (!isToken(r.method))
        return bad("invalid HTTP method \"" + r.method + "\"");
    if (r.target.empty() || r.target.front() != '/')
        return bad("request target \"" + r.target + "\" must start with '/'");
    for (char c : r.target) {
        auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f)
            return bad("request target \"" + r.target +
                       "\" contains a character that must be percent-encoded");
    }
    if (hasLineBreakOrNul(r.contentType))
        return bad("content type contains a line break");
    for (const auto &[name, value] : r.headers) {
        if (!isToken(name))
            return bad("invalid HTTP header name \"" + name + "\"");
        if (hasLineBreakOrNul(value))
            return bad("value of HTTP header \"" + name + "\" contains a line break");
    }
    if (r.timeout.count() < 0 || r.connectTimeout.count() < 0)
        return bad("negative timeout");
    return std::nullopt;
}

// Shared by a request and its canceller. The mutex is held while the chunk handler runs, so
// that once cancel() returns on another thread the handler is not running and will not run.
struct CancelState {
    std::mutex mutex;
    std::atomic<bool> cancelled{false};
};

struct Request {
    std::uint64_t id = 0;
    HttpRequest http;
    ChunkHandler onChunk;
    Promise<HttpResponse> promise;
    std::shared_ptr<CancelState> cancel;

    CURL *easy = nullptr;
    curl_slist *headerList = nullptr;
    char errorBuffer[CURL_ERROR_SIZE] = {};

    HttpResponse response;
    std::size_t headerBytes = 0;
    bool bodyStarted = false;
    bool streaming = false;           // 2xx with a chunk handler: nothing is accumulated
    std::optional<Error> abortReason; // set by a callback that stopped the transfer

    Request() = default;
    Request(const Request &) = delete;
    Request &operator=(const Request &) = delete;
    ~Request() {
        if (easy)
            curl_easy_cleanup(easy);
        curl_slist_free_all(headerList);
    }
};

struct Core;
// Lets a canceller tell whether it runs on this core's worker, i.e. possibly from inside the
// chunk handler, which holds the CancelState mutex.
thread_local const Core *tlsWorkerCore = nullptr;

struct Core {
    Endpoint endpoint;
    std::string baseUrl;
    std::string shownUrl;

    std::mutex mutex;
    CURLM *multi = nullptr; // guarded by mutex once the worker runs; null once it has ended
    int epollFd = -1;       // the worker waits here for curl's sockets and wakeFd
    int wakeFd = -1;        // an eventfd: written to wake the worker (under mutex, while multi)
    std::vector<std::unique_ptr<Request>> incoming;
    std::vector<std::uint64_t> cancels;
    bool stopping = false;
    bool workerRunning = false;
    std::string brokenReason; // non-empty: no request can be made at all

    std::atomic<std::uint64_t> nextId{1};

    // Touched by the worker only.
    std::unordered_map<std::uint64_t, std::unique_ptr<Request>> active;
    long timerMs = -1; // curl's timer: -1 none, else due at this steady-clock millisecond

    ~Core() {
        // Only reached with a live handle if the worker never started.
        if (multi)
            curl_multi_cleanup(multi);
        if (epollFd >= 0)
            ::close(epollFd);
        if (wakeFd >= 0)
            ::close(wakeFd);
    }

    void wakeLocked() {
        if (multi) {
            const std::uint64_t one = 1;
            // Fails only when the counter is about to overflow, i.e. a wake-up is pending.
            [[maybe_unused]] auto n = ::write(wakeFd, &one, sizeof one);
        }
    }

    Error transportError(const std::string &what) const {
        return makeError(ErrorKind::Transport, shownUrl + ": " + what);
    }
};

size_t onHeader(char *data, size_t size, size_t count, void *user) {
    auto *r = static_cast<Request *>(user);
    const size_t n = size * count;
    try {
        r->headerBytes += n;
        if (r->headerBytes > kMaxHeaderBytes) {
            r->abortReason = makeError(ErrorKind::Transport, "response headers exceed 1 MiB");
            return 0;
        }
        std::string_view line = trim(std::string_view(data, n));
        if (line.substr(0, 5) == "HTTP/") {
            // A new status line: headers of an interim (1xx) response do not carry over.
            r->response.headers.clear();
            return n;
        }
        auto colon = line.find(':');
        if (colon == std::string_view::npos || colon == 0)
            return n;
        std::string name = lowerAscii(trim(line.substr(0, colon)));
        std::string value(trim(line.substr(colon + 1)));
        auto [it, inserted] = r->response.headers.emplace(std::move(name), value);
        if (!inserted)
            it->second += ", " + value; // repeated headers combine as RFC 9110 lists
        return n;
    } catch (...) {
        r->abortReason = makeError(ErrorKind::Transport, "out of memory reading headers");
        return 0;
    }
}

size_t onBody(char *data, size_t size, size_t count, void *user) {
    auto *r = static_cast<Request *>(user);
    const size_t n = size * count;
    if (r->cancel->cancelled.load())
        return 0;
    if (!r->bodyStarted) {
        r->bodyStarted = true;
        long code = 0;
        curl_easy_getinfo(r->easy, CURLINFO_RESPONSE_CODE, &code);
        r->response.status = static_cast<int>(code);
        r->streaming = r->onChunk && code >= 200 && code < 300;
    }
    if (n == 0)
        return n;
    if (r->streaming) {
        // On this core's worker the handler may itself cancel: the flag is set without the
        // lock there (see the canceller), so holding it here cannot deadlock.
        std::lock_guard lock(r->cancel->mutex);
        if (r->cancel->cancelled.load())
            return 0;
        try {
            r->onChunk(std::string_view(data, n));
        } catch (const std::exception &e) {
            r->abortReason = makeError(
                ErrorKind::Parse, std::string("handling the streamed body failed: ") + e.what());
            return 0;
        } catch (...) {
            r->abortReason = makeError(ErrorKind::Parse, "handling the streamed body failed");
            return 0;
        }
        return n;
    }
    if (r->response.body.size() + n > kMaxBody) {
        r->abortReason = makeError(ErrorKind::Transport, "response body exceeds 256 MiB");
        return 0;
    }
    try {
        r->response.body.append(data, n);
    } catch (...) {
        r->abortReason = makeError(ErrorKind::Transport, "out of memory reading the body");
        return 0;
    }
    return n;
}

// CURLOPT_SOCKOPTFUNCTION of TCP requests: the keep-alive probe count. A failure only leaves
// the kernel's default count.
int onSocketOpen(void *, curl_socket_t fd, curlsocktype purpose) {
    if (purpose == CURLSOCKTYPE_IPCXN) {
        const int count = kKeepCount;
        setsockopt(fd, IPPROTO_TCP, TCP_KEEPCNT, &count, sizeof count);
    }
    return CURL_SOCKOPT_OK;
}

// Sets up the easy handle; returns the reason when that is impossible.
std::optional<Error> configure(Core &core, Request &r) {
    r.easy = curl_easy_init();
    if (!r.easy)
        return core.transportError("libcurl could not create a request handle");
    CURL *e = r.easy;
    CURLcode failed = CURLE_OK;
    const char *failedWhat = nullptr;
    auto set = [&](CURLoption opt, auto value, const char *what) {
        if (failed != CURLE_OK)
            return;
        CURLcode rc = curl_easy_setopt(e, opt, value);
        if (rc != CURLE_OK) {
            failed = rc;
            failedWhat = what;
        }
    };

    const std::string url = core.baseUrl + r.http.target;
    set(CURLOPT_ERRORBUFFER, r.errorBuffer, "error buffer");
    set(CURLOPT_PRIVATE, static_cast<void *>(&r), "private");
    set(CURLOPT_URL, url.c_str(), "URL");
#if LIBCURL_VERSION_NUM >= 0x075500
    set(CURLOPT_PROTOCOLS_STR, "http,https", "protocols");
#else
    set(CURLOPT_PROTOCOLS, long{CURLPROTO_HTTP | CURLPROTO_HTTPS}, "protocols");
#endif
    // Signals cannot be used for timeouts in a multi-threaded process.
    set(CURLOPT_NOSIGNAL, 1L, "nosignal");
    set(CURLOPT_HTTP_VERSION, long{CURL_HTTP_VERSION_1_1}, "HTTP version");
    set(CURLOPT_USERAGENT, kUserAgent, "user agent");
    set(CURLOPT_HEADERFUNCTION, &onHeader, "header callback");
    set(CURLOPT_HEADERDATA, static_cast<void *>(&r), "header data");
    set(CURLOPT_WRITEFUNCTION, &onBody, "write callback");
    set(CURLOPT_WRITEDATA, static_cast<void *>(&r), "write data");
    set(CURLOPT_TIMEOUT_MS, static_cast<long>(r.http.timeout.count()), "timeout");
    set(CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(r.http.connectTimeout.count()),
        "connect timeout");
    if (core.endpoint.kind == Endpoint::Kind::Unix) {
        set(CURLOPT_UNIX_SOCKET_PATH, core.endpoint.socketPath.c_str(), "unix socket path");
    } else {
        // Streams have no timeout (an idle /events stream is healthy): a peer that vanished
        // without a FIN is found by the kernel's probes, after kKeepIdleS + kKeepCount *
        // kKeepIntervalS seconds of silence, and the stream ends with an error.
        set(CURLOPT_TCP_KEEPALIVE, 1L, "keepalive");
        set(CURLOPT_TCP_KEEPIDLE, kKeepIdleS, "keepalive idle");
        set(CURLOPT_TCP_KEEPINTVL, kKeepIntervalS, "keepalive interval");
        // libcurl before 8.9 has no option for the count (Linux would send 9 probes).
        set(CURLOPT_SOCKOPTFUNCTION, &onSocketOpen, "socket options");
    }
    if (core.endpoint.tls) {
        const TlsFiles &tls = core.endpoint.tlsFiles;
        if (!tls.caFile.empty())
            set(CURLOPT_CAINFO, tls.caFile.c_str(), "CA file");
        if (!tls.certFile.empty())
            set(CURLOPT_SSLCERT, tls.certFile.c_str(), "client certificate");
        if (!tls.keyFile.empty())
            set(CURLOPT_SSLKEY, tls.keyFile.c_str(), "client key");
        set(CURLOPT_SSL_VERIFYPEER, tls.verifyPeer ? 1L : 0L, "verify peer");
        set(CURLOPT_SSL_VERIFYHOST, tls.verifyPeer ? 2L : 0L, "verify host");
    }

    const std::string &method = r.http.method;
    const bool sendsBody = !r.http.body.empty() || method == "POST" || method == "PUT";
    if (method == "HEAD") {
        set(CURLOPT_NOBODY, 1L, "HEAD");
    } else if (sendsBody) {
        // Even an empty POST gets "Content-Length: 0", which the engine insists on.
        set(CURLOPT_POSTFIELDS, r.http.body.data(), "body");
        set(CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(r.http.body.size()), "body size");
        if (method != "POST")
            set(CURLOPT_CUSTOMREQUEST, method.c_str(), "method");
    } else if (method != "GET") {
        set(CURLOPT_CUSTOMREQUEST, method.c_str(), "method");
    }

    auto append = [&](const std::string &line) {
        curl_slist *next = curl_slist_append(r.headerList, line.c_str());
        if (!next)
            return false;
        r.headerList = next;
        return true;
    };
    bool headersOk = append("Expect:"); // no 100-continue round trip before bodies
    if (sendsBody)
        headersOk = headersOk &&
                    append(r.http.contentType.empty() ? "Content-Type:" // not curl's form default
                                                      : "Content-Type: " + r.http.contentType);
    for (const auto &[name, value] : r.http.headers)
        headersOk = headersOk && append(value.empty() ? name + ";" : name + ": " + value);
    if (!headersOk)
        return core.transportError("out of memory building request headers");
    set(CURLOPT_HTTPHEADER, r.headerList, "headers");

    if (failed != CURLE_OK)
        return core.transportError(std::string("libcurl refused the ") + failedWhat +
                                   " option: " + curl_easy_strerror(failed));
    return std::nullopt;
}

Result<HttpResponse> outcome(const Core &core, Request &r, CURLcode rc) {
    if (r.cancel->cancelled.load())
        return makeError(ErrorKind::Cancelled, "request cancelled");
    if (r.abortReason)
        return *r.abortReason;
    if (rc == CURLE_OK) {
        long code = 0;
        curl_easy_getinfo(r.easy, CURLINFO_RESPONSE_CODE, &code);
        r.response.status = static_cast<int>(code);
        return std::move(r.response);
    }
    const std::string curlMessage =
        r.errorBuffer[0] ? std::string(r.errorBuffer) : std::string(curl_easy_strerror(rc));
    if (rc == CURLE_OPERATION_TIMEDOUT) {
        curl_off_t connectTime = 0, pretransferTime = 0;
        curl_easy_getinfo(r.easy, CURLINFO_CONNECT_TIME_T, &connectTime);
        // A reused keep-alive connection has no connect time of its own: it had a request
        // sent (pretransfer), or an answer started, so it was connected.
        curl_easy_getinfo(r.easy, CURLINFO_PRETRANSFER_TIME_T, &pretransferTime);
        if (connectTime == 0 && pretransferTime == 0 && r.headerBytes == 0) {
            // curl's own connect limit applies when the request set none.
            const std::string limit = r.http.connectTimeout.count() > 0
                                          ? describeDuration(r.http.connectTimeout)
                                          : std::string("curl's default time");
            return makeError(ErrorKind::Timeout, core.shownUrl + ": could not connect within " +
                                                     limit + " (" + curlMessage + ")");
        }
        return makeError(ErrorKind::Timeout, core.shownUrl + ": no complete answer to " +
                                                 r.http.method + " " + r.http.target + " within " +
                                                 describeDuration(r.http.timeout) + " (" +
                                                 curlMessage + ")");
    }
    std::string message = curlMessage;
    if (rc == CURLE_COULDNT_CONNECT) {
        long osErrno = 0;
        curl_easy_getinfo(r.easy, CURLINFO_OS_ERRNO, &osErrno);
        const std::string reason =
            osErrno != 0 ? std::generic_category().message(static_cast<int>(osErrno)) : "";
        // For a unix socket curl talks of "localhost port 80", which misleads; the OS error
        // is what tells the user what is wrong (no such file, permission denied, refused).
        if (core.endpoint.kind == Endpoint::Kind::Unix && !reason.empty())
            message = "cannot connect to the socket: " + reason;
        else if (!reason.empty())
            message += " (" + reason + ")";
    }
    return core.transportError(message);
}

void completeAll(std::vector<std::pair<Promise<HttpResponse>, Result<HttpResponse>>> &done) {
    for (auto &[promise, result] : done)
        promise.complete(std::move(result));
    done.clear();
}

// Detaches a request from curl and the active set; the promise is completed by the caller
// once no state is touched any more, since its continuation may call back into us.
std::pair<Promise<HttpResponse>, Result<HttpResponse>> retire(Core &core, std::uint64_t id,
                                                              std::optional<CURLcode> rc) {
    auto it = core.active.find(id);
    std::unique_ptr<Request> r = std::move(it->second);
    core.active.erase(it);
    Result<HttpResponse> result =
        rc ? outcome(core, *r, *rc) : makeError(ErrorKind::Cancelled, "request cancelled");
    curl_multi_remove_handle(core.multi, r->easy);
    return {r->promise, std::move(result)};
}

void startRequest(Core &core, std::unique_ptr<Request> r,
                  std::vector<std::pair<Promise<HttpResponse>, Result<HttpResponse>>> &done) {
    if (r->cancel->cancelled.load()) {
        done.emplace_back(r->promise, makeError(ErrorKind::Cancelled, "request cancelled"));
        return;
    }
    if (auto problem = configure(core, *r)) {
        done.emplace_back(r->promise, std::move(*problem));
        return;
    }
    CURLMcode mc = curl_multi_add_handle(core.multi, r->easy);
    if (mc != CURLM_OK) {
        done.emplace_back(r->promise, core.transportError(std::string("libcurl could not start the "
                                                                      "request: ") +
                                                          curl_multi_strerror(mc)));
        return;
    }
    const std::uint64_t id = r->id;
    core.active.emplace(id, std::move(r));
}

long steadyMs() {
    return static_cast<long>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                 std::chrono::steady_clock::now().time_since_epoch())
                                 .count());
}

// CURLMOPT_SOCKETFUNCTION: curl says which sockets to wait for, and for what.
int onSocket(CURL *, curl_socket_t s, int what, void *user, void *) {
    auto *core = static_cast<Core *>(user);
    if (what == CURL_POLL_REMOVE) {
        epoll_ctl(core->epollFd, EPOLL_CTL_DEL, s, nullptr); // gone already if closed: fine
        return 0;
    }
    epoll_event ev{};
    ev.events = (what == CURL_POLL_IN || what == CURL_POLL_INOUT ? EPOLLIN : 0u) |
                (what == CURL_POLL_OUT || what == CURL_POLL_INOUT ? EPOLLOUT : 0u);
    ev.data.fd = s;
    // A descriptor number curl closed and opened again may or may not still be registered.
    if (epoll_ctl(core->epollFd, EPOLL_CTL_MOD, s, &ev) != 0 && errno == ENOENT)
        epoll_ctl(core->epollFd, EPOLL_CTL_ADD, s, &ev);
    return 0;
}

// CURLMOPT_TIMERFUNCTION: when curl wants to be called for its timeouts (-1: not at all).
int onTimer(CURLM *, long timeoutMs, void *user) {
    auto *core = static_cast<Core *>(user);
    core->timerMs = timeoutMs < 0 ? -1 : steadyMs() + timeoutMs;
    return 0;
}

void runWorker(const std::shared_ptr<Core> &core) {
    tlsWorkerCore = core.get();
    CURLM *multi = core->multi;
    std::vector<std::pair<Promise<HttpResponse>, Result<HttpResponse>>> done;
    epoll_event events[64];
    int ready = 0; // events[0..ready) are waiting to be handed to curl
    for (;;) {
        // The wake-up is consumed before `incoming` is taken: a request queued after this
        // point finds `incoming` empty again and wakes the next wait (see Transport::send).
        for (int i = 0; i < ready; ++i) {
            if (events[i].data.fd == core->wakeFd) {
                std::uint64_t count = 0;
                [[maybe_unused]] auto n = ::read(core->wakeFd, &count, sizeof count);
            }
        }
        std::vector<std::unique_ptr<Request>> incoming;
        std::vector<std::uint64_t> cancels;
        bool stopping = false;
        {
            std::lock_guard lock(core->mutex);
            incoming.swap(core->incoming);
            cancels.swap(core->cancels);
            stopping = core->stopping;
        }
        if (stopping) {
            for (auto &r : incoming)
                done.emplace_back(r->promise,
                                  makeError(ErrorKind::Cancelled, "transport shut down"));
            break;
        }
        try {
            for (auto &r : incoming)
                startRequest(*core, std::move(r), done);
            for (std::uint64_t id : cancels) {
                if (core->active.count(id))
                    done.push_back(retire(*core, id, std::nullopt));
            }

            int running = 0;
            for (int i = 0; i < ready; ++i) {
                const epoll_event &ev = events[i];
                if (ev.data.fd == core->wakeFd)
                    continue;
                int mask = 0;
                if (ev.events & EPOLLIN)
                    mask |= CURL_CSELECT_IN;
                if (ev.events & EPOLLOUT)
                    mask |= CURL_CSELECT_OUT;
                if (ev.events & (EPOLLERR | EPOLLHUP))
                    mask |= CURL_CSELECT_ERR;
                curl_multi_socket_action(multi, ev.data.fd, mask, &running);
            }
            ready = 0;
            if (core->timerMs >= 0 && steadyMs() >= core->timerMs) {
                core->timerMs = -1; // curl sets it again from inside socket_action if needed
                curl_multi_socket_action(multi, CURL_SOCKET_TIMEOUT, 0, &running);
            }
            std::vector<std::pair<std::uint64_t, CURLcode>> finished;
            int queued = 0;
            while (CURLMsg *msg = curl_multi_info_read(multi, &queued)) {
                if (msg->msg != CURLMSG_DONE)
                    continue;
                void *priv = nullptr;
                curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &priv);
                finished.emplace_back(static_cast<Request *>(priv)->id, msg->data.result);
            }
            for (auto [id, rc] : finished)
                done.push_back(retire(*core, id, rc));
        } catch (...) {
            // Only allocation can fail here; what was collected is still delivered below.
        }
        completeAll(done);
        long waitMs = kPollMs;
        if (core->timerMs >= 0)
            waitMs = std::clamp(core->timerMs - steadyMs(), 0L, long{kPollMs});
        ready = epoll_wait(core->epollFd, events, int(std::size(events)), int(waitMs));
        if (ready < 0) {
            if (errno != EINTR)
                std::this_thread::sleep_for(std::chrono::milliseconds(10)); // never spin
            ready = 0;
        }
    }

    // Shutting down: whatever is still running ends as cancelled.
    for (auto &[id, r] : core->active) {
        r->cancel->cancelled.store(true);
        curl_multi_remove_handle(multi, r->easy);
        done.emplace_back(r->promise, makeError(ErrorKind::Cancelled, "transport shut down"));
    }
    std::unordered_map<std::uint64_t, std::unique_ptr<Request>> ended;
    ended.swap(core->active);
    {
        std::lock_guard lock(core->mutex);
        core->multi = nullptr; // from now on send() and cancellers do not touch curl
        core->workerRunning = false;
    }
    ended.clear();
    curl_multi_cleanup(multi);
    completeAll(done);
    tlsWorkerCore = nullptr;
}

} // namespace

std::string HttpResponse::header(const std::string &lowerName) const {
    auto it = headers.find(lowerAscii(lowerName));
    return it == headers.end() ? std::string() : it->second;
}

struct Transport::Impl {
    Endpoint endpoint;
    std::shared_ptr<Core> core;
    std::thread worker;
};

Transport::Transport(Endpoint endpoint) : d(std::make_unique<Impl>()) {
    d->endpoint = endpoint;
    d->core = std::make_shared<Core>();
    Core &core = *d->core;
    core.endpoint = std::move(endpoint);
    core.baseUrl = core.endpoint.baseUrl();
    core.shownUrl = core.endpoint.url();

    if (CURLcode rc = globalInit(); rc != CURLE_OK) {
        core.brokenReason =
            std::string("libcurl could not be initialised: ") + curl_easy_strerror(rc);
        return;
    }
    core.multi = curl_multi_init();
    if (!core.multi) {
        core.brokenReason = "libcurl could not create a multi handle";
        return;
    }
    core.epollFd = epoll_create1(EPOLL_CLOEXEC);
    core.wakeFd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    epoll_event wake{};
    wake.events = EPOLLIN;
    wake.data.fd = core.wakeFd;
    if (core.epollFd < 0 || core.wakeFd < 0 ||
        epoll_ctl(core.epollFd, EPOLL_CTL_ADD, core.wakeFd, &wake) != 0) {
        core.brokenReason = std::string("could not set up the transport's event loop: ") +
                            std::generic_category().message(errno);
        return;
    }
    curl_multi_setopt(core.multi, CURLMOPT_SOCKETFUNCTION, &onSocket);
    curl_multi_setopt(core.multi, CURLMOPT_SOCKETDATA, static_cast<void *>(&core));
    curl_multi_setopt(core.multi, CURLMOPT_TIMERFUNCTION, &onTimer);
    curl_multi_setopt(core.multi, CURLMOPT_TIMERDATA, static_cast<void *>(&core));
    try {
        core.workerRunning = true;
        d->worker = std::thread([core = d->core] { runWorker(core); });
    } catch (const std::system_error &e) {
        core.workerRunning = false;
        core.brokenReason = std::string("could not start the transport thread: ") + e.what();
    }
}

Transport::~Transport() {
    {
        std::lock_guard lock(d->core->mutex);
        d->core->stopping = true;
        d->core->wakeLocked();
    }
    if (d->worker.joinable()) {
        // A continuation on the worker may drop the last owner of this Transport; joining
        // itself would throw, so the worker is left to finish on the Core it co-owns.
        if (d->worker.get_id() == std::this_thread::get_id())
            d->worker.detach();
        else
            d->worker.join();
    }
}

Call<HttpResponse> Transport::send(HttpRequest request, ChunkHandler onChunk) {
    if (auto problem = validate(request))
        return ready<HttpResponse>(std::move(*problem));
    const std::shared_ptr<Core> &core = d->core;
    if (!core->brokenReason.empty())
        return ready<HttpResponse>(core->transportError(core->brokenReason));

    auto r = std::make_unique<Request>();
    r->id = core->nextId.fetch_add(1);
    r->http = std::move(request);
    r->onChunk = std::move(onChunk);
    r->cancel = std::make_shared<CancelState>();
    Promise<HttpResponse> promise = r->promise;
    Call<HttpResponse> call = promise.call();

    promise.setCanceller([weak = std::weak_ptr<Core>(core), cancel = r->cancel, id = r->id] {
        auto core = weak.lock();
        if (core && tlsWorkerCore == core.get()) {
            cancel->cancelled.store(true);
        } else {
            // Waits for a chunk handler that is running right now to return.
            std::lock_guard lock(cancel->mutex);
            cancel->cancelled.store(true);
        }
        if (!core)
            return;
        std::lock_guard lock(core->mutex);
        core->cancels.push_back(id);
        core->wakeLocked();
    });

    {
        std::lock_guard lock(core->mutex);
        if (!core->stopping && core->workerRunning) {
            // Only the first of a batch wakes the worker: it takes the whole list at once.
            const bool wake = core->incoming.empty();
            core->incoming.push_back(std::move(r));
            if (wake)
                core->wakeLocked();
            return call;
        }
    }
    promise.complete(makeError(ErrorKind::Cancelled, "transport shut down"));
    return call;
}

const Endpoint &Transport::endpoint() const {
    return d->endpoint;
}

std::string percentEncode(std::string_view text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        auto u = static_cast<unsigned char>(c);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '.' || c == '_' || c == '~') {
            out += c;
        } else {
            out += '%';
            out += hex[u >> 4];
            out += hex[u & 0x0f];
        }
    }
    return out;
}

} // namespace slipway::engine
