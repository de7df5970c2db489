#include "widgets/dashboard/hostloadbars.h"

#include "models/usageformat.h"
#include "widgets/dashboard/usagepalette.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

namespace slipway::widgets {

using models::UsageFormat;

namespace {
constexpr int kHeaderHeight = 22;
constexpr int kRowHeight = 30;
constexpr int kBarHeight = 10;
constexpr int kValueWidth = 46;
} // namespace

HostLoadBars::HostLoadBars(QWidget *parent) : QWidget(parent) {
    setObjectName(QStringLiteral("hostLoadBars"));
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Minimum);
}

void HostLoadBars::setHosts(const QList<core::HostUsage> &hosts) {
    const bool resized = hosts.size() != hosts_.size();
    hosts_ = hosts;
    if (resized)
        updateGeometry();
    update();
}

QSize HostLoadBars::sizeHint() const {
    return {420, kHeaderHeight + int(std::max<qsizetype>(1, hosts_.size())) * kRowHeight + 4};
}

QSize HostLoadBars::minimumSizeHint() const {
    return {300, sizeHint().height()};
}

QRect HostLoadBars::rowRect(int row) const {
    return {0, kHeaderHeight + row * kRowHeight, width(), kRowHeight};
}

int HostLoadBars::rowAt(const QPoint &pos) const {
    if (pos.y() < kHeaderHeight)
        return -1;
    const int row = (pos.y() - kHeaderHeight) / kRowHeight;
    return row < hosts_.size() ? row : -1;
}

HostLoadBars::Columns HostLoadBars::columns(const QRect &row) const {
    const int nameWidth = std::clamp(row.width() * 30 / 100, 110, 190);
    const int barsLeft = row.left() + nameWidth + 8;
    const int barWidth = (row.right() - barsLeft - 12) / 2;
    return {QRect(row.left(), row.top(), nameWidth, row.height()),
            QRect(barsLeft, row.top(), barWidth, row.height()),
            QRect(barsLeft + barWidth + 12, row.top(), barWidth, row.height())};
}

double HostLoadBars::mean(core::UsageMeasure measure) const {
    double sum = 0;
    int n = 0;
    for (const auto &h : hosts_)
        if (h.reachable) {
            sum +=
                measure == core::UsageMeasure::Cpu ? h.latest.cpuPercent : h.latest.memoryPercent;
            ++n;
        }
    return n ? sum / n : -1;
}

void HostLoadBars::paintBar(QPainter &p, const QRect &area, double percent, bool reachable) const {
    const QRect track(area.left(), area.center().y() - kBarHeight / 2,
                      area.width() - kValueWidth - 6, kBarHeight);
    p.setPen(Qt::NoPen);
    p.setBrush(palette::track());
    p.drawRoundedRect(track, 3, 3);
    const QRect value(track.right() + 6, area.top(), kValueWidth, area.height());
    if (!reachable) {
        p.setPen(palette::neutral());
        p.drawText(value, Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("–"));
        return;
    }
    const double clamped = std::clamp(percent, 0.0, 100.0);
    if (clamped > 0) {
        QRectF fill = track;
        fill.setWidth(std::max(3.0, track.width() * clamped / 100.0));
        p.setBrush(palette::forLoad(percent));
        p.drawRoundedRect(fill, 3, 3);
    }
    p.setPen(palette::text());
    p.drawText(value, Qt::AlignRight | Qt::AlignVCenter, UsageFormat::percent(percent));
}

void HostLoadBars::paintEvent(QPaintEvent *) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRect header(0, 0, width(), kHeaderHeight);
    const Columns head = columns(header);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    small.setBold(true);
    p.setFont(small);
    p.setPen(palette::mutedText());
    p.drawText(head.name, Qt::AlignLeft | Qt::AlignVCenter, tr("Host"));
    p.drawText(head.cpu, Qt::AlignLeft | Qt::AlignVCenter, tr("CPU (% of cores)"));
    p.drawText(head.memory, Qt::AlignLeft | Qt::AlignVCenter, tr("Memory (% of RAM)"));
    p.setFont(font());

    if (hosts_.isEmpty()) {
        p.setPen(palette::mutedText());
        p.drawText(rowRect(0), Qt::AlignCenter, tr("Waiting for the first samples…"));
        return;
    }
    for (int i = 0; i < hosts_.size(); ++i) {
        const auto &h = hosts_[i];
        const QRect row = rowRect(i);
        if (i == hovered_)
            p.fillRect(row, QColor(0xee, 0xf3, 0xf8));
        else if (i % 2)
            p.fillRect(row, QColor(0xfa, 0xfb, 0xfc));
        const Columns c = columns(row);
        p.setPen(Qt::NoPen);
        p.setBrush(h.reachable ? palette::ok() : palette::critical());
        p.drawEllipse(QPoint(c.name.left() + 6, c.name.center().y() + 1), 4, 4);
        p.setPen(h.reachable ? palette::text() : palette::neutral());
        const QRect nameText = c.name.adjusted(16, 0, 0, 0);
        const QString name = h.name.isEmpty() ? h.hostId : h.name;
        p.drawText(nameText, Qt::AlignLeft | Qt::AlignVCenter,
                   p.fontMetrics().elidedText(h.reachable ? name : tr("%1 (down)").arg(name),
                                              Qt::ElideRight, nameText.width()));
        paintBar(p, c.cpu, h.latest.cpuPercent, h.reachable);
        paintBar(p, c.memory, h.latest.memoryPercent, h.reachable);
    }

    // The mean across reachable hosts: a bar far from this line is the imbalance.
    const auto marker = [&](const QRect &column, double percent) {
        if (percent < 0)
            return;
        const int track = column.width() - kValueWidth - 6;
        const int x = column.left() + int(track * std::clamp(percent, 0.0, 100.0) / 100.0);
        QPen pen(QColor(0x3d, 0x4a, 0x5a), 1.2, Qt::DashLine);
        p.setPen(pen);
        p.drawLine(x, kHeaderHeight + 3, x, rowRect(int(hosts_.size()) - 1).bottom() - 3);
    };
    marker(head.cpu, mean(core::UsageMeasure::Cpu));
    marker(head.memory, mean(core::UsageMeasure::Memory));
}

QString HostLoadBars::toolTipFor(const core::HostUsage &h) const {
    const QString name = h.name.isEmpty() ? h.hostId : h.name;
    if (!h.reachable)
        return tr("%1 is unreachable: no current figures.").arg(name);
    return tr("%1\nCPU: %2 of %n core(s)", nullptr, h.cpus)
               .arg(name, UsageFormat::percent(h.latest.cpuPercent)) +
           QLatin1Char('\n') +
           tr("Memory: %1 of %2 (%3)")
               .arg(UsageFormat::bytes(h.latest.memoryBytes),
                    UsageFormat::bytes(double(h.memoryTotal)),
                    UsageFormat::percent(h.latest.memoryPercent)) +
           QLatin1Char('\n') + tr("%n container(s) measured", nullptr, h.containersMeasured) +
           QLatin1Char('\n') + tr("The dashed line is the mean of all reachable hosts.");
}

bool HostLoadBars::event(QEvent *event) {
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int row = rowAt(help->pos());
        if (row >= 0)
            QToolTip::showText(help->globalPos(), toolTipFor(hosts_[row]), this, rowRect(row));
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

void HostLoadBars::mouseMoveEvent(QMouseEvent *event) {
    const int row = rowAt(event->position().toPoint());
    if (row != hovered_) {
        hovered_ = row;
        setCursor(row >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
        update();
    }
}

void HostLoadBars::mouseReleaseEvent(QMouseEvent *event) {
    const int row = rowAt(event->position().toPoint());
    if (event->button() == Qt::LeftButton && row >= 0)
        emit hostClicked(hosts_[row].hostId);
}

void HostLoadBars::leaveEvent(QEvent *) {
    if (hovered_ >= 0) {
        hovered_ = -1;
        update();
    }
}

} // namespace slipway::widgets
