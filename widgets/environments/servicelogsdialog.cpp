#include "widgets/environments/servicelogsdialog.h"

#include "core/fleet/logfollower.h"
#include "widgets/containers/logview.h"

#include <QVBoxLayout>

namespace slipway::widgets {

ServiceLogsDialog::ServiceLogsDialog(core::HostMonitor *hosts, const QString &hostId,
                                     const QString &containerId, const QString &service,
                                     QWidget *parent)
    : QDialog(parent), follower_(new core::LogFollower(hosts, this)),
      view_(new LogView(follower_, this)) {
    setObjectName(QStringLiteral("serviceLogs"));
    setWindowTitle(tr("Logs of %1").arg(service));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(view_);
    resize(800, 500);
    follower_->follow(hostId, containerId);
}

} // namespace slipway::widgets
