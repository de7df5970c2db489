#include "widgets/dashboard/appusageview.h"

#include "core/fleet/inventory.h"
#include "core/metrics/metrics.h"
#include "models/topusagemodel.h"
#include "models/usageformat.h"
#include "widgets/dashboard/topusagelist.h"

#include <QLabel>
#include <QSet>
#include <algorithm>

namespace slipway::widgets {

using models::TopUsageModel;
using models::UsageFormat;

AppUsageView::AppUsageView(core::Metrics *metrics, core::Inventory *inventory, QWidget *parent)
    : UsageDetailView(metrics, inventory, parent) {
    setObjectName(QStringLiteral("appUsageView"));
    containers_ = new TopUsageList(tr("Containers"), TopUsageModel::Kind::Containers, this);
    containers_->setObjectName(QStringLiteral("appContainers"));
    containers_->setEmptyText(tr("No running container of this application."));
    setFourthPanel(containers_);
    connect(containers_, &TopUsageList::measureChanged, this, &AppUsageView::refresh);
    connect(containers_, &TopUsageList::rowActivated, this, [this](const TopUsageModel::Row &row) {
        emit containerActivated(row.hostId, row.containerId);
    });
}

void AppUsageView::setApp(const QString &app, const QString &env) {
    app_ = app;
    env_ = env;
    metrics_->setPriority(QStringLiteral("dashboard"), runningContainers());
    refresh();
}

QList<QPair<QString, QString>> AppUsageView::runningContainers() const {
    QList<QPair<QString, QString>> ids;
    for (const core::ContainerRef &c : inventory_->containers())
        if (c->app == app_ && c->env == env_ && c->state == QLatin1String("running"))
            ids.append({c->hostId, c->id});
    return ids;
}

core::UsageSeries AppUsageView::series(core::UsageSpan span) const {
    return metrics_->appSeries(app_, env_, span);
}

std::optional<core::UsagePoint> AppUsageView::latest() const {
    const auto usage = metrics_->appUsage(app_, env_);
    return usage ? std::optional<core::UsagePoint>(usage->latest) : std::nullopt;
}

QString AppUsageView::cpuCaption(const core::UsagePoint &point) const {
    return tr("%1 over all its containers").arg(UsageFormat::cores(point.cpuPercent));
}

QString AppUsageView::memoryCaption(const core::UsagePoint &) const {
    return tr("summed over its containers");
}

void AppUsageView::refreshDetails(const core::UsageSeries &, qint64, qint64) {
    titleLabel()->setText(app_);

    const auto running = runningContainers();
    QList<TopUsageModel::Row> rows;
    QSet<QString> hosts;
    for (const auto &[hostId, containerId] : running) {
        hosts.insert(hostId);
        const core::ContainerRef record = inventory_->container(hostId, containerId);
        core::ContainerUsage usage;
        usage.hostId = hostId;
        usage.containerId = containerId;
        usage.name = record ? record->name : containerId.left(12);
        usage.app = app_;
        usage.env = env_;
        if (const auto point = metrics_->containerUsage(hostId, containerId))
            usage.latest = *point;
        rows.append(TopUsageModel::containerRow(usage, inventory_->hostName(hostId)));
    }
    const bool byMemory = containers_->measure() == core::UsageMeasure::Memory;
    std::stable_sort(rows.begin(), rows.end(), [byMemory](const auto &a, const auto &b) {
        return byMemory ? a.latest.memoryBytes > b.latest.memoryBytes
                        : a.latest.cpuPercent > b.latest.cpuPercent;
    });
    containers_->model()->setRows(rows);

    const QString env = env_.isEmpty() ? tr("no environment") : tr("environment %1").arg(env_);
    QString text = tr("Application  ·  %1  ·  ").arg(env) +
                   (running.size() == 1 ? tr("1 running container")
                                        : tr("%1 running containers").arg(running.size()));
    if (!hosts.isEmpty())
        text += hosts.size() == 1 ? tr(" on 1 host") : tr(" on %1 hosts").arg(hosts.size());
    subtitleLabel()->setText(text);
}

} // namespace slipway::widgets
