#include "widgets/dashboard/dashboardview.h"

#include "core/fleet/hostmonitor.h"
#include "core/fleet/inventory.h"
#include "core/metrics/metrics.h"
#include "models/topusagemodel.h"
#include "models/usageformat.h"
#include "widgets/common/segmentedcontrol.h"
#include "widgets/dashboard/appusageview.h"
#include "widgets/dashboard/containerusageview.h"
#include "widgets/dashboard/dashboardcard.h"
#include "widgets/dashboard/hostloadbars.h"
#include "widgets/dashboard/topusagelist.h"
#include "widgets/dashboard/usagechart.h"
#include "widgets/dashboard/usagepalette.h"
#include "widgets/dashboard/usagetile.h"

#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace slipway::widgets {

using core::UsageMeasure;
using models::TopUsageModel;
using models::UsageFormat;

namespace {

constexpr int kTopCount = 10;

// Within 10 points the hosts are even; past 25 placement needs a look.
QColor imbalanceColor(double points) {
    return points >= 25 ? palette::critical() : points >= 10 ? palette::warning() : palette::ok();
}

} // namespace

DashboardView::DashboardView(core::Metrics *metrics, core::Inventory *inventory,
                             core::HostMonitor *hosts, QWidget *parent)
    : QWidget(parent), metrics_(metrics), inventory_(inventory), monitor_(hosts) {
    setObjectName(QStringLiteral("dashboardView"));
    setStyleSheet(DashboardCard::styleSheet());

    pages_ = new QStackedWidget(this);
    pages_->setObjectName(QStringLiteral("dashboardPages"));
    overviewScroll_ = new QScrollArea(pages_);
    overviewScroll_->setObjectName(QStringLiteral("dashboardScroll"));
    overviewScroll_->setWidgetResizable(true);
    overviewScroll_->setFrameShape(QFrame::NoFrame);
    overviewScroll_->setWidget(buildOverview());
    containerView_ = new ContainerUsageView(metrics, inventory, pages_);
    appView_ = new AppUsageView(metrics, inventory, pages_);
    pages_->addWidget(overviewScroll_);
    pages_->addWidget(containerView_);
    pages_->addWidget(appView_);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(pages_);

    countsTimer_ = new QTimer(this);
    countsTimer_->setSingleShot(true);
    // Events come in bursts (a deployment, a resync): count once per burst.
    countsTimer_->setInterval(250);
    connect(countsTimer_, &QTimer::timeout, this, &DashboardView::refreshCounts);
    const auto countSoon = [this] {
        countsTimer_->start();
    };
    connect(inventory_, &core::Inventory::containersInserted, this, countSoon);
    connect(inventory_, &core::Inventory::containersChanged, this, countSoon);
    connect(inventory_, &core::Inventory::containersRemoved, this, countSoon);

    connect(monitor_, &core::HostMonitor::loaded, this, &DashboardView::refreshHosts);
    connect(monitor_, &core::HostMonitor::hostInserted, this, &DashboardView::refreshHosts);
    connect(monitor_, &core::HostMonitor::hostRemoved, this, &DashboardView::refreshHosts);
    connect(monitor_, &core::HostMonitor::statusChanged, this, &DashboardView::refreshHosts);
    connect(metrics_, &core::Metrics::sampled, this, &DashboardView::onSampled);

    connect(containerView_, &UsageDetailView::backRequested, this, &DashboardView::back);
    connect(appView_, &UsageDetailView::backRequested, this, &DashboardView::back);
    connect(appView_, &AppUsageView::containerActivated, this, &DashboardView::openContainer);

    refreshHosts();
    refreshCounts();
    refreshUsage();
}

QWidget *DashboardView::buildOverview() {
    auto *page = new QWidget;
    page->setObjectName(QStringLiteral("dashboardPage"));
    page->setAttribute(Qt::WA_StyledBackground);

    auto *title = new QLabel(tr("Fleet overview"), page);
    title->setObjectName(QStringLiteral("pageTitle"));
    updated_ = new QLabel(page);
    updated_->setObjectName(QStringLiteral("pageSubtitle"));
    auto *header = new QHBoxLayout;
    header->addWidget(title);
    header->addStretch(1);
    header->addWidget(updated_);

    hostsTile_ = new UsageTile(tr("Hosts up"), page);
    hostsTile_->setObjectName(QStringLiteral("hostsTile"));
    containersTile_ = new UsageTile(tr("Containers running"), page);
    containersTile_->setObjectName(QStringLiteral("containersTile"));
    unhealthyTile_ = new UsageTile(tr("Unhealthy"), page);
    unhealthyTile_->setObjectName(QStringLiteral("unhealthyTile"));
    cpuTile_ = new UsageTile(tr("Cluster CPU"), page);
    cpuTile_->setObjectName(QStringLiteral("cpuTile"));
    memoryTile_ = new UsageTile(tr("Cluster memory"), page);
    memoryTile_->setObjectName(QStringLiteral("memoryTile"));
    auto *tiles = new QHBoxLayout;
    tiles->setSpacing(10);
    for (UsageTile *tile : {hostsTile_, containersTile_, unhealthyTile_, cpuTile_, memoryTile_})
        tiles->addWidget(tile, 1);
    hostsTile_->setCursor(Qt::PointingHandCursor);
    hostsTile_->setToolTip(tr("Open the Hosts section"));
    connect(hostsTile_, &UsageTile::clicked, this, [this] {
        // The first host that is down, else the first host.
        QString id;
        for (int i = 0; i < monitor_->hostCount() && id.isEmpty(); ++i)
            if (monitor_->status(i).state == core::HostStatus::State::Down)
                id = monitor_->host(i).id;
        if (id.isEmpty() && monitor_->hostCount() > 0)
            id = monitor_->host(0).id;
        emit hostActivated(id);
    });
    connect(unhealthyTile_, &UsageTile::clicked, this, [this] {
        if (!unhealthy_.isEmpty())
            openContainer(unhealthy_.first().first, unhealthy_.first().second);
    });

    // Hosts: the bars and the spread between the most and the least loaded.
    auto *hostsCard = new DashboardCard(tr("Load per host"), page);
    hostsCard->setObjectName(QStringLiteral("hostsCard"));
    imbalance_ = new QLabel(hostsCard);
    imbalance_->setObjectName(QStringLiteral("imbalanceLabel"));
    imbalance_->setTextFormat(Qt::RichText);
    imbalance_->setToolTip(tr("Imbalance: the spread, in percentage points, between the most "
                              "and the least loaded reachable host."));
    hostsCard->header()->addWidget(imbalance_);
    hostBars_ = new HostLoadBars(hostsCard);
    auto *barsScroll = new QScrollArea(hostsCard);
    barsScroll->setObjectName(QStringLiteral("hostBarsScroll"));
    barsScroll->setWidgetResizable(true);
    barsScroll->setFrameShape(QFrame::NoFrame);
    barsScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    barsScroll->setWidget(hostBars_);
    barsScroll->setStyleSheet(QStringLiteral("QScrollArea { background: transparent; }"));
    barsScroll->viewport()->setAutoFillBackground(false);
    hostBars_->setAutoFillBackground(false);
    hostsCard->body()->addWidget(barsScroll, 1);
    barsNote_ = new QLabel(hostsCard);
    barsNote_->setObjectName(QStringLiteral("cardNote"));
    barsNote_->setWordWrap(true);
    hostsCard->body()->addWidget(barsNote_);
    connect(hostBars_, &HostLoadBars::hostClicked, this, &DashboardView::hostActivated);

    // The fleet over time.
    auto *clusterCard = new DashboardCard(tr("Cluster CPU and memory"), page);
    clusterCard->setObjectName(QStringLiteral("clusterCard"));
    spanControl_ = new SegmentedControl(clusterCard);
    spanControl_->setObjectName(QStringLiteral("clusterSpanControl"));
    spanControl_->addSegment(tr("15 min"), QStringLiteral("span15m"), tr("The last 15 minutes"));
    spanControl_->addSegment(tr("1 h"), QStringLiteral("span1h"), tr("The last hour"));
    spanControl_->addSegment(tr("24 h"), QStringLiteral("span24h"), tr("The last 24 hours"));
    clusterCard->header()->addWidget(spanControl_);
    clusterChart_ = new UsageChart(tr("Used"), UsageChart::Unit::Percent, clusterCard);
    clusterChart_->setObjectName(QStringLiteral("clusterChart"));
    clusterChart_->setPercentCeiling(100);
    clusterChart_->addSeries(tr("CPU (% of all cores)"), palette::cpu());
    clusterChart_->addSeries(tr("Memory (% of all RAM)"), palette::memory());
    clusterCard->body()->addWidget(clusterChart_, 1);
    connect(spanControl_, &SegmentedControl::currentChanged, this, &DashboardView::refreshCluster);

    topContainers_ = new TopUsageList(tr("Top containers"), TopUsageModel::Kind::Containers, page);
    topContainers_->setObjectName(QStringLiteral("topContainers"));
    topApps_ = new TopUsageList(tr("Top applications"), TopUsageModel::Kind::Apps, page);
    topApps_->setObjectName(QStringLiteral("topApps"));
    topApps_->setEmptyText(tr("No application measured yet: applications are containers "
                              "labelled slipway.app."));
    connect(topContainers_, &TopUsageList::measureChanged, this,
            &DashboardView::refreshTopContainers);
    connect(topApps_, &TopUsageList::measureChanged, this, &DashboardView::refreshTopApps);
    connect(topContainers_, &TopUsageList::rowActivated, this,
            [this](const TopUsageModel::Row &row) { openContainer(row.hostId, row.containerId); });
    connect(topApps_, &TopUsageList::rowActivated, this,
            [this](const TopUsageModel::Row &row) { openApp(row.app, row.env); });

    auto *grid = new QGridLayout;
    grid->setSpacing(10);
    grid->addWidget(hostsCard, 0, 0);
    grid->addWidget(clusterCard, 0, 1);
    grid->addWidget(topContainers_, 1, 0);
    grid->addWidget(topApps_, 1, 1);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    grid->setRowStretch(0, 1);
    grid->setRowStretch(1, 1);
    grid->setRowMinimumHeight(0, 250);
    grid->setRowMinimumHeight(1, 250);

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(12, 10, 12, 12);
    layout->setSpacing(10);
    layout->addLayout(header);
    layout->addLayout(tiles);
    layout->addLayout(grid, 1);
    return page;
}

bool DashboardView::isOverviewShown() const {
    return pages_->currentWidget() == overviewScroll_;
}

void DashboardView::open(QWidget *page) {
    if (pages_->currentWidget() != page)
        history_.append(pages_->currentWidget());
    pages_->setCurrentWidget(page);
}

void DashboardView::openContainer(const QString &hostId, const QString &containerId) {
    containerView_->setContainer(hostId, containerId);
    open(containerView_);
}

void DashboardView::openApp(const QString &app, const QString &env) {
    appView_->setApp(app, env);
    open(appView_);
}

void DashboardView::back() {
    QWidget *previous = history_.isEmpty() ? overviewScroll_ : history_.takeLast();
    if (previous == appView_)
        appView_->setApp(appView_->app(), appView_->env()); // its containers first again
    pages_->setCurrentWidget(previous);
    if (previous == overviewScroll_)
        showOverview();
}

void DashboardView::showOverview() {
    history_.clear();
    pages_->setCurrentWidget(overviewScroll_);
    metrics_->setPriority(QStringLiteral("dashboard"),
                          {}); // nobody looks at one container any more
    if (usageDirty_)
        refreshUsage();
}

void DashboardView::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    if (usageDirty_ && isOverviewShown())
        refreshUsage();
}

void DashboardView::onSampled() {
    usageDirty_ = true;
    // Hidden, the dashboard costs nothing: it catches up when shown.
    if (isVisible() && isOverviewShown())
        refreshUsage();
}

void DashboardView::refreshUsage() {
    usageDirty_ = false;
    const core::UsagePoint cluster = metrics_->clusterUsage();
    const QList<core::HostUsage> hosts = metrics_->hostUsages();
    int cores = 0, reachable = 0;
    for (const auto &h : hosts)
        if (h.reachable) {
            cores += h.cpus;
            ++reachable;
        }

    if (reachable == 0) {
        for (UsageTile *tile : {cpuTile_, memoryTile_}) {
            tile->setValue(QStringLiteral("–"));
            tile->setCaption(tr("not measured yet"));
            tile->setFraction(std::nullopt);
            tile->setAccent(palette::neutral());
        }
    } else {
        cpuTile_->setValue(UsageFormat::percent(cluster.cpuPercent));
        cpuTile_->setCaption(
            (cores == 1 ? tr("of 1 core") : tr("of %1 cores").arg(cores)) +
            (reachable == 1 ? tr(" on 1 host") : tr(" on %1 hosts").arg(reachable)));
        cpuTile_->setFraction(cluster.cpuPercent / 100.0);
        cpuTile_->setAccent(palette::forLoad(cluster.cpuPercent));
        memoryTile_->setValue(UsageFormat::percent(cluster.memoryPercent));
        memoryTile_->setCaption(tr("%1 of %2")
                                    .arg(UsageFormat::bytes(cluster.memoryBytes),
                                         UsageFormat::bytes(cluster.memoryLimitBytes)));
        memoryTile_->setFraction(cluster.memoryPercent / 100.0);
        memoryTile_->setAccent(palette::forLoad(cluster.memoryPercent));
    }

    hostBars_->setHosts(hosts);
    const core::HostUsage *busiest = nullptr, *idlest = nullptr;
    for (const auto &h : hosts) {
        if (!h.reachable)
            continue;
        if (!busiest || h.latest.cpuPercent > busiest->latest.cpuPercent)
            busiest = &h;
        if (!idlest || h.latest.cpuPercent < idlest->latest.cpuPercent)
            idlest = &h;
    }
    const QString mean = tr("Dashed line: the mean of the reachable hosts.");
    if (reachable > 1)
        barsNote_->setText(tr("Busiest: %1 at %2 CPU; least busy: %3 at %4.")
                               .arg(busiest->name, UsageFormat::percent(busiest->latest.cpuPercent),
                                    idlest->name, UsageFormat::percent(idlest->latest.cpuPercent)) +
                           QLatin1Char(' ') + mean);
    else if (reachable == 1)
        barsNote_->setText(tr("One reachable host: nothing to balance yet.") + QLatin1Char(' ') +
                           mean);
    else
        barsNote_->setText(mean);
    if (reachable == 0) {
        imbalance_->setText(QString());
    } else {
        const double cpu = metrics_->imbalance(UsageMeasure::Cpu);
        const double memory = metrics_->imbalance(UsageMeasure::Memory);
        const auto figure = [](const QString &name, double points) {
            return QStringLiteral("%1 <b style=\"color:%2\">%3</b>")
                .arg(name, imbalanceColor(points).name(),
                     tr("%1 pts").arg(QLocale().toString(points, 'f', 0)));
        };
        imbalance_->setText(tr("Imbalance") + QStringLiteral(":&nbsp; ") + figure(tr("CPU"), cpu) +
                            QStringLiteral(" &nbsp;·&nbsp; ") + figure(tr("memory"), memory));
    }

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    updated_->setText(tr("Updated %1 · sampled every %2 s")
                          .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(now).time(),
                                                  QStringLiteral("HH:mm:ss")),
                               QLocale().toString(metrics_->interval().count() / 1000.0, 'g', 3)));
    refreshCluster();
    refreshTopContainers();
    refreshTopApps();
}

void DashboardView::refreshCluster() {
    const auto span = core::UsageSpan(std::max(0, spanControl_->current()));
    const core::UsageSeries series = metrics_->clusterSeries(span);
    QList<QPointF> cpu, memory;
    cpu.reserve(series.size());
    memory.reserve(series.size());
    for (const core::UsagePoint &p : series) {
        cpu.append({double(p.atMs), p.cpuPercent});
        memory.append({double(p.atMs), p.memoryPercent});
    }
    const qint64 to = QDateTime::currentMSecsSinceEpoch();
    clusterChart_->setData({cpu, memory}, to - UsageChart::spanMs(span), to);
}

void DashboardView::refreshTopContainers() {
    QList<TopUsageModel::Row> rows;
    for (const core::ContainerUsage &c :
         metrics_->topContainers(topContainers_->measure(), kTopCount))
        rows.append(TopUsageModel::containerRow(c, inventory_->hostName(c.hostId)));
    topContainers_->model()->setRows(rows);
}

void DashboardView::refreshTopApps() {
    QList<TopUsageModel::Row> rows;
    for (const core::AppUsage &a : metrics_->topApps(topApps_->measure(), kTopCount))
        rows.append(TopUsageModel::appRow(a));
    topApps_->model()->setRows(rows);
}

void DashboardView::refreshHosts() {
    const int total = monitor_->hostCount();
    const int up = monitor_->upCount();
    hostsTile_->setValue(tr("%1 / %2").arg(up).arg(total));
    hostsTile_->setFraction(total > 0 ? std::optional<double>(double(up) / total) : std::nullopt);
    QStringList down;
    for (int i = 0; i < total; ++i)
        if (monitor_->status(i).state == core::HostStatus::State::Down)
            down.append(monitor_->host(i).name);
    if (!monitor_->isLoaded() || total == 0) {
        hostsTile_->setCaption(monitor_->isLoaded() ? tr("no host configured")
                                                    : tr("loading hosts…"));
        hostsTile_->setAccent(palette::neutral());
    } else if (!down.isEmpty()) {
        hostsTile_->setCaption(tr("down: %1").arg(down.join(QStringLiteral(", "))));
        hostsTile_->setAccent(palette::critical());
    } else if (up < total) {
        hostsTile_->setCaption(tr("connecting to %n host(s)…", nullptr, total - up));
        hostsTile_->setAccent(palette::warning());
    } else {
        hostsTile_->setCaption(tr("all reachable"));
        hostsTile_->setAccent(palette::ok());
    }
}

void DashboardView::refreshCounts() {
    int running = 0, total = 0, restarting = 0;
    QStringList unhealthyNames;
    unhealthy_.clear();
    for (const core::ContainerRef &c : inventory_->containers()) {
        ++total;
        if (c->state == QLatin1String("running"))
            ++running;
        else if (c->state == QLatin1String("restarting"))
            ++restarting;
        if (c->health == QLatin1String("unhealthy")) {
            unhealthy_.append({c->hostId, c->id});
            unhealthyNames.append(c->name);
        }
    }
    containersTile_->setValue(tr("%1 / %2").arg(running).arg(total));
    containersTile_->setFraction(total > 0 ? std::optional<double>(double(running) / total)
                                           : std::nullopt);
    containersTile_->setAccent(palette::cpu());
    QString caption = tr("%n not running", nullptr, total - running);
    if (restarting > 0)
        caption += tr(", %n restarting", nullptr, restarting);
    containersTile_->setCaption(caption);

    unhealthyTile_->setValue(QString::number(unhealthy_.size()));
    if (unhealthy_.isEmpty()) {
        unhealthyTile_->setCaption(tr("every health check passes"));
        unhealthyTile_->setAccent(palette::ok());
        unhealthyTile_->setCursor(Qt::ArrowCursor);
        unhealthyTile_->setToolTip(QString());
    } else {
        std::sort(unhealthyNames.begin(), unhealthyNames.end());
        const qsizetype shown = std::min<qsizetype>(2, unhealthyNames.size());
        QString names = unhealthyNames.mid(0, shown).join(QStringLiteral(", "));
        if (unhealthyNames.size() > shown)
            names += tr(" and %n more", nullptr, int(unhealthyNames.size() - shown));
        unhealthyTile_->setCaption(names);
        unhealthyTile_->setAccent(palette::critical());
        unhealthyTile_->setCursor(Qt::PointingHandCursor);
        unhealthyTile_->setToolTip(tr("Open the usage of %1").arg(unhealthyNames.first()));
    }
}

} // namespace slipway::widgets
