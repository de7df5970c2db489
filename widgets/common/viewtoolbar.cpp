#include "widgets/common/viewtoolbar.h"

#include <QAction>
#include <QKeySequence>

namespace slipway::widgets {

ViewToolbar::ViewToolbar(const QString &objectName, QWidget *view) : QToolBar(view) {
    setObjectName(objectName);
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    setIconSize(QSize(16, 16));
}

QAction *ViewToolbar::addNamedAction(const QString &name, QStyle::StandardPixmap icon,
                                     const QString &text, const QString &tip) {
    QAction *a = addAction(style()->standardIcon(icon), text);
    a->setObjectName(name);
    a->setToolTip(tip);
    return a;
}

void ViewToolbar::bindToView(QAction *action, const QKeySequence &key) {
    action->setShortcut(key);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    parentWidget()->addAction(action);
}

} // namespace slipway::widgets
