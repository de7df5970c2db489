#include "dbimportcommand.h"

#include "clitr.h"
#include "core/store/store.h"
#include "core/store/teamimport.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace slipway::cli {

int runDbImport(const core::StoreLocation &where, bool json, QTextStream &out, QTextStream &err) {
    // Opening would create an empty desk database: nothing to import is said, not made.
    if (!QFileInfo(where.path).isFile()) {
        err << "slipctl: "
            << tr("there is no desk database at %1 to import (use --data-dir DIR).").arg(where.path)
            << '\n';
        return 1;
    }
    QString why;
    auto desk = core::Store::open(where.path, &why);
    if (!desk) {
        err << "slipctl: " << why << '\n';
        return 1;
    }
    auto team = core::Store::open(where, &why);
    if (!team) {
        err << "slipctl: " << why << '\n';
        return 1;
    }
    core::TeamImport::Result result;
    if (!core::TeamImport::run(desk->database(), team->database(), where.path, &result, &why)) {
        err << "slipctl: "
            << tr("cannot import %1 into %2: %3").arg(where.path, team->location(), why) << '\n';
        return 1;
    }
    if (json) {
        QJsonArray tables;
        for (const auto &[table, rows] : std::as_const(result.rows))
            tables.append(
                QJsonObject{{QStringLiteral("table"), table}, {QStringLiteral("rows"), rows}});
        out << QJsonDocument(QJsonObject{{QStringLiteral("from"), where.path},
                                         {QStringLiteral("database"), team->location()},
                                         {QStringLiteral("storeId"), result.storeId},
                                         {QStringLiteral("tables"), tables}})
                   .toJson(QJsonDocument::Indented);
        return 0;
    }
    out << tr("Imported %1 into %2; the team database is now store %3, so the containers this "
              "desk deployed stay owned.")
               .arg(where.path, team->location(), result.storeId)
        << '\n';
    for (const auto &[table, rows] : std::as_const(result.rows))
        out << "  " << table << ": " << rows << '\n';
    return 0;
}

} // namespace slipway::cli
