#include "models/statusicons.h"

#include <QPainter>
#include <QPixmap>

namespace slipway::models::StatusIcons {

QColor color(core::HostStatus::State state) {
    switch (state) {
    case core::HostStatus::State::Up:
        return QColor(0x2e, 0x9e, 0x44); // green
    case core::HostStatus::State::Down:
        return QColor(0xd0, 0x3b, 0x3b); // red
    case core::HostStatus::State::Connecting:
        return QColor(0xe0, 0xa0, 0x1e); // amber
    }
    return Qt::gray;
}

namespace {

QIcon draw(const QColor &fill) {
    QIcon icon;
    for (int size : {12, 16, 24, 32}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(fill.darker(130), size / 12.0));
        p.setBrush(fill);
        const qreal margin = size * 0.15;
        p.drawEllipse(QRectF(margin, margin, size - 2 * margin, size - 2 * margin));
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace

QIcon icon(core::HostStatus::State state) {
    using State = core::HostStatus::State;
    static const QIcon up = draw(color(State::Up));
    static const QIcon down = draw(color(State::Down));
    static const QIcon connecting = draw(color(State::Connecting));
    switch (state) {
    case State::Up:
        return up;
    case State::Down:
        return down;
    case State::Connecting:
        return connecting;
    }
    return {};
}

} // namespace slipway::models::StatusIcons
