// UsagePalette: the colours the dashboard and the usage views give each measure and level,
// so CPU is the same blue in a tile, a bar and a chart.
#pragma once

#include <QColor>

namespace slipway::widgets::palette {

inline QColor cpu() {
    return QColor(0x2f, 0x7e, 0xd8);
}
inline QColor memory() {
    return QColor(0x8e, 0x5c, 0xd9);
}
inline QColor received() {
    return QColor(0x1f, 0x9d, 0x6b);
}
inline QColor sent() {
    return QColor(0xe0, 0x8a, 0x1e);
}
inline QColor ok() {
    return QColor(0x2e, 0x9e, 0x5b);
}
inline QColor warning() {
    return QColor(0xd9, 0x8e, 0x04);
}
inline QColor critical() {
    return QColor(0xd1, 0x3c, 0x3c);
}
inline QColor neutral() {
    return QColor(0x8a, 0x96, 0xa3);
}
inline QColor text() {
    return QColor(0x1f, 0x29, 0x33);
}
inline QColor mutedText() {
    return QColor(0x5f, 0x6b, 0x78);
}
inline QColor track() {
    return QColor(0xe8, 0xec, 0xf1);
}
inline QColor grid() {
    return QColor(0xe3, 0xe7, 0xec);
}

// Green below 70 %, amber below 90 %, red above: how full a host or the fleet is.
inline QColor forLoad(double percent) {
    return percent >= 90 ? critical() : percent >= 70 ? warning() : ok();
}

} // namespace slipway::widgets::palette
