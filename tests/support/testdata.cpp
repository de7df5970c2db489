#include "tests/support/testdata.h"

#include <QFile>
#include <QtGlobal>

namespace slipway::test {

QString dataPath(const QString &relative) {
    return QStringLiteral(SLIPWAY_TEST_DATA "/") + relative;
}

std::optional<std::string> readData(const QString &relative) {
    QFile file(dataPath(relative));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return file.readAll().toStdString();
}

QByteArray requireData(const QString &relative) {
    QFile file(dataPath(relative));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read test data %s", qPrintable(dataPath(relative)));
    return file.readAll();
}

} // namespace slipway::test
