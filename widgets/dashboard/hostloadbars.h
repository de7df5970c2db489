// HostLoadBars: every host's CPU and memory as two bars per row, with the fleet's mean marked
// across the rows, so uneven placement shows at a glance. A click on a row names its host.
#pragma once

#include "core/metrics/usage.h"

#include <QList>
#include <QWidget>

namespace slipway::widgets {

class HostLoadBars : public QWidget {
    Q_OBJECT

public:
    explicit HostLoadBars(QWidget *parent = nullptr);

    void setHosts(const QList<core::HostUsage> &hosts);
    const QList<core::HostUsage> &hosts() const { return hosts_; }
    QRect rowRect(int row) const; // for tests and tooltips
    int rowAt(const QPoint &pos) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void hostClicked(const QString &hostId);

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    struct Columns {
        QRect name, cpu, memory;
    };
    Columns columns(const QRect &row) const;
    void paintBar(QPainter &p, const QRect &area, double percent, bool reachable) const;
    QString toolTipFor(const core::HostUsage &host) const;
    double mean(core::UsageMeasure measure) const;

    QList<core::HostUsage> hosts_;
    int hovered_ = -1;
};

} // namespace slipway::widgets
