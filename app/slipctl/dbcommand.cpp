#include "dbcommand.h"

#include "clianswer.h"
#include "clihosts.h"
#include "clitr.h"
#include "core/store/store.h"
#include "core/store/teamroles.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTextStream>

namespace slipway::cli {

namespace {

QString sessionUser(const core::Store &store) {
    QSqlQuery q(store.database());
    return q.exec(QStringLiteral("SELECT session_user")) && q.next() ? q.value(0).toString()
                                                                     : QString();
}

int status(const core::Store &store, bool json, QTextStream &out) {
    QString why;
    const QList<core::TeamRoles::Right> rights = core::TeamRoles::held(store.database(), &why);
    QStringList words;
    for (core::TeamRoles::Right r : rights)
        words << core::TeamRoles::word(r);
    const QStringList targets = core::TeamRoles::targets(store.database());
    if (!rights.contains(core::TeamRoles::Right::Operator) && !targets.isEmpty())
        words << tr("operator of %1").arg(targets.join(u", "));
    const QString user = sessionUser(store);
    if (json) {
        QJsonObject o{{QStringLiteral("database"), store.location()},
                      {QStringLiteral("schemaVersion"), store.schemaVersion()},
                      {QStringLiteral("role"), user},
                      {QStringLiteral("rights"), QJsonArray::fromStringList(words)},
                      {QStringLiteral("targets"), QJsonArray::fromStringList(targets)}};
        out << QJsonDocument(o).toJson(QJsonDocument::Indented);
        return 0;
    }
    out << tr("database:       %1").arg(store.location()) << '\n'
        << tr("schema version: %1").arg(store.schemaVersion()) << '\n'
        << tr("you are:        %1").arg(user) << '\n'
        << tr("your rights:    %1").arg(words.isEmpty() ? tr("none") : words.join(u", ")) << '\n';
    return 0;
}

} // namespace

int runDb(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Administers the team database (--database or SLIPWAY_DATABASE):\n"
           "  migrate             create or update its schema and its three roles; run by the "
           "schema's owner\n"
           "  status              its schema version, who you are on it and your rights\n"
           "  grant ROLE RIGHT    give a login role viewer, operator or approver (operator "
           "with --target: only for those applications)\n"
           "  revoke ROLE RIGHT   take it back"));
    parser.addPositionalArgument(QStringLiteral("action"), tr("migrate, status, grant or revoke."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("json"), tr("Print JSON.")});
    parser.addOption({QStringLiteral("data-dir"),
                      tr("The directory of Slipway's database on this desk."),
                      QStringLiteral("dir")});
    parser.addOption({QStringLiteral("target"),
                      tr("grant/revoke operator for one application only, APP or APP/ENV "
                         "(repeatable): its deployments, reconcile pause and retention."),
                      QStringLiteral("T")});
    addDatabaseOption(parser);
    parser.process(arguments);

    QTextStream out(stdout);
    QTextStream err(stderr);
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return refuse(err,
                      tr("db takes an action: migrate, status, grant or revoke (see --help)."));
    const QString action = positional[0];
    const core::StoreLocation where = storeLocation(parser);
    if (!where.team())
        return refuse(err, tr("no team database: pass --database postgresql://HOST/DB or set "
                              "SLIPWAY_DATABASE."));
    const bool json = parser.isSet(QStringLiteral("json"));
    QString why;
    if (action == QLatin1String("migrate")) {
        if (positional.size() != 1)
            return refuse(err, tr("db migrate takes no arguments."));
        auto store = core::Store::open(where, &why, core::Store::Access::Migrate);
        if (!store) {
            err << "slipctl: " << why << '\n';
            return 1;
        }
        if (!json)
            out << tr("%1 is at schema version %2; its rights are the roles %3.")
                       .arg(store->location())
                       .arg(store->schemaVersion())
                       .arg([&] {
                           QStringList roles;
                           for (const QString &w : core::TeamRoles::words())
                               roles << core::TeamRoles::groupRole(store->database(),
                                                                   *core::TeamRoles::parse(w));
                           return roles.join(u", ");
                       }())
                << '\n';
        return json ? status(*store, true, out) : 0;
    }
    if (action == QLatin1String("status")) {
        if (positional.size() != 1)
            return refuse(err, tr("db status takes no arguments."));
        auto store = core::Store::open(where, &why);
        if (!store) {
            err << "slipctl: " << why << '\n';
            return 1;
        }
        return status(*store, json, out);
    }
    if (action == QLatin1String("grant") || action == QLatin1String("revoke")) {
        if (positional.size() != 3)
            return refuse(err, tr("db %1 takes a login role and a right (%2).")
                                   .arg(action, core::TeamRoles::words().join(u", ")));
        const auto right = core::TeamRoles::parse(positional[2]);
        if (!right)
            return refuse(err, tr("unknown right \"%1\": use %2.")
                                   .arg(positional[2], core::TeamRoles::words().join(u", ")));
        auto store = core::Store::open(where, &why);
        if (!store) {
            err << "slipctl: " << why << '\n';
            return 1;
        }
        QStringList targets = parser.values(QStringLiteral("target"));
        const bool scoped = !targets.isEmpty();
        if (!scoped)
            targets << QString();
        for (const QString &target : std::as_const(targets)) {
            const bool ok =
                action == QLatin1String("grant")
                    ? core::TeamRoles::grant(store->database(), positional[1], *right, &why, target)
                    : core::TeamRoles::revoke(store->database(), positional[1], *right, &why,
                                              target);
            if (!ok) {
                err << "slipctl: " << tr("cannot %1 %2: %3").arg(action, positional[2], why)
                    << '\n';
                return 1;
            }
            core::AuditEntry entry;
            entry.action = QStringLiteral("db.") + action;
            entry.target = positional[1];
            entry.detail = scoped ? core::TeamRoles::word(*right) + QStringLiteral(" of ") + target
                                  : core::TeamRoles::word(*right);
            entry.result = QStringLiteral("ok");
            if (!store->appendAudit(entry, &why))
                err << "slipctl: " << tr("warning: not audited: %1").arg(why) << '\n';
            if (!json)
                out << (action == QLatin1String("grant") ? tr("%1 is now %2 on %3.")
                                                         : tr("%1 is no longer %2 on %3."))
                           .arg(positional[1], entry.detail, store->location())
                    << '\n';
        }
        return 0;
    }
    return refuse(
        err, tr("unknown db action \"%1\": use migrate, status, grant or revoke.").arg(action));
}

} // namespace slipway::cli
