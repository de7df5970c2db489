#include "envcommands.h"

#include "clianswer.h"
#include "clideployer.h"
#include "clihosts.h"
#include "clitr.h"
#include "core/environments/environments.h"
#include "core/fleet/hostmonitor.h"
#include "textable.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace slipway::cli {

namespace {

using core::env::EnvironmentRecord;
using core::env::Environments;
using core::env::EnvironmentStatus;

QJsonObject environmentJson(const EnvironmentStatus &e, const QString &hostName) {
    const EnvironmentRecord &r = e.record;
    QJsonArray services;
    for (const auto &s : e.services)
        services.append(QJsonObject{{"name", s.name},
                                    {"running", s.running},
                                    {"total", s.total},
                                    {"state", s.state},
                                    {"health", s.health},
                                    {"endpoints", QJsonArray::fromStringList(s.endpoints)}});
    QJsonObject overrides;
    for (auto it = r.overrides.cbegin(); it != r.overrides.cend(); ++it)
        overrides[it.key()] = it.value(); // already masked in the record
    const auto time = [](const QDateTime &t) {
        return t.isValid() ? t.toString(Qt::ISODateWithMs) : QString();
    };
    return QJsonObject{{"id", r.id},
                       {"name", r.name},
                       {"template", r.templateName},
                       {"templateVersion", r.templateVersion},
                       {"kind", r.kind},
                       {"host", hostName},
                       {"hostUrl", r.hostUrl},
                       {"state", EnvironmentRecord::stateName(r.state)},
                       {"osUser", r.osUser},
                       {"createdAt", time(r.createdAt)},
                       {"readyAt", time(r.readyAt)},
                       {"failedAt", time(r.failedAt)},
                       {"recycledAt", time(r.recycledAt)},
                       {"recycledBy", r.recycledBy},
                       {"livedSeconds", double(r.livedMs() / 1000)},
                       {"error", r.error},
                       {"overrides", overrides},
                       {"services", services}};
}

// The Environments service over slipctl's hosts and inventory, loaded.
struct CliEnvironments {
    CliDeployer cli;
    std::unique_ptr<Environments> environments;

    bool open(const QCommandLineParser &parser, QString *error) {
        if (!cli.open(parser, error))
            return false;
        environments = std::make_unique<Environments>(cli.store(), cli.hosts(), cli.inventory());
        bool loaded = false;
        QObject guard; // the connections to these locals end with them
        QObject::connect(environments.get(), &Environments::environmentsChanged, &guard,
                         [&loaded] { loaded = true; });
        environments->refresh();
        if (!CliDeployer::spin([&] { return loaded || cli.interrupted(); },
                               std::chrono::seconds(30))) {
            *error = tr("the environment records did not load in time");
            return false;
        }
        // What an interrupted run left is swept before anything else (slipctl would cancel
        // the sweep at its exit); then the records say how it ended.
        if (environments->sweeping()) {
            bool swept = false;
            loaded = false;
            QObject::connect(environments.get(), &Environments::sweepsDone, &guard,
                             [&swept] { swept = true; });
            CliDeployer::spin([&] { return swept || cli.interrupted(); },
                              std::chrono::seconds(120));
            CliDeployer::spin([&] { return loaded || cli.interrupted(); },
                              std::chrono::seconds(10));
        }
        return !cli.interrupted();
    }

    QString hostName(const EnvironmentRecord &r) const {
        const QString name = cli.hosts()->hostName(r.hostId);
        return name.isEmpty() ? r.hostUrl : name;
    }

    // The live environment of this store named `name`; empty id when none.
    EnvironmentStatus live(const QString &name) const {
        for (const auto &e : environments->environments())
            if (e.record.live() && e.record.name == name)
                return e;
        return {};
    }
};

void addEnvOptions(QCommandLineParser &parser) {
    addCommonOptions(parser);
}

} // namespace

int runEnvUp(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Provisions an environment from a template: its networks, volumes and services in "
           "dependency order, each waited for per its condition. A failure at any step removes "
           "everything created for it. TEMPLATE is a template's name, or a Compose file, "
           "imported first as the template named after its folder."));
    parser.addPositionalArgument(QStringLiteral("template"), tr("The template."));
    parser.addOption({QStringLiteral("kind"),
                      tr("The kind of environment: test (default), integration, production or "
                         "one of your own."),
                      QStringLiteral("kind"), QStringLiteral("test")});
    parser.addOption({QStringLiteral("name"),
                      tr("The environment's name (its Compose project name); default: made up "
                         "from the template and the kind."),
                      QStringLiteral("name")});
    parser.addOption({QStringLiteral("var"), tr("KEY=VALUE over the kind's variables; repeatable."),
                      QStringLiteral("KEY=VALUE")});
    addEnvOptions(parser);
    parser.process(arguments);
    QTextStream out(stdout);
    QTextStream err(stderr);
    const bool json = parser.isSet(QStringLiteral("json"));
    if (parser.positionalArguments().size() != 1)
        return refuse(err, tr("env up takes one template (see --help)."));
    core::env::ProvisionRequest request;
    request.templateName = parser.positionalArguments().first();
    request.kind = parser.value(QStringLiteral("kind"));
    request.name = parser.value(QStringLiteral("name"));
    for (const QString &var : parser.values(QStringLiteral("var"))) {
        const qsizetype eq = var.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return refuse(
                err,
                tr("--var \"%1\": expected KEY=VALUE.").arg(var.section(QLatin1Char('='), 0, 0)));
        request.overrides.insert(var.left(eq), var.mid(eq + 1));
    }
    CliEnvironments env;
    QString error;
    if (!env.open(parser, &error))
        return env.cli.openFailed(err, error);
    Environments *service = env.environments.get();
    QObject guard; // declared after what its connections capture: disconnected first

    // A Compose file: imported (a new version only when it changed), then provisioned.
    const QFileInfo file(request.templateName);
    if (file.isFile()) {
        const QString name = file.absoluteDir().dirName();
        bool imported = false, ok = false;
        QObject::connect(service, &Environments::templateImported, &guard,
                         [&](const QString &, bool good, const QString &why) {
                             imported = true, ok = good, error = why;
                         });
        service->importTemplate(name, file.absoluteFilePath());
        CliDeployer::spin([&] { return imported; }, std::chrono::seconds(60));
        if (!ok)
            return refuse(err, error.isEmpty() ? tr("the template was not imported") : error);
        request.templateName = name;
    }

    bool finished = false, ok = false;
    quint64 request_ = 0;
    QString environmentId;
    QObject::connect(
        service, &Environments::progress, &guard,
        [&](const QString &id, const core::env::ServiceProgress &p) {
            if (environmentId.isEmpty())
                environmentId = id; // what an interrupt cancels
            if (json)
                return;
            err << "slipctl: " << p.service << ": "
                << core::env::ServiceProgress::stateName(p.state)
                << (p.text.isEmpty() ? QString() : QStringLiteral(" (") + p.text + QLatin1Char(')'))
                << '\n';
            err.flush();
        });
    QObject::connect(service, &Environments::provisionFinished, &guard,
                     [&](quint64 r, const QString &id, bool good, const QString &why) {
                         if (r != request_)
                             return;
                         finished = true, ok = good, error = why, environmentId = id;
                     });
    bool reloaded = false;
    QObject::connect(service, &Environments::environmentsChanged, &guard,
                     [&] { reloaded = reloaded || finished; });
    request_ = service->provision(request);
    bool cancelled = false;
    CliDeployer::spin(
        [&] {
            if (env.cli.interrupted() && !cancelled && !environmentId.isEmpty()) {
                cancelled = true;
                service->cancel(environmentId);
            }
            return finished; // an interrupt before the first step cancels at that step
        },
        std::chrono::hours(24));
    // The record as it ended, with what runs of it: the reload after the finish.
    CliDeployer::spin([&] { return reloaded; }, std::chrono::seconds(10));
    EnvironmentStatus shown;
    for (const auto &e : service->environments())
        if (e.record.id == environmentId)
            shown = e;
    if (json) {
        QJsonObject o = shown.record.id.isEmpty()
                            ? QJsonObject{}
                            : environmentJson(shown, env.hostName(shown.record));
        o[QStringLiteral("ok")] = ok;
        o[QStringLiteral("error")] = ok ? QString() : error;
        out << QJsonDocument(o).toJson(QJsonDocument::Indented);
    } else if (ok) {
        out << tr("Environment %1 is ready on %2 (template %3 v%4, kind %5).")
                   .arg(shown.record.name, env.hostName(shown.record), shown.record.templateName)
                   .arg(shown.record.templateVersion)
                   .arg(shown.record.kind)
            << '\n';
        for (const auto &s : shown.services)
            out << "  " << s.name << ": " << s.running << '/' << s.total << ' '
                << s.endpoints.join(QLatin1Char(' ')) << '\n';
    }
    if (!ok)
        err << "slipctl: " << error << '\n';
    if (env.cli.interrupted())
        return CliDeployer::kInterruptedExit;
    return ok ? 0 : 1;
}

int runEnvDown(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Recycles environments: their containers, networks and anonymous volumes are "
           "removed, named volumes only unless their template keeps them. The record stays."));
    parser.addPositionalArgument(QStringLiteral("name"), tr("The environments, by name."),
                                 QStringLiteral("[NAME...]"));
    parser.addOption({QStringLiteral("mine"), tr("Every live environment of mine.")});
    addEnvOptions(parser);
    parser.process(arguments);
    QTextStream out(stdout);
    QTextStream err(stderr);
    const bool json = parser.isSet(QStringLiteral("json"));
    const QStringList names = parser.positionalArguments();
    if (names.isEmpty() == !parser.isSet(QStringLiteral("mine")))
        return refuse(err, tr("env down takes environment names or --mine (see --help)."));
    CliEnvironments env;
    QString error;
    if (!env.open(parser, &error))
        return env.cli.openFailed(err, error);
    Environments *service = env.environments.get();
    QObject guard; // declared after what its connections capture: disconnected first
    QStringList ids;
    QHash<QString, QString> nameOf;
    if (parser.isSet(QStringLiteral("mine"))) {
        for (const auto &e : service->environments())
            if (e.record.live() && e.record.osUser == service->osUser())
                ids << e.record.id, nameOf.insert(e.record.id, e.record.name);
    } else {
        for (const QString &name : names) {
            const EnvironmentStatus e = env.live(name);
            if (e.record.id.isEmpty())
                return refuse(err, tr("no live environment is named \"%1\"").arg(name));
            ids << e.record.id, nameOf.insert(e.record.id, name);
        }
    }
    QJsonArray results;
    int failures = 0, left = int(ids.size());
    QObject::connect(service, &Environments::recycleFinished, &guard,
                     [&](const QString &id, bool ok, const QString &why) {
                         --left;
                         failures += !ok;
                         results.append(QJsonObject{
                             {"id", id}, {"name", nameOf.value(id)}, {"ok", ok}, {"error", why}});
                         if (json)
                             return;
                         if (ok)
                             out << tr("Recycled %1.").arg(nameOf.value(id)) << '\n';
                         else
                             err << "slipctl: " << nameOf.value(id) << ": " << why << '\n';
                     });
    service->recycle(ids);
    CliDeployer::spin([&] { return left <= 0; }, std::chrono::hours(1));
    if (json)
        out << QJsonDocument(results).toJson(QJsonDocument::Indented);
    return failures || left > 0 ? 1 : 0;
}

int runEnvLs(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Lists environments: by default the live ones of mine, with their services."));
    parser.addOption({{QStringLiteral("a"), QStringLiteral("all")},
                      tr("Everyone's, and those recycled or failed too.")});
    addEnvOptions(parser);
    parser.process(arguments);
    QTextStream out(stdout);
    QTextStream err(stderr);
    CliEnvironments env;
    QString error;
    if (!env.open(parser, &error))
        return env.cli.openFailed(err, error);
    const bool all = parser.isSet(QStringLiteral("all"));
    QJsonArray array;
    TextTable table({tr("NAME"), tr("TEMPLATE"), tr("KIND"), tr("HOST"), tr("STATE"),
                     tr("SERVICES"), tr("OWNER"), tr("ENDPOINTS")});
    for (const auto &e : env.environments->environments()) {
        if (!all && (!e.record.live() || e.record.osUser != env.environments->osUser()))
            continue;
        array.append(environmentJson(e, env.hostName(e.record)));
        QStringList endpoints;
        for (const auto &s : e.services)
            for (const QString &link : s.endpoints)
                endpoints << s.name + QLatin1Char('=') + link;
        table.addRow(
            {e.record.name,
             QStringLiteral("%1 v%2").arg(e.record.templateName).arg(e.record.templateVersion),
             e.record.kind, env.hostName(e.record), EnvironmentRecord::stateName(e.record.state),
             e.record.live()
                 ? QStringLiteral("%1/%2").arg(e.servicesRunning()).arg(e.services.size())
                 : QString(),
             e.record.osUser, endpoints.join(QLatin1Char(' '))});
    }
    if (parser.isSet(QStringLiteral("json")))
        out << QJsonDocument(array).toJson(QJsonDocument::Indented);
    else
        table.print(out);
    return 0;
}

} // namespace slipway::cli
