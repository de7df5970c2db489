#include "widgets/common/segmentedcontrol.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QToolButton>

namespace slipway::widgets {

SegmentedControl::SegmentedControl(QWidget *parent)
    : QWidget(parent), group_(new QButtonGroup(this)) {
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    group_->setExclusive(true);
    connect(group_, &QButtonGroup::idToggled, this, [this](int id, bool checked) {
        if (checked)
            emit currentChanged(id);
    });
}

QToolButton *SegmentedControl::addSegment(const QString &text, const QString &objectName,
                                          const QString &toolTip) {
    auto *button = new QToolButton(this);
    button->setText(text);
    button->setObjectName(objectName);
    button->setToolTip(toolTip);
    button->setCheckable(true);
    button->setCursor(Qt::PointingHandCursor);
    button->setProperty("segment", true);
    const int id = int(buttons_.size());
    buttons_.append(button);
    group_->addButton(button, id);
    layout()->addWidget(button);
    if (id == 0)
        button->setChecked(true);
    restyle();
    return button;
}

int SegmentedControl::current() const {
    return group_->checkedId();
}

void SegmentedControl::setCurrent(int index) {
    if (index >= 0 && index < buttons_.size())
        buttons_[index]->setChecked(true);
}

void SegmentedControl::restyle() {
    // Only the outer corners are rounded, so the buttons read as one control.
    for (int i = 0; i < buttons_.size(); ++i) {
        QString radius;
        if (buttons_.size() == 1)
            radius = QStringLiteral("border-radius: 4px;");
        else if (i == 0)
            radius = QStringLiteral("border-top-left-radius: 4px; border-bottom-left-radius: 4px;"
                                    " border-right: none;");
        else if (i == buttons_.size() - 1)
            radius = QStringLiteral("border-top-right-radius: 4px;"
                                    " border-bottom-right-radius: 4px;");
        else
            radius = QStringLiteral("border-right: none;");
        buttons_[i]->setStyleSheet(QStringLiteral("QToolButton { %1 }").arg(radius));
    }
}

} // namespace slipway::widgets
