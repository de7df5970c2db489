#include "widgets/dashboard/usagedetailview.h"

#include "core/metrics/metrics.h"
#include "models/usageformat.h"
#include "widgets/common/segmentedcontrol.h"
#include "widgets/dashboard/dashboardcard.h"
#include "widgets/dashboard/usagechart.h"
#include "widgets/dashboard/usagepalette.h"
#include "widgets/dashboard/usagetile.h"

#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace slipway::widgets {

using models::UsageFormat;

namespace {

DashboardCard *chartCard(const QString &title, UsageChart *chart, QWidget *parent) {
    auto *card = new DashboardCard(title, parent);
    card->body()->addWidget(chart, 1);
    return card;
}

} // namespace

UsageDetailView::UsageDetailView(core::Metrics *metrics, core::Inventory *inventory,
                                 QWidget *parent)
    : QWidget(parent), metrics_(metrics), inventory_(inventory) {
    setObjectName(QStringLiteral("usageDetailPage"));
    setAttribute(Qt::WA_StyledBackground);

    back_ = new QToolButton(this);
    back_->setObjectName(QStringLiteral("backButton"));
    back_->setText(tr("Back"));
    back_->setIcon(style()->standardIcon(QStyle::SP_ArrowBack));
    back_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    back_->setCursor(Qt::PointingHandCursor);
    title_ = new QLabel(this);
    title_->setObjectName(QStringLiteral("pageTitle"));
    title_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    subtitle_ = new QLabel(this);
    subtitle_->setObjectName(QStringLiteral("pageSubtitle"));
    subtitle_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    spanControl_ = new SegmentedControl(this);
    spanControl_->setObjectName(QStringLiteral("spanControl"));
    spanControl_->addSegment(tr("15 min"), QStringLiteral("span15m"), tr("The last 15 minutes"));
    spanControl_->addSegment(tr("1 h"), QStringLiteral("span1h"), tr("The last hour"));
    spanControl_->addSegment(tr("24 h"), QStringLiteral("span24h"), tr("The last 24 hours"));

    auto *titles = new QVBoxLayout;
    titles->setSpacing(0);
    titles->addWidget(title_);
    titles->addWidget(subtitle_);
    auto *header = new QHBoxLayout;
    header->addWidget(back_, 0, Qt::AlignTop);
    header->addSpacing(4);
    header->addLayout(titles, 1);
    header->addWidget(spanControl_, 0, Qt::AlignVCenter);

    cpuTile_ = new UsageTile(tr("CPU"), this);
    memoryTile_ = new UsageTile(tr("Memory"), this);
    networkTile_ = new UsageTile(tr("Network"), this);
    diskTile_ = new UsageTile(tr("Disk I/O"), this);
    cpuTile_->setAccent(palette::cpu());
    memoryTile_->setAccent(palette::memory());
    networkTile_->setAccent(palette::received());
    diskTile_->setAccent(palette::neutral());
    auto *tiles = new QHBoxLayout;
    tiles->setSpacing(10);
    for (UsageTile *tile : {cpuTile_, memoryTile_, networkTile_, diskTile_})
        tiles->addWidget(tile, 1);

    cpuChart_ = new UsageChart(tr("CPU"), UsageChart::Unit::Percent, this);
    cpuChart_->setObjectName(QStringLiteral("cpuChart"));
    cpuChart_->addSeries(tr("CPU"), palette::cpu());
    memoryChart_ = new UsageChart(tr("Memory"), UsageChart::Unit::Bytes, this);
    memoryChart_->setObjectName(QStringLiteral("memoryChart"));
    memoryChart_->addSeries(tr("Memory"), palette::memory());
    networkChart_ = new UsageChart(tr("Network"), UsageChart::Unit::Rate, this);
    networkChart_->setObjectName(QStringLiteral("networkChart"));
    networkChart_->addSeries(tr("Received"), palette::received());
    networkChart_->addSeries(tr("Sent"), palette::sent());

    grid_ = new QGridLayout;
    grid_->setSpacing(10);
    grid_->addWidget(chartCard(tr("CPU (100 % = one core)"), cpuChart_, this), 0, 0);
    grid_->addWidget(chartCard(tr("Memory"), memoryChart_, this), 0, 1);
    grid_->addWidget(chartCard(tr("Network"), networkChart_, this), 1, 0);
    grid_->setRowStretch(0, 1);
    grid_->setRowStretch(1, 1);
    grid_->setColumnStretch(0, 1);
    grid_->setColumnStretch(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 12);
    layout->setSpacing(10);
    layout->addLayout(header);
    layout->addLayout(tiles);
    layout->addLayout(grid_, 1);

    connect(back_, &QToolButton::clicked, this, &UsageDetailView::backRequested);
    connect(spanControl_, &SegmentedControl::currentChanged, this, [this](int index) {
        span_ = core::UsageSpan(index);
        refresh();
    });
    connect(metrics_, &core::Metrics::sampled, this,
            [this](const QList<QPair<QString, QString>> &containers) {
                noteSample(containers);
                refresh();
            });
}

void UsageDetailView::setSpan(core::UsageSpan span) {
    spanControl_->setCurrent(int(span));
}

void UsageDetailView::setFourthPanel(QWidget *panel) {
    grid_->addWidget(panel, 1, 1);
}

void UsageDetailView::refresh() {
    dirty_ = true;
    if (isVisible())
        redraw();
}

void UsageDetailView::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    if (dirty_)
        redraw();
}

QString UsageDetailView::cpuCaption(const core::UsagePoint &point) const {
    return UsageFormat::cores(point.cpuPercent);
}

QString UsageDetailView::memoryCaption(const core::UsagePoint &point) const {
    if (point.memoryLimitBytes <= 0)
        return {};
    return tr("of %1 (%2)")
        .arg(UsageFormat::bytes(point.memoryLimitBytes), UsageFormat::percent(point.memoryPercent));
}

void UsageDetailView::redraw() {
    dirty_ = false;
    const core::UsageSeries points = series(span_);
    const qint64 to = QDateTime::currentMSecsSinceEpoch();
    const qint64 from = to - UsageChart::spanMs(span_);
    refreshDetails(points, from, to);

    if (const auto now = latest()) {
        cpuTile_->setValue(UsageFormat::percent(now->cpuPercent));
        cpuTile_->setCaption(cpuCaption(*now));
        memoryTile_->setValue(UsageFormat::bytes(now->memoryBytes));
        memoryTile_->setCaption(memoryCaption(*now));
        memoryTile_->setFraction(now->memoryLimitBytes > 0
                                     ? std::optional<double>(now->memoryPercent / 100.0)
                                     : std::nullopt);
        networkTile_->setValue(QStringLiteral("↓ %1").arg(UsageFormat::rate(now->netRxPerSec)));
        networkTile_->setCaption(tr("↑ %1 sent").arg(UsageFormat::rate(now->netTxPerSec)));
        diskTile_->setValue(UsageFormat::rate(now->blockReadPerSec + now->blockWritePerSec));
        diskTile_->setCaption(tr("read %1 · write %2")
                                  .arg(UsageFormat::rate(now->blockReadPerSec),
                                       UsageFormat::rate(now->blockWritePerSec)));
    } else {
        for (UsageTile *tile : {cpuTile_, memoryTile_, networkTile_, diskTile_}) {
            tile->setValue(QStringLiteral("–"));
            tile->setCaption(tr("not measured yet"));
        }
        memoryTile_->setFraction(std::nullopt);
    }

    QList<QPointF> cpu, memory, rx, tx;
    cpu.reserve(points.size());
    memory.reserve(points.size());
    for (const core::UsagePoint &p : points) {
        cpu.append({double(p.atMs), p.cpuPercent});
        memory.append({double(p.atMs), p.memoryBytes});
    }
    const core::UsageSeries rates = rateSeries(span_);
    rx.reserve(rates.size());
    tx.reserve(rates.size());
    for (const core::UsagePoint &p : rates) {
        rx.append({double(p.atMs), p.netRxPerSec});
        tx.append({double(p.atMs), p.netTxPerSec});
    }
    cpuChart_->setData({cpu}, from, to);
    memoryChart_->setData({memory}, from, to);
    networkChart_->setData({rx, tx}, from, to);
}

} // namespace slipway::widgets
