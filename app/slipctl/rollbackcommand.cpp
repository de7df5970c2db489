#include "rollbackcommand.h"

#include "clianswer.h"
#include "clideployer.h"
#include "clioptions.h"
#include "clitr.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

namespace slipway::cli {

namespace {

// The newest deployment matching --to: "#ID", a digest (or its hex prefix), or a version;
// successful deployments first.
qint64 findTarget(const core::DeploymentHistory &history, const QString &to) {
    if (to.startsWith(QLatin1Char('#')))
        return to.mid(1).toLongLong();
    const QString hex = to.startsWith(QLatin1String("sha256:")) ? to.mid(7) : to;
    const auto matches = [&](const core::DeploymentRecord &r) {
        if (r.config.digest.isEmpty())
            return false;
        if (r.version == to)
            return true;
        return hex.size() >= 12 && r.config.digest.mid(7).startsWith(hex);
    };
    for (const auto &r : history)
        if (r.result == core::DeploymentRecord::Result::Ok && matches(r))
            return r.id;
    for (const auto &r : history)
        if (matches(r))
            return r.id;
    return 0;
}

} // namespace

int runRollback(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Rolls an application back to an earlier deployment: pulls its image by digest, "
           "starts the replicas with the recorded configuration, waits until they are healthy, "
           "then stops the running ones. If the target never becomes healthy, the running "
           "version stays untouched."));
    CliDeployer::addAppOptions(parser);
    parser.addOption({QStringLiteral("to"),
                      tr("The version, digest (sha256:… or 12+ hex digits) or #deployment to "
                         "roll back to (default: the previous version)."),
                      QStringLiteral("target")});
    parser.addOption({QStringLiteral("dry-run"), tr("Print the plan and stop.")});
    addHealthOptions(parser);
    CliDeployer::addPullOption(parser);
    CliDeployer::addOptions(parser, true);
    parser.process(arguments);

    QTextStream out(stdout);
    QTextStream err(stderr);
    QString app, env, why;
    if (!CliDeployer::appAndEnv(parser, QStringLiteral("rollback"), &app, &env, &why))
        return refuse(err, why);
    const QString to = parser.value(QStringLiteral("to")).trimmed();
    if (parser.isSet(QStringLiteral("to")) && to.isEmpty())
        return refuse(err, tr("--to needs a version, a digest or #ID."));
    const auto pull = CliDeployer::pullPolicy(parser, &why);
    if (!pull)
        return refuse(err, why);
    core::DeploymentConfig checks; // --monitor and --probe, over the target's recorded ones
    if (!applyHealthOptions(parser, &checks, &why))
        return refuse(err, why);

    CliDeployer session;
    if (!session.open(parser, &why))
        return session.openFailed(err, why);
    const bool json = parser.isSet(QStringLiteral("json"));
    qint64 targetId = 0;
    if (!to.isEmpty() && to != QLatin1String("previous")) {
        const auto h =
            session.run([&] { return session.deployer()->history(app, env); }, err, true);
        if (!h.ok || !h.history) {
            err << "slipctl: " << h.error << '\n';
            return 1;
        }
        targetId = findTarget(*h.history, to);
        if (targetId <= 0) {
            err << "slipctl: "
                << tr("%1 in %2 has no deployment of \"%3\" (see slipctl history).")
                       .arg(app, env, to)
                << '\n';
            return 1;
        }
    }
    const auto planned = session.run(
        [&] { return session.deployer()->planRollback(app, env, targetId); }, err, true);
    if (session.interrupted())
        return CliDeployer::kInterruptedExit;
    if (!planned.ok || !planned.plan) {
        err << "slipctl: " << planned.error << '\n';
        return 1;
    }
    core::RollbackPlan plan = *planned.plan;
    plan.pull = *pull;
    if (parser.isSet(QStringLiteral("monitor")))
        plan.to.config.monitorMs = checks.monitorMs;
    if (parser.isSet(QStringLiteral("probe")))
        plan.to.config.probe = checks.probe;
    const QStringList hosts = session.hostNames(plan.hostIds);
    // A plan without both ends (never deployed, nothing earlier to go back to) is no plan:
    // refused with the reason alone, not an empty plan of "deployment #0" first.
    if (plan.from.id <= 0 || plan.to.id <= 0) {
        const QString why =
            plan.from.id <= 0
                ? tr("%1 in %2 has never been deployed successfully: there is nothing to roll "
                     "back.")
                      .arg(app, env)
            : plan.problem.isEmpty() ? tr("%1 in %2 has nothing to roll back to.").arg(app, env)
                                     : plan.problem;
        if (json)
            out << QJsonDocument(QJsonObject{{"ok", false}, {"error", why}})
                       .toJson(QJsonDocument::Indented);
        err << "slipctl: " << why << '\n';
        return 1;
    }
    QJsonObject planJson{{"app", app},
                         {"env", env},
                         {"from", recordJson(plan.from)},
                         {"to", recordJson(plan.to)},
                         {"replicas", plan.replicas},
                         {"hosts", QJsonArray::fromStringList(hosts)},
                         {"stopFirst", plan.stopFirst},
                         {"stopFirstReason", plan.stopFirstReason},
                         {"problem", plan.problem}};
    if (!json) {
        err << tr("Roll back %1 in %2").arg(app, env) << '\n'
            << tr("  from %1 (%2), deployment #%3")
                   .arg(plan.from.version, shortDigest(plan.from.config.digest))
                   .arg(plan.from.id)
            << '\n'
            << tr("  to   %1 (%2), deployment #%3")
                   .arg(plan.to.version, shortDigest(plan.to.config.digest))
                   .arg(plan.to.id)
            << '\n'
            << tr("  %1 replica(s) on %2").arg(plan.replicas).arg(hosts.join(QStringLiteral(", ")))
            << '\n';
        if (plan.stopFirst)
            err << tr("  stop-first: %1").arg(plan.stopFirstReason) << '\n';
        err.flush();
    }
    if (!plan.problem.isEmpty() || parser.isSet(QStringLiteral("dry-run"))) {
        if (json)
            out << QJsonDocument(QJsonObject{{"plan", planJson},
                                             {"ok", plan.problem.isEmpty()},
                                             {"error", plan.problem}})
                       .toJson(QJsonDocument::Indented);
        if (!plan.problem.isEmpty()) {
            err << "slipctl: " << plan.problem << '\n';
            return 1;
        }
        return 0;
    }
    const auto answer = session.run([&] { return session.deployer()->rollback(plan); }, err, json);
    if (answer.ok)
        session.finishUndoWindow(answer.record, err, json);
    if (json) {
        out << QJsonDocument(QJsonObject{{"plan", planJson},
                                         {"record", recordJson(answer.record)},
                                         {"ok", answer.ok},
                                         {"error", answer.error}})
                   .toJson(QJsonDocument::Indented);
    } else if (answer.ok) {
        out << tr("Rolled back %1 in %2 to %3 (%4): %5 replica(s), deployment #%6")
                   .arg(app, env, answer.record.version, answer.record.config.pinnedReference())
                   .arg(answer.record.replicas)
                   .arg(answer.record.id)
            << '\n';
        if (!answer.record.detail.isEmpty())
            out << answer.record.detail << '\n';
    }
    if (!answer.ok)
        err << "slipctl: "
            << tr("rollback failed, %1 keeps running: %2").arg(plan.from.version, answer.error)
            << '\n';
    if (session.interrupted())
        return CliDeployer::kInterruptedExit;
    return answer.ok ? 0 : 1;
}

} // namespace slipway::cli
