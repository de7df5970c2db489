// Small SQL helpers shared by the environment stores: bound statements, UTC times as text, and
// audit rows written inside the caller's transaction.
#pragma once

#include "core/store/auditentry.h"
#include "core/store/boundquery.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

namespace slipway::core::env::sql {

// ISO 8601 UTC with milliseconds, "" for an invalid time: as every table of the Store keeps it.
QString isoUtc(const QDateTime &t);
QDateTime fromIso(const QString &text);
QString nowUtc();

using core::sql::run; // core/store/boundquery.h

// Appends `entry` to the audit log through `db`, inside whatever transaction is open on it, so
// a change and its audit row are written together or not at all. Fills `at` and `osUser` when
// empty; masks secret assignments as Store::appendAudit does.
bool appendAudit(QSqlDatabase &db, const AuditEntry &entry, QString *error);

} // namespace slipway::core::env::sql
