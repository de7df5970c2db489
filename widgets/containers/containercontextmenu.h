// ContainerContextMenu: the containers table's right-click menu: the view's actions on the
// selection, and copying the selected containers' ids or names.
#pragma once

#include "core/fleet/containerrecord.h"

#include <QList>
#include <QMenu>
#include <functional>

namespace slipway::widgets {

class ContainerContextMenu : public QMenu {
    Q_OBJECT

public:
    // `groups` are the view's actions, a separator between groups; `selected` gives the
    // containers the copy actions copy from.
    ContainerContextMenu(const QList<QList<QAction *>> &groups,
                         std::function<core::ContainerList()> selected, QWidget *parent);

private:
    void copy(const std::function<QString(const core::ContainerRecord &)> &field);

    std::function<core::ContainerList()> selected_;
};

} // namespace slipway::widgets
