// CliDeployer: the core Deployer for a slipctl command, with the HostMonitor and Inventory it
// needs, run in slipctl's own event loop: waits until the hosts are probed and listed, finishes
// what an earlier run left (recover), then runs one operation to its end.
#pragma once

#include "core/deployer.h"

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

class CliDeployer {
    // lupdate files tr() in these members under the class's context.
    Q_DECLARE_TR_FUNCTIONS(slipway::cli::CliDeployer)

public:
    // Adds --health-timeout and --undo-window to the common options.
    static void addOptions(QCommandLineParser &parser, bool undoWindow);
    // Adds APP and --env, which every application command takes.
    static void addAppOptions(QCommandLineParser &parser);
    // The APP and --env given to `command`, checked; false with `error` naming the problem.
    static bool appAndEnv(const QCommandLineParser &parser, const QString &command, QString *app,
                          QString *env, QString *error);

    CliDeployer();
    ~CliDeployer();

    // Opens the database, starts the hosts and the inventory, waits for them, recovers.
    // False with `error` when that cannot be done.
    bool open(const QCommandLineParser &parser, QString *error);

    core::Deployer *deployer() const { return deployer_.get(); }
    core::HostMonitor *hosts() const { return monitor_.get(); }
    core::Deployer::Options options() const { return options_; }
    // The names of the hosts with these ids, in order; an id no host has as it is.
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

    // After a replacement: removes the old replicas now when the undo window is short
    // (waiting for it), else says when the next run will.
    void finishUndoWindow(const core::DeploymentRecord &record, QTextStream &err, bool quiet);

private:
    std::shared_ptr<core::StoreThread> store_;
    std::unique_ptr<core::HostMonitor> monitor_;
    std::unique_ptr<core::Inventory> inventory_;
    std::unique_ptr<core::Deployer> deployer_;
    core::Deployer::Options options_;
    QString databasePath_;
};

// The record as slipctl's --json prints it; secrets masked ("envVars": "KEY=******") and
// their keys listed ("secret").
QJsonObject recordJson(const core::DeploymentRecord &record);
// "sha256:0123456789ab"
QString shortDigest(const QString &digest);

} // namespace slipway::cli
