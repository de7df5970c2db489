// UsageTile: one headline figure of the dashboard (hosts up, containers running, cluster
// CPU...) with a caption, an optional gauge, and a coloured edge that says whether it needs
// attention.
#pragma once

#include <QColor>
#include <QFrame>
#include <optional>

class QLabel;

namespace slipway::widgets {

class UsageTile : public QFrame {
    Q_OBJECT

public:
    explicit UsageTile(const QString &title, QWidget *parent = nullptr);

    void setValue(const QString &value);
    void setCaption(const QString &caption);
    void setAccent(const QColor &color);              // the edge and the gauge
    void setFraction(std::optional<double> fraction); // 0..1 draws a gauge; nullopt hides it

    QString title() const;
    QString value() const;
    QString caption() const;
    QColor accent() const { return accent_; }

signals:
    void clicked();

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    QLabel *title_;
    QLabel *value_;
    QLabel *caption_;
    QColor accent_;
    std::optional<double> fraction_;
};

} // namespace slipway::widgets
