#include "widgets/common/appicon.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace slipway::widgets {

namespace {

// A hull on a ramp running down into the water, on the sidebar's colour.
QPixmap paint(int size) {
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.scale(size / 64.0, size / 64.0);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0x2b, 0x34, 0x40));
    p.drawRoundedRect(QRectF(2, 2, 60, 60), 12, 12);
    p.setBrush(QColor(0x3d, 0x8b, 0xd4));
    p.drawRect(QRectF(2, 46, 60, 10));
    p.setBrush(QColor(0xf0, 0xf3, 0xf6));
    QPainterPath ramp;
    ramp.moveTo(8, 30);
    ramp.lineTo(56, 50);
    ramp.lineTo(56, 54);
    ramp.lineTo(8, 34);
    ramp.closeSubpath();
    p.drawPath(ramp);
    QPainterPath hull;
    hull.moveTo(14, 20);
    hull.lineTo(40, 31);
    hull.lineTo(34, 38);
    hull.lineTo(16, 30);
    hull.closeSubpath();
    p.setBrush(QColor(0xf5, 0xa6, 0x23));
    p.drawPath(hull);
    return pixmap;
}

} // namespace

QIcon appIcon() {
    QIcon icon;
    for (int size : {16, 22, 32, 48, 64, 128})
        icon.addPixmap(paint(size));
    return icon;
}

} // namespace slipway::widgets
