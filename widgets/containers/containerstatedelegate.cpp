#include "widgets/containers/containerstatedelegate.h"

#include "models/containertablemodel.h"

#include <QStyle>

namespace slipway::widgets {

using models::ContainerTableModel;

void ContainerStateDelegate::initStyleOption(QStyleOptionViewItem *option,
                                             const QModelIndex &index) const {
    QStyledItemDelegate::initStyleOption(option, index);
    // Long references and port lists keep both ends; the rest reads from the left.
    option->textElideMode = index.column() == ContainerTableModel::ImageColumn ||
                                    index.column() == ContainerTableModel::PortsColumn
                                ? Qt::ElideMiddle
                                : Qt::ElideRight;
    if (index.column() != ContainerTableModel::StateColumn &&
        index.column() != ContainerTableModel::HealthColumn)
        return;
    if (index.data(ContainerTableModel::StaleRole).toBool())
        return;
    const QString value = index.data().toString();
    QColor color;
    if (index.column() == ContainerTableModel::StateColumn) {
        if (value == QLatin1String("running"))
            color = QColor(0x1e, 0x7b, 0x34);
        else if (value == QLatin1String("restarting") || value == QLatin1String("dead"))
            color = QColor(0xa3, 0x1f, 0x1f);
        else if (value == QLatin1String("paused"))
            color = QColor(0x9a, 0x67, 0x00);
    } else if (index.column() == ContainerTableModel::HealthColumn) {
        if (value == QLatin1String("healthy"))
            color = QColor(0x1e, 0x7b, 0x34);
        else if (value == QLatin1String("unhealthy"))
            color = QColor(0xa3, 0x1f, 0x1f);
        else if (value == QLatin1String("starting"))
            color = QColor(0x9a, 0x67, 0x00);
    }
    if (color.isValid() && !(option->state & QStyle::State_Selected))
        option->palette.setColor(QPalette::Text, color);
}

} // namespace slipway::widgets
