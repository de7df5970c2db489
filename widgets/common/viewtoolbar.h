// ViewToolbar: the toolbar at the top of a section view: small standard icons with their text
// beside them, every action named (tests and shortcuts find them by name) and with a tool tip.
#pragma once

#include <QStyle>
#include <QToolBar>

class QKeySequence;

namespace slipway::widgets {

class ViewToolbar : public QToolBar {
    Q_OBJECT

public:
    // `view` is the section view the toolbar heads; it is also the toolbar's parent.
    ViewToolbar(const QString &objectName, QWidget *view);

    QAction *addNamedAction(const QString &name, QStyle::StandardPixmap icon, const QString &text,
                            const QString &tip);
    // `key` triggers `action` wherever the focus is inside the view, not only on the toolbar,
    // and not in the other sections of the window.
    void bindToView(QAction *action, const QKeySequence &key);
};

} // namespace slipway::widgets
