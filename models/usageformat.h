// UsageFormat: how utilization figures read for people (percentages, bytes, rates) and the
// unit a chart axis uses for a range of values, shared by the dashboard's models and views.
#pragma once

#include <QCoreApplication>
#include <QString>

namespace slipway::models {

struct UsageUnit {
    double divisor = 1; // raw value / divisor = value in this unit
    QString name;       // "MiB", "KiB/s", "%"
};

class UsageFormat {
    Q_DECLARE_TR_FUNCTIONS(UsageFormat)

public:
    static QString percent(double value);          // "12.3 %", "0 %"
    static QString bytes(double bytes);            // "512 KiB", "1.2 GiB"
    static QString rate(double bytesPerSecond);    // "3.4 KiB/s"
    static QString cores(double containerPercent); // "1.5 cores" for 150 %

    // The unit in which the largest of a set of values reads best; rates never go below
    // KiB/s, so an idle chart is not labelled in bytes.
    static UsageUnit bytesUnit(double max);
    static UsageUnit rateUnit(double max);
};

} // namespace slipway::models
