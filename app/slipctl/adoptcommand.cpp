#include "adoptcommand.h"

#include "clianswer.h"
#include "clideployer.h"
#include "clitr.h"

#include <QCoreApplication>
#include <QTextStream>

namespace slipway::cli {

int runAdopt(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Takes over the running replicas of an application that an earlier Slipway deployed "
           "(their labels carry only a deployment number, no database): this database records "
           "them as its own, audited, and its next deploy, rollback or scale retires them as "
           "usual. Replicas another Slipway database owns are never adopted."));
    CliDeployer::addAppOptions(parser);
    CliDeployer::addOptions(parser, false);
    parser.process(arguments);

    QTextStream out(stdout);
    QTextStream err(stderr);
    QString app, env, why;
    if (!CliDeployer::appAndEnv(parser, QStringLiteral("adopt"), &app, &env, &why))
        return refuse(err, why);

    CliDeployer session;
    if (!session.open(parser, &why))
        return session.openFailed(err, why);
    const bool json = parser.isSet(QStringLiteral("json"));
    const auto answer = session.run([&] { return session.deployer()->adopt(app, env); }, err, json);
    const int code = printAnswer(
        answer, json, out, err,
        [&] {
            return tr("%1 in %2: deployment #%3 adopts %4 replica(s) of %5 (%6)")
                .arg(app, env)
                .arg(answer.record.id)
                .arg(answer.record.replicas)
                .arg(answer.record.version, answer.record.detail);
        },
        tr("adopt failed: %1").arg(answer.error));
    return session.interrupted() ? CliDeployer::kInterruptedExit : code;
}

} // namespace slipway::cli
