// BannerBox: a coloured banner above a table with a selectable text and buttons beside it;
// hidden until there is something to say.
#pragma once

#include "widgets/common/bannerlabel.h"

#include <QFrame>

class QLabel;

namespace slipway::widgets {

class BannerBox : public QFrame {
    Q_OBJECT

public:
    // The text label is named `objectName` + "Text".
    BannerBox(const QString &objectName, BannerLabel::Tone tone, QWidget *parent);

    QLabel *text() const { return text_; }
    void addButton(QWidget *button, Qt::Alignment alignment = {});

private:
    QLabel *text_;
};

} // namespace slipway::widgets
