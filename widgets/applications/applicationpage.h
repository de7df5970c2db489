// ApplicationPage: a tab of the selected application in the Applications section: a bar of
// buttons above a table (and maybe a status line between), with the section's table and
// button styles.
#pragma once

#include "widgets/common/sectiontable.h"

#include <QWidget>

class QBoxLayout;
class QPushButton;

namespace slipway::widgets {

class ApplicationPage : public QWidget {
    Q_OBJECT

public:
    explicit ApplicationPage(QWidget *parent);

    // A single-selection table with the section's row height.
    static SectionTable *makeTable(QWidget *parent, const char *name, QAbstractItemModel *model,
                                   int stretchColumn);
    static QPushButton *makeButton(QWidget *parent, const char *name, const QString &text,
                                   const QString &tip);

protected:
    // Lays the page out: `bar`, then `status` (may be null), then `table` taking the rest.
    void setContent(QBoxLayout *bar, QWidget *status, QWidget *table);
};

} // namespace slipway::widgets
