// sqlErrorText: a database error in people's words. The team database's refusals (no grant,
// a row outside a scoped operator's targets) say so and what to do; the server's own words
// follow.
#pragma once

#include <QSqlError>
#include <QString>

namespace slipway::core {

QString sqlErrorText(const QSqlError &error);

} // namespace slipway::core
