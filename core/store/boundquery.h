// Running one bound SQL statement the way every Store table wants it, for the domain stores.
#pragma once

#include <QSqlQuery>
#include <QString>
#include <QVariantList>

namespace slipway::core::sql {

// Prepares `sql`, binds `values` in order (a null QString as '': the schema wants '' for "not
// set") and runs it. False with the driver's words in `error`.
bool run(QSqlQuery &q, const QString &sql, const QVariantList &values, QString *error);

} // namespace slipway::core::sql
