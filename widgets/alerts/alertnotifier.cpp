#include "widgets/alerts/alertnotifier.h"

#include "core/alerts/alertmonitor.h"

#include <QSystemTrayIcon>

namespace slipway::widgets {

AlertNotifier::AlertNotifier(core::AlertMonitor *monitor, const QIcon &icon, QObject *parent)
    : QObject(parent), monitor_(monitor) {
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        tray_ = new QSystemTrayIcon(icon, this);
        connect(tray_, &QSystemTrayIcon::activated, this, &AlertNotifier::activated);
        connect(tray_, &QSystemTrayIcon::messageClicked, this, &AlertNotifier::activated);
        tray_->show();
    }
    // A burst (a host going down with its containers, the first round after start) is one
    // message, not a stack of them.
    batch_.setSingleShot(true);
    batch_.setInterval(500);
    connect(&batch_, &QTimer::timeout, this, &AlertNotifier::flush);
    connect(monitor_, &core::AlertMonitor::alertFired, this, [this](const core::Alert &alert) {
        pending_.append(alert);
        if (!batch_.isActive())
            batch_.start();
    });
    connect(monitor_, &core::AlertMonitor::alertsChanged, this, &AlertNotifier::updateToolTip);
    updateToolTip();
}

AlertNotifier::~AlertNotifier() = default;

void AlertNotifier::flush() {
    if (pending_.isEmpty())
        return;
    if (pending_.size() == 1) {
        const core::Alert &a = pending_.first();
        lastTitle_ = tr("Alert: %1").arg(a.ruleName);
        lastMessage_ = a.target + QLatin1Char('\n') + a.detail;
    } else {
        lastTitle_ = tr("%n alerts fired", nullptr, int(pending_.size()));
        QStringList lines;
        for (const core::Alert &a : std::as_const(pending_).mid(0, 5))
            lines.append(tr("%1: %2").arg(a.ruleName, a.target));
        if (pending_.size() > 5)
            lines.append(tr("and %n more", nullptr, int(pending_.size() - 5)));
        lastMessage_ = lines.join(QLatin1Char('\n'));
    }
    pending_.clear();
    ++messages_;
    if (tray_)
        tray_->showMessage(lastTitle_, lastMessage_, QSystemTrayIcon::Warning, 10000);
}

void AlertNotifier::updateToolTip() {
    if (!tray_)
        return;
    const int firing = monitor_->firingCount();
    tray_->setToolTip(firing == 0 ? tr("Slipway: no alerts firing")
                                  : tr("Slipway: %n alert(s) firing", nullptr, firing));
}

} // namespace slipway::widgets
