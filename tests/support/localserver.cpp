#include "tests/support/localserver.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cctype>
#include <cstdlib>
#include <netinet/in.h>
#include <poll.h>
#include <sstream>
#include <sys/socket.h>
#include <unistd.h>

namespace slipway::test {

LocalServer::LocalServer(Handler handler, const char *address)
    : handler_(std::move(handler)), address_(address) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    ::setsockopt(fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    ::inet_pton(AF_INET, address, &addr.sin_addr);
    addr.sin_port = 0;
    if (::bind(fd_, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0 ||
        ::listen(fd_, 64) != 0)
        return;
    socklen_t len = sizeof addr;
    ::getsockname(fd_, reinterpret_cast<sockaddr *>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { run(); });
}

LocalServer::~LocalServer() {
    stop_ = true;
    if (thread_.joinable())
        thread_.join();
    ::close(fd_);
}

std::vector<LocalServer::Request> LocalServer::received() {
    std::lock_guard lock(mutex_);
    return received_;
}

int LocalServer::hits(const std::string &pathPrefix) {
    std::lock_guard lock(mutex_);
    int n = 0;
    for (const auto &r : received_)
        n += r.target.rfind(pathPrefix, 0) == 0;
    return n;
}

void LocalServer::run() {
    while (!stop_) {
        pollfd p{fd_, POLLIN, 0};
        if (::poll(&p, 1, 50) <= 0)
            continue;
        const int c = ::accept(fd_, nullptr, nullptr);
        if (c < 0)
            continue;
        serve(c);
        ::close(c);
    }
}

void LocalServer::serve(int c) {
    std::string in;
    char buf[4096];
    while (in.find("\r\n\r\n") == std::string::npos && in.size() < 65536) {
        pollfd p{c, POLLIN, 0};
        if (::poll(&p, 1, 2000) <= 0)
            return;
        const ssize_t n = ::read(c, buf, sizeof buf);
        if (n <= 0)
            return;
        in.append(buf, std::size_t(n));
    }
    Request r;
    std::istringstream lines(in.substr(0, in.find("\r\n\r\n")));
    std::string line;
    std::getline(lines, line);
    std::istringstream first(line);
    first >> r.method >> r.target;
    while (std::getline(lines, line)) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        auto colon = line.find(':');
        if (colon == std::string::npos)
            continue;
        std::string name = line.substr(0, colon);
        for (char &ch : name)
            ch = char(std::tolower(static_cast<unsigned char>(ch)));
        std::string value = line.substr(colon + 1);
        while (!value.empty() && value.front() == ' ')
            value.erase(0, 1);
        r.headers[name] = value;
    }
    // A body (a token POST) is read as far as its Content-Length, bounded.
    r.body = in.substr(in.find("\r\n\r\n") + 4);
    if (auto length = r.headers.find("content-length"); length != r.headers.end()) {
        const std::size_t want =
            std::min<std::size_t>(std::strtoul(length->second.c_str(), nullptr, 10), 65536);
        while (r.body.size() < want) {
            pollfd p{c, POLLIN, 0};
            if (::poll(&p, 1, 2000) <= 0)
                break;
            const ssize_t n = ::read(c, buf, sizeof buf);
            if (n <= 0)
                break;
            r.body.append(buf, std::size_t(n));
        }
    }
    {
        std::lock_guard lock(mutex_);
        received_.push_back(r);
    }
    const Reply reply = handler_(r);
    std::string out = "HTTP/1.1 " + std::to_string(reply.status) + " X\r\n";
    for (const auto &[k, v] : reply.headers)
        out += k + ": " + v + "\r\n";
    out += "Content-Length: " + std::to_string(reply.body.size()) + "\r\n";
    out += "Connection: close\r\n\r\n";
    if (r.method != "HEAD")
        out += reply.body;
    std::size_t sent = 0;
    while (sent < out.size()) {
        const ssize_t n = ::write(c, out.data() + sent, out.size() - sent);
        if (n <= 0)
            return;
        sent += std::size_t(n);
    }
}

} // namespace slipway::test
