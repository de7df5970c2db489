// HostConfig: one Docker engine the user wants to see, where that entry came from, and how to
// reach it.
#pragma once

#include <QCoreApplication>
#include <QMetaType>
#include <QString>

namespace slipway::core {

struct HostConfig {
    Q_DECLARE_TR_FUNCTIONS(HostConfig)

public:
    // Environment: DOCKER_HOST; DockerContext: the docker CLI's contexts; LocalSocket: the
    // fallback /var/run/docker.sock; User: saved in the Store; CommandLine: --host, not saved.
    enum class Source { Environment, DockerContext, LocalSocket, User, CommandLine };
    // Checking that the TLS files exist reads the disk, which the GUI thread must not do; it
    // skips them for its instant feedback and leaves the full check to a worker.
    enum class FileCheck { Check, Skip };

    QString id; // "env", "context:<name>", "local", "cli:<n>", or a UUID for user hosts
    QString name;
    QString url;
    QString caFile, certFile, keyFile;
    bool verifyTls = true;
    Source source = Source::User;

    // Empty when the URL and the TLS files are usable, else what is wrong, naming it. The
    // endpoint itself is core's and slipctl's business (hostendpoint.h).
    QString problem(FileCheck files = FileCheck::Check) const;

    // Saved in the Store (editable, removable) rather than found in the environment.
    bool isUserHost() const { return source == Source::User; }

    static QString newUserId();               // a fresh UUID without braces
    static QString sourceName(Source source); // for people: "saved", "DOCKER_HOST", ...

    friend bool operator==(const HostConfig &, const HostConfig &) = default;
};

} // namespace slipway::core

Q_DECLARE_METATYPE(slipway::core::HostConfig)
