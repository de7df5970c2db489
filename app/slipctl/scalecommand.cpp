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
    CliDeployer::addOptions(parser, false);
    parser.process(arguments);

    QTextStream out(stdout);
    QTextStream err(stderr);
    const auto refuse = [&](const QString &why) {
        err << "slipctl: " << why << '\n';
        return 2;
    };
    QString app, env, why;
    if (!CliDeployer::appAndEnv(parser, QStringLiteral("scale"), &app, &env, &why))
        return refuse(why);
    bool ok = false;
    const int replicas = parser.value(QStringLiteral("replicas")).toInt(&ok);
    if (!parser.isSet(QStringLiteral("replicas")) || !ok || replicas < 1)
        return refuse(tr("--replicas takes a number of at least 1."));

    CliDeployer session;
    if (!session.open(parser, &why))
        return refuse(why);
    const bool json = parser.isSet(QStringLiteral("json"));
    const auto answer =
        session.run([&] { return session.deployer()->scale(app, env, replicas); }, err, json);
    return printAnswer(
        answer, json, out, err,
        [&] {
            QStringList hosts;
            for (const QString &id : std::as_const(answer.record.hosts))
                hosts.append(session.hostName(id));
            return tr("%1 in %2 runs %3 replica(s) of %4 on %5")
                .arg(app, env)
                .arg(replicas)
                .arg(answer.record.version, hosts.join(QStringLiteral(", ")));
        },
        tr("scale failed: %1").arg(answer.error));
}

} // namespace slipway::cli
