#include "core/store/boundquery.h"

#include "core/store/sqlerrortext.h"

#include <QSqlError>

namespace slipway::core::sql {

bool run(QSqlQuery &q, const QString &sql, const QVariantList &values, QString *error) {
    if (!q.prepare(sql)) {
        if (error)
            *error = sqlErrorText(q.lastError());
        return false;
    }
    for (const QVariant &v : values) {
        if (v.typeId() == QMetaType::QString && v.toString().isNull())
            q.addBindValue(QString::fromLatin1(""));
        else
            q.addBindValue(v);
    }
    if (!q.exec()) {
        if (error)
            *error = sqlErrorText(q.lastError());
        return false;
    }
    return true;
}

} // namespace slipway::core::sql
