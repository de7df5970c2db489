// Endpoint: where a Docker engine listens and how to reach it (unix socket, TCP, TLS).
#pragma once

#include "engine/result.h"

#include <string>

namespace slipway::engine {

struct TlsFiles {
    std::string caFile;   // verifies the engine's certificate; empty = system CAs
    std::string certFile; // client certificate, with keyFile
    std::string keyFile;
    bool verifyPeer = true; // false only when the user turned verification off for this host

    bool enabled() const { return !caFile.empty() || !certFile.empty() || !keyFile.empty(); }
};

struct Endpoint {
    enum class Kind { Unix, Tcp };

    Kind kind = Kind::Unix;
    std::string socketPath; // Kind::Unix
    std::string host;       // Kind::Tcp
    int port = 0;           // Kind::Tcp
    bool tls = false;       // https to host:port, with `tlsFiles`
    TlsFiles tlsFiles;

    // Accepts unix:///path, tcp://host:port (port defaults to 2375, or 2376 with TLS),
    // https://host:port, and a bare absolute path. `tls` set means TLS for tcp://.
    static Result<Endpoint> parse(const std::string &url, const TlsFiles &tls = {});

    // The DOCKER_CERT_PATH layout: ca.pem, cert.pem, key.pem in one directory.
    static TlsFiles tlsFromCertPath(const std::string &dir, bool verifyPeer = true);

    // Canonical form for display and storage: unix:///path, tcp://host:port, or
    // https://host:port when `tls` (so that parsing it again keeps TLS on).
    std::string url() const;
    // The base URL curl is given: http://localhost for unix sockets, http(s)://host:port else.
    std::string baseUrl() const;
};

} // namespace slipway::engine
