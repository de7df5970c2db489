// CommandLine: what `slipway [--host URL]... [--data-dir DIR] [--database URL]` asks for.
#pragma once

#include "core/fleet/hostconfig.h"
#include "core/store/storelocation.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace slipway::app {

struct CommandLine {
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    std::optional<QList<core::HostConfig>> hosts; // --host: these instead of the saved ones
    QString dataDir;                              // --data-dir: where slipway.sqlite lives
    QString database;                             // --database: the team's PostgreSQL URL
    bool helpRequested = false;
    bool versionRequested = false;
    QString helpText;

    // Null `error` on success; a message naming the bad argument otherwise.
    static CommandLine parse(const QStringList &arguments, QString *error);

    QString databasePath() const; // in dataDir, else the Store's default
    // The desk's file and the team database: --database, else SLIPWAY_DATABASE, else the one
    // saved in the team database dialog (`savedTeamUrl`).
    core::StoreLocation storeLocation(const QString &savedTeamUrl) const;
};

} // namespace slipway::app
