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
    parser.addOption(host);
    parser.addOption(dataDir);
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
    error->clear();
    return cl;
}

QString CommandLine::databasePath() const {
    if (dataDir.isEmpty())
        return core::Store::defaultPath();
    return QDir(dataDir).absoluteFilePath(QStringLiteral("slipway.sqlite"));
}

} // namespace slipway::app
