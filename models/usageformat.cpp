#include "models/usageformat.h"

#include <QLocale>
#include <cmath>

namespace slipway::models {

namespace {

constexpr double kKiB = 1024.0;
constexpr double kMiB = kKiB * 1024.0;
constexpr double kGiB = kMiB * 1024.0;
constexpr double kTiB = kGiB * 1024.0;

// Three significant digits at most: "0.42", "4.2", "42", "420".
QString number(double value) {
    const double a = std::abs(value);
    const int decimals = a >= 100 || a == 0 ? 0 : a >= 10 ? 1 : 2;
    QString text = QLocale().toString(value, 'f', decimals);
    if (decimals > 0) {
        // "4.20" reads as "4.2", "4.00" as "4".
        const QChar point = QLocale().decimalPoint().at(0);
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(point))
            text.chop(1);
    }
    return text;
}

} // namespace

QString UsageFormat::percent(double value) {
    return tr("%1 %").arg(number(std::max(0.0, value)));
}

QString UsageFormat::bytes(double bytes) {
    const UsageUnit unit = bytesUnit(bytes);
    return QStringLiteral("%1 %2").arg(number(bytes / unit.divisor), unit.name);
}

QString UsageFormat::rate(double bytesPerSecond) {
    const UsageUnit unit = rateUnit(bytesPerSecond);
    return QStringLiteral("%1 %2").arg(number(bytesPerSecond / unit.divisor), unit.name);
}

QString UsageFormat::cores(double containerPercent) {
    return tr("%1 cores").arg(number(containerPercent / 100.0));
}

UsageUnit UsageFormat::bytesUnit(double max) {
    if (max >= kTiB)
        return {kTiB, tr("TiB")};
    if (max >= kGiB)
        return {kGiB, tr("GiB")};
    if (max >= kMiB)
        return {kMiB, tr("MiB")};
    if (max >= kKiB)
        return {kKiB, tr("KiB")};
    return {1, tr("B")};
}

UsageUnit UsageFormat::rateUnit(double max) {
    if (max >= kGiB)
        return {kGiB, tr("GiB/s")};
    if (max >= kMiB)
        return {kMiB, tr("MiB/s")};
    return {kKiB, tr("KiB/s")};
}

} // namespace slipway::models
