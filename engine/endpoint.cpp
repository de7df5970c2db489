#include "engine/endpoint.h"

#include <arpa/inet.h>
#include <cctype>
#include <string_view>
#include <sys/un.h>

namespace slipway::engine {

namespace {

constexpr int kPlainPort = 2375;
constexpr int kTlsPort = 2376;

Error invalid(const std::string &url, const std::string &problem) {
    return makeError(ErrorKind::InvalidInput, "engine URL \"" + url + "\": " + problem);
}

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
        s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
        s.remove_suffix(1);
    return s;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char &c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool isHostnameChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_';
}

// sun_path holds the path and its terminating NUL; a longer path cannot be connected to.
constexpr std::size_t kMaxSocketPath = sizeof(sockaddr_un::sun_path) - 1;

Result<Endpoint> parseUnix(const std::string &shown, std::string_view path) {
    if (path.empty())
        return invalid(shown, "missing socket path (expected unix:///path/to/docker.sock)");
    if (path.front() != '/')
        return invalid(shown,
                       "socket path must be absolute (expected unix:///" + std::string(path) + ")");
    if (path.size() > kMaxSocketPath)
        return invalid(shown, "socket path is " + std::to_string(path.size()) +
                                  " bytes long; at most " + std::to_string(kMaxSocketPath) +
                                  " fit in a unix socket address");
    Endpoint e;
    e.kind = Endpoint::Kind::Unix;
    e.socketPath = std::string(path);
    return e;
}

Result<int> parsePort(const std::string &shown, std::string_view digits) {
    if (digits.empty())
        return invalid(shown, "missing port after ':'");
    if (digits.size() > 5)
        return invalid(shown, "bad port \"" + std::string(digits) + "\" (expected 1-65535)");
    int port = 0;
    for (char c : digits) {
        if (c < '0' || c > '9')
            return invalid(shown, "bad port \"" + std::string(digits) + "\" (expected 1-65535)");
        port = port * 10 + (c - '0');
    }
    if (port < 1 || port > 65535)
        return invalid(shown, "bad port \"" + std::string(digits) + "\" (expected 1-65535)");
    return port;
}

// `rest` is what follows "tcp://" or "https://": host[:port][/].
Result<Endpoint> parseTcp(const std::string &shown, std::string_view rest, bool tls,
                          const TlsFiles &files) {
    // A single trailing slash is what people paste from browsers; a real path prefix is not
    // something this client can honour, so it is refused rather than silently dropped.
    if (auto slash = rest.find('/'); slash != std::string_view::npos) {
        if (slash + 1 != rest.size())
            return invalid(shown, "a path (\"" + std::string(rest.substr(slash)) +
                                      "\") is not supported; give only host:port");
        rest = rest.substr(0, slash);
    }
    if (rest.find_first_of("?#") != std::string_view::npos)
        return invalid(shown, "a query or fragment is not supported; give only host:port");
    if (rest.find('@') != std::string_view::npos)
        return invalid(shown, "user information (\"user@\") is not supported; give only "
                              "host:port");

    std::string host;
    std::string_view portText;
    bool hasPort = false;
    if (!rest.empty() && rest.front() == '[') {
        auto close = rest.find(']');
        if (close == std::string_view::npos)
            return invalid(shown, "missing ']' after IPv6 address");
        host = std::string(rest.substr(1, close - 1));
        if (host.empty())
            return invalid(shown, "missing host");
        in6_addr addr{};
        if (inet_pton(AF_INET6, host.c_str(), &addr) != 1)
            return invalid(shown, "\"" + host + "\" is not an IPv6 address");
        auto after = rest.substr(close + 1);
        if (!after.empty()) {
            if (after.front() != ':')
                return invalid(shown, "unexpected \"" + std::string(after) +
                                          "\" after IPv6 address (expected :port)");
            hasPort = true;
            portText = after.substr(1);
        }
    } else {
        auto colon = rest.find(':');
        if (colon != std::string_view::npos && rest.find(':', colon + 1) != std::string_view::npos)
            return invalid(shown, "an IPv6 address must be in brackets, e.g. tcp://[::1]:2375");
        host = std::string(rest.substr(0, colon));
        if (colon != std::string_view::npos) {
            hasPort = true;
            portText = rest.substr(colon + 1);
        }
        if (host.empty())
            return invalid(shown, "missing host");
        for (char c : host) {
            if (!isHostnameChar(c))
                return invalid(shown, "invalid character '" + std::string(1, c) + "' in host \"" +
                                          host + "\"");
        }
        host = lower(host);
    }

    int port = tls ? kTlsPort : kPlainPort;
    if (hasPort) {
        auto parsed = parsePort(shown, portText);
        if (!parsed)
            return parsed.error();
        port = parsed.value();
    }

    Endpoint e;
    e.kind = Endpoint::Kind::Tcp;
    e.host = std::move(host);
    e.port = port;
    e.tls = tls;
    if (tls)
        e.tlsFiles = files;
    return e;
}

std::string hostForUrl(const std::string &host) {
    return host.find(':') != std::string::npos ? "[" + host + "]" : host;
}

} // namespace

Result<Endpoint> Endpoint::parse(const std::string &input, const TlsFiles &tls) {
    std::string_view url = trimmed(input);
    const std::string shown(url);
    if (url.empty())
        return makeError(ErrorKind::InvalidInput, "engine URL is empty");
    for (char c : url) {
        auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7f || c == ' ')
            return invalid(shown, "contains a space or control character");
    }

    if (url.front() == '/')
        return parseUnix(shown, url);

    auto sep = url.find("://");
    if (sep == std::string_view::npos)
        return invalid(shown, "expected unix:///path, tcp://host:port, https://host:port or an "
                              "absolute socket path");
    const std::string scheme = lower(url.substr(0, sep));
    std::string_view rest = url.substr(sep + 3);

    if (scheme == "unix")
        return parseUnix(shown, rest);
    if (scheme == "tcp")
        return parseTcp(shown, rest, tls.enabled(), tls);
    if (scheme == "https")
        return parseTcp(shown, rest, true, tls);
    if (scheme == "http")
        return invalid(shown, "http:// is not accepted: use tcp://host:port for plain TCP or "
                              "https://host:port for TLS");
    if (scheme == "ssh")
        return invalid(shown, "ssh:// is not supported: forward the engine's socket "
                              "(ssh -L) and use tcp:// or unix://");
    if (scheme == "npipe")
        return invalid(shown, "npipe:// (Windows named pipes) is not supported");
    if (scheme == "fd")
        return invalid(shown, "fd:// (socket activation) is not supported");
    return invalid(shown,
                   "unknown scheme \"" + scheme + "://\" (expected unix://, tcp:// or https://)");
}

TlsFiles Endpoint::tlsFromCertPath(const std::string &dir, bool verifyPeer) {
    TlsFiles files;
    files.verifyPeer = verifyPeer;
    if (dir.empty())
        return files;
    std::string base = dir;
    while (base.size() > 1 && base.back() == '/')
        base.pop_back();
    if (base != "/")
        base += '/';
    files.caFile = base + "ca.pem";
    files.certFile = base + "cert.pem";
    files.keyFile = base + "key.pem";
    return files;
}

std::string Endpoint::url() const {
    if (kind == Kind::Unix)
        return "unix://" + socketPath;
    // https:// keeps the TLS choice when the stored URL is parsed again without files.
    return std::string(tls ? "https://" : "tcp://") + hostForUrl(host) + ":" + std::to_string(port);
}

std::string Endpoint::baseUrl() const {
    // curl needs a host in the URL even over a unix socket; the engine ignores it.
    if (kind == Kind::Unix)
        return "http://localhost";
    return std::string(tls ? "https://" : "http://") + hostForUrl(host) + ":" +
           std::to_string(port);
}

} // namespace slipway::engine
