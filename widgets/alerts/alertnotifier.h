// AlertNotifier: tells the desktop when alerts fire, as system tray messages. Where there is no
// tray (offscreen, some desktops) it keeps count and stays silent instead of failing.
#pragma once

#include "core/alerts/alert.h"

#include <QIcon>
#include <QList>
#include <QObject>
#include <QTimer>

class QSystemTrayIcon;

namespace slipway::core {
class AlertMonitor;
}

namespace slipway::widgets {

class AlertNotifier : public QObject {
    Q_OBJECT

public:
    AlertNotifier(core::AlertMonitor *monitor, const QIcon &icon, QObject *parent = nullptr);
    ~AlertNotifier() override;

    bool hasTray() const { return tray_ != nullptr; }

    // What was (or, without a tray, would have been) shown last, and how many messages.
    QString lastTitle() const { return lastTitle_; }
    int messageCount() const { return messages_; }

signals:
    // The user clicked the tray icon or a message: show the Alerts section.
    void activated();

private:
    void flush();
    void updateToolTip();

    core::AlertMonitor *monitor_;
    QSystemTrayIcon *tray_ = nullptr;
    QTimer batch_;
    QList<core::Alert> pending_;
    QString lastTitle_;
    QString lastMessage_;
    int messages_ = 0;
};

} // namespace slipway::widgets
