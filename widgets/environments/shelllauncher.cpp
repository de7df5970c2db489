#include "widgets/environments/shelllauncher.h"

#include <QProcess>
#include <QStandardPaths>

namespace slipway::widgets {

QStringList ShellLauncher::dockerArguments(const core::HostConfig &host,
                                           const QString &containerId) {
    QStringList args{QStringLiteral("-H"), host.url};
    if (!host.caFile.isEmpty() || !host.certFile.isEmpty()) {
        if (host.verifyTls)
            args << QStringLiteral("--tlsverify");
        else
            args << QStringLiteral("--tls");
        if (!host.caFile.isEmpty())
            args << QStringLiteral("--tlscacert") << host.caFile;
        if (!host.certFile.isEmpty())
            args << QStringLiteral("--tlscert") << host.certFile;
        if (!host.keyFile.isEmpty())
            args << QStringLiteral("--tlskey") << host.keyFile;
    }
    // sh is in every image Slipway's templates use; bash is not.
    args << QStringLiteral("exec") << QStringLiteral("-it") << containerId << QStringLiteral("sh");
    return args;
}

QString ShellLauncher::terminal() {
    const QString chosen = qEnvironmentVariable("SLIPWAY_TERMINAL");
    if (!chosen.isEmpty())
        return QStandardPaths::findExecutable(chosen).isEmpty()
                   ? chosen
                   : QStandardPaths::findExecutable(chosen);
    for (const char *name :
         {"x-terminal-emulator", "gnome-terminal", "konsole", "xfce4-terminal", "xterm"}) {
        const QString path = QStandardPaths::findExecutable(QString::fromLatin1(name));
        if (!path.isEmpty())
            return path;
    }
    return {};
}

bool ShellLauncher::open(const core::HostConfig &host, const QString &containerId,
                         QString *command) {
    const QStringList docker =
        QStringList{QStringLiteral("docker")} + dockerArguments(host, containerId);
    QStringList quoted;
    for (const QString &a : docker)
        quoted << (a.contains(QLatin1Char(' ')) ? QLatin1Char('\'') + a + QLatin1Char('\'') : a);
    *command = quoted.join(QLatin1Char(' '));
    const QString term = terminal();
    if (term.isEmpty())
        return false;
    // "-e PROGRAM ARGS..." is what x-terminal-emulator and xterm-likes accept; gnome-terminal
    // wants "--".
    const QStringList args =
        (term.endsWith(QLatin1String("gnome-terminal")) ? QStringList{QStringLiteral("--")}
                                                        : QStringList{QStringLiteral("-e")}) +
        docker;
    return QProcess::startDetached(term, args);
}

} // namespace slipway::widgets
