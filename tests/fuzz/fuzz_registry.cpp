// A registry's replies, which come from any registry a user names: the tag list and the token
// server's answer (engine/parse.cpp), and the WWW-Authenticate and Link headers
// (engine/registryclient.cpp). The first byte picks the parser (modulo 4), the rest is the
// reply. Beyond "no crash, no leak, no undefined behaviour": a refusal is a Parse error with a
// message; what is accepted, written again in the form it came in, reads back the same.
#include "engine/parse.h"
#include "engine/registryclient.h"

#include <climits>
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

using namespace slipway::engine;

namespace {

template <class T> void checkRefusal(const Result<T> &r) {
    if (!r.ok() && (r.error().kind != ErrorKind::Parse || r.error().message.empty()))
        std::abort();
}

std::string quoted(const std::string &value) {
    std::string out = "\"";
    for (char c : value) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + "\"";
}

// The challenges written back as one header: scheme k="v", k="v", scheme ...
std::string header(const std::vector<AuthChallenge> &challenges) {
    std::string out;
    for (const AuthChallenge &c : challenges) {
        out += (out.empty() ? "" : ", ") + c.scheme;
        bool first = true;
        for (const auto &[name, value] : c.params) {
            out += (first ? " " : ", ") + name + "=" + quoted(value);
            first = false;
        }
    }
    return out;
}

bool lowerCase(const std::string &s) {
    for (char c : s)
        if (c >= 'A' && c <= 'Z')
            return false;
    return true;
}

void tags(std::string_view text) {
    auto r = parse::registryTags(text);
    checkRefusal(r);
    if (!r.ok())
        return;
    // The same list, written as a registry would, parses to the same list.
    const std::string again = nlohmann::json{{"name", "x"}, {"tags", r.value()}}.dump(
        -1, ' ', false, nlohmann::json::error_handler_t::strict);
    auto back = parse::registryTags(again);
    if (!back.ok() || back.value() != r.value())
        std::abort();
}

void token(std::string_view text) {
    auto r = parse::registryToken(text);
    checkRefusal(r);
    if (!r.ok())
        return;
    const parse::RegistryToken &t = r.value();
    if (t.token.empty() || t.expiresIn < 1)
        std::abort();
    const std::string again = nlohmann::json{{"token", t.token}, {"expires_in", t.expiresIn}}.dump(
        -1, ' ', false, nlohmann::json::error_handler_t::strict);
    auto back = parse::registryToken(again);
    if (!back.ok() || back.value().token != t.token || back.value().expiresIn != t.expiresIn)
        std::abort();
}

void challenges(std::string_view text) {
    const auto parsed = parseChallenges(text);
    for (const AuthChallenge &c : parsed) {
        if (c.scheme.empty() || !lowerCase(c.scheme))
            std::abort();
        for (const auto &[name, value] : c.params)
            if (!lowerCase(name))
                std::abort();
    }
    const auto back = parseChallenges(header(parsed));
    if (back.size() != parsed.size())
        std::abort();
    for (std::size_t i = 0; i < parsed.size(); ++i)
        if (back[i].scheme != parsed[i].scheme || back[i].params != parsed[i].params)
            std::abort();
}

void link(std::string_view text) {
    // The input as a path: a relative link is followed as it is, an absolute one to the same
    // path on this registry, whatever the path holds (a query may quote a URL).
    if (!text.empty() && text.front() == '/' && text.find('>') == std::string_view::npos) {
        const std::string path(text);
        if (nextLinkTarget("<" + path + ">; rel=\"next\"") != path ||
            nextLinkTarget("<https://registry.example:5000" + path + ">; rel=next") != path)
            std::abort();
    }
    const std::string next = nextLinkTarget(text);
    if (next.empty())
        return;
    // Never past the link's closing '>', and never another server: what an absolute link
    // leaves is a path on this registry.
    if (next.find('>') != std::string::npos)
        std::abort();
    // The target given back as a relative link is taken as it is.
    if (nextLinkTarget("<" + next + ">; rel=\"next\"") != next)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    if (size == 0)
        return 0;
    const std::string_view text(reinterpret_cast<const char *>(data + 1), size - 1);
    switch (data[0] % 4) {
    case 0:
        tags(text);
        break;
    case 1:
        token(text);
        break;
    case 2:
        challenges(text);
        break;
    default:
        link(text);
        break;
    }
    return 0;
}
