#include "pscommand.h"

#include "clideadline.h"
#include "clilisting.h"
#include "clioptions.h"
#include "core/base/stringpool.h"
#include "core/fleet/containerfilter.h"
#include "engine/dockerclient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <algorithm>

namespace slipway::cli {

namespace {

QString q(const std::string &s) {
    return QString::fromStdString(s);
}

QString portsText(const engine::ContainerSummary &c) {
    QStringList parts;
    for (const auto &p : c.ports) {
        QString s = QStringLiteral("%1/%2").arg(p.privatePort).arg(q(p.type));
        if (p.publicPort)
            s = QStringLiteral("%1:%2->").arg(q(p.ip)).arg(p.publicPort) + s;
        parts.append(s);
    }
    parts.removeDuplicates();
    return parts.join(QStringLiteral(", "));
}

// The states the engine's "status" filter knows.
const QStringList kStates = {QStringLiteral("created"), QStringLiteral("restarting"),
                             QStringLiteral("running"), QStringLiteral("removing"),
                             QStringLiteral("paused"),  QStringLiteral("exited"),
                             QStringLiteral("dead")};

// The containers asked for, as the Containers view selects them (core::ContainerFilter);
// what the engine can filter itself is asked of it too, so that less comes back.
struct Selection {
    engine::Filters server; // labels and states; several apps or envs only client side
    core::ContainerFilter filter;
    bool all = false;
};

// Reads --app, --env, --state and --label; refuses bad values before any call is made.
bool readSelection(const QCommandLineParser &parser, Selection *sel, QString *error) {
    sel->all = parser.isSet(QStringLiteral("all"));
    const auto labelFilter = [&](const char *key, const QStringList &values) {
        for (const QString &v : values) {
            if (v.isEmpty()) {
                *error = QCoreApplication::translate("slipctl", "--%1 needs a value.")
                             .arg(QString::fromLatin1(key));
                return false;
            }
        }
        // Any of several: the engine's label filter can only require all of them.
        if (values.size() == 1)
            sel->server["label"].push_back(std::string("slipway.") + key + "=" +
                                           values.first().toStdString());
        return true;
    };
    const QStringList apps = parser.values(QStringLiteral("app"));
    const QStringList envs = parser.values(QStringLiteral("env"));
    if (!labelFilter("app", apps) || !labelFilter("env", envs))
        return false;
    sel->filter.setApplications(apps);
    sel->filter.setEnvironments(envs);
    QStringList labels, states;
    for (const QString &label : parser.values(QStringLiteral("label"))) {
        const QString key = label.section(QLatin1Char('='), 0, 0);
        if (key.trimmed().isEmpty() || key.contains(QLatin1Char(' '))) {
            *error =
                QCoreApplication::translate("slipctl", "--label \"%1\": expected KEY or KEY=VALUE.")
                    .arg(label);
            return false;
        }
        sel->server["label"].push_back(label.toStdString());
        labels.append(label);
    }
    for (const QString &state : parser.values(QStringLiteral("state"))) {
        for (const QString &one : state.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString s = one.trimmed().toLower();
            if (!kStates.contains(s)) {
                *error = QCoreApplication::translate("slipctl",
                                                     "--state \"%1\": not a container state (%2).")
                             .arg(one, kStates.join(QStringLiteral(", ")));
                return false;
            }
            sel->server["status"].push_back(s.toStdString());
            states.append(s);
        }
    }
    sel->filter.setLabelFilters(labels);
    sel->filter.setStates(states);
    // Asking for a state means asking among all containers, not only the running ones.
    if (sel->server.count("status"))
        sel->all = true;
    return true;
}

QJsonObject toJson(const CliHost &host, const engine::ContainerSummary &c) {
    QJsonArray ports;
    for (const auto &p : c.ports)
        ports.append(QJsonObject{{"ip", q(p.ip)},
                                 {"privatePort", p.privatePort},
                                 {"publicPort", p.publicPort},
                                 {"type", q(p.type)}});
    QJsonObject labels;
    for (const auto &[k, v] : c.labels)
        labels[q(k)] = q(v);
    return QJsonObject{{"host", host.config.name},
                       {"hostId", host.config.id},
                       {"hostUrl", host.config.url},
                       {"id", q(c.id)},
                       {"name", q(c.name())},
                       {"image", q(c.image)},
                       {"imageId", q(c.imageId)},
                       {"command", q(c.command)},
                       {"created", double(c.created)},
                       {"state", q(c.state)},
                       {"status", q(c.status)},
                       {"app", containerLabel(c, "slipway.app")},
                       {"env", containerLabel(c, "slipway.env")},
                       {"labels", labels},
                       {"ports", ports}};
}

} // namespace

int runPs(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("slipctl", "Lists the containers of every host."));
    parser.addOption(
        {{QStringLiteral("a"), QStringLiteral("all")},
         QCoreApplication::translate("slipctl", "Show all containers (default: running only).")});
    addAppEnvOptions(parser);
    parser.addOption(
        {QStringLiteral("state"),
         QCoreApplication::translate(
             "slipctl", "Only containers in this state (created, restarting, running, removing, "
                        "paused, exited, dead); repeatable: any of them. Implies --all."),
         QStringLiteral("state")});
    parser.addOption(
        {QStringLiteral("label"),
         QCoreApplication::translate(
             "slipctl", "Only containers with this label, KEY or KEY=VALUE; repeatable: all of "
                        "them."),
         QStringLiteral("label")});
    addHostNameOption(parser);
    addCommonOptions(parser);
    parser.process(arguments);

    QTextStream out(stdout);
    QTextStream err(stderr);
    QString error;
    Selection sel;
    if (!checkNumericOptions(parser, &error) || !readSelection(parser, &sel, &error)) {
        err << "slipctl: " << error << '\n';
        return 2;
    }
    const Deadline deadline(parser);
    QList<CliHost> hosts = resolveHosts(parser, &error);
    if (!error.isEmpty() || !keepNamedHosts(parser, &hosts, &error)) {
        err << "slipctl: " << error << '\n';
        return 2;
    }

    // Ask every host at once; the answers are collected in host order.
    std::vector<engine::Call<std::vector<engine::ContainerSummary>>> calls;
    for (const auto &h : hosts)
        calls.push_back(h.client ? h.client->containers(sel.all, sel.server, kListTimeout)
                                 : engine::Call<std::vector<engine::ContainerSummary>>());

    int failures = 0;
    core::StringPool pool;
    QJsonArray array;
    TextTable table({QCoreApplication::translate("slipctl", "HOST"),
                     QCoreApplication::translate("slipctl", "CONTAINER ID"),
                     QCoreApplication::translate("slipctl", "NAME"),
                     QCoreApplication::translate("slipctl", "IMAGE"),
                     QCoreApplication::translate("slipctl", "STATE"),
                     QCoreApplication::translate("slipctl", "STATUS"),
                     QCoreApplication::translate("slipctl", "APP"),
                     QCoreApplication::translate("slipctl", "ENV"),
                     QCoreApplication::translate("slipctl", "PORTS")});
    for (std::size_t i = 0; i < calls.size(); ++i) {
        const CliHost &host = hosts[int(i)];
        QString problem = host.invalid;
        std::vector<engine::ContainerSummary> list;
        if (calls[i].valid()) {
            auto waited = deadline.wait(calls[i]);
            if (!waited) {
                err << "slipctl: " << deadline.message() << '\n';
                return 1;
            }
            auto r = std::move(*waited);
            if (r)
                list = std::move(r).value();
            else
                problem = q(r.error().describe());
        }
        if (!problem.isEmpty()) {
            ++failures;
            printHostProblem(err, host, problem);
            continue;
        }
        std::sort(list.begin(), list.end(),
                  [](const auto &a, const auto &b) { return a.name() < b.name(); });
        for (const auto &c : list) {
            if (!sel.filter.matches(core::ContainerRecord::fromSummary(c, host.config.id, 0, pool)))
                continue;
            array.append(toJson(host, c));
            table.addRow({host.config.name, q(c.id.substr(0, 12)), q(c.name()), q(c.image),
                          q(c.state), q(c.status), containerLabel(c, "slipway.app"),
                          containerLabel(c, "slipway.env"), portsText(c)});
        }
    }
    return printListing(parser, out, err, QJsonDocument(array), {table}, failures);
}

} // namespace slipway::cli
