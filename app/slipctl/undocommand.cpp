#include "undocommand.h"

#include "clianswer.h"
#include "clideployer.h"
#include "clitr.h"

#include <QCoreApplication>
#include <QTextStream>

namespace slipway::cli {

int runUndo(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Undoes the latest deployment, rollback or undo of an application while its undo "
           "window is open: starts the replicas it stopped again (no pull, no new containers), "
           "waits until they are healthy, then stops the current ones."));
    CliDeployer::addAppOptions(parser);
    CliDeployer::addOptions(parser, true);
    parser.process(arguments);

    QTextStream out(stdout);
    QTextStream err(stderr);
    QString app, env, why;
    if (!CliDeployer::appAndEnv(parser, QStringLiteral("undo"), &app, &env, &why))
        return refuse(err, why);

    CliDeployer session;
    if (!session.open(parser, &why))
        return session.openFailed(err, why);
    const bool json = parser.isSet(QStringLiteral("json"));
    const auto answer = session.run([&] { return session.deployer()->undo(app, env); }, err, json);
    // Undo retires the replicas it replaces, as a deploy does: the same window applies.
    if (answer.ok)
        session.finishUndoWindow(answer.record, err, json);
    const int code = printAnswer(
        answer, json, out, err,
        [&] {
            return tr("%1 in %2 runs %3 again (%4)")
                .arg(app, env, answer.record.version, answer.record.detail);
        },
        tr("undo failed: %1").arg(answer.error));
    return session.interrupted() ? CliDeployer::kInterruptedExit : code;
}

} // namespace slipway::cli
