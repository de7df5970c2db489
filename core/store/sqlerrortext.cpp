#include "core/store/sqlerrortext.h"

#include <QCoreApplication>

namespace slipway::core {

QString sqlErrorText(const QSqlError &error) {
    // The server's message without QPSQL's "(42501) QPSQL: Unable to create query" tail.
    const QString server = error.databaseText().trimmed();
    // SQLSTATE 42501, insufficient_privilege: a missing grant, or a row-level policy.
    if (error.nativeErrorCode() == QLatin1String("42501"))
        return QCoreApplication::translate(
                   "SqlErrorText",
                   "The team database refused it: your login may not do this. Its owner can "
                   "grant the right (slipctl db grant LOGIN operator). The server said: %1")
            .arg(server);
    return error.text().trimmed();
}

} // namespace slipway::core
