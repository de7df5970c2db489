#include "core/environments/environmentsql.h"

#include "core/base/errortext.h"
#include "core/deploy/secretenv.h"
#include "core/store/store.h"

#include <QSqlError>
#include <QTimeZone>
#include <QVariant>

namespace slipway::core::env::sql {

QString isoUtc(const QDateTime &t) {
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString::fromLatin1("");
}

QDateTime fromIso(const QString &text) {
    if (text.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    t.setTimeZone(QTimeZone::utc());
    return t;
}

QString nowUtc() {
    return isoUtc(QDateTime::currentDateTimeUtc());
}

bool appendAudit(QSqlDatabase &db, const AuditEntry &entry, QString *error) {
    const QDateTime at = entry.at.isValid() ? entry.at.toUTC() : QDateTime::currentDateTimeUtc();
    QSqlQuery q(db);
    return run(q,
               QStringLiteral("INSERT INTO audit_log (at, os_user, action, target, host, "
                              "result, detail) VALUES (?, ?, ?, ?, ?, ?, ?)"),
               {isoUtc(at), entry.osUser.isEmpty() ? Store::currentOsUser() : entry.osUser,
                entry.action, keptText(SecretEnv::scrub(entry.target)), entry.host, entry.result,
                keptText(SecretEnv::scrub(entry.detail))},
               error);
}

} // namespace slipway::core::env::sql
