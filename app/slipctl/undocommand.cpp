#include "undocommand.h"

#include "clideployer.h"
#include "clitr.h"

#include <QCoreApplication>
#include <QJsonDocument>
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
    if (!CliDeployer::appAndEnv(parser, QStringLiteral("undo"), &app, &env, &why)) {
        err << "slipctl: " << why << '\n';
        return 2;
    }
    CliDeployer session;
    if (!session.open(parser, &why)) {
        err << "slipctl: " << why << '\n';
        return 2;
    }
    const bool json = parser.isSet(QStringLiteral("json"));
    const auto answer = session.run([&] { return session.deployer()->undo(app, env); }, err, json);
    if (json) {
        QJsonObject o = recordJson(answer.record);
        o[QStringLiteral("ok")] = answer.ok;
        o[QStringLiteral("error")] = answer.error;
        out << QJsonDocument(o).toJson(QJsonDocument::Indented);
    } else if (answer.ok) {
        out << tr("%1 in %2 runs %3 again (%4)")
                   .arg(app, env, answer.record.version, answer.record.detail)
            << '\n';
    }
    if (!answer.ok)
        err << "slipctl: " << tr("undo failed: %1").arg(answer.error) << '\n';
    return answer.ok ? 0 : 1;
}

} // namespace slipway::cli
