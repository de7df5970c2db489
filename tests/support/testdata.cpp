#include "tests/support/testdata.h"

#include <QFile>
#include <QtGlobal>

namespace slipway::test {

std::optional<std::string> readData(const QString &relative) {
    QFile file(QStringLiteral(SLIPWAY_TEST_DATA "/") + relative);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return file.readAll().toStdString();
}

QByteArray requireData(const QString &relative) {
    QFile file(QStringLiteral(SLIPWAY_TEST_DATA "/") + relative);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read test data %s", qPrintable(relative));
    return file.readAll();
}

} // namespace slipway::test
