// slipctl: Slipway's operations from a shell. `slipctl COMMAND --help` for each command.
#include "adoptcommand.h"
#include "agentcommand.h"
#include "dbcommand.h"
#include "deploycommand.h"
#include "envcommand.h"
#include "historycommand.h"
#include "hostscommand.h"
#include "imagescommand.h"
#include "lockcommand.h"
#include "pscommand.h"
#include "reconcilecommand.h"
#include "resources/translations.h"
#include "rollbackcommand.h"
#include "scalecommand.h"
#include "statscommand.h"
#include "undocommand.h"

#include <QCoreApplication>
#include <QTextStream>

using namespace slipway;

namespace {

int usage(QTextStream &stream, int code) {
    stream << QCoreApplication::translate(
        "slipctl", "Usage: slipctl COMMAND [options]\n\n"
                   "Commands:\n"
                   "  hosts     engines, their versions and load; fails when one is down\n"
                   "  images    images on all hosts: tags, digests, sizes, used by\n"
                   "  ps        containers on all hosts\n"
                   "  stats     CPU, memory, network and disk use per container and host\n"
                   "  deploy    deploy an application version, replacing the running one\n"
                   "  history   the deployments of an application\n"
                   "  rollback  roll an application back to an earlier deployment\n"
                   "  scale     scale an application to N replicas\n"
                   "  undo      bring back what the latest deployment replaced\n"
                   "  adopt     take over replicas an earlier Slipway left without an owner\n"
                   "  lock      who holds an application's lock on the engines\n"
                   "  takeover  take an application's lock from an owner that died\n"
                   "  reconcile pause, resume or show the reconcile of an application\n"
                   "  env       environments from Compose templates (up, down, ls, validate)\n"
                   "  db        the team database: migrate, status, grant, revoke\n"
                   "  agent     run the timed work (recovery, replica counts) until stopped\n\n"
                   "Every command takes --host URL (repeatable), --json, --connect-timeout "
                   "SECONDS (for each host to answer when it is reached; default 10), "
                   "--timeout SECONDS (for the whole command; default none) and --database "
                   "URL (the team's PostgreSQL; default SLIPWAY_DATABASE, else this desk's "
                   "own file).\n"
                   "Run 'slipctl COMMAND --help' for a command's options.\n");
    stream.flush();
    return code;
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    // The same names as the GUI, so both find the same database.
    QCoreApplication::setOrganizationName(QStringLiteral("Slipway"));
    QCoreApplication::setApplicationName(QStringLiteral("slipway"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SLIPWAY_VERSION));
    resources::installTranslations(QLocale::system());

    QStringList args = app.arguments();
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (args.size() < 2)
        return usage(err, 2);
    const QString command = args.takeAt(1);
    args[0] = QStringLiteral("slipctl ") + command;
    if (command == QLatin1String("hosts"))
        return cli::runHosts(args);
    if (command == QLatin1String("ps"))
        return cli::runPs(args);
    if (command == QLatin1String("images"))
        return cli::runImages(args);
    if (command == QLatin1String("stats"))
        return cli::runStats(args);
    if (command == QLatin1String("deploy"))
        return cli::runDeploy(args);
    if (command == QLatin1String("history"))
        return cli::runHistory(args);
    if (command == QLatin1String("rollback"))
        return cli::runRollback(args);
    if (command == QLatin1String("scale"))
        return cli::runScale(args);
    if (command == QLatin1String("undo"))
        return cli::runUndo(args);
    if (command == QLatin1String("adopt"))
        return cli::runAdopt(args);
    if (command == QLatin1String("lock"))
        return cli::runLock(args);
    if (command == QLatin1String("takeover"))
        return cli::runTakeover(args);
    if (command == QLatin1String("reconcile"))
        return cli::runReconcile(args);
    if (command == QLatin1String("env"))
        return cli::runEnv(args);
    if (command == QLatin1String("db"))
        return cli::runDb(args);
    if (command == QLatin1String("agent"))
        return cli::runAgent(args);
    if (command == QLatin1String("--help") || command == QLatin1String("-h") ||
        command == QLatin1String("help"))
        return usage(out, 0);
    if (command == QLatin1String("--version")) {
        out << "slipctl " << SLIPWAY_VERSION << '\n';
        return 0;
    }
    err << QCoreApplication::translate("slipctl", "slipctl: unknown command \"%1\"").arg(command)
        << '\n';
    return usage(err, 2);
}
