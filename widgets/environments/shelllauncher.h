// ShellLauncher: "Shell" on a container: a terminal window running `docker exec -it` against
// the container's host (its URL and TLS files), as Docker Desktop opens one; when no terminal
// program is found, the command to paste into one.
#pragma once

#include "core/fleet/hostconfig.h"

#include <QCoreApplication>
#include <QStringList>

namespace slipway::widgets {

class ShellLauncher {
    Q_DECLARE_TR_FUNCTIONS(ShellLauncher)

public:
    // docker's arguments for an interactive shell in `containerId` on `host`.
    static QStringList dockerArguments(const core::HostConfig &host, const QString &containerId);
    // The terminal to run it in: $SLIPWAY_TERMINAL, else x-terminal-emulator (Debian's
    // alternatives), else the first of a few common ones on PATH; empty when there is none.
    static QString terminal();
    // Starts the terminal detached; false with `command` set to the line to paste when there
    // is no terminal or it would not start.
    static bool open(const core::HostConfig &host, const QString &containerId, QString *command);
};

} // namespace slipway::widgets
