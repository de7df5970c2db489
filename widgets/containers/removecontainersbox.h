// RemoveContainersBox: asks before containers are removed: names them (the first fifteen,
// all of them in the details) and, when some run, offers to force their removal.
#pragma once

#include "core/fleet/containerrecord.h"

#include <QMessageBox>
#include <functional>

namespace slipway::widgets {

class RemoveContainersBox : public QMessageBox {
    Q_OBJECT

public:
    // `hostName` names a host id for people. The box deletes itself once closed.
    RemoveContainersBox(const core::ContainerList &targets,
                        const std::function<QString(const QString &)> &hostName, QWidget *parent);

signals:
    // The user chose Remove: `forced` are the running ones to stop and remove as well (when
    // asked to force), `plain` the rest.
    void removeConfirmed(const slipway::core::ContainerList &plain,
                         const slipway::core::ContainerList &forced);
};

} // namespace slipway::widgets
