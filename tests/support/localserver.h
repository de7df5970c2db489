// LocalServer: a one-thread HTTP/1.1 server on a loopback TCP address (FakeEngine serves only
// unix sockets): one request per connection ("Connection: close"), answered by the test's
// handler, every request kept. Plays a registry, a token server, or a plain-TCP engine.
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace slipway::test {

class LocalServer {
public:
    struct Request {
        std::string method;
        std::string target;
        std::map<std::string, std::string> headers; // names lower-cased
        std::string body;
    };
    struct Reply {
        int status = 200;
        std::vector<std::pair<std::string, std::string>> headers;
        std::string body;
    };
    using Handler = std::function<Reply(const Request &)>;

    // Listens on `address` (any loopback address: 127.0.0.2 is another host to a client) at
    // an ephemeral port; port() is 0 when that failed.
    explicit LocalServer(Handler handler, const char *address = "127.0.0.1");
    ~LocalServer();
    LocalServer(const LocalServer &) = delete;
    LocalServer &operator=(const LocalServer &) = delete;

    int port() const { return port_; }
    std::string hostPort() const { return address_ + ":" + std::to_string(port_); }
    std::vector<Request> received();
    int hits(const std::string &pathPrefix); // requests whose target starts with it

private:
    void run();
    void serve(int connection);

    Handler handler_;
    std::string address_;
    int fd_ = -1;
    int port_ = 0;
    std::atomic<bool> stop_{false};
    std::thread thread_;
    std::mutex mutex_;
    std::vector<Request> received_;
};

} // namespace slipway::test
