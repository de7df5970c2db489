#include "widgets/applications/applicationpage.h"

#include <QHeaderView>
#include <QPushButton>
#include <QVBoxLayout>

namespace slipway::widgets {

ApplicationPage::ApplicationPage(QWidget *parent) : QWidget(parent) {}

SectionTable *ApplicationPage::makeTable(QWidget *parent, const char *name,
                                         QAbstractItemModel *model, int stretchColumn) {
    auto *t = new SectionTable(QLatin1String(name), model, stretchColumn,
                               QAbstractItemView::SingleSelection, parent);
    t->verticalHeader()->setDefaultSectionSize(t->fontMetrics().height() + 10);
    return t;
}

QPushButton *ApplicationPage::makeButton(QWidget *parent, const char *name, const QString &text,
                                         const QString &tip) {
    auto *b = new QPushButton(text, parent);
    b->setObjectName(QLatin1String(name));
    b->setToolTip(tip);
    return b;
}

void ApplicationPage::setContent(QBoxLayout *bar, QWidget *status, QWidget *table) {
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(bar);
    if (status)
        layout->addWidget(status);
    layout->addWidget(table, 1);
}

} // namespace slipway::widgets
