#include "resources/translations.h"

#include <QCoreApplication>
#include <QFile>
#include <QLibraryInfo>
#include <QTranslator>

// resources.qrc is compiled into a static library, whose registration the linker would drop
// unless something refers to it; Q_INIT_RESOURCE must be called outside any namespace.
static void initResources() {
    static const bool done = [] {
        Q_INIT_RESOURCE(resources);
        return true;
    }();
    Q_UNUSED(done);
}

namespace slipway::resources {

bool installTranslations(const QLocale &locale) {
    initResources();
    auto *slipway = new QTranslator(QCoreApplication::instance());
    if (!slipway->load(locale, QStringLiteral("slipway"), QStringLiteral("_"),
                       QStringLiteral(":/i18n"))) {
        delete slipway;
        return false;
    }
    QCoreApplication::installTranslator(slipway);
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return true;
}

QString styleSheet() {
    initResources();
    QFile file(QStringLiteral(":/style/slipway.qss"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

} // namespace slipway::resources
