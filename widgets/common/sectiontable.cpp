#include "widgets/common/sectiontable.h"

#include <QHeaderView>

namespace slipway::widgets {

SectionTable::SectionTable(const QString &objectName, QAbstractItemModel *model, int stretchColumn,
                           QAbstractItemView::SelectionMode selection, QWidget *parent)
    : QTableView(parent) {
    setObjectName(objectName);
    setModel(model);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(selection);
    setAlternatingRowColors(true);
    setWordWrap(false);
    verticalHeader()->hide();
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(stretchColumn, QHeaderView::Stretch);
    setTextElideMode(Qt::ElideMiddle);
}

void SectionTable::sortFirstBy(int column) {
    setSortingEnabled(true);
    sortByColumn(column, Qt::AscendingOrder);
}

} // namespace slipway::widgets
