#include "app/slipway/commandline.h"

#include "core/store/store.h"

#include <QCommandLineParser>
#include <QDir>

namespace slipway::app {

CommandLine CommandLine::parse(const QStringList &arguments, QString *error) {
    CommandLine cl;
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Slipway: a desktop portal for Docker fleets."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption host(
        QStringList{QStringLiteral("host"), QStringLiteral("H")},
        tr("Watch the engine at URL instead of the saved hosts (repeatable): "
           "unix:///path, tcp://host:port or https://host:port."),
        tr("URL"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     tr("Keep Slipway's database in DIR."), tr("DIR"));
    const QCommandLineOption database(
        QStringLiteral("database"),
        tr("Share records with the team in the PostgreSQL database at URL, "
           "postgresql://[USER@]HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE] (default: "
           "SLIPWAY_DATABASE, else the one saved in Slipway). The password comes from "
           "~/.pgpass or is asked, never from the URL."),
        tr("URL"));
    parser.addOption(host);
    parser.addOption(dataDir);
    parser.addOption(database);
    cl.helpText = parser.helpText();
    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return cl;
    }
    cl.helpRequested = parser.isSet(help);
    cl.versionRequested = parser.isSet(version);
    if (!parser.positionalArguments().isEmpty()) {
        *error = tr("Unexpected argument \"%1\"; hosts are given with --host URL.")
                     .arg(parser.positionalArguments().first());
        return cl;
    }
    if (parser.isSet(host)) {
        QList<core::HostConfig> hosts;
        const QStringList urls = parser.values(host);
        for (int i = 0; i < urls.size(); ++i) {
            core::HostConfig h;
            h.id = QStringLiteral("cli:%1").arg(i + 1);
            h.name = urls[i].trimmed();
            h.url = urls[i].trimmed();
            h.source = core::HostConfig::Source::CommandLine;
            const QString problem = h.problem(core::HostConfig::FileCheck::Skip);
            if (!problem.isEmpty()) {
                // The message already quotes the URL.
                *error = tr("--host: %1").arg(problem);
                return cl;
            }
            hosts.append(h);
        }
        cl.hosts = hosts;
    }
    if (parser.isSet(dataDir)) {
        cl.dataDir = parser.value(dataDir);
        if (cl.dataDir.trimmed().isEmpty()) {
            *error = tr("--data-dir needs a directory.");
            return cl;
        }
    }
    if (parser.isSet(database)) {
        cl.database = parser.value(database).trimmed();
        QString why;
        if (!core::TeamUrl::parse(cl.database, &why)) {
            *error = tr("--database: %1").arg(why);
            return cl;
        }
    }
    error->clear();
    return cl;
}

core::StoreLocation CommandLine::storeLocation(const QString &savedTeamUrl) const {
    core::StoreLocation where = core::StoreLocation::fromEnvironment(databasePath());
    if (!database.isEmpty())
        where.teamUrl = database;
    else if (where.teamUrl.isEmpty())
        where.teamUrl = savedTeamUrl.trimmed();
    return where;
}

QString CommandLine::databasePath() const {
    if (dataDir.isEmpty())
        return core::Store::defaultPath();
    return QDir(dataDir).absoluteFilePath(QStringLiteral("slipway.sqlite"));
}

} // namespace slipway::app
