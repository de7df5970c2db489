// The hosts a slipctl command works on: the --host URLs when given, else the same list the GUI
// shows (saved hosts, DOCKER_HOST, docker contexts, the local socket), plus one engine client
// for each.
#pragma once

#include "core/fleet/hostconfig.h"
#include "core/fleet/hostmonitor.h"
#include "core/store/storelocation.h"

#include <QCommandLineParser>
#include <QList>
#include <chrono>
#include <memory>

namespace slipway::engine {
class DockerClient;
}

namespace slipway::cli {

struct CliHost {
    core::HostConfig config;
    std::shared_ptr<engine::DockerClient> client; // null when the config is invalid
    QString invalid;                              // why there is no client
};

// A full list of a host's containers or images: thousands over a slow link take far longer
// than reaching the host (the GUI's inventory gives them the same minute).
inline constexpr std::chrono::milliseconds kListTimeout{60000};
// --connect-timeout when not given.
inline constexpr std::chrono::milliseconds kDefaultReachTimeout{10000};

// Adds what every command takes: --help, --json, --host, --data-dir, --connect-timeout and
// --timeout (the whole command: see Deadline).
void addCommonOptions(QCommandLineParser &parser);
// The database --data-dir names (its slipway.sqlite), else the GUI's.
QString databasePath(const QCommandLineParser &parser);
// The desk's file (--data-dir) and the team database (--database, else SLIPWAY_DATABASE).
core::StoreLocation storeLocation(const QCommandLineParser &parser);
void addDatabaseOption(QCommandLineParser &parser);

// Resolves the hosts; on a problem that stops the command (the database cannot be opened,
// no host is configured at all), returns an empty list and sets `error`.
QList<CliHost> resolveHosts(const QCommandLineParser &parser, QString *error);

// The --host URLs as hosts, with TLS from DOCKER_TLS_VERIFY / DOCKER_TLS / DOCKER_CERT_PATH
// as the docker CLI's -H takes them.
QList<core::HostConfig> commandLineHosts(const QCommandLineParser &parser);

// A HostMonitor's options for a command: --connect-timeout bounds each probe and connect,
// --host replaces the saved and discovered hosts.
core::HostMonitor::Options hostMonitorOptions(const QCommandLineParser &parser);

// Says on stderr, once per host, that a plain tcp:// host is reached without TLS.
void warnPlainTcp(const QList<core::HostConfig> &hosts);

// "name (url)", or just the URL when that is the name, for error lines.
QString hostLabel(const core::HostConfig &host);

// --connect-timeout: how long each host has to answer when it is reached.
std::chrono::milliseconds connectTimeoutOption(const QCommandLineParser &parser);
// Bounds reaching `client`'s engine (connecting, and the API version check it starts now) by
// `limit`; the calls after that keep limits of their own.
void reachWithin(engine::DockerClient &client, std::chrono::milliseconds limit);

} // namespace slipway::cli
