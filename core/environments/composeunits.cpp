#include "core/environments/composeunits.h"

#include <cmath>

namespace slipway::core::env {

std::optional<qint64> parseComposeDuration(const QString &input) {
    const QString text = input.trimmed().toLower();
    if (text.isEmpty())
        return std::nullopt;
    double ms = 0;
    qsizetype i = 0;
    while (i < text.size()) {
        const qsizetype start = i;
        while (i < text.size() && (text[i].isDigit() || text[i] == u'.'))
            ++i;
        bool ok = false;
        const double number = text.mid(start, i - start).toDouble(&ok);
        if (!ok || start == i)
            return std::nullopt;
        const qsizetype unitStart = i;
        while (i < text.size() && !text[i].isDigit() && text[i] != u'.')
            ++i;
        const QString unit = text.mid(unitStart, i - unitStart);
        double scale = 0;
        if (unit == QLatin1String("h"))
            scale = 3600000;
        else if (unit == QLatin1String("m"))
            scale = 60000;
        else if (unit == QLatin1String("s"))
            scale = 1000;
        else if (unit == QLatin1String("ms"))
            scale = 1;
        else if (unit == QLatin1String("us") || unit == QStringLiteral("\u00b5s"))
            scale = 0.001;
        else if (unit == QLatin1String("ns"))
            scale = 0.000001;
        else
            return std::nullopt;
        ms += number * scale;
        // Ten years is far past any Compose timing; it also keeps the sum finite.
        if (!std::isfinite(ms) || ms > 315360000000.0)
            return std::nullopt;
    }
    return qint64(std::llround(ms));
}

QString formatComposeDuration(qint64 ms) {
    if (ms % 1000 == 0)
        return QString::number(ms / 1000) + QLatin1Char('s');
    return QString::number(ms) + QLatin1String("ms");
}

std::optional<qint64> parseComposeBytes(const QString &input) {
    QString text = input.trimmed().toLower();
    if (text.isEmpty())
        return std::nullopt;
    double scale = 1;
    if (text.endsWith(u'b') && text.size() > 1 && !text[text.size() - 2].isDigit())
        text.chop(1); // "512mb"
    const QChar last = text.back();
    if (last == u'k' || last == u'm' || last == u'g' || last == u'b') {
        scale = last == u'k'   ? 1024.0
                : last == u'm' ? 1024.0 * 1024
                : last == u'g' ? 1024.0 * 1024 * 1024
                               : 1;
        text.chop(1);
    }
    bool ok = false;
    const double number = text.toDouble(&ok);
    if (!ok || !std::isfinite(number) || number < 0 || text.contains(u'e') ||
        number * scale > 9.0e18)
        return std::nullopt;
    return qint64(number * scale);
}

} // namespace slipway::core::env
