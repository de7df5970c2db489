// ProbeSpec: the readiness probe a deployment names ("http://:8080/health", "tcp://:5432"). It
// is sent from inside each replica's own network namespace (ReplicaProbe), so it names a port
// of the replica, never a host.
#pragma once

#include <QString>
#include <optional>

namespace slipway::core {

struct ProbeSpec {
    enum class Kind { Tcp, Http };
    Kind kind = Kind::Tcp;
    int port = 0;
    QString path; // Http only: starts with '/'

    // Refuses anything but tcp://:PORT and http://:PORT[/PATH] (the host may be left out or be
    // 127.0.0.1 or localhost), with `error` naming the problem.
    static std::optional<ProbeSpec> parse(const QString &text, QString *error);
    // The canonical form: "tcp://:5432", "http://:8080/health".
    QString toString() const;

    friend bool operator==(const ProbeSpec &, const ProbeSpec &) = default;
};

} // namespace slipway::core
