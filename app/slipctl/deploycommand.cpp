#include "deploycommand.h"

#include "clianswer.h"
#include "clideployer.h"
#include "clioptions.h"
#include "clitr.h"
#include "core/deploy/publishspec.h"
#include "core/deploy/secretenv.h"
#include "engine/imagereference.h"

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QTextStream>

namespace slipway::cli {

namespace {

// --secret-env KEY: the value of KEY in slipctl's environment, for this change only; the
// deployer keeps the key (DeploymentConfig::secret) and drops the value.
bool addSecretEnv(const QStringList &keys, core::DeploymentConfig *config, QString *error) {
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &key : keys) {
        if (key.isEmpty() || key.contains(QLatin1Char('=')) || key.contains(QLatin1Char(' '))) {
            // Never quote what follows an '=': it may be the value itself.
            *error = tr("--secret-env \"%1\": give the variable's name only; its value comes "
                        "from slipctl's environment.")
                         .arg(key.section(QLatin1Char('='), 0, 0));
            return false;
        }
        if (!environment.contains(key)) {
            *error = tr("--secret-env %1: %1 is not set in slipctl's environment (export %1=… "
                        "first).")
                         .arg(key);
            return false;
        }
        config->env.removeIf([&](const QString &e) { return core::SecretEnv::keyOf(e) == key; });
        config->env.append(key + QLatin1Char('=') + environment.value(key));
        if (!config->secret.contains(key))
            config->secret.append(key);
    }
    return true;
}

} // namespace

int runDeploy(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Deploys an application version: starts the new replicas, waits until they are "
           "healthy, then stops the running ones (kept stopped for the undo window)."));
    CliDeployer::addAppOptions(parser);
    parser.addOption({QStringLiteral("image"),
                      tr("The image, REPOSITORY:TAG or REPOSITORY@sha256:…; pinned by digest."),
                      QStringLiteral("ref")});
    parser.addOption({QStringLiteral("replicas"), tr("How many replicas (default 1)."),
                      QStringLiteral("n"), QStringLiteral("1")});
    parser.addOption({QStringLiteral("publish"),
                      tr("Publish a port, [IP:][HOST:]CONTAINER (IP defaults to 127.0.0.1; HOST "
                         "0 or absent: any free port); repeatable."),
                      QStringLiteral("spec")});
    parser.addOption({QStringLiteral("env-var"),
                      tr("An environment variable, K=V; repeatable. A name with PASSWORD, "
                         "SECRET, TOKEN or KEY in it is a secret (see --secret-env)."),
                      QStringLiteral("k=v")});
    parser.addOption({QStringLiteral("secret-env"),
                      tr("Pass the variable KEY from slipctl's own environment as a secret, "
                         "like docker run -e KEY; repeatable. Its value is never stored or "
                         "shown: later changes take it from the environment, the secrets file "
                         "or the running replicas (see the README)."),
                      QStringLiteral("key")});
    parser.addOption({QStringLiteral("health-cmd"),
                      tr("A shell command that exits 0 when a replica is healthy (default: the "
                         "image's health check, else a TCP connect to a published port)."),
                      QStringLiteral("cmd")});
    parser.addOption({QStringLiteral("network"),
                      tr("The network to attach replicas to (default: the engine's bridge)."),
                      QStringLiteral("name")});
    addHealthOptions(parser);
    CliDeployer::addPullOption(parser);
    CliDeployer::addOptions(parser, true);
    parser.process(arguments);

    QTextStream out(stdout);
    QTextStream err(stderr);
    core::DeployRequest request;
    QString why;
    if (!CliDeployer::appAndEnv(parser, QStringLiteral("deploy"), &request.app, &request.env, &why))
        return refuse(err, why);
    request.config.image = parser.value(QStringLiteral("image")).trimmed();
    request.config.publish = parser.values(QStringLiteral("publish"));
    request.config.env = parser.values(QStringLiteral("env-var"));
    request.config.healthCmd = parser.value(QStringLiteral("health-cmd"));
    request.config.network = parser.value(QStringLiteral("network"));
    bool ok = false;
    request.replicas = parser.value(QStringLiteral("replicas")).toInt(&ok);
    if (request.config.image.isEmpty())
        return refuse(err, tr("--image is required."));
    if (auto ref = engine::ImageReference::parse(request.config.image.toStdString()); !ref)
        return refuse(err,
                      tr("--image \"%1\": %2")
                          .arg(request.config.image, QString::fromStdString(ref.error().message)));
    if (!ok || request.replicas < 1)
        return refuse(err, tr("--replicas takes a number of at least 1."));
    if (!core::PublishSpec::parseAll(request.config.publish, &why))
        return refuse(err, why);
    if (!applyHealthOptions(parser, &request.config, &why))
        return refuse(err, why);
    if (const auto pull = CliDeployer::pullPolicy(parser, &why))
        request.pull = *pull;
    else
        return refuse(err, why);
    for (const QString &e : std::as_const(request.config.env))
        if (!e.contains(QLatin1Char('=')) || e.startsWith(QLatin1Char('=')))
            return refuse(err, tr("--env-var \"%1\": expected K=V.").arg(e));
    for (const QString &e : std::as_const(request.config.env))
        if (core::SecretEnv::looksSecret(core::SecretEnv::keyOf(e)))
            err << "slipctl: "
                << tr("%1 is taken as a secret (its name says so): its value is used for this "
                      "deployment, never stored or shown; later changes find it in the "
                      "environment, the secrets file or the running replicas.")
                       .arg(core::SecretEnv::keyOf(e))
                << '\n';
    if (!addSecretEnv(parser.values(QStringLiteral("secret-env")), &request.config, &why))
        return refuse(err, why);

    CliDeployer session;
    if (!session.open(parser, &why))
        return session.openFailed(err, why);
    const bool json = parser.isSet(QStringLiteral("json"));
    const auto answer = session.run([&] { return session.deployer()->deploy(request); }, err, json);
    if (answer.ok)
        session.finishUndoWindow(answer.record, err, json);
    const int code = printAnswer(
        answer, json, out, err,
        [&] {
            QStringList hosts = session.hostNames(answer.record.hosts);
            hosts.removeDuplicates();
            return tr("Deployed %1 %2 in %3: %4 replica(s) of %5 on %6 (deployment #%7)")
                .arg(answer.record.app, answer.record.version, answer.record.env)
                .arg(answer.record.replicas)
                .arg(answer.record.config.pinnedReference(), hosts.join(QStringLiteral(", ")))
                .arg(answer.record.id);
        },
        tr("deploy failed: %1").arg(answer.error));
    return session.interrupted() ? CliDeployer::kInterruptedExit : code;
}

} // namespace slipway::cli
