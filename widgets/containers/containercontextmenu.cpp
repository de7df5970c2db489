#include "widgets/containers/containercontextmenu.h"

#include <QApplication>
#include <QClipboard>

namespace slipway::widgets {

ContainerContextMenu::ContainerContextMenu(const QList<QList<QAction *>> &groups,
                                           std::function<core::ContainerList()> selected,
                                           QWidget *parent)
    : QMenu(parent), selected_(std::move(selected)) {
    setObjectName(QStringLiteral("containersMenu"));
    for (int i = 0; i < groups.size(); ++i) {
        if (i > 0)
            addSeparator();
        addActions(groups[i]);
    }
    QAction *copyId = addAction(tr("Copy ID"));
    copyId->setObjectName(QStringLiteral("copyIdAction"));
    connect(copyId, &QAction::triggered, this,
            [this] { copy([](const core::ContainerRecord &r) { return r.id; }); });
    QAction *copyName = addAction(tr("Copy name"));
    copyName->setObjectName(QStringLiteral("copyNameAction"));
    connect(copyName, &QAction::triggered, this,
            [this] { copy([](const core::ContainerRecord &r) { return r.name; }); });
}

void ContainerContextMenu::copy(
    const std::function<QString(const core::ContainerRecord &)> &field) {
    QStringList lines;
    for (const core::ContainerRef &r : selected_())
        lines.append(field(*r));
    QApplication::clipboard()->setText(lines.join('\n'));
}

} // namespace slipway::widgets
