// SecretResolver: finds the value of each secret of a deployment again, at every change that
// creates replicas (deploy, rollback, scale out), since Slipway never stores one. In order:
//  1. the values given for this change (slipctl's --secret-env, a pattern --env-var, the deploy
//     dialog's secret rows), then the environment of the process (slipctl's or Slipway's);
//  2. the secrets file, $XDG_CONFIG_HOME/slipway/secrets.env (~/.config/slipway/secrets.env),
//     refused while group or others may read or write it;
//  3. the value the running replicas of the same application and environment use now (their
//     container config), so a scale or a rollback works without entering it again.
// Nothing found: the change is refused before anything is created, naming the key.
#pragma once

#include "core/deploy/rolloutsteps.h"
#include "core/deploy/secretenv.h"

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <functional>

namespace slipway::core {

class SecretResolver {
    Q_DECLARE_TR_FUNCTIONS(SecretResolver)

public:
    // $XDG_CONFIG_HOME/slipway/secrets.env, or ~/.config/slipway/secrets.env.
    static QString defaultFile();

    // The values the secrets file at `path` gives `app` in `env`: "KEY=VALUE" lines ('#'
    // starts a comment line; the value is everything after the first '=', as written). Lines
    // before any section hold for every application; those under "[app/env]" for that one
    // only, and win. No file: no values. False, with `error`, when group or others may read or
    // write it, when it is not the user's own, or when it cannot be read.
    static bool readFile(const QString &path, const QString &app, const QString &env,
                         SecretValues *out, QString *error);

    struct Sources {
        QString app;
        QString env;
        SecretValues given; // this change's own values
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        QString file = defaultFile();
        // The values running replicas use now, for the keys still missing; may be empty.
        std::function<SecretValues(const QStringList &missing)> running;
    };
    // A value for each of `keys` from the first source that has it. False with `error` naming
    // every key nothing gave a value for and the places to put one, or the secrets file's
    // problem.
    static bool resolve(const QStringList &keys, const Sources &sources, SecretValues *out,
                        QString *error);

    // The values of `keys` in the container config of the running ones of `replicas` (asked
    // in order until every key has one), on the hosts of `hosts`. Blocks on engine calls.
    static SecretValues inUse(const QList<DeployHost> &hosts, const QList<Replica> &replicas,
                              const QStringList &keys);
};

} // namespace slipway::core
