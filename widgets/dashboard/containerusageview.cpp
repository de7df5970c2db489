#include "widgets/dashboard/containerusageview.h"

#include "core/fleet/inventory.h"
#include "core/metrics/metrics.h"
#include "models/usageformat.h"
#include "widgets/dashboard/dashboardcard.h"
#include "widgets/dashboard/usagechart.h"
#include "widgets/dashboard/usagepalette.h"

#include <QDateTime>
#include <QLabel>
#include <QVBoxLayout>

namespace slipway::widgets {

using models::UsageFormat;

ContainerUsageView::ContainerUsageView(core::Metrics *metrics, core::Inventory *inventory,
                                       QWidget *parent)
    : UsageDetailView(metrics, inventory, parent) {
    setObjectName(QStringLiteral("containerUsageView"));
    diskChart_ = new UsageChart(tr("Disk I/O"), UsageChart::Unit::Rate, this);
    diskChart_->setObjectName(QStringLiteral("diskChart"));
    diskChart_->addSeries(tr("Read"), palette::cpu());
    diskChart_->addSeries(tr("Written"), palette::sent());
    auto *card = new DashboardCard(tr("Disk I/O"), this);
    card->body()->addWidget(diskChart_, 1);
    setFourthPanel(card);
}

void ContainerUsageView::setContainer(const QString &hostId, const QString &containerId) {
    hostId_ = hostId;
    containerId_ = containerId;
    lastName_.clear();
    rates_.clear();
    if (const auto now = metrics_->containerUsage(hostId, containerId))
        rates_.append(*now);
    metrics_->setPriority(QStringLiteral("dashboard"), {{hostId, containerId}});
    refresh();
}

core::UsageSeries ContainerUsageView::series(core::UsageSpan span) const {
    return metrics_->containerSeries(hostId_, containerId_, span);
}

core::UsageSeries ContainerUsageView::rateSeries(core::UsageSpan span) const {
    const qint64 since = QDateTime::currentMSecsSinceEpoch() - UsageChart::spanMs(span);
    core::UsageSeries out;
    for (const core::UsagePoint &p : rates_)
        if (p.atMs >= since)
            out.append(p);
    return out;
}

void ContainerUsageView::noteSample(const QList<QPair<QString, QString>> &containers) {
    if (containerId_.isEmpty() || !containers.contains({hostId_, containerId_}))
        return;
    const auto now = metrics_->containerUsage(hostId_, containerId_);
    if (!now || (!rates_.isEmpty() && rates_.last().atMs >= now->atMs))
        return;
    rates_.append(*now);
    // A day at the default interval at most.
    constexpr qsizetype kMaxPoints = 43200;
    if (rates_.size() > kMaxPoints)
        rates_.remove(0, rates_.size() - kMaxPoints);
}

std::optional<core::UsagePoint> ContainerUsageView::latest() const {
    return metrics_->containerUsage(hostId_, containerId_);
}

QString ContainerUsageView::memoryCaption(const core::UsagePoint &point) const {
    // Without a limit the engine reports the host's memory as the limit.
    const auto host = metrics_->hostUsage(hostId_);
    if (host && host->memoryTotal > 0 && point.memoryLimitBytes >= double(host->memoryTotal))
        return tr("no limit · host has %1").arg(UsageFormat::bytes(point.memoryLimitBytes));
    return tr("of %1 limit (%2)")
        .arg(UsageFormat::bytes(point.memoryLimitBytes), UsageFormat::percent(point.memoryPercent));
}

void ContainerUsageView::refreshDetails(const core::UsageSeries &, qint64 fromMs, qint64 toMs) {
    const core::ContainerRef record = inventory_->container(hostId_, containerId_);
    QStringList facts;
    const QString hostName = inventory_->hostName(hostId_);
    facts << tr("on %1").arg(hostName.isEmpty() ? hostId_ : hostName);
    if (record) {
        lastName_ = record->name;
        facts << record->image;
        if (!record->app.isEmpty())
            facts << (record->env.isEmpty() ? record->app
                                            : tr("%1 in %2").arg(record->app, record->env));
        facts << (record->health.isEmpty() ? record->state
                                           : tr("%1, %2").arg(record->state, record->health));
    } else {
        facts << tr("no longer on this host");
    }
    titleLabel()->setText(lastName_.isEmpty() ? containerId_.left(12) : lastName_);
    subtitleLabel()->setText(facts.join(QStringLiteral("  ·  ")));

    const core::UsageSeries rates = rateSeries(span());
    QList<QPointF> read, written;
    read.reserve(rates.size());
    written.reserve(rates.size());
    for (const core::UsagePoint &p : rates) {
        read.append({double(p.atMs), p.blockReadPerSec});
        written.append({double(p.atMs), p.blockWritePerSec});
    }
    diskChart_->setData({read, written}, fromMs, toMs);
}

} // namespace slipway::widgets
