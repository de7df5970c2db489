#include "reconcilecommand.h"

#include "clianswer.h"
#include "clideployer.h"
#include "clihosts.h"
#include "clioptions.h"
#include "clitr.h"
#include "core/deploy/jobs/appchange.h"
#include "core/deploy/reconcilesettings.h"
#include "core/store/store.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace slipway::cli {

int runReconcile(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Pauses, resumes or shows the reconcile of an application: while it is paused, "
           "Slipway does not start again or replace replicas that stopped or went away, so they "
           "can be worked on by hand."));
    parser.addPositionalArgument(QStringLiteral("action"), tr("pause, resume or status."));
    parser.addPositionalArgument(QStringLiteral("app"), tr("The application (label slipway.app)."));
    parser.addOption({QStringLiteral("env"), tr("The environment (label slipway.env)."),
                      QStringLiteral("name")});
    parser.addOption({QStringLiteral("if-version"),
                      tr("Pause or resume only if the setting is still at this version (as "
                         "status --json showed it; 0: never set): a change someone made since "
                         "is not overwritten, and the command fails saying what it is now."),
                      QStringLiteral("n")});
    addCommonOptions(parser);
    parser.process(arguments);

    QTextStream out(stdout);
    QTextStream err(stderr);
    QString why;
    if (!checkNumericOptions(parser, &why))
        return refuse(err, why);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2)
        return refuse(err, tr("reconcile takes an action (pause, resume or status) and one "
                              "application name (see --help)."));
    const QString action = positional[0];
    if (action != QLatin1String("pause") && action != QLatin1String("resume") &&
        action != QLatin1String("status"))
        return refuse(
            err, tr("unknown reconcile action \"%1\": use pause, resume or status.").arg(action));
    if (!parser.isSet(QStringLiteral("env")))
        return refuse(err, tr("--env is required."));
    int readVersion = -1;
    if (parser.isSet(QStringLiteral("if-version"))) {
        bool number = false;
        readVersion = parser.value(QStringLiteral("if-version")).toInt(&number);
        if (!number || readVersion < 0)
            return refuse(err, tr("--if-version takes a version number (0 or more), not \"%1\".")
                                   .arg(parser.value(QStringLiteral("if-version"))));
    }
    const QString app = positional[1];
    const QString env = parser.value(QStringLiteral("env"));
    if (!core::AppChange::validName(tr("application"), app, &why) ||
        !core::AppChange::validName(tr("environment"), env, &why))
        return refuse(err, why);

    // Only the database is needed: slipctl's own thread may use it, it has no GUI to keep
    // responsive.
    auto store = core::Store::open(storeLocation(parser), &why);
    if (!store)
        return refuse(err, why);
    core::ReconcileSettings settings(store->database());
    if (action != QLatin1String("status")) {
        const bool pause = action == QLatin1String("pause");
        const bool ok =
            settings.setPaused(app, env, pause, core::Store::currentOsUser(), &why, readVersion);
        core::AuditEntry e;
        e.action =
            pause ? QStringLiteral("app.reconcile.pause") : QStringLiteral("app.reconcile.resume");
        e.target = QStringLiteral("%1/%2").arg(app, env);
        e.result = ok ? QStringLiteral("ok") : QStringLiteral("failed");
        e.detail = ok ? (pause ? tr("reconcile paused: replicas are left as they are")
                               : tr("reconcile resumed"))
                      : why;
        store->appendAudit(e);
        if (!ok) {
            err << "slipctl: " << tr("reconcile %1 failed: %2").arg(action, why) << '\n';
            return 1;
        }
    }
    const auto state = settings.pause(app, env, &why);
    if (!state) {
        err << "slipctl: " << why << '\n';
        return 1;
    }
    if (parser.isSet(QStringLiteral("json"))) {
        out << QJsonDocument(QJsonObject{
                                 {"app", app},
                                 {"env", env},
                                 {"paused", state->paused},
                                 {"pausedBy", state->pausedBy},
                                 {"pausedAt", state->pausedAt.toString(Qt::ISODateWithMs)},
                                 {"version", state->version},
                             })
                   .toJson(QJsonDocument::Compact)
            << '\n';
        return 0;
    }
    if (state->paused)
        out << tr("reconcile of %1 in %2 is paused (by %3 since %4)")
                   .arg(app, env, state->pausedBy,
                        state->pausedAt.toLocalTime().toString(Qt::ISODate))
            << '\n';
    else
        out << tr("reconcile of %1 in %2 is on: stopped or missing replicas are started again")
                   .arg(app, env)
            << '\n';
    return 0;
}

} // namespace slipway::cli
