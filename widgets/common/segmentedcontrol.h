// SegmentedControl: a row of joined, mutually exclusive buttons (15 min | 1 h | 24 h,
// CPU | Memory) for choosing one of a few views of the same data.
#pragma once

#include <QList>
#include <QWidget>

class QButtonGroup;
class QToolButton;

namespace slipway::widgets {

class SegmentedControl : public QWidget {
    Q_OBJECT

public:
    explicit SegmentedControl(QWidget *parent = nullptr);

    // Appends a choice; the first one added is current.
    QToolButton *addSegment(const QString &text, const QString &objectName,
                            const QString &toolTip = {});
    int current() const;
    void setCurrent(int index); // emits currentChanged when it changes
    QToolButton *segment(int index) const { return buttons_.at(index); }

signals:
    void currentChanged(int index);

private:
    void restyle();

    QButtonGroup *group_;
    QList<QToolButton *> buttons_;
};

} // namespace slipway::widgets
