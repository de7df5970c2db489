#include "engine/imagereference.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cctype>
#include <string_view>

namespace slipway::engine {
namespace {

Error invalid(const std::string &text, const std::string &why) {
    return makeError(ErrorKind::InvalidInput, "image reference \"" + text + "\": " + why);
}

bool isLowerAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// A path component: lowercase alphanumerics joined by '.', '_', '__' or runs of '-'.
bool validComponent(const std::string &c) {
    if (c.empty() || !isLowerAlnum(c.front()) || !isLowerAlnum(c.back()))
        return false;
    for (std::size_t i = 0; i < c.size(); ++i) {
        char ch = c[i];
        if (isLowerAlnum(ch) || ch == '-')
            continue;
        if (ch == '.' || ch == '_') {
            // separators may not repeat, except the double underscore
            if (i + 1 < c.size() && (c[i + 1] == '.' || (c[i + 1] == '_' && ch == '.')))
                return false;
            continue;
        }
        return false;
    }
    return true;
}

bool isAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// The reference grammar's domain: dot-separated components of letters, digits and inner '-',
// or an IPv6 address in brackets; then an optional ":port" (1-65535, as a registry's address
// can have). Anything else names no registry anyone can reach ("a:b:c", "host:port").
bool validHost(const std::string &h) {
    std::string_view name = h;
    std::string_view port;
    bool hasPort = false;
    if (!name.empty() && name.front() == '[') {
        const auto close = name.find(']');
        if (close == std::string_view::npos)
            return false;
        const std::string address(name.substr(1, close - 1));
        in6_addr parsed{};
        if (inet_pton(AF_INET6, address.c_str(), &parsed) != 1)
            return false;
        const std::string_view rest = name.substr(close + 1);
        if (!rest.empty() && rest.front() != ':')
            return false;
        hasPort = !rest.empty();
        port = hasPort ? rest.substr(1) : rest;
    } else {
        const auto colon = name.find(':');
        if (colon != std::string_view::npos) {
            hasPort = true;
            port = name.substr(colon + 1);
            name = name.substr(0, colon);
        }
        std::size_t start = 0;
        while (true) {
            const auto dot = name.find('.', start);
            const std::string_view component = name.substr(start, dot - start);
            if (component.empty() || !isAlnum(component.front()) || !isAlnum(component.back()) ||
                !std::all_of(component.begin(), component.end(),
                             [](char c) { return isAlnum(c) || c == '-'; }))
                return false;
            if (dot == std::string_view::npos)
                break;
            start = dot + 1;
        }
    }
    if (!hasPort)
        return true;
    if (port.empty() || port.size() > 5 ||
        !std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return false;
    const int number = std::stoi(std::string(port));
    return number >= 1 && number <= 65535;
}

bool validTag(const std::string &t) {
    if (t.empty() || t.size() > 128)
        return false;
    if (!(std::isalnum(static_cast<unsigned char>(t[0])) || t[0] == '_'))
        return false;
    return std::all_of(t.begin(), t.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-';
    });
}

bool validDigest(const std::string &d) {
    const std::string prefix = "sha256:";
    if (d.compare(0, prefix.size(), prefix) != 0 || d.size() != prefix.size() + 64)
        return false;
    return std::all_of(d.begin() + prefix.size(), d.end(),
                       [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// The first component names a registry when it looks like a host: it has a '.' or a ':', or
// it is "localhost" (the docker CLI's rule).
bool looksLikeHost(const std::string &first) {
    return first.find_first_of(".:") != std::string::npos || first == "localhost";
}

} // namespace

Result<ImageReference> ImageReference::parse(const std::string &text) {
    if (text.empty())
        return invalid(text, "is empty");
    // Each part has its own limit (below); this only stops absurd input early. The whole
    // may not be the limit: a name without a tag gets ":latest", and what str() writes
    // must parse again.
    if (text.size() > 512)
        return invalid(text, "is too long");
    for (char c : text) {
        if (std::isspace(static_cast<unsigned char>(c)) ||
            !std::isprint(static_cast<unsigned char>(c)))
            return invalid(text, "contains white space or a control character");
    }

    ImageReference ref;
    std::string rest = text;
    if (auto at = rest.find('@'); at != std::string::npos) {
        ref.digest = rest.substr(at + 1);
        rest.resize(at);
        if (!validDigest(ref.digest))
            return invalid(text, "digest \"" + ref.digest + "\" is not sha256: and 64 hex digits");
    }
    auto slash = rest.rfind('/');
    auto colon = rest.rfind(':');
    if (colon != std::string::npos && (slash == std::string::npos || colon > slash)) {
        ref.tag = rest.substr(colon + 1);
        rest.resize(colon);
        if (!validTag(ref.tag))
            return invalid(text, "tag \"" + ref.tag +
                                     "\" may hold only letters, digits, '_', '.', '-' (at most "
                                     "128, not starting with '.' or '-')");
    }
    if (rest.empty())
        return invalid(text, "has no repository name");
    if (rest.size() > 255)
        return invalid(text, "repository name is longer than 255 characters");

    std::string path = rest;
    if (auto first = rest.find('/');
        first != std::string::npos && looksLikeHost(rest.substr(0, first))) {
        if (!validHost(rest.substr(0, first)))
            return invalid(text, "registry host \"" + rest.substr(0, first) +
                                     "\" is not a host name, IPv4 or [IPv6] address with an "
                                     "optional :port (1-65535)");
        path = rest.substr(first + 1);
    }
    std::size_t start = 0;
    while (true) {
        auto end = path.find('/', start);
        std::string component = path.substr(start, end == std::string::npos ? end : end - start);
        if (!validComponent(component))
            return invalid(text, "\"" + component +
                                     "\" must be lowercase letters and digits, joined by '.', "
                                     "'_' or '-'");
        if (end == std::string::npos)
            break;
        start = end + 1;
    }
    ref.repository = rest;
    if (ref.tag.empty() && ref.digest.empty())
        ref.tag = "latest";
    return ref;
}

std::string ImageReference::registryHost() const {
    auto first = repository.find('/');
    if (first == std::string::npos)
        return {};
    std::string host = repository.substr(0, first);
    return looksLikeHost(host) ? host : std::string{};
}

std::string ImageReference::str() const {
    std::string s = repository;
    if (!tag.empty())
        s += ":" + tag;
    if (!digest.empty())
        s += "@" + digest;
    return s;
}

} // namespace slipway::engine
