// SectionTable: the record table of a section view: whole rows selected, alternating colours,
// one line a row with long text elided in the middle, every column as wide as its content but
// one, which takes the width that is left.
#pragma once

#include <QTableView>

namespace slipway::widgets {

class SectionTable : public QTableView {
    Q_OBJECT

public:
    SectionTable(const QString &objectName, QAbstractItemModel *model, int stretchColumn,
                 QAbstractItemView::SelectionMode selection, QWidget *parent);

    // Sorted by a click on a header, at first by `column` ascending.
    void sortFirstBy(int column);
};

} // namespace slipway::widgets
