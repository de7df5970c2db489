// CliDeployer: the core Deployer for a slipctl command, with the HostMonitor and Inventory it
// needs, run in slipctl's own event loop: waits until the hosts are probed and listed, finishes
// what an earlier run left (recover), then runs one operation to its end.
#pragma once

#include "core/deploy/deployer.h"
#include "core/store/storelocation.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonObject>
#include <QTextStream>
#include <functional>
#include <memory>

namespace slipway::core {
class HostMonitor;
class Inventory;
class StoreThread;
} // namespace slipway::core

namespace slipway::cli {

class CliSignals;
class Deadline;

class CliDeployer {
    // lupdate files tr() in these members under the class's context.
    Q_DECLARE_TR_FUNCTIONS(slipway::cli::CliDeployer)

public:
    // Adds --health-timeout, --pull-stall-timeout and --undo-window to the common options.
    static void addOptions(QCommandLineParser &parser, bool undoWindow);
    // Adds --pull, for the commands that may pull an image (deploy, rollback, scale).
    static void addPullOption(QCommandLineParser &parser);
    // The --pull given (default missing); nullopt with `error` naming a bad value.
    static std::optional<core::PullPolicy> pullPolicy(const QCommandLineParser &parser,
                                                      QString *error);
    // The exit code of a command that SIGINT or SIGTERM cancelled.
    static constexpr int kInterruptedExit = 130;
    // Adds APP and --env, which every application command takes.
    static void addAppOptions(QCommandLineParser &parser);
    // The APP and --env given to `command`, checked, and every numeric option
    // (checkNumericOptions); false with `error` naming the problem.
    static bool appAndEnv(const QCommandLineParser &parser, const QString &command, QString *app,
                          QString *env, QString *error);

    CliDeployer();
    ~CliDeployer();

    // Opens the database, starts the hosts and the inventory, waits for them, recovers.
    // False with `error` when that cannot be done. From here on SIGINT and SIGTERM cancel the
    // operation under way (it cleans up, then the command ends with kInterruptedExit).
    bool open(const QCommandLineParser &parser, QString *error);

    core::Deployer *deployer() const { return deployer_.get(); }
    core::HostMonitor *hosts() const { return monitor_.get(); }
    core::Inventory *inventory() const { return inventory_.get(); }
    std::shared_ptr<core::StoreThread> store() const { return store_; }
    // Spins the event loop until `done` holds (true) or `timeout` passes (false).
    static bool spin(const std::function<bool()> &done, std::chrono::milliseconds timeout);
    core::Deployer::Options options() const { return options_; }
    // The names of the hosts with these ids or engine IDs (records name hosts by the engine's
    // ID), in order; an id no host has as it is (an old record's, a host not here).
    QStringList hostNames(const QStringList &ids) const;

    // Runs `start` (which returns the request) and the event loop until finished() or the
    // answer for that request arrives; progress goes to `err` unless `quiet`.
    struct Answer {
        bool ok = false;
        QString error;
        core::DeploymentRecord record;
        std::optional<core::RollbackPlan> plan;
        std::optional<core::DeploymentHistory> history;
    };
    Answer run(const std::function<quint64()> &start, QTextStream &err, bool quiet);
    // SIGINT or SIGTERM came: the command stops after what runs has cleaned up.
    bool interrupted() const { return interrupted_; }
    // For a failed open(): says why and returns the exit code (kInterruptedExit after a
    // signal, else refuse()'s).
    int openFailed(QTextStream &err, const QString &why) const;

    // After a replacement: removes the old replicas now when the undo window is short
    // (waiting for it), else says when the next run will.
    void finishUndoWindow(const core::DeploymentRecord &record, QTextStream &err, bool quiet);

private:
    std::shared_ptr<core::StoreThread> store_;
    std::unique_ptr<core::HostMonitor> monitor_;
    std::unique_ptr<core::Inventory> inventory_;
    std::unique_ptr<core::Deployer> deployer_;
    core::Deployer::Options options_;
    core::StoreLocation location_;
    std::unique_ptr<CliSignals> signals_;
    bool interrupted_ = false;
    quint64 request_ = 0;                // the operation run() waits for
    std::unique_ptr<Deadline> deadline_; // --timeout, from open()
};

// The record as slipctl's --json prints it; secrets masked ("envVars": "KEY=******") and
// their keys listed ("secret").
QJsonObject recordJson(const core::DeploymentRecord &record);
// "sha256:0123456789ab"
QString shortDigest(const QString &digest);

} // namespace slipway::cli
