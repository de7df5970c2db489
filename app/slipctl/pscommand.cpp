#include "pscommand.h"

#include "clihosts.h"
#include "engine/dockerclient.h"
#include "textable.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <algorithm>

namespace slipway::cli {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("slipctl", text);
}
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

QString label(const engine::ContainerSummary &c, const char *key) {
    auto it = c.labels.find(key);
    return it == c.labels.end() ? QString() : q(it->second);
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
                       {"hostUrl", host.config.url},
                       {"id", q(c.id)},
                       {"name", q(c.name())},
                       {"image", q(c.image)},
                       {"imageId", q(c.imageId)},
                       {"command", q(c.command)},
                       {"created", double(c.created)},
                       {"state", q(c.state)},
                       {"status", q(c.status)},
                       {"labels", labels},
                       {"ports", ports}};
}

} // namespace

int runPs(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Lists the containers of every host."));
    parser.addHelpOption();
    parser.addOption({{QStringLiteral("a"), QStringLiteral("all")},
                      tr("Show all containers (default: running only).")});
    parser.addOption({QStringLiteral("json"), tr("Print JSON.")});
    addHostOptions(parser);
    parser.process(arguments);

    QTextStream out(stdout);
    QTextStream err(stderr);
    QString error;
    const QList<CliHost> hosts = resolveHosts(parser, &error);
    if (!error.isEmpty()) {
        err << "slipctl: " << error << '\n';
        return 2;
    }

    const bool all = parser.isSet(QStringLiteral("all"));
    // Ask every host at once; the answers are collected in host order.
    std::vector<engine::Call<std::vector<engine::ContainerSummary>>> calls;
    for (const auto &h : hosts)
        calls.push_back(h.client ? h.client->containers(all)
                                 : engine::Call<std::vector<engine::ContainerSummary>>());

    int failures = 0;
    QJsonArray array;
    TextTable table({tr("HOST"), tr("CONTAINER ID"), tr("NAME"), tr("IMAGE"), tr("STATE"),
                     tr("STATUS"), tr("APP"), tr("ENV"), tr("PORTS")});
    for (std::size_t i = 0; i < calls.size(); ++i) {
        const CliHost &host = hosts[int(i)];
        QString problem = host.invalid;
        std::vector<engine::ContainerSummary> list;
        if (calls[i].valid()) {
            auto r = calls[i].wait();
            if (r)
                list = std::move(r).value();
            else
                problem = q(r.error().describe());
        }
        if (!problem.isEmpty()) {
            ++failures;
            err << "slipctl: " << tr("host %1: %2").arg(hostLabel(host.config), problem) << '\n';
            continue;
        }
        std::sort(list.begin(), list.end(),
                  [](const auto &a, const auto &b) { return a.name() < b.name(); });
        for (const auto &c : list) {
            array.append(toJson(host, c));
            table.addRow({host.config.name, q(c.id.substr(0, 12)), q(c.name()), q(c.image),
                          q(c.state), q(c.status), label(c, "slipway.app"), label(c, "slipway.env"),
                          portsText(c)});
        }
    }
    err.flush();
    if (parser.isSet(QStringLiteral("json")))
        out << QJsonDocument(array).toJson(QJsonDocument::Indented);
    else
        table.print(out);
    out.flush();
    return failures == 0 ? 0 : 1;
}

} // namespace slipway::cli
