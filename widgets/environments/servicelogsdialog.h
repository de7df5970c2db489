// ServiceLogsDialog: the live log of one container of an environment's service, in a window
// of its own, with the Containers section's log view.
#pragma once

#include <QDialog>

namespace slipway::core {
class HostMonitor;
class LogFollower;
} // namespace slipway::core

namespace slipway::widgets {

class LogView;

class ServiceLogsDialog : public QDialog {
    Q_OBJECT

public:
    ServiceLogsDialog(core::HostMonitor *hosts, const QString &hostId, const QString &containerId,
                      const QString &service, QWidget *parent = nullptr);

    LogView *logView() const { return view_; }

private:
    core::LogFollower *follower_;
    LogView *view_;
};

} // namespace slipway::widgets
