#include "engine/imagereference.h"

#include <algorithm>
#include <cctype>

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

bool validHost(const std::string &h) {
    if (h.empty())
        return false;
    return std::all_of(h.begin(), h.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':' ||
               c == '[' || c == ']';
    });
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
    if (text.size() > 255 + 64 + 135)
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

    std::string path = rest;
    if (auto first = rest.find('/');
        first != std::string::npos && looksLikeHost(rest.substr(0, first))) {
        if (!validHost(rest.substr(0, first)))
            return invalid(text, "registry host \"" + rest.substr(0, first) + "\" is not valid");
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
