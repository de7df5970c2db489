#include "clilisting.h"

#include "engine/dockerclient.h"

#include <QCoreApplication>

namespace slipway::cli {

void addAppEnvOptions(QCommandLineParser &parser) {
    parser.addOption(
        {QStringLiteral("app"),
         QCoreApplication::translate(
             "slipctl", "Only containers of this application (label slipway.app); repeatable: "
                        "any of them."),
         QStringLiteral("name")});
    parser.addOption(
        {QStringLiteral("env"),
         QCoreApplication::translate(
             "slipctl", "Only containers of this environment (label slipway.env); repeatable: "
                        "any of them."),
         QStringLiteral("name")});
}

void addHostNameOption(QCommandLineParser &parser) {
    parser.addOption({QStringLiteral("host-name"),
                      QCoreApplication::translate(
                          "slipctl", "Only the configured host of this name (see slipctl hosts); "
                                     "repeatable."),
                      QStringLiteral("name")});
}

bool keepNamedHosts(const QCommandLineParser &parser, QList<CliHost> *hosts, QString *error) {
    const QStringList hostNames = parser.values(QStringLiteral("host-name"));
    if (hostNames.isEmpty())
        return true;
    QStringList known;
    for (const auto &h : std::as_const(*hosts))
        known.append(h.config.name);
    for (const QString &name : hostNames) {
        if (!known.contains(name)) {
            *error = QCoreApplication::translate(
                         "slipctl", "--host-name: no configured host is named \"%1\" (hosts: %2).")
                         .arg(name, known.isEmpty() ? QCoreApplication::translate("slipctl", "none")
                                                    : known.join(QStringLiteral(", ")));
            return false;
        }
    }
    hosts->removeIf([&](const CliHost &h) { return !hostNames.contains(h.config.name); });
    return true;
}

QString containerLabel(const engine::ContainerSummary &c, const char *key) {
    auto it = c.labels.find(key);
    return it == c.labels.end() ? QString() : QString::fromStdString(it->second);
}

void printHostProblem(QTextStream &err, const CliHost &host, const QString &problem) {
    err << "slipctl: "
        << QCoreApplication::translate("slipctl", "host %1: %2")
               .arg(hostLabel(host.config), problem)
        << '\n';
}

int printListing(const QCommandLineParser &parser, QTextStream &out, QTextStream &err,
                 const QJsonDocument &json, const QList<TextTable> &tables, int failures) {
    err.flush();
    if (parser.isSet(QStringLiteral("json"))) {
        out << json.toJson(QJsonDocument::Indented);
    } else {
        for (qsizetype i = 0; i < tables.size(); ++i) {
            if (i > 0)
                out << '\n';
            tables[i].print(out);
        }
    }
    out.flush();
    return failures == 0 ? 0 : 1;
}

} // namespace slipway::cli
