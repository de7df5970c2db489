// ContainerUsageView: the live CPU, memory, network and disk I/O of one container, with what
// it is and where it runs.
#pragma once

#include "widgets/dashboard/usagedetailview.h"

#include <QList>

namespace slipway::widgets {

class ContainerUsageView : public UsageDetailView {
    Q_OBJECT

public:
    ContainerUsageView(core::Metrics *metrics, core::Inventory *inventory,
                       QWidget *parent = nullptr);

    // Shows this container and asks the sampler to measure it first.
    void setContainer(const QString &hostId, const QString &containerId);
    QString hostId() const { return hostId_; }
    QString containerId() const { return containerId_; }
    UsageChart *diskChart() const { return diskChart_; }

protected:
    core::UsageSeries series(core::UsageSpan span) const override;
    core::UsageSeries rateSeries(core::UsageSpan span) const override;
    void noteSample(const QList<QPair<QString, QString>> &containers) override;
    std::optional<core::UsagePoint> latest() const override;
    void refreshDetails(const core::UsageSeries &points, qint64 fromMs, qint64 toMs) override;
    QString memoryCaption(const core::UsagePoint &point) const override;

private:
    QString hostId_;
    QString containerId_;
    QString lastName_; // kept when the container is gone
    // Metrics keeps only CPU and memory in a container's history (8 bytes a point at
    // thousands of containers), so the rates of the one being watched are gathered here
    // from its latest values, since it was opened.
    QList<core::UsagePoint> rates_;
    UsageChart *diskChart_;
};

} // namespace slipway::widgets
