// What slipctl's container listings over every host (ps, stats) share: the --app, --env and
// --host-name options, narrowing the hosts to --host-name, and how the answer is printed.
#pragma once

#include "clihosts.h"
#include "textable.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QList>
#include <QTextStream>

namespace slipway::engine {
struct ContainerSummary;
}

namespace slipway::cli {

// Adds --app and --env: containers labelled slipway.app / slipway.env, any of those given.
void addAppEnvOptions(QCommandLineParser &parser);
void addHostNameOption(QCommandLineParser &parser);

// Keeps the hosts --host-name names (all when it is not given); false, with `error`, when one
// of the names is not a configured host.
bool keepNamedHosts(const QCommandLineParser &parser, QList<CliHost> *hosts, QString *error);

// The value of the container's label `key`; empty when it has none.
QString containerLabel(const engine::ContainerSummary &c, const char *key);

// "slipctl: host NAME (URL): PROBLEM" on `err`.
void printHostProblem(QTextStream &err, const CliHost &host, const QString &problem);

// Prints `json` with --json, else the tables a blank line apart, after what went to `err`.
// Returns the exit code: 1 when a host failed.
int printListing(const QCommandLineParser &parser, QTextStream &out, QTextStream &err,
                 const QJsonDocument &json, const QList<TextTable> &tables, int failures);

} // namespace slipway::cli
