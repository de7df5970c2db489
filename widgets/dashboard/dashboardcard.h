// DashboardCard: a titled white panel the dashboard and the usage views group their content
// in, with room for controls at the right of the title.
#pragma once

#include <QFrame>

class QHBoxLayout;
class QLabel;
class QVBoxLayout;

namespace slipway::widgets {

class DashboardCard : public QFrame {
    Q_OBJECT

public:
    explicit DashboardCard(const QString &title, QWidget *parent = nullptr);

    QLabel *titleLabel() const { return title_; }
    QHBoxLayout *header() const { return header_; } // after the title and a stretch
    QVBoxLayout *body() const { return body_; }

    // The style of cards, tiles and segmented buttons, for the page that holds them.
    static QString styleSheet();

private:
    QLabel *title_;
    QHBoxLayout *header_;
    QVBoxLayout *body_;
};

} // namespace slipway::widgets
