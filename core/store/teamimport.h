// TeamImport: moves a desk's SQLite history (every shared table) into an empty team database,
// which takes the desk's store identity so that the containers the desk deployed stay owned.
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QSqlDatabase>
#include <QString>

namespace slipway::core {

class TeamImport {
    Q_DECLARE_TR_FUNCTIONS(TeamImport)

public:
    struct Result {
        QList<QPair<QString, int>> rows; // per table, in the order imported
        QString storeId;                 // the desk's identity, now the team database's
    };

    // Copies the shared tables of `desk` (a migrated SQLite Store database) into `team` (the
    // same schema version on PostgreSQL, connected as its owner) in one transaction, in
    // foreign-key order, and moves each id sequence past the imported ids. Refused, naming
    // the tables, when `team` already has records; the tables a migration seeds (the default
    // alert rules, the built-in kinds, the identity) are replaced by the desk's. The audit
    // rows and records keep who wrote them; the import itself is audited as `deskPath`.
    static bool run(QSqlDatabase desk, QSqlDatabase team, const QString &deskPath, Result *result,
                    QString *error);
};

} // namespace slipway::core
