#include "tests/support/fakeengine.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <set>
#include <sys/socket.h>
#include <sys/un.h>
#include <thread>
#include <unistd.h>

namespace slipway::test {

namespace {

// Named, so that a profile or the bench's CPU account tells the scripted engine's threads from
// the client's in the same process.
void nameThisThread() {
    pthread_setname_np(pthread_self(), "fakeengine");
}

constexpr std::size_t kMaxRequestHead = 1 << 20;

std::string reasonPhrase(int status) {
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 409:
        return "Conflict";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

std::string lower(std::string s) {
    for (char &c : s) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return s;
}

std::string jsonEscape(const std::string &s) {
    std::string out;
    for (char c : s) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string hex(std::size_t n) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    do {
        out.insert(out.begin(), digits[n & 0xf]);
        n >>= 4;
    } while (n);
    return out;
}

void closeFd(int &fd) {
    if (fd >= 0)
        ::close(fd);
    fd = -1;
}

} // namespace

FakeEngine::Reply FakeEngine::respond(int status, std::string body, std::string contentType) {
    Reply r;
    r.status = status;
    if (!contentType.empty())
        r.headers.emplace_back("Content-Type", std::move(contentType));
    r.chunks.push_back(std::move(body));
    return r;
}

FakeEngine::Reply FakeEngine::malformedJson() {
    return json(200, "[{\"Id\":\"4f1c\",\"Names\":[\"/web\"],\"State\":");
}

FakeEngine::Reply FakeEngine::error(int status, const std::string &message) {
    return json(status, "{\"message\":\"" + jsonEscape(message) + "\"}\n");
}

FakeEngine::Reply FakeEngine::truncated(std::string body, std::size_t declaredLength) {
    Reply r = json(200, std::move(body));
    r.declaredLength = declaredLength;
    r.ending = Reply::Ending::Drop;
    return r;
}

FakeEngine::Reply FakeEngine::stream(std::vector<std::string> chunks,
                                     std::chrono::milliseconds delay) {
    Reply r;
    r.headers.emplace_back("Content-Type", "application/json");
    r.chunks = std::move(chunks);
    r.framing = Reply::Framing::Chunked;
    r.delay = delay;
    return r;
}

FakeEngine::Reply FakeEngine::liveStream(std::shared_ptr<Feed> feed,
                                         std::vector<std::string> chunks) {
    Reply r = stream(std::move(chunks));
    r.feed = std::move(feed);
    return r;
}

FakeEngine::Feed::Feed() {
    if (::pipe2(wake_, O_CLOEXEC | O_NONBLOCK) != 0)
        wake_[0] = wake_[1] = -1;
}

FakeEngine::Feed::~Feed() {
    closeFd(wake_[0]);
    closeFd(wake_[1]);
}

void FakeEngine::Feed::push(std::string chunk) {
    std::lock_guard lock(mutex_);
    pending_.push_back(std::move(chunk));
    char byte = 1;
    [[maybe_unused]] auto n = ::write(wake_[1], &byte, 1);
}

FakeEngine::Reply FakeEngine::streamThenDrop(std::vector<std::string> chunks,
                                             std::chrono::milliseconds delay) {
    Reply r = stream(std::move(chunks), delay);
    r.ending = Reply::Ending::Drop;
    r.partialChunk = "{\"status\":\"cut";
    return r;
}

FakeEngine::Reply FakeEngine::streamThenGarbage(std::vector<std::string> chunks) {
    Reply r = stream(std::move(chunks));
    r.ending = Reply::Ending::BadFraming;
    return r;
}

FakeEngine::Reply FakeEngine::stall() {
    Reply r;
    r.stallBeforeHeaders = true;
    return r;
}

FakeEngine::Reply FakeEngine::stallBody(std::string bodyStart) {
    Reply r = json(200, std::move(bodyStart));
    r.declaredLength = 1000;
    r.ending = Reply::Ending::Stall;
    return r;
}

struct FakeEngine::Impl {
    std::string dir;
    std::string socket;
    int listenFd = -1;
    // Written once by stop() and never read, so it stays readable for every poll() that
    // includes it: the one wake-up all threads share.
    int stopPipe[2] = {-1, -1};
    std::thread acceptor;
    int refusedCount = 0;

    mutable std::mutex mutex;
    std::map<std::string, Reply> script;
    std::vector<Received> received;
    std::vector<std::thread> connections;
    std::set<int> openFds;
    int accepted = 0;
    bool stopped = false;
    std::string error;

    enum class Wait { Ready, Stop, Timeout };

    // Waits for `fd` to be readable (fd < 0: just sleeps) or for stop(); timeout < 0 is none.
    Wait waitFor(int fd, int timeoutMs) const {
        pollfd fds[2] = {{stopPipe[0], POLLIN, 0}, {fd, POLLIN, 0}};
        for (;;) {
            int n = ::poll(fds, fd >= 0 ? 2 : 1, timeoutMs);
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0 || fds[0].revents)
                return Wait::Stop;
            if (n == 0)
                return Wait::Timeout;
            return Wait::Ready;
        }
    }

    bool sleep(std::chrono::milliseconds d) const {
        if (d.count() <= 0)
            return true;
        return waitFor(-1, static_cast<int>(d.count())) == Wait::Timeout;
    }

    static bool sendAll(int fd, std::string_view data) {
        while (!data.empty()) {
            ssize_t n = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return false;
            data.remove_prefix(static_cast<std::size_t>(n));
        }
        return true;
    }

    // Reads more into `buf`; false on close, error or stop.
    bool readMore(int fd, std::string &buf) const {
        if (waitFor(fd, -1) != Wait::Ready)
            return false;
        char tmp[16384];
        for (;;) {
            ssize_t n = ::recv(fd, tmp, sizeof tmp, 0);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return false;
            buf.append(tmp, static_cast<std::size_t>(n));
            return true;
        }
    }

    std::optional<Received> readRequest(int fd, std::string &buf) const {
        std::size_t end;
        while ((end = buf.find("\r\n\r\n")) == std::string::npos) {
            if (buf.size() > kMaxRequestHead || !readMore(fd, buf))
                return std::nullopt;
        }
        Received req;
        std::string head = buf.substr(0, end);
        buf.erase(0, end + 4);

        std::size_t lineEnd = head.find("\r\n");
        std::string requestLine = head.substr(0, lineEnd);
        auto sp1 = requestLine.find(' ');
        auto sp2 = requestLine.rfind(' ');
        if (sp1 == std::string::npos || sp2 == sp1)
            return std::nullopt;
        req.method = requestLine.substr(0, sp1);
        req.target = requestLine.substr(sp1 + 1, sp2 - sp1 - 1);
        while (lineEnd != std::string::npos) {
            std::size_t start = lineEnd + 2;
            lineEnd = head.find("\r\n", start);
            std::string line = head.substr(start, lineEnd == std::string::npos ? std::string::npos
                                                                               : lineEnd - start);
            auto colon = line.find(':');
            if (colon == std::string::npos)
                continue;
            std::string value = line.substr(colon + 1);
            value.erase(0, value.find_first_not_of(" \t"));
            req.headers[lower(line.substr(0, colon))] = value;
        }
        if (req.headers.count("transfer-encoding"))
            return std::nullopt; // the transport always sends a length; anything else is a bug
        std::size_t length = 0;
        if (auto it = req.headers.find("content-length"); it != req.headers.end())
            length = std::strtoull(it->second.c_str(), nullptr, 10);
        while (buf.size() < length) {
            if (!readMore(fd, buf))
                return std::nullopt;
        }
        req.body = buf.substr(0, length);
        buf.erase(0, length);
        return req;
    }

    // Holds the connection open until the client or stop() ends it.
    void stallUntilClosed(int fd) const {
        char tmp[4096];
        while (waitFor(fd, -1) == Wait::Ready) {
            ssize_t n = ::recv(fd, tmp, sizeof tmp, 0);
            if (n == 0 || (n < 0 && errno != EINTR))
                return;
        }
    }

    // Plays `reply`; false when the connection is to be closed afterwards.
    bool play(int fd, const Reply &reply) const {
        if (reply.stallBeforeHeaders) {
            stallUntilClosed(fd);
            return false;
        }
        const bool chunked = reply.framing == Reply::Framing::Chunked;
        std::string head =
            "HTTP/1.1 " + std::to_string(reply.status) + " " + reasonPhrase(reply.status) + "\r\n";
        head += "Server: FakeEngine\r\n";
        for (const auto &[name, value] : reply.headers)
            head += name + ": " + value + "\r\n";
        if (chunked) {
            head += "Transfer-Encoding: chunked\r\n";
        } else {
            std::size_t total = 0;
            for (const auto &c : reply.chunks)
                total += c.size();
            head +=
                "Content-Length: " + std::to_string(reply.declaredLength.value_or(total)) + "\r\n";
        }
        if (reply.closeAfter)
            head += "Connection: close\r\n";
        head += "\r\n";
        if (!sendAll(fd, head))
            return false;

        for (const auto &piece : reply.chunks) {
            if (!sleep(reply.delay))
                return false;
            if (piece.empty())
                continue; // an empty chunk would end a chunked body
            std::string wire = chunked ? hex(piece.size()) + "\r\n" + piece + "\r\n" : piece;
            if (!sendAll(fd, wire))
                return false;
        }
        if (chunked && reply.feed) {
            playFeed(fd, *reply.feed);
            return false;
        }

        switch (reply.ending) {
        case Reply::Ending::Complete:
            if (chunked && !sendAll(fd, "0\r\n\r\n"))
                return false;
            return !reply.closeAfter;
        case Reply::Ending::Drop:
            if (chunked && !reply.partialChunk.empty())
                sendAll(fd, hex(reply.partialChunk.size() * 2) + "\r\n" + reply.partialChunk);
            return false;
        case Reply::Ending::BadFraming:
            sendAll(fd, "zz-not-hex\r\ngarbage\r\n");
            stallUntilClosed(fd);
            return false;
        case Reply::Ending::Stall:
            stallUntilClosed(fd);
            return false;
        }
        return false;
    }

    // Sends what is pushed into `feed` as chunks until the client closes or stop().
    void playFeed(int fd, Feed &feed) const {
        for (;;) {
            std::vector<std::string> chunks;
            {
                std::lock_guard lock(feed.mutex_);
                chunks.swap(feed.pending_);
                char drain[64];
                while (::read(feed.wake_[0], drain, sizeof drain) > 0) {
                }
            }
            for (const std::string &piece : chunks)
                if (!piece.empty() && !sendAll(fd, hex(piece.size()) + "\r\n" + piece + "\r\n"))
                    return;
            pollfd fds[3] = {{stopPipe[0], POLLIN, 0}, {fd, POLLIN, 0}, {feed.wake_[0], POLLIN, 0}};
            int n = ::poll(fds, 3, -1);
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0 || fds[0].revents)
                return;
            if (fds[1].revents) {
                char tmp[4096];
                const ssize_t got = ::recv(fd, tmp, sizeof tmp, 0);
                if (got == 0 || (got < 0 && errno != EINTR))
                    return; // the client closed the stream
            }
        }
    }

    void serve(int fd) {
        std::string buf;
        for (;;) {
            auto req = readRequest(fd, buf);
            if (!req)
                break;
            std::string path = req->target.substr(0, req->target.find('?'));
            Reply reply;
            {
                std::lock_guard lock(mutex);
                received.push_back(*req);
                auto it = script.find(path);
                reply = it != script.end() ? it->second : FakeEngine::error(404, "page not found");
            }
            if (!play(fd, reply))
                break;
        }
        std::lock_guard lock(mutex);
        openFds.erase(fd);
        ::close(fd); // under the lock, so stop() never shuts down a reused descriptor
    }

    void acceptLoop() {
        for (;;) {
            if (waitFor(listenFd, -1) != Wait::Ready)
                return;
            int fd = ::accept(listenFd, nullptr, nullptr);
            if (fd < 0)
                continue;
            ::fcntl(fd, F_SETFD, FD_CLOEXEC);
            std::lock_guard lock(mutex);
            if (stopped) {
                ::close(fd);
                return;
            }
            openFds.insert(fd);
            ++accepted;
            try {
                connections.emplace_back([this, fd] {
                    nameThisThread();
                    serve(fd);
                });
            } catch (...) {
                openFds.erase(fd);
                ::close(fd);
            }
        }
    }
};

FakeEngine::FakeEngine() : d(std::make_unique<Impl>()) {
    // sun_path is about 108 bytes: a long TMPDIR would not fit.
    std::string base = "/tmp";
    if (const char *t = std::getenv("TMPDIR"); t && *t && std::strlen(t) < 60)
        base = t;
    std::string templ = base + "/slipway-fake-XXXXXX";
    if (!::mkdtemp(templ.data())) {
        d->error = "mkdtemp: " + std::string(std::strerror(errno));
        return;
    }
    d->dir = templ;
    d->socket = d->dir + "/engine.sock";

    if (::pipe2(d->stopPipe, O_CLOEXEC) != 0) {
        d->error = "pipe: " + std::string(std::strerror(errno));
        return;
    }
    d->listenFd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::memcpy(addr.sun_path, d->socket.c_str(), d->socket.size() + 1);
    if (d->listenFd < 0 ||
        ::bind(d->listenFd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0 ||
        ::listen(d->listenFd, 128) != 0) {
        d->error = "listen on " + d->socket + ": " + std::strerror(errno);
        closeFd(d->listenFd);
        return;
    }
    d->acceptor = std::thread([impl = d.get()] {
        nameThisThread();
        impl->acceptLoop();
    });
}

FakeEngine::~FakeEngine() {
    stop();
    closeFd(d->stopPipe[0]);
    closeFd(d->stopPipe[1]);
    for (int i = 0; i < d->refusedCount; ++i)
        ::unlink((d->dir + "/refused-" + std::to_string(i) + ".sock").c_str());
    if (!d->dir.empty())
        ::rmdir(d->dir.c_str());
}

bool FakeEngine::listening() const {
    std::lock_guard lock(d->mutex);
    return d->listenFd >= 0 && !d->stopped;
}

std::string FakeEngine::errorString() const {
    std::lock_guard lock(d->mutex);
    return d->error;
}

void FakeEngine::on(const std::string &path, Reply reply) {
    std::lock_guard lock(d->mutex);
    d->script[path] = std::move(reply);
}

std::string FakeEngine::socketPath() const {
    return d->socket;
}

std::string FakeEngine::url() const {
    return "unix://" + d->socket;
}

std::string FakeEngine::refusedSocketPath() {
    std::string path = d->dir + "/refused-" + std::to_string(d->refusedCount++) + ".sock";
    // Bound but never listening: the file exists and connect() gets ECONNREFUSED.
    int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::memcpy(addr.sun_path, path.c_str(), std::min(path.size() + 1, sizeof addr.sun_path));
    if (fd >= 0)
        ::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
    closeFd(fd);
    return path;
}

std::string FakeEngine::missingSocketPath() const {
    return d->dir + "/missing.sock";
}

std::vector<FakeEngine::Received> FakeEngine::received() const {
    std::lock_guard lock(d->mutex);
    return d->received;
}

int FakeEngine::hits(const std::string &path) const {
    std::lock_guard lock(d->mutex);
    return static_cast<int>(std::count_if(d->received.begin(), d->received.end(), [&](auto &r) {
        return r.target.substr(0, r.target.find('?')) == path;
    }));
}

int FakeEngine::openConnections() const {
    std::lock_guard lock(d->mutex);
    return static_cast<int>(d->openFds.size());
}

int FakeEngine::acceptedConnections() const {
    std::lock_guard lock(d->mutex);
    return d->accepted;
}

void FakeEngine::stop() {
    std::vector<std::thread> connections;
    {
        std::lock_guard lock(d->mutex);
        if (d->stopped)
            return;
        d->stopped = true;
        if (d->stopPipe[1] >= 0) {
            char byte = 1;
            [[maybe_unused]] auto n = ::write(d->stopPipe[1], &byte, 1);
        }
        // Unblocks a send() into a client that stopped reading; poll() sees the pipe.
        for (int fd : d->openFds)
            ::shutdown(fd, SHUT_RDWR);
    }
    if (d->acceptor.joinable())
        d->acceptor.join();
    {
        std::lock_guard lock(d->mutex);
        connections.swap(d->connections);
        closeFd(d->listenFd);
    }
    for (auto &t : connections)
        t.join();
    if (!d->socket.empty())
        ::unlink(d->socket.c_str());
}

} // namespace slipway::test
