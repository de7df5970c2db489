// ContainerStateDelegate: paints the containers table: running green, failing red at a
// glance, and long references and port lists elided in the middle.
#pragma once

#include <QStyledItemDelegate>

namespace slipway::widgets {

class ContainerStateDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace slipway::widgets
