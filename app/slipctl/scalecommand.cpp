#include "scalecommand.h"

#include "clianswer.h"
#include "clideployer.h"
#include "clitr.h"

#include <QCoreApplication>
#include <QTextStream>

namespace slipway::cli {

int runScale(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Scales the running version of an application to N replicas: new ones with the same "
           "configuration on the least-loaded hosts, or the newest removed first."));
    CliDeployer::addAppOptions(parser);
    parser.addOption(
        {QStringLiteral("replicas"), tr("How many replicas to have."), QStringLiteral("n")});
    CliDeployer::addPullOption(parser);
    CliDeployer::addOptions(parser, false);
    parser.process(arguments);

    QTextStream out(stdout);
    QTextStream err(stderr);
    QString app, env, why;
    if (!CliDeployer::appAndEnv(parser, QStringLiteral("scale"), &app, &env, &why))
        return refuse(err, why);
    bool ok = false;
    const int replicas = parser.value(QStringLiteral("replicas")).toInt(&ok);
    if (!parser.isSet(QStringLiteral("replicas")) || !ok || replicas < 1)
        return refuse(err, tr("--replicas takes a number of at least 1."));
    const auto pull = CliDeployer::pullPolicy(parser, &why);
    if (!pull)
        return refuse(err, why);

    CliDeployer session;
    if (!session.open(parser, &why))
        return session.openFailed(err, why);
    const bool json = parser.isSet(QStringLiteral("json"));
    const auto answer = session.run(
        [&] { return session.deployer()->scale(app, env, replicas, *pull); }, err, json);
    const int code = printAnswer(
        answer, json, out, err,
        [&] {
            return tr("%1 in %2 runs %3 replica(s) of %4 on %5")
                .arg(app, env)
                .arg(replicas)
                .arg(answer.record.version,
                     session.hostNames(answer.record.hosts).join(QStringLiteral(", ")));
        },
        tr("scale failed: %1").arg(answer.error));
    return session.interrupted() ? CliDeployer::kInterruptedExit : code;
}

} // namespace slipway::cli
