#include "engine/dockerconfig.h"

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace slipway::engine {

namespace {

using nlohmann::json;

// config.json is the user's own file, but a few KiB in practice: refuse anything absurd.
constexpr std::size_t kMaxConfigBytes = std::size_t{4} << 20;

// "https://index.docker.io/v1/" -> "docker.io"; "http://Host:5000/v2/" -> "host:5000".
std::string normalizeHost(std::string_view key) {
    if (auto sep = key.find("://"); sep != std::string_view::npos)
        key = key.substr(sep + 3);
    if (auto slash = key.find('/'); slash != std::string_view::npos)
        key = key.substr(0, slash);
    std::string host(key);
    for (char &c : host)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    if (host.empty() || host == "index.docker.io" || host == "registry-1.docker.io" ||
        host == "registry.hub.docker.com")
        return "docker.io";
    return host;
}

std::string stringField(const json &object, const char *name) {
    auto it = object.find(name);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

} // namespace

std::string DockerConfig::defaultPath() {
    if (const char *dir = std::getenv("DOCKER_CONFIG"); dir && *dir)
        return std::string(dir) + "/config.json";
    if (const char *home = std::getenv("HOME"); home && *home)
        return std::string(home) + "/.docker/config.json";
    return {};
}

Result<DockerConfig> DockerConfig::load(const std::string &path) {
    if (path.empty())
        return DockerConfig{};
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return DockerConfig{}; // no file: no credentials, as for the docker CLI
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad())
        return makeError(ErrorKind::Transport, path + ": could not be read");
    const std::string body = text.str();
    if (body.size() > kMaxConfigBytes)
        return makeError(ErrorKind::Parse, path + ": larger than 4 MiB, not a docker config");
    auto parsed = parse(body);
    if (!parsed)
        return makeError(ErrorKind::Parse, path + ": " + parsed.error().message);
    return parsed;
}

Result<DockerConfig> DockerConfig::parse(std::string_view text) {
    // The file is small and flat: anything nested deeper than it ever is is dropped while
    // parsing, so a hostile file cannot build a structure whose destruction recurses deeply.
    json doc = json::parse(
        text, [](int depth, json::parse_event_t, json &) { return depth <= 16; }, false);
    if (doc.is_discarded())
        return makeError(ErrorKind::Parse, "not valid JSON");
    if (!doc.is_object())
        return makeError(ErrorKind::Parse, "expected a JSON object at the top");
    DockerConfig config;
    config.credsStore_ = stringField(doc, "credsStore");
    if (auto helpers = doc.find("credHelpers"); helpers != doc.end() && helpers->is_object()) {
        for (auto it = helpers->begin(); it != helpers->end(); ++it)
            if (it->is_string())
                config.credHelpers_[normalizeHost(it.key())] = it->get<std::string>();
    }
    if (auto auths = doc.find("auths"); auths != doc.end()) {
        if (!auths->is_object())
            return makeError(ErrorKind::Parse, "\"auths\" is not an object");
        for (auto it = auths->begin(); it != auths->end(); ++it) {
            if (!it->is_object())
                continue;
            RegistryCredentials entry;
            const std::string auth = stringField(*it, "auth");
            if (!auth.empty()) {
                auto decoded = decodeBase64(auth);
                if (!decoded)
                    return makeError(ErrorKind::Parse, "\"auths\" entry \"" + it.key() +
                                                           "\": \"auth\" is not base64");
                auto colon = decoded->find(':');
                if (colon == std::string::npos)
                    return makeError(ErrorKind::Parse, "\"auths\" entry \"" + it.key() +
                                                           "\": \"auth\" is not user:password");
                entry.username = decoded->substr(0, colon);
                entry.password = decoded->substr(colon + 1);
            } else {
                entry.username = stringField(*it, "username");
                entry.password = stringField(*it, "password");
            }
            entry.identityToken = stringField(*it, "identitytoken");
            config.auths_[normalizeHost(it.key())] = std::move(entry);
        }
    }
    return config;
}

CredentialLookup DockerConfig::lookup(const std::string &registryHost) const {
    const std::string host = normalizeHost(registryHost);
    CredentialLookup result;
    if (auto helper = credHelpers_.find(host);
        helper != credHelpers_.end() && !helper->second.empty()) {
        result.helper = helper->second;
        result.helperSource = "credHelpers";
        return result;
    }
    // With a store, `docker login` leaves an empty entry here; one with credentials in it was
    // written by hand or by another tool, and is what the user meant.
    if (auto entry = auths_.find(host); entry != auths_.end() && !entry->second.empty()) {
        result.credentials = entry->second;
        return result;
    }
    if (!credsStore_.empty()) {
        result.helper = credsStore_;
        result.helperSource = "credsStore";
    }
    return result;
}

std::string DockerConfig::helperServerAddress(const std::string &registryHost) {
    const std::string host = normalizeHost(registryHost);
    return host == "docker.io" ? std::string("https://index.docker.io/v1/") : host;
}

std::optional<std::string> decodeBase64(std::string_view text) {
    auto value = [](char c) -> int {
        if (c >= 'A' && c <= 'Z')
            return c - 'A';
        if (c >= 'a' && c <= 'z')
            return c - 'a' + 26;
        if (c >= '0' && c <= '9')
            return c - '0' + 52;
        if (c == '+')
            return 62;
        if (c == '/')
            return 63;
        return -1;
    };
    while (!text.empty() && text.back() == '=')
        text.remove_suffix(1);
    if (text.size() % 4 == 1)
        return std::nullopt;
    std::string out;
    out.reserve(text.size() * 3 / 4);
    unsigned buffer = 0;
    int bits = 0;
    for (char c : text) {
        const int v = value(c);
        if (v < 0)
            return std::nullopt;
        buffer = (buffer << 6) | static_cast<unsigned>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((buffer >> bits) & 0xff);
        }
    }
    return out;
}

std::string encodeBase64(std::string_view bytes) {
    static constexpr char alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        const unsigned n = (static_cast<unsigned char>(bytes[i]) << 16) |
                           (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                           static_cast<unsigned char>(bytes[i + 2]);
        out += alphabet[(n >> 18) & 63];
        out += alphabet[(n >> 12) & 63];
        out += alphabet[(n >> 6) & 63];
        out += alphabet[n & 63];
    }
    if (i < bytes.size()) {
        unsigned n = static_cast<unsigned char>(bytes[i]) << 16;
        if (i + 1 < bytes.size())
            n |= static_cast<unsigned char>(bytes[i + 1]) << 8;
        out += alphabet[(n >> 18) & 63];
        out += alphabet[(n >> 12) & 63];
        out += i + 1 < bytes.size() ? alphabet[(n >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

} // namespace slipway::engine
