#include "core/store/teamimport.h"

#include "core/store/sqltransaction.h"
#include "core/store/store.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>
#include <atomic>

namespace slipway::core {

namespace {

bool failed(const QSqlQuery &q, QString *error) {
    if (error)
        *error = q.lastError().text();
    return false;
}

// What is not the desk's history: its saved hosts (local certificate paths), each database's
// own migrations, and the team's grants (team_targets: the owner may grant before importing).
bool shared(const QString &table) {
    return table != QLatin1String("hosts") && table != QLatin1String("schema_migrations") &&
           table != QLatin1String("team_targets") && !table.startsWith(QLatin1String("sqlite_"));
}

// The tables of a SQLite database, each after the tables it references.
bool tablesInForeignKeyOrder(QSqlDatabase db, QStringList *ordered, QString *error) {
    QSqlQuery q(db);
    if (!q.exec(
            QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")))
        return failed(q, error);
    QStringList tables;
    while (q.next())
        if (shared(q.value(0).toString()))
            tables << q.value(0).toString();
    QHash<QString, QSet<QString>> references;
    for (const QString &table : std::as_const(tables)) {
        QSqlQuery fk(db);
        if (!fk.exec(QStringLiteral("PRAGMA foreign_key_list(%1)").arg(table)))
            return failed(fk, error);
        while (fk.next())
            if (const QString to = fk.value(2).toString(); to != table)
                references[table].insert(to);
    }
    QSet<QString> placed;
    for (int round = 0; round <= tables.size() && placed.size() < tables.size(); ++round)
        for (const QString &table : std::as_const(tables)) {
            if (placed.contains(table))
                continue;
            bool ready = true;
            for (const QString &to : references.value(table))
                ready = ready && (placed.contains(to) || !tables.contains(to));
            if (ready) {
                ordered->append(table);
                placed.insert(table);
            }
        }
    if (placed.size() != tables.size()) {
        if (error)
            *error = TeamImport::tr("the desk's tables reference each other in a circle");
        return false;
    }
    return true;
}

// The tables a fresh schema already has rows in (default alert rules, built-in kinds, the
// store's identity): found by migrating an empty in-memory database, so a new migration that
// seeds a table is covered without a list to keep.
bool seededTables(QSet<QString> *seeded, QString *error) {
    static std::atomic<int> counter{0};
    const QString name = QStringLiteral("slipway-import-seeds-%1").arg(counter++);
    bool ok = true;
    {
        QSqlDatabase mem = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        mem.setDatabaseName(QStringLiteral(":memory:"));
        ok = mem.open() &&
             Store::migrateTo(mem, SqlDialect::Sqlite, Store::knownSchemaVersion(), error);
        QStringList tables;
        ok = ok && tablesInForeignKeyOrder(mem, &tables, error);
        for (const QString &table : std::as_const(tables)) {
            QSqlQuery q(mem);
            if (ok && q.exec(QStringLiteral("SELECT COUNT(*) FROM %1").arg(table)) && q.next() &&
                q.value(0).toLongLong() > 0)
                seeded->insert(table);
        }
        mem.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

bool copyTable(QSqlDatabase desk, QSqlDatabase team, const QString &table, int *rows,
               QString *error) {
    QSqlQuery info(desk);
    if (!info.exec(QStringLiteral("PRAGMA table_info(%1)").arg(table)))
        return failed(info, error);
    QStringList columns;
    while (info.next())
        columns << info.value(1).toString();
    QSqlQuery teamColumns(team);
    if (!teamColumns.prepare(QStringLiteral("SELECT column_name FROM information_schema.columns "
                                            "WHERE table_schema = current_schema() AND "
                                            "table_name = ?")))
        return failed(teamColumns, error);
    teamColumns.addBindValue(table);
    if (!teamColumns.exec())
        return failed(teamColumns, error);
    QSet<QString> known;
    while (teamColumns.next())
        known.insert(teamColumns.value(0).toString());
    for (const QString &c : std::as_const(columns))
        if (!known.contains(c)) {
            if (error)
                *error =
                    TeamImport::tr("the team database's table %1 has no column %2").arg(table, c);
            return false;
        }
    QSqlQuery read(desk);
    read.setForwardOnly(true);
    if (!read.exec(QStringLiteral("SELECT %1 FROM %2 ORDER BY rowid")
                       .arg(columns.join(QStringLiteral(", ")), table)))
        return failed(read, error);
    QStringList marks;
    for (qsizetype i = 0; i < columns.size(); ++i)
        marks << QStringLiteral("?");
    const QString insertSql =
        QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
            .arg(table, columns.join(QStringLiteral(", ")), marks.join(QStringLiteral(", ")));
    QSqlQuery insert(team);
    if (!insert.prepare(insertSql))
        return failed(insert, error);
    *rows = 0;
    while (read.next()) {
        for (qsizetype i = 0; i < columns.size(); ++i)
            insert.bindValue(int(i), read.value(int(i)));
        if (!insert.exec()) {
            if (error)
                *error = TeamImport::tr("%1, row %2: %3")
                             .arg(table)
                             .arg(*rows + 1)
                             .arg(insert.lastError().text());
            return false;
        }
        ++*rows;
    }
    if (!columns.contains(QLatin1String("id")) || *rows == 0)
        return true;
    // The ids were written as they were: the next id the server hands out comes after them.
    QSqlQuery serial(team);
    if (!serial.exec(QStringLiteral("SELECT pg_get_serial_sequence('%1', 'id')").arg(table)) ||
        !serial.next())
        return failed(serial, error);
    if (serial.value(0).isNull())
        return true; // an id of text (store_identity): no sequence
    QSqlQuery sequence(team);
    if (!sequence.exec(QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', 'id'), "
                                      "(SELECT MAX(id) FROM %1))")
                           .arg(table)))
        return failed(sequence, error);
    return true;
}

} // namespace

bool TeamImport::run(QSqlDatabase desk, QSqlDatabase team, const QString &deskPath, Result *result,
                     QString *error) {
    const int deskVersion = Store::schemaVersionOf(desk),
              teamVersion = Store::schemaVersionOf(team);
    if (deskVersion != teamVersion) {
        if (error)
            *error = tr("the desk's database is at schema version %1 and the team database at "
                        "%2; both must be at the same version")
                         .arg(deskVersion)
                         .arg(teamVersion);
        return false;
    }
    QStringList tables;
    QSet<QString> seeded;
    if (!tablesInForeignKeyOrder(desk, &tables, error) || !seededTables(&seeded, error))
        return false;
    // Names from the desk's own schema go into SQL text: only plain identifiers.
    static const QRegularExpression identifier(QStringLiteral("^[a-z_][a-z0-9_]*$"));
    for (const QString &table : std::as_const(tables))
        if (!identifier.match(table).hasMatch()) {
            if (error)
                *error = tr("the desk's database has a table with an unexpected name, \"%1\"")
                             .arg(table);
            return false;
        }
    SqlTransaction tx(team);
    if (!tx.begun(error))
        return false;
    QStringList present;
    for (const QString &table : std::as_const(tables)) {
        if (seeded.contains(table))
            continue;
        QSqlQuery count(team);
        if (!count.exec(QStringLiteral("SELECT COUNT(*) FROM %1").arg(table)) || !count.next())
            return failed(count, error);
        if (const qint64 n = count.value(0).toLongLong(); n > 0)
            present << tr("%1 (%n row(s))", nullptr, int(n)).arg(table);
    }
    if (!present.isEmpty()) {
        if (error)
            *error = tr("the team database already has records: %1. A desk's history goes only "
                        "into a team database that has none.")
                         .arg(present.join(QStringLiteral(", ")));
        return false;
    }
    for (auto it = tables.crbegin(); it != tables.crend(); ++it) {
        if (!seeded.contains(*it))
            continue;
        QSqlQuery clear(team);
        if (!clear.exec(QStringLiteral("DELETE FROM %1").arg(*it)))
            return failed(clear, error);
    }
    // The desk's history keeps who wrote it: the triggers that name the session's login in
    // every who column (and the audit's db_user) would put the importer's there. Disabled in
    // this transaction only (ALTER TABLE is transactional).
    for (const QString &table : std::as_const(tables)) {
        QSqlQuery trigger(team);
        if (!trigger.exec(QStringLiteral("ALTER TABLE %1 DISABLE TRIGGER USER").arg(table)))
            return failed(trigger, error);
    }
    Result done;
    QStringList counts;
    for (const QString &table : std::as_const(tables)) {
        int rows = 0;
        if (!copyTable(desk, team, table, &rows, error))
            return false;
        done.rows.append({table, rows});
        counts << QStringLiteral("%1 %2").arg(table).arg(rows);
    }
    for (const QString &table : std::as_const(tables)) {
        QSqlQuery trigger(team);
        if (!trigger.exec(QStringLiteral("ALTER TABLE %1 ENABLE TRIGGER USER").arg(table)))
            return failed(trigger, error);
    }
    QSqlQuery identity(team);
    if (!identity.exec(QStringLiteral("SELECT id FROM store_identity")) || !identity.next()) {
        if (error)
            *error = identity.lastError().isValid()
                         ? identity.lastError().text()
                         : tr("the desk's database has no store identity");
        return false;
    }
    done.storeId = identity.value(0).toString();
    identity.finish();
    QSqlQuery record(team);
    if (!record.prepare(QStringLiteral("INSERT INTO audit_log (at, os_user, action, target, host, "
                                       "result, detail) VALUES (?, ?, ?, ?, ?, ?, ?)")))
        return failed(record, error);
    for (const QVariant &v :
         {QVariant(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)),
          QVariant(Store::currentOsUser()), QVariant(QStringLiteral("db.import")),
          QVariant(deskPath), QVariant(QStringLiteral("")), QVariant(QStringLiteral("ok")),
          QVariant(tr("store %1; rows: %2").arg(done.storeId, counts.join(QStringLiteral(", "))))})
        record.addBindValue(v);
    if (!record.exec())
        return failed(record, error);
    if (!tx.commit(error))
        return false;
    if (result)
        *result = done;
    return true;
}

} // namespace slipway::core
