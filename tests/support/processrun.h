// Running a program as a user would (slipctl, the docker CLI) from a test: a clean docker
// environment, a bound on the time it may take, and its exit code and output.
#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <chrono>

namespace slipway::test {

struct ProcessRun {
    int exitCode = -1;
    bool finished = false; // false: killed at the time limit
    QByteArray out;
    QByteArray err;
};

// The system environment without DOCKER_HOST, DOCKER_TLS_VERIFY, DOCKER_TLS, DOCKER_CERT_PATH,
// DOCKER_CONFIG and DOCKER_CONTEXT, with HOME and XDG_DATA_HOME inside `home`, so that
// neither the user's docker setup nor saved hosts leak into a test; `extra` added last.
QProcessEnvironment cleanEnvironment(const QString &home, const QProcessEnvironment &extra = {});

// Runs `program` with `env` and waits at most `limit` (then kills it).
ProcessRun runProcess(const QString &program, const QStringList &args,
                      const QProcessEnvironment &env,
                      std::chrono::milliseconds limit = std::chrono::seconds(120));

} // namespace slipway::test
