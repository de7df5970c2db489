#include "historycommand.h"

#include "clianswer.h"
#include "clideployer.h"
#include "clitr.h"
#include "textable.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

namespace slipway::cli {

int runHistory(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Lists the deployments of an application, newest first; RESTORABLE says whether "
           "its version can still be rolled back to. Secrets show as KEY=******."));
    CliDeployer::addAppOptions(parser);
    CliDeployer::addOptions(parser, false);
    parser.process(arguments);

    QTextStream out(stdout);
    QTextStream err(stderr);
    QString app, env, why;
    if (!CliDeployer::appAndEnv(parser, QStringLiteral("history"), &app, &env, &why))
        return refuse(err, why);

    CliDeployer session;
    if (!session.open(parser, &why))
        return refuse(err, why);
    const auto answer =
        session.run([&] { return session.deployer()->history(app, env); }, err, true);
    if (!answer.ok || !answer.history) {
        err << "slipctl: " << answer.error << '\n';
        return 1;
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const auto &r : *answer.history) {
            QJsonObject o = recordJson(r);
            // "hosts" holds the engine IDs the record names; these are their names here.
            o[QStringLiteral("hostNames")] = QJsonArray::fromStringList(session.hostNames(r.hosts));
            array.append(o);
        }
        out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return 0;
    }
    TextTable table({tr("ID"), tr("STARTED"), tr("KIND"), tr("VERSION"), tr("DIGEST"),
                     tr("REPLICAS"), tr("HOSTS"), tr("RESULT"), tr("USER"), tr("RESTORABLE"),
                     tr("ENV"), tr("DETAIL")});
    for (const auto &r : *answer.history) {
        QStringList hosts = session.hostNames(r.hosts);
        hosts.removeDuplicates();
        table.addRow({QString::number(r.id), r.startedAt.toLocalTime().toString(Qt::ISODate),
                      core::DeploymentRecord::kindName(r.kind), r.version,
                      shortDigest(r.config.digest), QString::number(r.replicas), hosts.join(u','),
                      core::DeploymentRecord::resultName(r.result), r.osUser,
                      r.restorable ? tr("yes") : tr("no"),
                      r.config.maskedEnv().join(u' '), // secrets as KEY=******
                      r.detail.left(80)});
    }
    table.print(out);
    return 0;
}

} // namespace slipway::cli
