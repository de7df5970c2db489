// SectionPlaceholder: stands in for a section that a later release brings, saying what it
// will do.
#pragma once

#include <QWidget>

namespace slipway::widgets {

class SectionPlaceholder : public QWidget {
    Q_OBJECT

public:
    SectionPlaceholder(const QString &title, const QString &description, QWidget *parent = nullptr);
};

} // namespace slipway::widgets
